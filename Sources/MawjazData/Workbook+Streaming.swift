// The parts of a workbook read as a stream of XML events (WorkbookXML): a sheet of a hundred thousand rows is read
// in one pass without building a tree of it, and the small parts (the workbook, its relationships, its styles) the
// same way.
import Foundation
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

    /// The most bytes of text one cell or shared string may hold: Excel keeps 32,767 characters in a cell.
    static let textLimit = 1 << 20

    /// Counts the items a part's reader takes (cells, shared strings) and asks the stop signal every
    /// `itemsBetweenStopChecks` of them, ending the reading once it is raised.
    struct StopCheck {
        private let stop: StopSignal
        private var items = 0

        init(_ stop: StopSignal) { self.stop = stop }

        /// Counts one item read.
        mutating func count() throws(WorkbookXML.Failure) {
            items += 1
            if items % Workbook.itemsBetweenStopChecks == 0, stop.isRaised { throw .cancelled }
        }
    }

    /// Gathers the text of one cell or shared string, refusing more than `textLimit` bytes.
    struct Collected {
        private(set) var text = ""

        mutating func reset() { text = "" }

        mutating func append(_ piece: String) throws(WorkbookXML.Failure) {
            text += piece
            if text.utf8.count > Workbook.textLimit { throw .invalid("a text of more than \(Workbook.textLimit >> 20) MiB") }
        }
    }

    /// Reads the cells of a sheet's XML, in document order.
    struct SheetReader: WorkbookXMLHandler {
        private var check: StopCheck
        private(set) var cells: [RawCell] = []
        private var row = 0, nextRow = 1, nextColumn = 1
        private var cell: RawCell?
        private var collected = Collected()
        private var collecting = false, inInline = false, inPhonetic = false

        init(stop: StopSignal = .never) { check = StopCheck(stop) }

        var wantsText: Bool { collecting }

        mutating func start(_ name: String, attributes: WorkbookXML.Attributes) throws(WorkbookXML.Failure) {
            switch name {
            case "row":
                row = attributes["r"].flatMap { Int($0) } ?? nextRow
                nextRow = row + 1
                nextColumn = 1
            case "c":
                let column = attributes["r"].flatMap(Workbook.columnNumber(ofReference:)) ?? nextColumn
                nextColumn = column + 1
                cell = RawCell(row: row, column: column, type: attributes["t"], style: attributes["s"].flatMap { Int($0) })
                collected.reset()
            case "v" where cell != nil: collecting = true
            case "is" where cell != nil: inInline = true
            case "rPh": inPhonetic = true
            case "t" where inInline && !inPhonetic: collecting = true
            default: break
            }
        }

        mutating func text(_ text: String) throws(WorkbookXML.Failure) { try collected.append(text) }

        mutating func end(_ name: String) throws(WorkbookXML.Failure) {
            switch name {
            case "v", "t": collecting = false
            case "is": inInline = false
            case "rPh": inPhonetic = false
            case "c":
                if var finished = cell {
                    finished.text = collected.text
                    cells.append(finished)
                }
                cell = nil
                try check.count()
            default: break
            }
        }
    }

    /// Reads the shared strings (`<si>`, plain or in formatted runs; phonetic guides left out), in index order.
    struct SharedStringsReader: WorkbookXMLHandler {
        private var check: StopCheck
        private(set) var strings: [String] = []
        private var collected = Collected()
        private var inItem = false, collecting = false, inPhonetic = false

        init(stop: StopSignal = .never) { check = StopCheck(stop) }

        var wantsText: Bool { collecting }

        mutating func start(_ name: String, attributes: WorkbookXML.Attributes) throws(WorkbookXML.Failure) {
            switch name {
            case "si": inItem = true; collected.reset()
            case "rPh": inPhonetic = true
            case "t" where inItem && !inPhonetic: collecting = true
            default: break
            }
        }

        mutating func text(_ text: String) throws(WorkbookXML.Failure) { try collected.append(text) }

        mutating func end(_ name: String) throws(WorkbookXML.Failure) {
            switch name {
            case "t": collecting = false
            case "rPh": inPhonetic = false
            case "si":
                strings.append(collected.text)
                inItem = false
                try check.count()
            default: break
            }
        }
    }

    /// Reads `xl/workbook.xml`: the sheets (name and relationship, in order) and the date system.
    struct WorkbookPartReader: WorkbookXMLHandler {
        private(set) var sheets: [(name: String, relationship: String)] = []
        private(set) var date1904: String?
        private(set) var sawSheets = false
        private var inSheets = false

        var wantsText: Bool { false }

        mutating func start(_ name: String, attributes: WorkbookXML.Attributes) throws(WorkbookXML.Failure) {
            switch name {
            case "workbookPr": date1904 = attributes["date1904"]
            case "sheets": inSheets = true; sawSheets = true
            case "sheet" where inSheets:
                guard let sheetName = attributes["name"] else { throw .invalid("a <sheet> without a name") }
                guard let relationship = attributes["id"] else { throw .invalid("sheet \(sheetName) without an r:id") }
                sheets.append((sheetName, relationship))
            default: break
            }
        }

        mutating func end(_ name: String) throws(WorkbookXML.Failure) {
            if name == "sheets" { inSheets = false }
        }

        mutating func text(_ text: String) throws(WorkbookXML.Failure) {}
    }

    /// Reads `xl/_rels/workbook.xml.rels`: where each relationship's part is.
    struct RelationshipsReader: WorkbookXMLHandler {
        private(set) var targets: [String: String] = [:]

        var wantsText: Bool { false }

        mutating func start(_ name: String, attributes: WorkbookXML.Attributes) throws(WorkbookXML.Failure) {
            guard name == "Relationship" else { return }
            guard let id = attributes["Id"], let target = attributes["Target"] else { throw .invalid("a <Relationship> without an Id or a Target") }
            targets[id] = target
        }

        mutating func end(_ name: String) throws(WorkbookXML.Failure) {}

        mutating func text(_ text: String) throws(WorkbookXML.Failure) {}
    }

    /// Reads `xl/styles.xml`: the custom number formats, and the number format of each cell format.
    struct StylesReader: WorkbookXMLHandler {
        private(set) var numberFormats: [(id: Int, code: String)] = []
        /// The `numFmtId` of each `<xf>` of `<cellXfs>`, in order (0 when it has none).
        private(set) var cellFormats: [Int] = []
        private var inNumberFormats = false, inCellFormats = false

        var wantsText: Bool { false }

        mutating func start(_ name: String, attributes: WorkbookXML.Attributes) throws(WorkbookXML.Failure) {
            switch name {
            case "numFmts": inNumberFormats = true
            case "cellXfs": inCellFormats = true
            case "numFmt" where inNumberFormats:
                guard let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] else {
                    throw .invalid("a <numFmt> without a numeric numFmtId or a formatCode")
                }
                numberFormats.append((id, code))
            case "xf" where inCellFormats:
                var number = 0
                if let id = attributes["numFmtId"] {
                    guard let parsed = Int(id) else { throw .invalid("an <xf> whose numFmtId is not a number") }
                    number = parsed
                }
                cellFormats.append(number)
            default: break
            }
        }

        mutating func end(_ name: String) throws(WorkbookXML.Failure) {
            switch name {
            case "numFmts": inNumberFormats = false
            case "cellXfs": inCellFormats = false
            default: break
            }
        }

        mutating func text(_ text: String) throws(WorkbookXML.Failure) {}
    }

    /// Reads one part of the archive into `handler`, refusing a part that expands past `partSizeLimit`; ends with
    /// `Message.renderCancelled` once `stop` (asked while unpacking, and by the handler's check) is raised.
    static func read<Handler: WorkbookXMLHandler>(_ path: String, from archive: Archive, into handler: inout Handler,
                                                  stop: StopSignal) throws(Problem) {
        let data = try unpack(path, from: archive, stop: stop)
        try WorkbookXML.read(data, part: path, into: &handler)
    }
}
