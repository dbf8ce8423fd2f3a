// The structure roles that exporters treat specially.

extension StructureTag {
    /// The role that marks page furniture (banners, running heads and feet): content outside the document's
    /// structure, which the tags inside it never enter.
    public static let artifactRole = "Artifact"

    /// The role the element opens or closes.
    public var role: String {
        switch self {
        case .begin(let role, _), .end(let role): return role
        }
    }
}
