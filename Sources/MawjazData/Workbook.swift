// Reading an Excel workbook (.xlsx, Office Open XML): its sheets, shared strings, date formats and cells.
import Foundation
import MawjazFrame
import MawjazLanguage
import ZIPFoundation

/// An `.xlsx` workbook opened from its bytes: the sheets it has and, on request, a sheet's cells.
struct Workbook {
    /// Why a workbook cannot be read.
    struct Problem: Error {
        var message: Message
    }

    /// One cell's value, as the workbook stores it.
    enum Value: Equatable {
        case text(String)
        /// A number; `isDate` when the cell's format shows it as a date (an Excel serial day number).
        case number(Double, isDate: Bool)
        case boolean(Bool)
        /// An error value such as `#N/A` or `#REF!`.
        case error(String)
    }

    /// A cell with a value, at its 1-based row and column.
    struct Cell {
        var row: Int
        var column: Int
        var value: Value
    }

    /// The sheets' names, in the workbook's order.
    let sheetNames: [String]
    /// Whether serial day numbers count from 1904 (the old Mac system) rather than from 1900.
    let uses1904Dates: Bool
    private let archive: Archive
    private let sheetParts: [String]
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>
    /// Asked as the parts are unpacked and read (every chunk unpacked, every `itemsBetweenStopChecks` cells or
    /// shared strings): once raised, the reading ends with `Message.renderCancelled`.
    private let stop: StopSignal

    /// The most bytes one part of the workbook may expand to: a few megabytes compress to far more, but no
    /// activity log needs more than this.
    static let partSizeLimit = 256 << 20

    /// How many cells or shared strings are read between two questions to the stop signal.
    static let itemsBetweenStopChecks = 1_024

    init(bytes: Data, stop: StopSignal = .never) throws(Problem) {
        self.stop = stop
        do {
            archive = try Archive(data: bytes, accessMode: .read)
        } catch {
            throw Problem(message: .workbookNotZip)
        }
        var workbook = WorkbookPartReader()
        try Self.read("xl/workbook.xml", from: archive, into: &workbook, stop: stop)
        guard workbook.sawSheets else {
            throw Problem(message: .workbookPartNotXML(part: "xl/workbook.xml", detail: "no <sheets>"))
        }
        var relationships = RelationshipsReader()
        try Self.read("xl/_rels/workbook.xml.rels", from: archive, into: &relationships, stop: stop)
        var names: [String] = [], parts: [String] = []
        for sheet in workbook.sheets {
            guard let target = relationships.targets[sheet.relationship] else { continue }
            names.append(sheet.name)
            parts.append(target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
        sheetNames = names
        sheetParts = parts
        uses1904Dates = ["1", "true"].contains(workbook.date1904 ?? "")
        if archive["xl/sharedStrings.xml"] != nil {
            var reader = SharedStringsReader(stop: stop)
            try Self.read("xl/sharedStrings.xml", from: archive, into: &reader, stop: stop)
            sharedStrings = reader.strings
        } else {
            sharedStrings = []
        }
        if archive["xl/styles.xml"] != nil {
            var styles = StylesReader()
            try Self.read("xl/styles.xml", from: archive, into: &styles, stop: stop)
            var dateFormats = Self.builtInDateFormats
            for format in styles.numberFormats where Self.isDateFormat(format.code) { dateFormats.insert(format.id) }
            dateStyles = Set(styles.cellFormats.enumerated().filter { dateFormats.contains($0.element) }.map(\.offset))
        } else {
            dateStyles = []
        }
    }

    /// The cells of sheet `index` (in `sheetNames` order) that hold a value, in row and column order.
    func cells(ofSheet index: Int) throws(Problem) -> [Cell] {
        var reader = SheetReader(stop: stop)
        try Self.read(sheetParts[index], from: archive, into: &reader, stop: stop)
        return reader.cells.compactMap { cell in value(of: cell).map { Cell(row: cell.row, column: cell.column, value: $0) } }
            .sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }

    /// A cell's value, or nil when it holds none.
    private func value(of cell: RawCell) -> Value? {
        guard let raw = cell.text, !raw.isEmpty || cell.type == "inlineStr" || cell.type == "str" else { return nil }
        switch cell.type ?? "n" {
        case "s":
            guard let index = Int(raw), sharedStrings.indices.contains(index) else { return nil }
            return .text(sharedStrings[index])
        case "inlineStr", "str": return .text(raw)
        case "b": return .boolean(raw == "1")
        case "e": return .error(raw)
        default:
            guard let number = Double(raw) else { return .text(raw) }
            return .number(number, isDate: dateStyles.contains(cell.style ?? 0))
        }
    }

    // MARK: - Dates

    /// The built-in number formats that show dates (or dates and times).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a custom number format shows a date: it has a day or year code outside quoted text, escapes and
    /// `[…]` sections (a month or minute code alone is ambiguous, and a time alone is not a date).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracketed = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": quoted.toggle()
            case "\\" where !quoted: escaped = true
            case "[" where !quoted: bracketed = true
            case "]" where !quoted: bracketed = false
            case "d", "y", "e", "b":
                if !quoted && !bracketed { return true }
            default: continue
            }
        }
        return false
    }

    /// The calendar day of an Excel serial day number (its fraction, the time of day, ignored), or nil when
    /// the number is no day (before the first, or the 29 February 1900 that the 1900 system counts but never was).
    func date(fromSerial serial: Double) -> CalendarDate? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let day = Int(serial.rounded(.down))
        // Days from 1970-01-01: the 1900 system counts 1900-01-01 as 1 and a 29 February 1900 as 60.
        let days: Int
        if uses1904Dates {
            days = day - 24_107
        } else {
            guard day != 60 else { return nil }
            days = day < 60 ? day - 25_568 : day - 25_569
        }
        return Self.civilDate(daysSince1970: days)
    }

    /// The Gregorian date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civilDate(daysSince1970 days: Int) -> CalendarDate {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return CalendarDate(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    // MARK: - References

    /// The column number of a reference such as `C12` (3), or nil when it has no column letters.
    static func columnNumber(ofReference reference: String) -> Int? {
        var number = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            number = number * 26 + Int(scalar.value - 64)
            guard number <= 16_384 else { return nil }
        }
        return number > 0 ? number : nil
    }

    /// The letters of column `number` (1 → A, 27 → AA).
    static func columnLetters(_ number: Int) -> String {
        var letters = "", rest = number
        while rest > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (rest - 1) % 26))) + letters
            rest = (rest - 1) / 26
        }
        return letters
    }

    /// A sheet's name as a reference writes it: quoted when it holds anything but letters, digits and `_`.
    static func referenceName(ofSheet name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    // MARK: - Parts

    /// The bytes of one part of the archive, refusing a part that expands past `partSizeLimit`; `stop` is asked after
    /// each chunk unpacked.
    static func unpack(_ path: String, from archive: Archive, stop: StopSignal) throws(Problem) -> Data {
        guard let entry = archive[path] else {
            throw Problem(message: .workbookPartMissing(part: Message.pathExcerpt(path)))
        }
        guard entry.uncompressedSize <= UInt64(partSizeLimit) else {
            throw Problem(message: .workbookPartTooLarge(part: Message.pathExcerpt(path), limitMiB: partSizeLimit >> 20))
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if stop.isRaised { throw Problem(message: .renderCancelled) }
                if data.count > partSizeLimit { throw Problem(message: .workbookPartTooLarge(part: Message.pathExcerpt(path), limitMiB: partSizeLimit >> 20)) }
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(message: .workbookPartUnpackFailed(part: Message.pathExcerpt(path), reason: Message.pathExcerpt("\(error)")))
        }
        return data
    }
}
