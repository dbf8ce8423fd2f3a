// The structure types a tagged PDF gives the layout's roles.
import MawjazFrame

extension StructureRole {
    /// The standard structure type (PDF 1.7, 14.8.4) of an element of this role; an artifact's is the marked-content
    /// tag of furniture, which never enters the structure tree.
    var pdfStructureType: String {
        switch self {
        case .heading1: "H1"
        case .heading2: "H2"
        case .heading3: "H3"
        case .paragraph: "P"
        case .caption: "Caption"
        case .table: "Table"
        case .tableRow: "TR"
        case .tableHeaderCell: "TH"
        case .tableCell: "TD"
        case .list: "L"
        case .listItem: "LI"
        case .listLabel: "Lbl"
        case .listBody: "LBody"
        case .figure: "Figure"
        case .artifact: "Artifact"
        }
    }

    /// Whether the element carries alternative text (`/Alt`) instead of its content's text.
    var readsAsAlternativeText: Bool {
        switch self {
        case .figure: true
        case .heading1, .heading2, .heading3, .paragraph, .caption, .table, .tableRow, .tableHeaderCell, .tableCell,
             .list, .listItem, .listLabel, .listBody, .artifact: false
        }
    }
}
