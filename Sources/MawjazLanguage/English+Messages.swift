// Every message in English: what `Diagnostic.description` prints.
import Foundation

extension English {
    /// What to do about a MAWJAZ_HOME that cannot serve.
    static let homeAdvice = " (unset it, or point it at a folder holding Fonts/ and Templates/, such as PREFIX/share/mawjaz)"

    public func text(_ message: Message) -> String {
        switch message {
        // Reading files
        case .fileMissing(let kind, let path): return "\(name(kind)) \(path) does not exist"
        case .fileIsFolder(let kind, let path): return "\(name(kind)) \(path) is a folder, not a file"
        case .fileTooLarge(let kind, let path, let size, let limit): return "\(name(kind)) \(path) is \(size) bytes, over the limit of \(limit)"
        case .fileReadFailed(let kind, let path, let reason): return "\(name(kind)) \(path) cannot be read: \(reason)"
        case .fileNotUTF8: return "the file is not valid UTF-8"
        case .fileNotSupplied(let kind, let path): return "\(name(kind)) \(path) was not supplied with the report"
        case .fileAbsoluteInMemory(let kind, let path):
            return "\(name(kind)) \(path) is an absolute path; a report supplied in memory names only the files sent with it"
        case .fileLeavesFolder(let kind, let path):
            return "\(name(kind)) \(path) goes up with \"..\"; a report supplied in memory names only the files sent with it"

        // YAML and JSON
        case .nestingTooDeep(let limit): return "the document nests deeper than \(limit) levels"
        case .documentEmpty: return "the document is empty"
        case .cannotParse(let detail): return "cannot parse: \(detail)"
        case .cannotRead(let detail): return "cannot read: \(detail)"
        case .tooManyNodes(let limit): return "the document expands to more than \(limit) nodes (aliases?)"
        case .expectedMapping(let found): return "expected a mapping (key: value), found \(name(found))"
        case .reportNotMapping(let found):
            return "a report is a mapping of its fields (title:, date:, body: …) at its top level, not \(name(found))"
        case .expectedList(let found): return "expected a list, found \(name(found))"
        case .expectedText(let found): return "expected text, found \(name(found))"
        case .keyNotText: return "a key must be plain text"
        case .unknownKey(let key, let suggestion): return "unknown key \"\(key)\"" + didYouMean(suggestion)
        case .duplicateKey(let key): return "the key \"\(key)\" appears twice"
        case .expectedWholeNumber(let found): return "expected a whole number, found \"\(found)\""
        case .integerOutOfRange(let value, let low, let high): return "\(value) is outside \(low)…\(high)"
        case .expectedNumber(let found): return "expected a number, found \"\(found)\""
        case .numberOutOfRange(let value, let low, let high): return "\(value) is outside \(low)…\(high)"
        case .expectedBoolean(let found): return "expected true or false, found \"\(found)\""
        case .notOneOf(let value, let choices, let suggestion):
            return "\"\(value)\" is not one of \(choices.joined(separator: ", "))" + didYouMean(suggestion)
        case .requiredKey(let key): return "\"\(key)\" is required"

        // Dates and counts
        case .notADate(let text): return "\"\(text)\" is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)"
        case .noSuchMonth(let text, let month): return "\"\(text)\" has no month \(month) (months run 01 to 12)"
        case .noSuchDay(let text, let month, let year, let days): return "\"\(text)\" is not a date: month \(month) of \(year) has \(days) days"
        case .notACount(let text): return "\"\(text)\" is not a number (write a whole number, 0 or more)"
        case .negativeCount(let text): return "\"\(text)\" is negative (write a whole number, 0 or more)"
        case .notWholeCount(let text): return "\"\(text)\" is not a whole number (write a whole number, 0 or more)"
        case .countTooLarge(let text): return "\"\(text)\" is too large"

        // Activity logs (CSV)
        case .cannotReadLog(let name, let reason): return Message.nested("cannot read activity log \"\(name)\": ", text(reason))
        case .logNotAFilePath(let address): return "\(address) is not a file path"
        case .logNoSuchFile: return "no such file"
        case .logIsFolder: return "it is a folder, not a CSV file"
        case .logPermissionDenied: return "permission denied"
        case .logReadFailed(let reason): return reason
        case .logTooLarge(let limit): return "the file is larger than the limit of \(limit) bytes"
        case .notAnActivityField(let field, let suggestion, let fields):
            return "\"\(field)\" is not an activity field"
                + (suggestion == nil ? " (the fields are \(fields.joined(separator: ", ")))" : didYouMean(suggestion))
        case .fieldMappedTwice(let field): return "the field \(field) is mapped twice"
        case .headerTwice(let header, let first, let second): return "\"\(header)\" appears twice in the header (columns \(first) and \(second))"
        case .mappedHeaderMissing(let header, let suggestion):
            return "the column mapping names the header \"\(header)\", which the file does not have" + didYouMean(suggestion)
        case .noColumnForField(let field, let suggestion, let unused):
            let listed = unused.isEmpty ? "" : "; the header has " + unused.map { "\"\($0)\"" }.joined(separator: ", ")
                + " (map one to the field with columns:)"
            return "no column for the required field \"\(field)\"" + (suggestion == nil ? listed : didYouMean(suggestion))
        case .noHeaderRow:
            return "no header row: the file has only comments and blank lines (the first row must name the columns, e.g. date,category,title)"
        case .rowFieldCount(let count, let header):
            return "the row has \(count) \(plural(count, one: "field", other: "fields")) but the header has \(header)"
        case .requiredButEmpty: return "required, but empty"
        case .quoteNeverClosed: return "the quote that opens this field is never closed"
        case .textAfterClosingQuote: return "text after the closing quote (write a quote inside a quoted field as two quotes: \"\")"
        case .notUTF8Byte(let hex): return "the byte 0x\(hex) is not UTF-8 (save the file as UTF-8)"

        // Activity logs (Excel)
        case .workbookNotZip: return "is not an Excel workbook (.xlsx): it is not a ZIP archive"
        case .workbookPartMissing(let part): return "is not an Excel workbook (.xlsx): it has no \(part)"
        case .workbookPartTooLarge(let part, let limit): return "\(part) expands to more than \(limit) MiB"
        case .workbookPartUnpackFailed(let part, let reason): return "\(part) cannot be unpacked: \(reason)"
        case .workbookPartNotXML(let part, let detail): return "\(part) is not the XML an Excel workbook holds (\(detail))"
        case .workbookHasNoSheet: return "the workbook has no sheet"
        case .noSuchSheet(let sheet, let suggestion, let sheets):
            return "the workbook has no sheet named \"\(sheet)\"" + didYouMean(suggestion)
                + " (its sheets: " + sheets.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
        case .sheetOnlyInWorkbook: return "only an Excel workbook (.xlsx) has sheets"
        case .cellHoldsError(let code): return "the cell holds the error \(code)"
        case .numberNotADate(let number): return "\(number) is not a date (format the cell as a date, or write YYYY-MM-DD, YYYY-MM or YYYY)"
        case .oldExcelWorkbook(let file):
            return "\(file) is an Excel 97–2003 workbook (.xls), which Mawjaz does not read: save it as an Excel Workbook (.xlsx)"
        case .openDocumentSpreadsheet(let file):
            return "\(file) is an OpenDocument spreadsheet (.ods), which Mawjaz does not read: save it as an Excel Workbook (.xlsx)"
        case .numbersDocument(let file): return "\(file) is a Numbers document, which Mawjaz does not read: export it as an Excel Workbook (.xlsx)"

        // Reports
        case .reportUnreadable: return "the report could not be read"
        case .badDatasetName: return "a dataset name must be letters, digits, - or _ (it is used in placeholders)"
        case .inFile(let file, let inner): return Message.nested("\(file): ", text(inner))
        case .notABlock(let word, let suggestion):
            return "\"\(word)\" is not a block (a block is a mapping such as `- paragraph: \"…\"`, or page-break, or rule)" + didYouMean(suggestion)
        case .noBlockKind(let keys, let kinds, let suggestion):
            return "no block kind among \(keys.joined(separator: ", ")); expected one of \(kinds.joined(separator: ", "))" + didYouMean(suggestion)
        case .severalBlocks(let kinds): return "one item holds several blocks (\(kinds.joined(separator: ", "))): give each its own item"
        case .noSuchOption(let kind, let option, let suggestion): return "\(kind) has no option \"\(option)\"" + didYouMean(suggestion)
        case .forEachGrouping: return "for-each goes by category or by year"
        case .notAWidth(let text): return "\"\(text)\" is not a width (write auto, a number of points such as 120, or a share such as 30%)"
        case .tableNeedsColumn: return "a table needs at least one column"
        case .rowCellCount(let cells, let columns): return "the row has \(cells) cells but the table has \(columns) columns"
        case .cellsForColumns(let cells, let columns): return "\(cells) cells for \(columns) columns"
        case .eventsOnlyOnTimeline(let kind): return "only a timeline has events (use values for a \(kind) chart)"
        case .timelineHasNoValues: return "a timeline has events, not values: [{date: 2021-03, text: \"…\"}]"
        case .timelineNeedsData: return "a timeline needs \"data\" (a dataset) or \"events\""
        case .chartNeedsData: return "a chart needs \"data\" (a dataset) or \"values\""
        case .dataAndValues(let other): return "a chart takes its numbers from \"data\" or from \"\(other)\", not both"
        case .domainShape: return "a domain is two numbers, the lower first: [0, 50]"
        case .chartNeedsValue: return "a chart needs at least one value"
        case .timelineNeedsEvent: return "a timeline needs at least one event"
        case .lateActivity(let date, let reportDate, let more):
            return "activity dated \(date) is after the report's date \(reportDate)" + (more > 0 ? " (and \(more) more)" : "")
        case .noDataset(let name, let suggestion, let known):
            let hint = known.isEmpty ? " (the report's data: section names none)"
                : suggestion == nil ? " (datasets: \(known.joined(separator: ", ")))" : didYouMean(suggestion)
            return "no dataset named \"\(name)\"" + hint
        case .emptyDatasetChart(let name): return "the dataset \"\(name)\" is empty, so the chart would have no data"
        case .moreErrors(let count): return "and \(count) more \(plural(count, one: "error", other: "errors"))"

        // Templates
        case .noTemplate(let name, let folder, let suggestion, let templates):
            return "no template named \"\(name)\" in \(folder)" + didYouMean(suggestion) + " (templates: \(templates.joined(separator: ", ")))"
        case .pageSizeShape: return "a page size is [width, height] in points"
        case .unknownPageSize(let name, let suggestion): return "unknown page size \"\(name)\" (A4, A5, Letter, or [width, height])" + didYouMean(suggestion)
        case .orientation: return "orientation is portrait or landscape"
        case .marginsTooWide: return "the margins leave less than an inch for the text"
        case .notAColour(let text): return "\"\(text)\" is not a colour (write #rgb, #rrggbb or #rrggbbaa)"
        case .notAnImage(let path): return "\(path) is neither a PNG nor a JPEG image"

        // Placeholders
        case .placeholder(let name, let problem, let suggestion): return Message.nested("{{\(name)}}: ", text(problem), didYouMean(suggestion))
        case .emptyPlaceholderName: return "an empty placeholder"
        case .writeReportField(let fields): return "write {{report.FIELD}}, one of \(fields.joined(separator: ", "))"
        case .writeFactsKey: return "write {{facts.KEY}}"
        case .noFact(let key, let suggestion, let reportHasFacts):
            return "no fact \"\(key)\"" + (reportHasFacts ? didYouMean(suggestion) : " (the report states no facts)")
        case .noPlaceholderRoot(let name, let root, let suggestion):
            return "no placeholder \"\(name)\": \"\(root)\" is neither report, facts nor a dataset" + didYouMean(suggestion)
        case .writeDatasetField(let dataset): return "write {{\(dataset).FIELD}}, such as {{\(dataset).count}}"
        case .placeholderNeedsKey(let dataset, let field, let example): return "{{\(dataset).\(field)}} needs a key, as in {{\(dataset).\(field).\(example)}}"
        case .placeholderTakesNoKey(let dataset, let field, let key): return "{{\(dataset).\(field)}} takes no key, but \"\(key)\" follows it"
        case .datasetEmpty(let name): return "the dataset \"\(name)\" is empty"
        case .notAYear(let text): return "\"\(text)\" is not a year"
        case .notAMonth(let text): return "\"\(text)\" is not a month (write YYYY-MM)"
        case .noCategory(let name, let dataset, let suggestion): return "no category \"\(name)\" in \"\(dataset)\"" + didYouMean(suggestion)
        case .writeChange(let dataset): return "write {{\(dataset).change.FROM.TO}} with two years, as in 2020.2021"
        case .noDatasetField(let field, let suggestion): return "a dataset has no field \"\(field)\"" + didYouMean(suggestion)
        case .noReportField(let field, let suggestion): return "no report field \"\(field)\"" + didYouMean(suggestion)
        case .placeholderNotClosed(let closing): return "a placeholder opened with {{ is not closed with \(closing)"
        case .unescapedValue(let written): return "\(written): unescaped values are not allowed (data must never become markup)"
        case .emptyPlaceholder: return "an empty placeholder {{}}"
        case .sectionNeedsName: return "a section needs a name: {{#name}}"
        case .sectionClosesOther(let name, let open): return "{{/\(name)}} closes {{#\(open)}}"
        case .sectionNeverOpened(let name): return "{{/\(name)}} closes a section that was never opened"
        case .unsupportedTag(let tag): return "{{\(tag)}}: partials, blocks and delimiter changes are not supported in report text"
        case .sectionNeverClosed(let name): return "{{#\(name)}} is never closed with {{/\(name)}}"

        // Charts
        case .topNeedsCategories(let top): return "top: \(top) keeps the largest categories, so it needs by: category or series: category"
        case .seriesCannotGoWith(let series, let by):
            return "series: \(series) cannot go with by: \(by) (use by: year with series: category, or the reverse)"
        case .chartFilterEmpty(let dataset): return "no activity of \"\(dataset)\" falls inside the chart's filter, so the chart would be empty"
        case .timelineFilterEmpty(let dataset): return "no activity of \"\(dataset)\" falls inside the chart's filter, so the timeline would be empty"
        case .inlineSeries:
            return "series: groups a dataset's counts; inline values give each series as a number of `values: [...]` with series-names"
        case .valueNeedsNumber: return "a value needs at least one number: {label: \"…\", value: 12}"
        case .unevenValues(let count): return "every value needs the same number of numbers (\(count))"
        case .seriesNamesCount(let count, let given): return "\(count) numbers per value need \(count) series-names, but \(given) are given"
        case .oneSeriesOnly(let kind, let series):
            return "a \(kind) chart draws one series, but this one has \(series) (use grouped-bar, stacked-bar, line or area for several)"
        case .notDrawable(let value): return "\(value) is not a number a chart can draw"
        case .negativeStacked(let kind, let value): return "a \(kind) chart adds its values up, so they cannot be negative (\(value))"
        case .donutZero: return "a donut's values add up to 0, so it has no slices"
        case .domainWithoutZero(let low, let high): return "bars and areas stand on 0, so the domain [\(low), \(high)] must include it"
        case .outsideDomain(let value, let low, let high): return "the value \(value) is outside the domain [\(low), \(high)]"
        case .activitiesWithoutMonth(let count, let dataset):
            return plural(count, one: "\(count) activity of \"\(dataset)\" has no month and is left out of the chart by month",
                          other: "\(count) activities of \"\(dataset)\" have no month and are left out of the chart by month")
        case .categoryLabelsDoNotFit(let count, let width):
            return "the \(count) category labels do not fit under the chart (\(width) pt each, even wrapped or on two rows); "
                + "use type: horizontal-bar, fewer categories (top: N), or a wider column"
        case .categoryWordTooWide(let width): return "a category name has a word \(width) pt wide, more than half the chart; shorten it"
        case .chartTooNarrow(let width): return "the chart is too narrow for its category names and values (\(width) pt)"
        case .sparklineNeedsTwo(let count): return "a sparkline needs at least two values, but this one has \(count)"
        case .timelineTooCrowded(let count, let width):
            return "the timeline's \(count) events do not fit in \(width) pt without overlapping; "
                + "keep fewer with from, to or categories, or shorten their texts"
        case .chartHasNoValues: return "the chart has no values to draw"
        case .seriesLengthMismatch(let name, let values, let categories):
            return "the series \"\(name)\" has \(values) values for \(categories) categories"
        case .sparklineOneSeries: return "a sparkline draws one series of one value per category"
        case .noSuchChart(let index, let charts):
            let which = charts == 0 ? "has no chart" : "has \(charts) \(plural(charts, one: "chart", other: "charts")), numbered from 1"
            return "there is no chart \(index): the report \(which)"
        case .chartTallerThanPage: return "the chart is taller than the page's text area"

        // Images and layout
        case .imageMissing(let path): return "the image \(path) does not exist or cannot be read"
        case .imageTooWide(let width, let column): return "the image is \(points(width)) pt wide but the column is \(points(column)) pt"
        case .deadLink(let name, let headings, let more):
            let known = headings.map { "#" + $0 }.joined(separator: ", ") + (more ? ", …" : "")
            return "the link to #\(name) names no heading" + (headings.isEmpty ? "" : " (headings are \(known))")
        case .rowTooTall(let height, let room): return "a row \(points(height)) pt tall has a line that cannot fit in \(points(room)) pt"
        case .partTooTall(let height, let room): return "a part \(points(height)) pt tall does not fit on a page with \(points(room)) pt of room"
        case .columnTooNarrow(let title, let width, let needs):
            return "column \"\(title)\" is \(points(width)) pt wide but its longest word needs \(points(needs)) pt"
        case .tableTooWide(let needs, let width): return "the table needs at least \(points(needs)) pt but the column is \(points(width)) pt wide"
        case .marginTooSmall(let margin, let height, let part, let needs):
            return "the \(margin.rawValue) margin (\(points(height)) pt) is too small for \(name(part)), which needs \(points(needs)) pt"
        case .furnitureReachesText(let part, let margin):
            return "\(name(part)) is too large for its place in the \(margin.rawValue) margin: it reaches into the text"
        case .furnitureOverlaps(let first, let second, let margin):
            return "in the \(margin.rawValue) margin, \(name(first)) and \(name(second)) overlap: make the margin larger or their text smaller"

        // Text and fonts
        case .noFonts(let folder): return "no fonts found in \(folder)"
        case .fontconfig(let detail): return detail
        case .unknownFontFamily(let family, let available):
            return "font family \"\(family)\" is not available (families: \(available.joined(separator: ", "))); "
                + "an office's own fonts are added with --font-path DIR or fonts: {path: DIR}"
        case .fontFamiliesMissing(let families, let suggestions, let available):
            let named = zip(families, suggestions).map { "\"\($0)\"" + didYouMean($1) }.joined(separator: ", ")
            return "no font folder has the \(plural(families.count, one: "family", other: "families")) \(named) "
                + "(families: \(available.joined(separator: ", "))); an office's own fonts are added with --font-path DIR or fonts: {path: DIR}"
        case .fontFolderMissing(let folder): return "the font folder \(folder) does not exist"
        case .fontFolderEmpty(let folder): return "the font folder \(folder) holds no .ttf, .otf or .ttc file"
        case .fontFolderInMemory(let folder):
            return "the font folder \(folder) cannot be used: a report supplied in memory is set in the bundled fonts only"
        case .missingGlyph(let codePoint, let context): return "no bundled font has a glyph for U+\(codePoint) in \"\(context)\""
        case .textTooWide(let text, let width, let available):
            return "\"\(text)\" is \(String(format: "%.1f", width)) pt wide but only \(String(format: "%.1f", available)) pt are available"
        case .paragraphTooLong(let characters, let limit): return "a paragraph of \(characters) characters is longer than the limit of \(limit)"

        // Output
        case .cairo(let detail): return "cairo: \(detail)"
        case .cannotWrite(let path, let reason): return "\(path): cannot write: \(reason)"
        case .missingFont(let family, let file): return "the font \(family) cannot be loaded from \(file)"
        case .unsupportedFormat(let ext): return "unsupported output format \".\(ext)\" (use .pdf, .png or .svg)"
        case .jpegInRaster: return "a JPEG image can be written to PDF and SVG, not to PNG (convert the image to PNG)"
        case .documentStructure(let detail): return "document structure: \(detail)"
        case .amendment(let detail): return "amending the PDF: \(detail)"
        case .resourcesNotFound(let looked):
            return "cannot find Mawjaz's Fonts/ and Templates/ (looked in \(looked.joined(separator: ", "))); "
                + "install with make install, or set MAWJAZ_HOME to the folder holding them"
        case .mawjazHomeMissing(let path): return "MAWJAZ_HOME is \(path), which does not exist" + Self.homeAdvice
        case .mawjazHomeNotAFolder(let path): return "MAWJAZ_HOME is \(path), which is not a folder" + Self.homeAdvice
        case .mawjazHomeIncomplete(let path, let missing):
            return "MAWJAZ_HOME is \(path), which holds no " + missing.map { "\($0)/" }.joined(separator: " and no ") + " folder" + Self.homeAdvice

        // Starting a report (init)
        case .noSuchTemplate(let name, let suggestion, let templates):
            return "no template named \"\(name)\"" + didYouMean(suggestion) + " (templates: \(templates.joined(separator: ", ")))"
        case .starterMissing(let path): return "the starter report \(path) is missing from the installation"
        case .pictureUnreadable(let option): return "\(option): cannot read the file"
        case .pictureNotAnImage(let option): return "\(option): is neither a PNG nor a JPEG image"
        case .pictureNamesClash: return "--letterhead: has the same file name as the emblem; rename one of them"
        case .initWouldOverwrite: return "already exists; init never overwrites a file"

        // Batches and pools
        case .noDatasetToSplit(let name, let suggestion): return "no dataset named \"\(name)\" to split\(didYouMean(suggestion))"
        case .noColumnToGroupBy(let column, let suggestion, let header):
            return "no column \"\(column)\" to group by\(didYouMean(suggestion)) (the header has \(header.map { "\"\($0)\"" }.joined(separator: ", ")))"
        case .noFieldToGroupBy(let field, let suggestion, let fields):
            return "no field \"\(field)\" to group the activities written in the report by\(didYouMean(suggestion)) (the fields are \(fields.joined(separator: ", ")))"
        case .rowInNoGroup(let column): return "the row has no \(column), so it is in no document"
        case .groupFirstRow(let value): return "{{group}} is \"\(value)\", first written on this row"
        case .outputHasNoGroup(let output): return "the output \"\(output)\" has no {group}, so every document would go to the same file"
        case .manifestHeader: return "a manifest's header names the columns report and output (and any facts to set)"
        case .manifestNoReport: return "no report named"
        case .manifestNoOutput: return "no output named"
        case .resultsNoGroupColumn: return "the file has no group column (write one with --results)"
        case .noSuchPage(let number, let count):
            return "there is no page \(number): the document has \(count) \(plural(count, one: "page", other: "pages"))"
        case .poolBusy: return "every worker is busy and the queue is full; try again later"
        case .renderTimedOut: return "the render took longer than its time budget"
        case .renderCancelled: return "the render was cancelled"

        // The service
        case .requestBodyTooLarge(let limit): return "the request body is larger than the limit of \(limit) bytes"
        case .requestBodyTooSlow(let seconds):
            return "the request body did not arrive within \(seconds) \(plural(seconds, one: "second", other: "seconds"))"
        case .requestContentType(let type):
            return "a render takes multipart/form-data, or a report as JSON or YAML, not \"\(type)\""
        case .requestNotMultipart(let reason): return "the body cannot be read as multipart/form-data: \(reason)"
        case .requestNoReportPart: return "the form has no part named \"report\""
        case .requestPartUnnamed: return "a part of the form has no name (each file is sent under its path, as the report names it)"
        case .requestPartTwice(let name): return "the form has two parts named \"\(name)\""
        case .requestCharsetUnknown(let charset): return "the charset \"\(charset)\" is not one the service can read (send UTF-8)"
        case .requestByteNotInCharset(let hex, let charset):
            return "the byte 0x\(hex) is not text in the charset \"\(charset)\" its Content-Type names"
        case .requestMethodNotAllowed(let method, let allowed):
            return "\(method) is not a method of this route: it answers \(allowed.joined(separator: ", "))"
        case .requestNoRoute(let path): return "the service has no route \(path)"
        case .requestFormatUnknown(let format): return "\"\(format)\" is not a format: pdf, png or svg"
        case .requestPageNotNumber(let page): return "\"\(page)\" is not a page number (1 or more)"
        case .requestPageWithPDF: return "a PDF holds every page: page is for png and svg"
        case .requestNumberOutsideRange(let option, let value, let low, let high):
            return "\(option) is \"\(value)\", but it must be a number from \(low) to \(high)"
        case .requestSecondsOutsideRange(let option, let value, let high):
            return "\(option) is \"\(value)\", but it must be a number of seconds above 0 and at most \(high)"
        case .requestSetNotNameValue(let setting): return "\"\(setting)\" is not name=value"
        case .requestLanguageUnknown(let language, let languages):
            return "\"\(language)\" is not a language Mawjaz speaks (\(languages.joined(separator: ", ")))"
        case .requestUnauthorized: return "this service needs a bearer token (Authorization: Bearer …)"
        case .serviceStopping: return "the service is stopping"
        case .tokenFileUnreadable(let path, let reason): return "cannot read the token file \(path): \(reason)"
        case .tokenFileEmpty(let path): return "the token file \(path) is empty"

        // The command line
        case .errorWord: return "error"
        case .warningWord: return "warning"
        case .validated(let report, let pages): return "\(report): ok, \(pages) \(plural(pages, one: "page", other: "pages"))"
        case .datasetSummary(let name, let activities, let firstYear, let lastYear, let categories):
            let years = firstYear.map { first in "\(first)–\(lastYear ?? first)" } ?? "none"
            return "\(name): \(activities) \(plural(activities, one: "activity", other: "activities")), years \(years), "
                + "\(categories) \(plural(categories, one: "category", other: "categories"))"
        case .reportSummary(let blocks, let facts, let warnings):
            return "\(blocks) \(plural(blocks, one: "block", other: "blocks")), \(facts) \(plural(facts, one: "fact", other: "facts")), "
                + "\(warnings) \(plural(warnings, one: "warning", other: "warnings"))"
        case .helpAbstract: return "Right-to-left Arabic briefing PDFs from report data."
        case .helpRender: return "Render a report to PDF (or PNG or SVG pages, by the output's extension)."
        case .helpValidate: return "Check a report, its data and its layout without writing anything, and summarise them."
        case .helpChart: return "Render one chart of a report alone (PDF, PNG or SVG, by the output's extension)."
        case .helpInit: return "Start a new report: report.yaml and a small activities.csv that render at once."
        case .helpReportFile: return "The report file (YAML or JSON)."
        case .helpOutput: return "The output file: .pdf, .png or .svg. Default: out/<report folder>.pdf"
        case .helpChartOutput: return "The output file: .pdf, .png or .svg. Default: out/<report folder>-chart-<index>.pdf"
        case .helpDPI: return "Pixels per inch for PNG output (10 to 2400)."
        case .helpLimit(let names):
            return "Raise (or lower) a budget the report may spend, NAME=VALUE, repeatable; NAME is one of \(names.joined(separator: ", "))."
        case .helpChartIndex: return "Which chart, counting the report's chart blocks from 1 in reading order."
        case .helpChartPage: return "fit: a page just around the chart; template: the template's page (A4), the chart at its margins."
        case .helpInitFolder: return "The folder for the new report (created if needed)."
        case .helpInitTemplate: return "The template (mawjaz templates lists them)."
        case .helpInitLanguage: return "The report's language: ar (right to left, Arabic-Indic digits) or en."
        case .helpInitOrganisation: return "Your organisation's name, for the letterhead and the document's author."
        case .helpInitLetterhead: return "A picture (PNG or JPEG) of your whole letterhead, drawn across the first page's head."
        case .helpInitEmblem: return "Your organisation's emblem (PNG or JPEG), between its names in the letterhead and on a cover."
        case .helpTemplates: return "List the templates a report can name, with what each is for."
        case .helpFonts: return "List the font families, their styles, the scripts they cover and the template roles that use them."
        case .helpFontsReport: return "A report: list its template's fonts (with its fonts: path) and roles instead of every template's."
        case .helpFontPath: return "A folder of fonts (.ttf, .otf, .ttc) to use besides Mawjaz's own, such as your office's; may be repeated."
        case .helpDiscussion:
            return "A report is a YAML or JSON file naming a template, its text and its data (facts, CSV or Excel activity logs). "
                + "Fonts and templates come from MAWJAZ_HOME when it is set, else from share/mawjaz beside the installed binary."
        case .shortUsage(let commands):
            return usage(commands, title: "mawjaz: right-to-left Arabic briefing PDFs from report data.", steps: "First steps:",
                         meanings: ["a new report that renders at once", "→ out/my-report.pdf",
                                    "every problem of the report, nothing written", "the templates a report can use"],
                         help: { "Help on one command: \($0) (or \($1)); everything: \($2)." })
        case .templatesWhere(let folder): return "(in \(folder); a report names one with template: NAME)"
        case .noSuchCommand(let name, let suggestion, let commands):
            return "no command named \"\(name)\"" + didYouMean(suggestion) + " (commands: \(commands.joined(separator: ", ")))"
        case .helpLanguage: return "The language of messages and help (default: MAWJAZ_LANG, else the locale, else en)."
        case .helpRenderReports: return "The report files (YAML or JSON); - reads one from standard input."
        case .helpRenderDiscussion:
            return "With one report, -o names the output file (- for standard output). With several, -o names a folder and each report is "
                + "written there under its folder's name (or its file's, when it is not report.yaml). A report named - is read from standard "
                + "input. PNG and SVG pages are written as <stem>-<n>.<ext>, the page numbers zero-padded so that the files sort."
        case .helpRenderOutput:
            return "The output file (.pdf, .png or .svg), - for standard output, or with several reports a folder. Default: out/<report folder>.pdf"
        case .helpFormat: return "The output format when the output's extension does not say: pdf, png or svg."
        case .helpPages: return "The pages to draw as PNG or SVG, such as 1-3,5 (default: all)."
        case .helpSet: return "Set a fact, so {{facts.NAME}} reads it (repeatable)."
        case .helpDiagnostics:
            return "How problems are printed on standard error: text, or json (JSON Lines: one object per problem with file, line, column, "
                + "field, severity and message)."
        case .helpBatch: return "Render one document per value of a column (--each), or per row of a manifest, on every core."
        case .helpBatchDiscussion:
            return "mawjaz batch report.yaml --each activities.district -o 'out/{group}.pdf' renders one document per distinct value of the "
                + "district column, each with its dataset filtered to that value and {{group}} set to it. A problem in one document is reported "
                + "with its place and the others still render; the exit status is 2 when any failed. --results writes one row per document; "
                + "--only reruns the documents a results file lists as failed. --shard I/N renders every Nth document, so N machines share a batch."
        case .helpBatchReport: return "The report file (YAML or JSON), with --each; - reads it from standard input."
        case .helpEach:
            return "Split DATASET by COLUMN: one document per distinct value (a column of its file, or category, location, partner, title, year)."
        case .helpManifest:
            return "A CSV with columns report and output, and any facts to set: one document per row (paths relative to the manifest)."
        case .helpBatchOutput: return "The output path, {group} standing for the group's file name. Default: out/{group}.pdf"
        case .helpJobs: return "Workers rendering at once (default: every core)."
        case .helpResults: return "Write one row per document here: group, output, status, pages, milliseconds, first error."
        case .helpOnly:
            return "Render only the documents a results file lists as failed (or, without a status column, every one it lists)."
        case .helpShard: return "Render shard I of N (1 ≤ I ≤ N): every Nth document, so that N runs together render the whole batch."
        case .helpExamplesHeading: return "EXAMPLES:"
        case .helpExample(let example): return text(example)
        case .helpQuiet: return "No progress and no closing line; problems are still printed."
        case .helpServe: return "Serve renders over HTTP: POST /render, POST /validate, GET /templates, /healthz and /metrics."
        case .helpServeDiscussion:
            return "`mawjaz serve --port 8080` answers `POST /render` (multipart/form-data with a part named report and one part per file it "
                + "names, or a report as JSON or YAML with its data inline) with the PDF, or one page with `?format=png&page=N`. A request "
                + "reads only the files it sent and the bundled templates and fonts. When every worker is busy and the queue is full the "
                + "answer is 503 with Retry-After; SIGTERM stops taking connections and finishes the requests already taken. "
                + "TLS is left to a reverse proxy (docs/deploy.md)."
        case .helpHost: return "The address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)."
        case .helpPort: return "The port to listen on (0: any free port, printed when listening)."
        case .helpWorkers: return "Renderers working at once (default: every core)."
        case .helpQueue: return "Requests that may wait for a renderer; one more is answered 503 with Retry-After."
        case .helpMaxBody: return "The largest request body accepted, in bytes (a larger one is answered 413)."
        case .helpTimeBudget: return "Seconds a request may take, body, queue and render together (past it: 503)."
        case .helpMaxConnections: return "Connections open at once; more wait to be accepted."
        case .helpIdleTimeout: return "Seconds a connection may stay silent before it is closed."
        case .helpDrainTimeout:
            return "Seconds a closing connection waits for a client to read the rest of an answer (at a stop, at the idle timeout)."
        case .helpTokenFile: return "A file holding a bearer token that every request except GET /healthz must send (401 without it)."
        case .helpCORS: return "An origin allowed to call the service from a browser (repeatable; * for any). Default: none."
        case .helpLogLevel: return "The least important log lines written: trace, debug, info, notice, warning, error or critical."
        case .standardInputOnce: return "standard input can be read once: name - only once"
        case .severalReportsNotToStandardOutput: return "with several reports, -o names a folder, not standard output"
        case .severalReportsNeedAFolder(let output): return "with several reports, -o names a folder; \(output) looks like a file"
        case .standardInputNotUTF8: return "standard input is not UTF-8 text"
        case .standardOutputTakesOneFile(let pages):
            return "standard output takes one file, but \(pages) \(plural(pages, one: "page was", other: "pages were")) drawn (choose one with --pages)"
        case .outputContradictsFormat(let file, let fileExtension, let format):
            return "the output \(file) says .\(fileExtension), but --format says \(format)"
        case .pagesOnlyForImages: return "--pages chooses PNG or SVG pages; a PDF holds every page"
        case .eachNeedsDatasetAndColumn: return "write --each DATASET.COLUMN, such as activities.district"
        case .batchNeedsEachOrManifest: return "give a report with --each DATASET.COLUMN, or --manifest FILE.csv alone"
        case .documentFailed(let document, let output): return "\(document) → \(output): failed"
        case .documentDone(let done, let total, let document, let output, let pages, let milliseconds):
            return "[\(done)/\(total)] ok \(document) → \(output) (\(pages) \(plural(pages, one: "page", other: "pages")), \(milliseconds) ms)"
        case .documentFailedLine(let done, let total, let document): return "[\(done)/\(total)] failed \(document)"
        case .batchProgress(let done, let total, let perSecond, let secondsLeft, let failed):
            return "\(done)/\(total)  " + String(format: "%.1f", perSecond) + " docs/s  " + String(format: "%d:%02d", secondsLeft / 60, secondsLeft % 60)
                + " left" + (failed > 0 ? "  \(failed) failed" : "")
        case .batchSummary(let documents, let ok, let failed, let seconds, let perSecond):
            return "\(documents) \(plural(documents, one: "document", other: "documents")): \(ok) ok, \(failed) failed, "
                + String(format: "%.1f s, %.1f docs/s", seconds, perSecond)

        case .fileNotRegular(let kind, let path, let special): return "\(name(kind)) \(path) is \(name(special)), not a regular file"
        case .fileOverLimit(let kind, let path, let size, let limit, let limitName, let remedy):
            return "\(name(kind)) \(path) is \(size) bytes, more than \(limitPhrase(limitName, limit, remedy))"
        case .forbiddenCharacter(let code): return "the character U+\(code) is not allowed in YAML or JSON text"
        case .nulInText: return "a NUL character (\\0) is not allowed in text"
        case .nulInField: return "a NUL character (byte 0x00) is not allowed in a field"
        case .duplicateKeyAt(let key, let line): return "the key \"\(key)\" appears twice (first at line \(line))"
        case .expansionPastLimit(let limitName, let limit, let remedy):
            return "the text expands past \(limitPhrase(limitName, limit, remedy))"
        case .sectionsTooDeep(let limit, let remedy): return "sections nest deeper than \(limitPhrase("section-depth", limit, remedy))"
        case .tooManyPages(let limit, let remedy): return "the document runs to more pages than \(limitPhrase("pages", limit, remedy))"
        case .tooManyBoxes(let limit, let remedy): return "the document holds more positioned items than \(limitPhrase("boxes", limit, remedy))"
        case .tooManyRows(let limit, let remedy): return "the activity logs have more rows than \(limitPhrase("data-rows", limit, remedy))"
        case .tooManyTableRows(let rows, let limit, let remedy):
            return "the table has \(rows) rows, more than \(limitPhrase("table-rows", limit, remedy))"
        case .imageTooManyPixels(let width, let height, let limit, let remedy):
            return "the image is \(width)×\(height) pixels, more than \(limitPhrase("image-pixels", limit, remedy))"
        case .pageTooManyPixels(let width, let height, let dpi, let limit, let remedy):
            return "a page at \(dpi) dpi is \(width)×\(height) pixels, more than \(limitPhrase("image-pixels", limit, remedy))"
        case .imageNotDecodable(let reason): return "the PNG image cannot be decoded (\(reason))"
        case .jpegWithoutFrame: return "the JPEG image has no readable frame header"
        case .outputOverwritesInput(let path): return "the output would overwrite \(path), one of the render's inputs"
        case .notANumber(let text): return "expected a number, found \"\(text)\""
        case .numberOutsideRange(let text, let low, let high): return "\(text) is outside \(low)…\(high)"
        case .notAPageRange(let text): return "\"\(text)\" is not a page or a range of pages (write pages as 1-3,5,8-)"
        case .limitSettingUnknown(let given, let names, let suggestion):
            return "\"\(given)\" is not NAME=VALUE with NAME one of \(names.joined(separator: ", "))\(didYouMean(suggestion))"
        case .limitSettingNotPositive(let limitName, let found): return "\(limitName) takes a whole number above 0, found \"\(found)\""
        case .watch(let message): return text(message)
        case .editor(let word): return text(word)

        case .verbatim(let text): return text
        }
    }

    private func name(_ kind: FileKind) -> String {
        switch kind {
        case .file: return "file"
        case .dataFile: return "data file"
        case .letterheadLogo: return "letterhead logo"
        case .letterheadImage: return "letterhead image"
        case .image: return "image"
        case .manifest: return "manifest"
        case .resultsFile: return "results file"
        }
    }

    private func name(_ part: FurniturePart) -> String {
        switch part {
        case .banner: return "the banner"
        case .runningHead: return "the running head"
        case .runningFoot: return "the running foot"
        }
    }

    private func name(_ special: SpecialFile) -> String {
        switch special {
        case .fifo: return "a FIFO"
        case .device: return "a device"
        case .socket: return "a socket"
        case .other: return "not a file"
        }
    }

    /// A limit and how its reader can raise it: "the pages limit of 2000 (raise it …)".
    private func limitPhrase(_ name: String, _ value: Int, _ remedy: LimitRemedy) -> String {
        let raise: String
        switch remedy {
        case .commandLine: raise = "raise it under limits: in the report, or with --limit \(name)=N"
        case .library: raise = "raise it under limits: in the report, or in the request's limits (RenderRequest.limits)"
        case .service: raise = "raise it under limits: in the report, up to ten times its default; past that, ask whoever runs the service"
        case .serviceSetting: raise = "the service sets it; whoever runs the service can raise it"
        }
        return "the \(name) limit of \(value) (\(raise))"
    }

    private func name(_ kind: NodeKind) -> String {
        switch kind {
        case .nothing: return "nothing"
        case .text(let text): return "text \"\(text)\""
        case .mapping: return "a mapping"
        case .list: return "a list"
        case .alias: return "an alias"
        }
    }

    private func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// Points rounded to whole ones.
    private func points(_ value: Double) -> String {
        String(format: "%.0f", value)
    }
}
