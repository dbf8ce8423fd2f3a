// The large parts of a workbook — a sheet's cells and the shared strings — read as a stream of XML events, so that
// a sheet of a hundred thousand rows is read in one pass without building a tree of it.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MawjazFrame
import MawjazLanguage
import ZIPFoundation

extension Workbook {
    /// A cell as the sheet writes it, before its value is looked up.
    struct RawCell {
        var row: Int
        var column: Int
        /// `t`: s (shared string), inlineStr, str (a formula's text), b, e, n or none.
        var type: String?
        /// `s`: the index of the cell's format.
        var style: Int?
        /// The text of `<v>`, or of `<is>` for an inline string.
        var text: String?
    }

    /// Counts the items a part's reader takes (cells, shared strings) and asks the stop signal every
    /// `itemsBetweenStopChecks` of them, ending the parse once it is raised.
    final class StopCheck {
        private let stop: StopSignal
        private var items = 0
        /// Whether the parse was ended because the signal was raised.
        private(set) var isRaised = false

        init(_ stop: StopSignal) { self.stop = stop }

        /// Counts one item read by `parser`.
        func count(in parser: XMLParser) {
            items += 1
            guard items % Workbook.itemsBetweenStopChecks == 0, stop.isRaised else { return }
            isRaised = true
            parser.abortParsing()
        }
    }

    /// Reads the cells of a sheet's XML, in document order.
    final class SheetReader: NSObject, XMLParserDelegate, StopChecking {
        let check: StopCheck
        private(set) var cells: [RawCell] = []
        private var row = 0, nextRow = 1, nextColumn = 1
        private var cell: RawCell?
        private var text = "", collecting = false, inInline = false, inPhonetic = false

        init(stop: StopSignal) { check = StopCheck(stop) }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "row":
                row = attributes["r"].flatMap { Int($0) } ?? nextRow
                nextRow = row + 1
                nextColumn = 1
            case "c":
                let column = attributes["r"].flatMap(Workbook.columnNumber(ofReference:)) ?? nextColumn
                nextColumn = column + 1
                cell = RawCell(row: row, column: column, type: attributes["t"], style: attributes["s"].flatMap { Int($0) })
                text = ""
            case "v" where cell != nil: collecting = true
            case "is" where cell != nil: inInline = true
            case "rPh": inPhonetic = true
            case "t" where inInline && !inPhonetic: collecting = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if collecting { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "v", "t": collecting = false
            case "is": inInline = false
            case "rPh": inPhonetic = false
            case "c":
                if var finished = cell {
                    finished.text = text
                    cells.append(finished)
                }
                cell = nil
                check.count(in: parser)
            default: break
            }
        }
    }

    /// Reads the shared strings (`<si>`, plain or in formatted runs; phonetic guides left out), in index order.
    final class SharedStringsReader: NSObject, XMLParserDelegate, StopChecking {
        let check: StopCheck
        private(set) var strings: [String] = []
        private var text = "", inItem = false, collecting = false, inPhonetic = false

        init(stop: StopSignal) { check = StopCheck(stop) }

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "si": inItem = true; text = ""
            case "rPh": inPhonetic = true
            case "t" where inItem && !inPhonetic: collecting = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if collecting { text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "t": collecting = false
            case "rPh": inPhonetic = false
            case "si":
                strings.append(text)
                inItem = false
                check.count(in: parser)
            default: break
            }
        }
    }

    /// Runs `delegate` over the XML of one part, refusing a part that expands past `partSizeLimit`; ends with
    /// `Message.renderCancelled` once `stop` (asked while unpacking, and by the delegate's check) is raised.
    static func stream(_ path: String, from archive: Archive, into delegate: XMLParserDelegate & StopChecking,
                       stop: StopSignal) throws(Problem) {
        let data = try unpack(path, from: archive, stop: stop)
        // In pieces: libxml2 refuses a single piece of more than 10 MB, and a sheet is one long line.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            if delegate.check.isRaised { throw Problem(message: .renderCancelled) }
            let line = parser.lineNumber > 0 ? "line \(parser.lineNumber): " : ""
            throw Problem(message: .workbookPartNotXML(part: Message.pathExcerpt(path),
                                                        detail: Message.pathExcerpt(line + (parser.parserError.map { "\($0.localizedDescription)" } ?? "unknown error"))))
        }
    }
}

/// A part's reader that asks a stop signal as it reads.
protocol StopChecking: AnyObject {
    var check: Workbook.StopCheck { get }
}
