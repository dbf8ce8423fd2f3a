// Small .xlsx workbooks written by hand for the tests: the parts a spreadsheet program writes, nothing more.
import Foundation
import ZIPFoundation

/// A workbook to write: sheets of rows of cells given as their XML, shared strings and cell formats.
struct WorkbookFixture {
    /// A sheet's name and its rows, each a row number and the XML of its cells.
    var sheets: [(name: String, rows: [(Int, String)])]
    /// The shared strings' `<si>` contents, in index order.
    var sharedStrings: [String] = []
    /// The `numFmtId` of each cell format (`s="i"` in a cell refers to the i-th), and custom number formats.
    var cellFormats: [Int] = [0, 14]
    var customFormats: [(Int, String)] = []
    var uses1904Dates = false
    /// Attributes written on every row besides its number, and whether the sheet is one line (as spreadsheet programs write it).
    var rowAttributes = ""

    /// The workbook's bytes.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ xml: String) throws {
            let bytes = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        try add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        let sheetList = sheets.indices.map { "<sheet name=\"\(sheets[$0].name)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined()
        try add("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relations)\">"
                + (uses1904Dates ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") + "<sheets>\(sheetList)</sheets></workbook>")
        let links = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relations)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        try add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(links)</Relationships>")
        for (index, sheet) in sheets.enumerated() {
            let rows = sheet.rows.map { "<row r=\"\($0.0)\" \(rowAttributes)>\($0.1)</row>" }.joined()
            try add("xl/worksheets/sheet\(index + 1).xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\"\(main)\">"
                    + "<sheetData>\(rows)</sheetData></worksheet>")
        }
        if !sharedStrings.isEmpty {
            try add("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\" count=\"\(sharedStrings.count)\">"
                    + sharedStrings.map { "<si>\($0)</si>" }.joined() + "</sst>")
        }
        let formats = customFormats.isEmpty ? "" : "<numFmts count=\"\(customFormats.count)\">"
            + customFormats.map { "<numFmt numFmtId=\"\($0.0)\" formatCode=\"\($0.1)\"/>" }.joined() + "</numFmts>"
        try add("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\">\(formats)<cellXfs count=\"\(cellFormats.count)\">"
                + cellFormats.map { "<xf numFmtId=\"\($0)\" fontId=\"0\"/>" }.joined() + "</cellXfs></styleSheet>")
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
