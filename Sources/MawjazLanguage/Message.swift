// Everything Mawjaz says to its users — errors, warnings, help, summaries — as values, one case per message,
// written out by each language's table.

/// A message to the user, with its arguments; `text(in:)` writes it in a language, `description` in English.
///
/// To add one: add a case here (its arguments typed, numbers as numbers), then follow the compiler to every
/// table's `text(_:)` and write the sentence in each language. Arguments that are the user's own text (a key, a
/// path, a value) are quoted as written; numbers the table writes in its own digits.
public enum Message: Hashable, Sendable, CustomStringConvertible {
    // MARK: - Reading files
    /// A file named by the report (or the report itself) does not exist.
    case fileMissing(FileKind, path: String)
    case fileIsFolder(FileKind, path: String)
    case fileTooLarge(FileKind, path: String, size: Int, limit: Int)
    case fileReadFailed(FileKind, path: String, reason: String)
    case fileNotUTF8
    /// A report supplied in memory names a file that was not supplied with it.
    case fileNotSupplied(FileKind, path: String)
    /// A report supplied in memory names a file by an absolute path.
    case fileAbsoluteInMemory(FileKind, path: String)
    /// A report supplied in memory names a file with `..`.
    case fileLeavesFolder(FileKind, path: String)

    // MARK: - YAML and JSON
    case nestingTooDeep(limit: Int)
    case documentEmpty
    /// The YAML parser's own words (English), with where it was.
    case cannotParse(detail: String)
    case cannotRead(detail: String)
    case tooManyNodes(limit: Int)
    case expectedMapping(found: NodeKind)
    /// A report whose top level is not a mapping of its fields (a list, a text).
    case reportNotMapping(found: NodeKind)
    case expectedList(found: NodeKind)
    case expectedText(found: NodeKind)
    case keyNotText
    case unknownKey(String, suggestion: String?)
    case duplicateKey(String)
    case expectedWholeNumber(found: String)
    case integerOutOfRange(Int, low: Int, high: Int)
    case expectedNumber(found: String)
    case numberOutOfRange(String, low: Double, high: Double)
    case expectedBoolean(found: String)
    case notOneOf(String, choices: [String], suggestion: String?)
    case requiredKey(String)

    // MARK: - Dates and counts
    case notADate(String)
    case noSuchMonth(String, month: Int)
    case noSuchDay(String, month: Int, year: Int, days: Int)
    case notACount(String)
    case negativeCount(String)
    case notWholeCount(String)
    case countTooLarge(String)

    // MARK: - Activity logs (CSV)
    /// An activity log that cannot be read, and why (one of the `log…` reasons below).
    indirect case cannotReadLog(name: String, reason: Message)
    case logNotAFilePath(String)
    case logNoSuchFile
    case logIsFolder
    case logPermissionDenied
    /// What the system said.
    case logReadFailed(String)
    case logTooLarge(limit: Int)
    case notAnActivityField(String, suggestion: String?, fields: [String])
    case fieldMappedTwice(String)
    case headerTwice(String, firstColumn: Int, secondColumn: Int)
    case mappedHeaderMissing(String, suggestion: String?)
    case noColumnForField(String, suggestion: String?, unusedHeaders: [String])
    case noHeaderRow
    case rowFieldCount(Int, header: Int)
    case requiredButEmpty
    case quoteNeverClosed
    case textAfterClosingQuote
    /// A byte that is not UTF-8, in hexadecimal ("FF").
    case notUTF8Byte(hex: String)

    // MARK: - Activity logs (Excel)
    case workbookNotZip
    case workbookPartMissing(part: String)
    case workbookPartTooLarge(part: String, limitMiB: Int)
    /// What ZIPFoundation said.
    case workbookPartUnpackFailed(part: String, reason: String)
    /// What the XML parser said (its own words, English).
    case workbookPartNotXML(part: String, detail: String)
    case workbookHasNoSheet
    case noSuchSheet(String, suggestion: String?, sheets: [String])
    case sheetOnlyInWorkbook
    /// An error value in a cell, as the spreadsheet writes it (`#N/A`).
    case cellHoldsError(String)
    /// A number in a date cell that is no day (as written: "-3", "0.5").
    case numberNotADate(String)
    case oldExcelWorkbook(file: String)
    case openDocumentSpreadsheet(file: String)
    case numbersDocument(file: String)

    // MARK: - Reports
    case reportUnreadable
    case badDatasetName
    /// A problem of another file, reported at the place that names it.
    indirect case inFile(String, Message)
    case notABlock(String, suggestion: String?)
    case noBlockKind(keys: [String], kinds: [String], suggestion: String?)
    case severalBlocks([String])
    case noSuchOption(kind: String, option: String, suggestion: String?)
    case forEachGrouping
    case notAWidth(String)
    case tableNeedsColumn
    case rowCellCount(Int, columns: Int)
    case cellsForColumns(Int, columns: Int)
    case eventsOnlyOnTimeline(kind: String)
    case timelineHasNoValues
    case timelineNeedsData
    case chartNeedsData
    /// A chart names both `data` and `values` (or `events`, for a timeline).
    case dataAndValues(other: String)
    case domainShape
    case chartNeedsValue
    case timelineNeedsEvent
    /// Activities dated after the report: the first one's date, the report's, and how many more.
    case lateActivity(date: String, reportDate: String, more: Int)
    /// A dataset no one declared; `known` are the declared ones.
    case noDataset(String, suggestion: String?, known: [String])
    case emptyDatasetChart(String)
    case moreErrors(Int)

    // MARK: - Templates
    case noTemplate(String, folder: String, suggestion: String?, templates: [String])
    case pageSizeShape
    case unknownPageSize(String, suggestion: String?)
    case orientation
    case marginsTooWide
    case notAColour(String)
    case notAnImage(path: String)

    // MARK: - Placeholders
    /// A placeholder's problem (one of the cases below), after the placeholder as written.
    indirect case placeholder(String, Message, suggestion: String?)
    case emptyPlaceholderName
    case writeReportField(fields: [String])
    case writeFactsKey
    case noFact(String, suggestion: String?, reportHasFacts: Bool)
    case noPlaceholderRoot(String, root: String, suggestion: String?)
    case writeDatasetField(dataset: String)
    case placeholderNeedsKey(dataset: String, field: String, example: String)
    case placeholderTakesNoKey(dataset: String, field: String, key: String)
    case datasetEmpty(String)
    case notAYear(String)
    case notAMonth(String)
    case noCategory(String, dataset: String, suggestion: String?)
    case writeChange(dataset: String)
    case noDatasetField(String, suggestion: String?)
    case noReportField(String, suggestion: String?)
    case placeholderNotClosed(closing: String)
    /// `{{{name}}}` or `{{&name}}`, as written.
    case unescapedValue(written: String)
    case emptyPlaceholder
    case sectionNeedsName
    case sectionClosesOther(String, open: String)
    case sectionNeverOpened(String)
    case unsupportedTag(String)
    case sectionNeverClosed(String)

    // MARK: - Charts
    case topNeedsCategories(top: Int)
    case seriesCannotGoWith(series: String, by: String)
    case chartFilterEmpty(dataset: String)
    case timelineFilterEmpty(dataset: String)
    case inlineSeries
    case valueNeedsNumber
    case unevenValues(Int)
    case seriesNamesCount(Int, given: Int)
    case oneSeriesOnly(kind: String, series: Int)
    /// Numbers in this section come written with Latin digits (the code chooses their decimals).
    case notDrawable(String)
    case negativeStacked(kind: String, value: String)
    case donutZero
    case domainWithoutZero(low: String, high: String)
    case outsideDomain(String, low: String, high: String)
    case activitiesWithoutMonth(Int, dataset: String)
    case categoryLabelsDoNotFit(Int, width: Int)
    case categoryWordTooWide(width: Int)
    case chartTooNarrow(width: Int)
    case sparklineNeedsTwo(Int)
    case timelineTooCrowded(Int, width: Int)
    case chartHasNoValues
    case seriesLengthMismatch(String, values: Int, categories: Int)
    case sparklineOneSeries
    case noSuchChart(Int, charts: Int)
    case chartTallerThanPage

    // MARK: - Images and layout
    case imageMissing(path: String)
    case imageTooWide(width: Double, column: Double)
    /// A `#name` link to no heading; `headings` are the first few that exist, `more` whether there are others.
    case deadLink(String, headings: [String], more: Bool)
    case rowTooTall(height: Double, room: Double)
    case partTooTall(height: Double, room: Double)
    case columnTooNarrow(String, width: Double, needs: Double)
    case tableTooWide(needs: Double, width: Double)
    /// A margin too small for a line of page furniture: the margin's height and the height that would hold it.
    case marginTooSmall(Margin, height: Double, part: FurniturePart, needs: Double)
    /// A line of page furniture whose text is too large for its place in the margin: it reaches into the text area.
    case furnitureReachesText(FurniturePart, margin: Margin)
    /// Two lines of page furniture on each other.
    case furnitureOverlaps(FurniturePart, FurniturePart, margin: Margin)

    // MARK: - Text and fonts
    case noFonts(folder: String)
    /// fontconfig or Pango failed: their words.
    case fontconfig(String)
    case unknownFontFamily(String, available: [String])
    /// Families a template's roles ask for that no font folder has, each with its closest available family.
    case fontFamiliesMissing([String], suggestions: [String?], available: [String])
    case fontFolderMissing(String)
    case fontFolderEmpty(String)
    case fontFolderInMemory(String)
    /// A character no font has, as its code point in hexadecimal ("6F22"), with the text around it.
    case missingGlyph(codePoint: String, context: String)
    case textTooWide(String, width: Double, available: Double)
    case paragraphTooLong(characters: Int, limit: Int)

    // MARK: - Output
    /// cairo failed: what was being done, in cairo's words.
    case cairo(String)
    /// An output that cannot be written, and why in the system's words.
    case cannotWrite(path: String, reason: String)
    case missingFont(family: String, file: String)
    case unsupportedFormat(String)
    case jpegInRaster
    /// The structure tags drawn do not fit together: a fault in Mawjaz, described for its developers.
    case documentStructure(String)
    /// The PDF cairo wrote could not be amended: a fault in Mawjaz, described for its developers.
    case amendment(String)
    /// Mawjaz's own fonts and templates were found in none of the places it looked.
    case resourcesNotFound(looked: [String])
    case mawjazHomeMissing(String)
    case mawjazHomeNotAFolder(String)
    case mawjazHomeIncomplete(String, missing: [String])

    // MARK: - Starting a report (init)
    case noSuchTemplate(String, suggestion: String?, templates: [String])
    case starterMissing(path: String)
    case pictureUnreadable(option: String)
    case pictureNotAnImage(option: String)
    case pictureNamesClash
    case initWouldOverwrite

    // MARK: - Batches and pools
    case noDatasetToSplit(String, suggestion: String?)
    case noColumnToGroupBy(String, suggestion: String?, header: [String])
    case noFieldToGroupBy(String, suggestion: String?, fields: [String])
    case rowInNoGroup(column: String)
    /// Where a batch document's `{{group}}` comes from, named when the document fails.
    case groupFirstRow(String)
    case outputHasNoGroup(String)
    case manifestHeader
    case manifestNoReport
    case manifestNoOutput
    case resultsNoGroupColumn
    case noSuchPage(Int, pageCount: Int)
    case poolBusy
    case renderTimedOut
    case renderCancelled

    // MARK: - Hostile input: files, characters, limits, output
    /// A FIFO, a device or a socket named as a file.
    case fileNotRegular(FileKind, path: String, special: SpecialFile)
    // Each message about a limit says how to raise it, by its `remedy` (see `LimitRemedy`).
    /// A file past a limit a report may raise (`name` is the limit's name, as reports and `--limit` write it).
    case fileOverLimit(FileKind, path: String, size: Int, limit: Int, name: String, remedy: LimitRemedy = .library)
    /// A character YAML does not allow, as its code point in hexadecimal ("0000").
    case forbiddenCharacter(codePoint: String)
    case nulInText
    case nulInField
    case duplicateKeyAt(String, firstLine: Int)
    /// Placeholders and sections expand past a limit (`name`: expansion-characters or expansion-steps).
    case expansionPastLimit(name: String, limit: Int, remedy: LimitRemedy = .library)
    case sectionsTooDeep(limit: Int, remedy: LimitRemedy = .library)
    case tooManyPages(limit: Int, remedy: LimitRemedy = .library)
    case tooManyBoxes(limit: Int, remedy: LimitRemedy = .library)
    case tooManyRows(limit: Int, remedy: LimitRemedy = .library)
    case tooManyTableRows(rows: Int, limit: Int, remedy: LimitRemedy = .library)
    case imageTooManyPixels(width: Int, height: Int, limit: Int, remedy: LimitRemedy = .library)
    case pageTooManyPixels(width: Int, height: Int, dpi: Int, limit: Int, remedy: LimitRemedy = .library)
    /// An image that cannot be decoded, and why in cairo's words.
    case imageNotDecodable(reason: String)
    case jpegWithoutFrame
    case outputOverwritesInput(path: String)
    case notANumber(String)
    case numberOutsideRange(String, low: Int, high: Int)
    case notAPageRange(String)
    case limitSettingUnknown(String, names: [String], suggestion: String?)
    case limitSettingNotPositive(name: String, found: String)
    // MARK: - The service
    case requestBodyTooLarge(limit: Int)
    /// The body did not arrive within the request's time budget.
    case requestBodyTooSlow(seconds: Int)
    case requestContentType(String)
    case requestNotMultipart(reason: String)
    case requestNoReportPart
    case requestPartUnnamed
    case requestPartTwice(String)
    /// A charset named in a `Content-Type` that the service cannot read.
    case requestCharsetUnknown(String)
    /// A byte of a report or file that is not text in the charset its `Content-Type` names (its location says where).
    case requestByteNotInCharset(hex: String, charset: String)
    /// A method a route does not answer, and the methods it does.
    case requestMethodNotAllowed(method: String, allowed: [String])
    case requestNoRoute(String)
    case requestFormatUnknown(String)
    case requestPageNotNumber(String)
    case requestPageWithPDF
    case requestNumberOutsideRange(option: String, value: String, low: Int, high: Int)
    /// A number of seconds given to an option that is not above zero or is above `high`.
    case requestSecondsOutsideRange(option: String, value: String, high: Int)
    case requestSetNotNameValue(String)
    case requestLanguageUnknown(String, languages: [String])
    case requestUnauthorized
    case serviceStopping
    case tokenFileUnreadable(path: String, reason: String)
    case tokenFileEmpty(path: String)

    // MARK: - The command line
    /// The words before a diagnostic's message: "error", "warning".
    case errorWord
    case warningWord
    case validated(report: String, pages: Int)
    case datasetSummary(String, activities: Int, firstYear: Int?, lastYear: Int?, categories: Int)
    case reportSummary(blocks: Int, facts: Int, warnings: Int)
    case helpAbstract
    case helpRender
    case helpValidate
    case helpChart
    case helpInit
    case helpReportFile
    case helpOutput
    case helpChartOutput
    case helpDPI
    case helpLimit(names: [String])
    case helpChartIndex
    case helpChartPage
    case helpInitFolder
    case helpInitTemplate
    case helpInitLanguage
    case helpInitOrganisation
    case helpInitLetterhead
    case helpInitEmblem
    case helpTemplates
    case helpFonts
    case helpFontsReport
    case helpFontPath
    case helpDiscussion
    /// What `mawjaz` alone prints: what it is and the first commands to try — `commands` are, in order, a new
    /// report, rendering it, validating it, listing templates, help on one command (two ways) and all help.
    case shortUsage(commands: [String])
    case templatesWhere(folder: String)
    case noSuchCommand(String, suggestion: String?, commands: [String])
    case helpLanguage
    case helpRenderReports
    case helpRenderDiscussion
    case helpRenderOutput
    case helpFormat
    case helpPages
    case helpSet
    case helpDiagnostics
    case helpBatch
    case helpBatchDiscussion
    case helpBatchReport
    case helpEach
    case helpManifest
    case helpBatchOutput
    case helpJobs
    case helpResults
    case helpOnly
    case helpShard
    case helpQuiet
    case helpServe
    case helpServeDiscussion
    /// The heading over the examples that end every command's help.
    case helpExamplesHeading
    /// What one help example does.
    case helpExample(HelpExample)
    case helpHost
    case helpPort
    case helpWorkers
    case helpQueue
    case helpMaxBody
    case helpTimeBudget
    case helpMaxConnections
    case helpIdleTimeout
    case helpDrainTimeout
    case helpTokenFile
    case helpCORS
    case helpLogLevel
    case standardInputOnce
    case severalReportsNotToStandardOutput
    case severalReportsNeedAFolder(String)
    case standardInputNotUTF8
    case standardOutputTakesOneFile(pages: Int)
    case outputContradictsFormat(file: String, fileExtension: String, format: String)
    case pagesOnlyForImages
    case eachNeedsDatasetAndColumn
    case batchNeedsEachOrManifest
    case documentFailed(document: String, output: String)
    case documentDone(done: Int, total: Int, document: String, output: String, pages: Int, milliseconds: Int)
    case documentFailedLine(done: Int, total: Int, document: String)
    case batchProgress(done: Int, total: Int, perSecond: Double, secondsLeft: Int, failed: Int)
    case batchSummary(documents: Int, ok: Int, failed: Int, seconds: Double, perSecond: Double)

    // MARK: - Watching
    /// What `mawjaz watch` says.
    case watch(WatchMessage)

    // MARK: - The editor page
    /// A word of the page `mawjaz serve` shows at `/`.
    case editor(EditorWord)

    /// Text that has no message of its own yet, the same in every language: what code written before the tables
    /// passes. Give it a case instead.
    case verbatim(String)

    /// The message in English.
    public var description: String { English().text(self) }

    /// The message in `language`.
    public func text(in language: Language) -> String { language.table.text(self) }
}

/// Which file a file message is about.
public enum FileKind: String, Hashable, Sendable, CaseIterable {
    /// A report, facts or template file.
    case file
    /// An activity log named by a report.
    case dataFile
    /// A template's letterhead logo.
    case letterheadLogo
    /// A template's whole letterhead as one picture.
    case letterheadImage
    /// An image a report shows.
    case image
    /// A batch's manifest.
    case manifest
    /// A batch's results file.
    case resultsFile
}

/// The margin a page furniture message is about.
public enum Margin: String, Hashable, Sendable, CaseIterable {
    case top, bottom
}

/// A line of page furniture.
public enum FurniturePart: String, Hashable, Sendable, CaseIterable {
    /// The classification, at the top and the bottom of every page.
    case banner
    case runningHead
    case runningFoot
}

/// What a file that is not a regular file is.
public enum SpecialFile: String, Hashable, Sendable, CaseIterable {
    case fifo, device, socket, other
}

/// What a YAML node was, where something else was expected.
public enum NodeKind: Hashable, Sendable {
    case nothing
    /// Text, as written (its first 40 characters).
    case text(String)
    case mapping
    case list
    case alias
}
