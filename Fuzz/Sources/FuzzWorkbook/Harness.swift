// Fuzzes the workbook's XML reader and the readers of its parts: any bytes, read as a sheet, the shared strings, the
// workbook, its relationships and its styles, give events that hold no more than the bytes did, or an error placed at
// a line and column whose message stays short.
import Foundation
import FuzzSupport
import Mawjaz
@testable import MawjazData

/// Counts what the reader gives: the bytes of names, attribute values and texts, which entities only shrink.
private struct Tally: WorkbookXMLHandler {
    var bytes = 0
    var depth = 0
    var wantsText: Bool { true }

    mutating func start(_ name: String, attributes: WorkbookXML.Attributes) throws(WorkbookXML.Failure) {
        depth += 1
        if depth > WorkbookXML.depthLimit { fatalError("elements \(depth) deep") }
        bytes += name.utf8.count + attributes.pairs.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
    }

    mutating func end(_ name: String) throws(WorkbookXML.Failure) {
        depth -= 1
        if depth < 0 { fatalError("an end without a start: \(name)") }
    }

    mutating func text(_ text: String) throws(WorkbookXML.Failure) { bytes += text.utf8.count }
}

/// Reads `data` as part `part` into `handler`: an error must be located and short.
private func read<Handler: WorkbookXMLHandler>(_ data: Data, into handler: inout Handler) -> Bool {
    do throws(Workbook.Problem) {
        try WorkbookXML.read(data, part: "xl/worksheets/sheet1.xml", into: &handler)
        return true
    } catch {
        guard case .workbookPartNotXML(_, let detail) = error.message, detail.hasPrefix("line ") else {
            fatalError("an error without a line: \(error.message.text(in: .en).prefix(300))")
        }
        for language in Language.allCases where error.message.text(in: language).count > FuzzCheck.messageLimit {
            fatalError("a message of \(error.message.text(in: language).count) characters")
        }
        return false
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    var tally = Tally()
    if read(data, into: &tally) {
        if tally.bytes > size { fatalError("\(tally.bytes) bytes read out of \(size)") }
        if tally.depth != 0 { fatalError("\(tally.depth) elements left open") }
    }
    var sheet = Workbook.SheetReader()
    if read(data, into: &sheet), sheet.cells.count > size { fatalError("\(sheet.cells.count) cells out of \(size) bytes") }
    var strings = Workbook.SharedStringsReader()
    _ = read(data, into: &strings)
    var workbook = Workbook.WorkbookPartReader()
    _ = read(data, into: &workbook)
    var relationships = Workbook.RelationshipsReader()
    _ = read(data, into: &relationships)
    var styles = Workbook.StylesReader()
    _ = read(data, into: &styles)
    return 0
}

@_cdecl("FuzzWorkbook_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzWorkbook)
}
