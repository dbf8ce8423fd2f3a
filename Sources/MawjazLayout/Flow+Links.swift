// Internal links checked against the document's named places, so that a link to no heading is bad input,
// pointed at its block, before anything is drawn.
import MawjazFrame
import MawjazLanguage

extension Array where Element == FlowItem {
    /// Throws for the first link whose `#name` names no destination in the flow.
    func checkInternalLinks() throws(LayoutError) {
        var names = Set<String>()
        var links: [(name: String, origin: BlockOrigin)] = []
        for case .box(let box) in self {
            for placed in box.frame.items {
                switch placed.item {
                case .destination(let destination): names.insert(destination.name)
                case .link(let link):
                    if case .destination(let name) = link.target { links.append((name, box.origin)) }
                default: continue
                }
            }
        }
        guard let dead = links.first(where: { !names.contains($0.name) }) else { return }
        throw LayoutError(location: dead.origin.location, block: dead.origin.kind,
                          message: .deadLink(Message.excerpt(dead.name), headings: names.sorted().prefix(5).map(Message.excerpt), more: names.count > 5))
    }
}
