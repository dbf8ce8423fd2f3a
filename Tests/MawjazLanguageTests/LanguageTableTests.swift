// The language tables: every table writes every message and phrase, each argument the English shows shows in every
// language, Arabic entries are Arabic (with Arabic punctuation), plural rules.
import Foundation
import MawjazLanguage
import Testing
import TestSupport

@Suite struct LanguageTableTests {
    /// One value of every message. Strings start with "zq" and numbers are large and distinct, so each can be found in
    /// what a table writes. A new case of `Message` without a sample here fails `everyCaseHasASample`.
    static let messages: [Message] = [
        .fileNotRegular(.image, path: "zqpath1101", special: .fifo),
        .fileOverLimit(.dataFile, path: "zqpath1102", size: 1103, limit: 1104, name: "zqname1105"),
        .forbiddenCharacter(codePoint: "zqcode1106"),
        .nulInText,
        .nulInField,
        .duplicateKeyAt("zqkey1107", firstLine: 1108),
        .expansionPastLimit(name: "zqname1109", limit: 1110),
        .sectionsTooDeep(limit: 1111),
        .tooManyPages(limit: 1112),
        .tooManyBoxes(limit: 1113),
        .tooManyRows(limit: 1114),
        .tooManyTableRows(rows: 1141, limit: 1142),
        .imageTooManyPixels(width: 1115, height: 1116, limit: 1117),
        .pageTooManyPixels(width: 1118, height: 1119, dpi: 1120, limit: 1121),
        .imageNotDecodable(reason: "zqreason1122"),
        .jpegWithoutFrame,
        .outputOverwritesInput(path: "zqpath1123"),
        .notANumber("zqtext1124"),
        .numberOutsideRange("zqtext1125", low: 1126, high: 1127),
        .notAPageRange("zqtext1128"),
        .limitSettingUnknown("zqtext1131", names: ["zqname1132"], suggestion: "zqname1133"),
        .limitSettingNotPositive(name: "zqname1134", found: "zqtext1135"),
        .fileMissing(.dataFile, path: "zqpath334"),
        .fileIsFolder(.dataFile, path: "zqpath368"),
        .fileTooLarge(.dataFile, path: "zqpath436", size: 453, limit: 470),
        .fileReadFailed(.dataFile, path: "zqpath504", reason: "zqreason521"),
        .fileNotUTF8,
        .fileNotSupplied(.image, path: "zqpath7101"),
        .fileAbsoluteInMemory(.manifest, path: "zqpath7118"),
        .fileLeavesFolder(.resultsFile, path: "zqpath7135"),
        .nestingTooDeep(limit: 538),
        .documentEmpty,
        .cannotParse(detail: "zqdetail555"),
        .cannotRead(detail: "zqdetail572"),
        .tooManyNodes(limit: 589),
        .expectedMapping(found: .text("zqnode606")),
        .reportNotMapping(found: .text("zqnode9007")),
        .expectedList(found: .text("zqnode623")),
        .expectedText(found: .text("zqnode640")),
        .keyNotText,
        .unknownKey("zqtext657", suggestion: "zqsuggestion674"),
        .duplicateKey("zqtext691"),
        .expectedWholeNumber(found: "zqfound708"),
        .integerOutOfRange(725, low: 742, high: 759),
        .expectedNumber(found: "zqfound776"),
        .numberOutOfRange("zqtext793", low: 810.0, high: 827.0),
        .expectedBoolean(found: "zqfound844"),
        .notOneOf("zqtext861", choices: ["zqa878", "zqb878"], suggestion: "zqsuggestion895"),
        .requiredKey("zqtext912"),
        .notADate("zqtext929"),
        .noSuchMonth("zqtext946", month: 963),
        .noSuchDay("zqtext980", month: 997, year: 1014, days: 1031),
        .notACount("zqtext1048"),
        .negativeCount("zqtext1065"),
        .notWholeCount("zqtext1082"),
        .countTooLarge("zqtext1099"),
        .cannotReadLog(name: "zqname1116", reason: .notAYear("zqinner1133")),
        .logNotAFilePath("zqtext1150"),
        .logNoSuchFile,
        .logIsFolder,
        .logPermissionDenied,
        .logReadFailed("zqtext1167"),
        .logTooLarge(limit: 1184),
        .notAnActivityField("zqtext1201", suggestion: "zqsuggestion1218", fields: ["zqa1235", "zqb1235"]),
        .fieldMappedTwice("zqtext1252"),
        .headerTwice("zqtext1269", firstColumn: 1286, secondColumn: 1303),
        .mappedHeaderMissing("zqtext1320", suggestion: "zqsuggestion1337"),
        .noColumnForField("zqtext1354", suggestion: "zqsuggestion1371", unusedHeaders: ["zqa1388", "zqb1388"]),
        .noHeaderRow,
        .rowFieldCount(1405, header: 1422),
        .requiredButEmpty,
        .quoteNeverClosed,
        .textAfterClosingQuote,
        .notUTF8Byte(hex: "zqhex1439"),
        .workbookNotZip,
        .workbookPartMissing(part: "zqpart5101"),
        .workbookPartTooLarge(part: "zqpart5118", limitMiB: 5135),
        .workbookPartUnpackFailed(part: "zqpart5152", reason: "zqreason5169"),
        .workbookPartNotXML(part: "zqpart5186", detail: "zqdetail5203"),
        .workbookHasNoSheet,
        .noSuchSheet("zqsheet5220", suggestion: "zqsuggestion5237", sheets: ["zqa5254", "zqb5254"]),
        .sheetOnlyInWorkbook,
        .cellHoldsError("zqcode5271"),
        .numberNotADate("zqnumber5288"),
        .oldExcelWorkbook(file: "zqfile5305"),
        .openDocumentSpreadsheet(file: "zqfile5322"),
        .numbersDocument(file: "zqfile5339"),
        .reportUnreadable,
        .badDatasetName,
        .inFile("zqtext1456", .notAYear("zqinner1473")),
        .notABlock("zqtext1490", suggestion: "zqsuggestion1507"),
        .noBlockKind(keys: ["zqa1524", "zqb1524"], kinds: ["zqa1541", "zqb1541"], suggestion: "zqsuggestion1558"),
        .severalBlocks(["zqa1575", "zqb1575"]),
        .noSuchOption(kind: "zqkind1592", option: "zqoption1609", suggestion: "zqsuggestion1626"),
        .forEachGrouping,
        .notAWidth("zqtext1643"),
        .tableNeedsColumn,
        .rowCellCount(1660, columns: 1677),
        .cellsForColumns(1694, columns: 1711),
        .eventsOnlyOnTimeline(kind: "zqkind1728"),
        .timelineHasNoValues,
        .timelineNeedsData,
        .chartNeedsData,
        .dataAndValues(other: "zqother1745"),
        .domainShape,
        .chartNeedsValue,
        .timelineNeedsEvent,
        .lateActivity(date: "zqdate1762", reportDate: "zqreportDate1779", more: 1796),
        .noDataset("zqtext1813", suggestion: "zqsuggestion1830", known: ["zqa1847", "zqb1847"]),
        .emptyDatasetChart("zqtext1864"),
        .moreErrors(1881),
        .noTemplate("zqtext1898", folder: "zqfolder1915", suggestion: "zqsuggestion1932", templates: ["zqa1949", "zqb1949"]),
        .pageSizeShape,
        .unknownPageSize("zqtext1966", suggestion: "zqsuggestion1983"),
        .orientation,
        .marginsTooWide,
        .notAColour("zqtext2000"),
        .notAnImage(path: "zqpath2017"),
        .placeholder("zqtext2034", .notAYear("zqinner2051"), suggestion: "zqsuggestion2068"),
        .emptyPlaceholderName,
        .writeReportField(fields: ["zqa2085", "zqb2085"]),
        .writeFactsKey,
        .noFact("zqtext2102", suggestion: "zqsuggestion2119", reportHasFacts: true),
        .noPlaceholderRoot("zqtext2153", root: "zqroot2170", suggestion: "zqsuggestion2187"),
        .writeDatasetField(dataset: "zqdataset2204"),
        .placeholderNeedsKey(dataset: "zqdataset2221", field: "zqfield2238", example: "zqexample2255"),
        .placeholderTakesNoKey(dataset: "zqdataset2272", field: "zqfield2289", key: "zqkey2306"),
        .datasetEmpty("zqtext2323"),
        .notAYear("zqtext2340"),
        .notAMonth("zqtext2357"),
        .noCategory("zqtext2374", dataset: "zqdataset2391", suggestion: "zqsuggestion2408"),
        .writeChange(dataset: "zqdataset2425"),
        .noDatasetField("zqtext2442", suggestion: "zqsuggestion2459"),
        .noReportField("zqtext2476", suggestion: "zqsuggestion2493"),
        .placeholderNotClosed(closing: "zqclosing2510"),
        .unescapedValue(written: "zqwritten2527"),
        .emptyPlaceholder,
        .sectionNeedsName,
        .sectionClosesOther("zqtext2544", open: "zqopen2561"),
        .sectionNeverOpened("zqtext2578"),
        .unsupportedTag("zqtext2595"),
        .sectionNeverClosed("zqtext2612"),
        .topNeedsCategories(top: 2629),
        .seriesCannotGoWith(series: "zqseries2646", by: "zqby2663"),
        .chartFilterEmpty(dataset: "zqdataset2680"),
        .timelineFilterEmpty(dataset: "zqdataset2697"),
        .inlineSeries,
        .valueNeedsNumber,
        .unevenValues(2714),
        .seriesNamesCount(2731, given: 2748),
        .oneSeriesOnly(kind: "zqkind2765", series: 2782),
        .notDrawable("zqtext2799"),
        .negativeStacked(kind: "zqkind2816", value: "zqvalue2833"),
        .donutZero,
        .domainWithoutZero(low: "zqlow2850", high: "zqhigh2867"),
        .outsideDomain("zqtext2884", low: "zqlow2901", high: "zqhigh2918"),
        .activitiesWithoutMonth(2935, dataset: "zqdataset2952"),
        .categoryLabelsDoNotFit(2969, width: 2986),
        .categoryWordTooWide(width: 3003),
        .chartTooNarrow(width: 3020),
        .sparklineNeedsTwo(3037),
        .timelineTooCrowded(3054, width: 3071),
        .chartHasNoValues,
        .seriesLengthMismatch("zqtext3088", values: 3105, categories: 3122),
        .sparklineOneSeries,
        .noSuchChart(3139, charts: 3156),
        .chartTallerThanPage,
        .imageMissing(path: "zqpath3173"),
        .imageTooWide(width: 3190.0, column: 3207.0),
        .deadLink("zqtext3224", headings: ["zqa3241", "zqb3241"], more: true),
        .rowTooTall(height: 3275.0, room: 3292.0),
        .partTooTall(height: 3309.0, room: 3326.0),
        .columnTooNarrow("zqtext3343", width: 3360.0, needs: 3377.0),
        .tableTooWide(needs: 3394.0, width: 3411.0),
        .marginTooSmall(.top, height: 3415.0, part: .banner, needs: 3419.0),
        .furnitureReachesText(.runningHead, margin: .top),
        .furnitureOverlaps(.banner, .runningFoot, margin: .bottom),
        .noFonts(folder: "zqfolder3428"),
        .fontconfig("zqtext3445"),
        .unknownFontFamily("zqtext3462", available: ["zqa3479", "zqb3479"]),
        .fontFamiliesMissing(["zqfamily5356"], suggestions: ["zqsuggestion5373"], available: ["zqa5390", "zqb5390"]),
        .fontFolderMissing("zqfolder5407"),
        .fontFolderEmpty("zqfolder5424"),
        .fontFolderInMemory("zqfolder8304"),
        .missingGlyph(codePoint: "zqcodePoint3496", context: "zqcontext3513"),
        .textTooWide("zqtext3530", width: 3547.0, available: 3564.0),
        .paragraphTooLong(characters: 3581, limit: 3598),
        .cairo("zqtext3615"),
        .cannotWrite(path: "zqpath3632", reason: "zqreason3649"),
        .missingFont(family: "zqfamily3683", file: "zqfile3683"),
        .unsupportedFormat("zqtext3700"),
        .jpegInRaster,
        .documentStructure("zqtext3717"),
        .amendment("zqtext3734"),
        .resourcesNotFound(looked: ["zqa5441", "zqb5441"]),
        .mawjazHomeMissing("zqpath5458"),
        .mawjazHomeNotAFolder("zqpath5475"),
        .mawjazHomeIncomplete("zqpath5492", missing: ["zqa5509", "zqb5509"]),
        .noSuchTemplate("zqname5526", suggestion: "zqsuggestion5543", templates: ["zqa5560", "zqb5560"]),
        .starterMissing(path: "zqpath5577"),
        .pictureUnreadable(option: "zqoption5594"),
        .pictureNotAnImage(option: "zqoption5611"),
        .pictureNamesClash,
        .initWouldOverwrite,
        .errorWord,
        .warningWord,
        .validated(report: "zqreport3751", pages: 3768),
        .datasetSummary("zqtext3785", activities: 3802, firstYear: 3819, lastYear: 3836, categories: 3853),
        .reportSummary(blocks: 3870, facts: 3887, warnings: 3904),
        .helpAbstract,
        .helpRender,
        .helpValidate,
        .helpChart,
        .helpInit,
        .helpReportFile,
        .helpOutput,
        .helpChartOutput,
        .helpDPI,
        .helpLimit(names: ["zqname1136"]),
        .helpChartIndex,
        .helpChartPage,
        .helpInitFolder,
        .helpInitTemplate,
        .helpInitLanguage,
        .helpInitOrganisation,
        .helpInitLetterhead,
        .helpInitEmblem,
        .helpTemplates,
        .helpFonts,
        .helpFontsReport,
        .helpFontPath,
        .helpDiscussion,
        .shortUsage(commands: ["zqa5696", "zqb5696", "zqc5696", "zqd5696", "zqe5696", "zqf5696", "zqg5696"]),
        .templatesWhere(folder: "zqfolder5628"),
        .noSuchCommand("zqname5645", suggestion: "zqsuggestion5662", commands: ["zqa5679", "zqb5679"]),
        .helpLanguage,
        .noDatasetToSplit("zqtext7152", suggestion: "zqsuggestion7169"),
        .noColumnToGroupBy("zqtext7186", suggestion: "zqsuggestion7203", header: ["zqa7220", "zqb7220"]),
        .noFieldToGroupBy("zqtext7237", suggestion: "zqsuggestion7254", fields: ["zqa7271", "zqb7271"]),
        .rowInNoGroup(column: "zqcolumn7288"),
        .groupFirstRow("zqtext7305"),
        .outputHasNoGroup("zqtext7322"),
        .manifestHeader,
        .manifestNoReport,
        .manifestNoOutput,
        .resultsNoGroupColumn,
        .noSuchPage(7339, pageCount: 7356),
        .poolBusy,
        .renderTimedOut,
        .renderCancelled,
        .requestBodyTooLarge(limit: 8015),
        .requestBodyTooSlow(seconds: 8032),
        .requestContentType("zqtype8049"),
        .requestNotMultipart(reason: "zqreason8066"),
        .requestNoReportPart,
        .requestPartUnnamed,
        .requestPartTwice("zqname8083"),
        .requestCharsetUnknown("zqcharset9001"),
        .requestByteNotInCharset(hex: "zqhex9007", charset: "zqcharset9002"),
        .requestMethodNotAllowed(method: "zqmethod9003", allowed: ["zqa9004", "zqb9005"]),
        .requestNoRoute("zqpath9006"),
        .requestFormatUnknown("zqformat8100"),
        .requestPageNotNumber("zqpage8117"),
        .requestPageWithPDF,
        .requestNumberOutsideRange(option: "zqoption8134", value: "zqvalue8151", low: 8168, high: 8185),
        .requestSecondsOutsideRange(option: "zqoption8136", value: "zqvalue8153", high: 8187),
        .requestSetNotNameValue("zqsetting8202"),
        .requestLanguageUnknown("zqlanguage8219", languages: ["zqa8236", "zqb8236"]),
        .requestUnauthorized,
        .serviceStopping,
        .tokenFileUnreadable(path: "zqpath8253", reason: "zqreason8270"),
        .tokenFileEmpty(path: "zqpath8287"),
        .helpRenderReports,
        .helpRenderDiscussion,
        .helpRenderOutput,
        .helpFormat,
        .helpPages,
        .helpSet,
        .helpDiagnostics,
        .helpBatch,
        .helpBatchDiscussion,
        .helpBatchReport,
        .helpEach,
        .helpManifest,
        .helpBatchOutput,
        .helpJobs,
        .helpResults,
        .helpOnly,
        .helpShard,
        .helpQuiet,
        .helpServe,
        .helpServeDiscussion,
        .helpExamplesHeading,
        .helpExample(.startReport),
        .helpHost,
        .helpPort,
        .helpWorkers,
        .helpQueue,
        .helpMaxBody,
        .helpTimeBudget,
        .helpMaxConnections,
        .helpIdleTimeout,
        .helpDrainTimeout,
        .helpTokenFile,
        .helpCORS,
        .helpLogLevel,
        .standardInputOnce,
        .severalReportsNotToStandardOutput,
        .severalReportsNeedAFolder("zqtext7373"),
        .standardInputNotUTF8,
        .standardOutputTakesOneFile(pages: 7390),
        .outputContradictsFormat(file: "zqfile7407", fileExtension: "zqext7424", format: "zqformat7441"),
        .pagesOnlyForImages,
        .eachNeedsDatasetAndColumn,
        .batchNeedsEachOrManifest,
        .documentFailed(document: "zqdocument7458", output: "zqoutput7475"),
        .documentDone(done: 7492, total: 7509, document: "zqdocument7526", output: "zqoutput7543", pages: 7560, milliseconds: 7577),
        .documentFailedLine(done: 7594, total: 7611, document: "zqdocument7628"),
        .batchProgress(done: 7645, total: 7662, perSecond: 7679.0, secondsLeft: 7696, failed: 7713),
        .batchSummary(documents: 7730, ok: 7747, failed: 7764, seconds: 7781.0, perSecond: 7798.0),
        .watch(.help), .watch(.helpDiscussion), .watch(.helpReport), .watch(.helpOutput),
        .watch(.started(report: "zqreport7815", folders: 7832)),
        .watch(.wrote(time: "zqtime7849", output: "zqoutput7866", pages: 7883, milliseconds: 7900)),
        .watch(.unchanged(time: "zqtime7917", output: "zqoutput7934", pages: 7951, milliseconds: 7968)),
        .watch(.kept(time: "zqtime7985", output: "zqoutput8002")), .watch(.nothingWritten(time: "zqtime8019")),
        .watch(.cannotWatch(path: "zqpath8036", reason: "zqreason8053")), .watch(.notToStandardOutput),
        .verbatim("zqtext3938"),
    ] + EditorWord.allCases.map(Message.editor)

    /// Messages again where an argument changes the sentence: no suggestion, nothing declared, one, two, none.
    static let variants: [Message] = [
        .unknownKey("zqkey", suggestion: nil),
        .notAnActivityField("zqfield", suggestion: nil, fields: ["zqa", "zqb"]),
        .noColumnForField("zqfield", suggestion: nil, unusedHeaders: ["zqa", "zqb"]),
        .noColumnForField("zqfield", suggestion: nil, unusedHeaders: []),
        .noDataset("zqname", suggestion: nil, known: ["zqa", "zqb"]),
        .noDataset("zqname", suggestion: nil, known: []),
        .noFact("zqkey", suggestion: nil, reportHasFacts: false),
        .lateActivity(date: "zqdate", reportDate: "zqreport", more: 0),
        .lateActivity(date: "zqdate", reportDate: "zqreport", more: 1),
        .lateActivity(date: "zqdate", reportDate: "zqreport", more: 2),
        .noSuchChart(3, charts: 0),
        .noSuchChart(3, charts: 1),
        .deadLink("zqname", headings: [], more: false),
        .expectedText(found: .nothing),
        .expectedList(found: .mapping),
        .expectedMapping(found: .list),
        .expectedMapping(found: .alias),
        .fileMissing(.file, path: "zqpath"),
        .fileMissing(.letterheadLogo, path: "zqpath"),
        .moreErrors(1), .moreErrors(2), .moreErrors(11),
        .rowFieldCount(1, header: 2), .rowCellCount(0, columns: 1),
        .seriesNamesCount(2, given: 0), .sparklineNeedsTwo(0), .sparklineNeedsTwo(1),
        .validated(report: "zqreport", pages: 1), .validated(report: "zqreport", pages: 2),
        .datasetSummary("zqname", activities: 1, firstYear: nil, lastYear: nil, categories: 0),
        .reportSummary(blocks: 1, facts: 0, warnings: 2),
        .imageTooWide(width: 1, column: 2), .noSuchDay("zqdate", month: 2, year: 2023, days: 28),
        .watch(.started(report: "zqreport", folders: 1)), .watch(.wrote(time: "zqtime", output: "zqoutput", pages: 1, milliseconds: 1)),
        .watch(.unchanged(time: "zqtime", output: "zqoutput", pages: 2, milliseconds: 11)),
        .tooManyPages(limit: 1112, remedy: .commandLine), .tooManyPages(limit: 1112, remedy: .service),
        .tooManyPages(limit: 1112, remedy: .serviceSetting),
    ] + HelpExample.allCases.map(Message.helpExample)

    /// One value of every phrase; counts are written as the document would write them.
    static let phrases: [Phrase] = [
        .pageOfPages(page: "zqpage", pages: "zqpages"), .attachment("zqnumber"), .sourceLead, .other, .donutTotal,
        .referenceNumber, .referenceDate, .referenceAttachments, .listSeparator,
        .gregorianEra("zqdate"), .hijriEra("zqdate"), .dualDate(gregorian: "zqgregorian", hijri: "zqhijri"),
        .chartName(.bar), .titledChart(name: "zqname", title: "zqtitle"), .chartDescription(["zqone", "zqtwo"]),
        .categoryExtent(Count(317, text: "317"), .year, first: "zqfirst", last: "zqlast"),
        .seriesNames(Count(334, text: "334"), .category, names: ["zqa", "zqb"]),
        .highest(.count, category: "zqcategory", inYear: true, value: "zqvalue", activities: Count(351, text: "351")),
        .lowest(category: "zqcategory", value: "zqvalue"),
        .trend(from: "zqfrom", firstCategory: "zqfirst", to: "zqto", lastCategory: "zqlast"),
        .largestSeries("zqname", amount: "zqamount"), .total("zqamount"),
        .shares(Count(368, text: "368"), ["zqa", "zqb"]), .share(category: "zqcategory", percent: "zqpercent"),
        .eventExtent(Count(385, text: "385"), first: "zqfirst", last: "zqlast"), .event(date: "zqdate", text: "zqtext"),
        .moreEvents(Count(402, text: "402")),
    ]

    /// Every other phrase form: each counted noun, measure and chart name.
    static let phraseVariants: [Phrase] = CountedNoun.allCases.flatMap { noun in
        [1, 2, 5, 11, 100].map { Phrase.categoryExtent(Count($0, text: String($0)), noun, first: "zqa", last: "zqb") }
    } + ChartMeasure.allCases.map { .highest($0, category: "zqc", inYear: false, value: "zqv", activities: nil) }
        + ChartName.allCases.map(Phrase.chartName)

    /// Messages whose text is only their argument, the same in every language: the system's or a library's words, and
    /// text given before it had a message of its own.
    static let passedThrough: Set<String> = ["logReadFailed", "verbatim"]

    /// Phrases that only arrange what they are given (and the list separator): no words of their own.
    static let arrangements: Set<String> = ["titledChart", "chartDescription", "share", "event", "listSeparator"]

    @Test func everyCaseHasASample() throws {
        #expect(try Self.caseNames(of: "Message", in: "Message.swift") == Set(Self.messages.map(Self.caseName)))
        #expect(try Self.caseNames(of: "Phrase", in: "Phrase.swift") == Set(Self.phrases.map(Self.caseName)))
    }

    @Test(arguments: Language.allCases) func everyEntryIsWritten(_ language: Language) {
        let table = language.table
        #expect(table.language == language)
        for message in Self.messages + Self.variants {
            let text = table.text(message)
            #expect(!text.isEmpty && !text.contains("\\("), "\(language): \(Self.caseName(message)) writes \"\(text)\"")
        }
        for phrase in Self.phrases + Self.phraseVariants {
            #expect(!table.text(phrase).isEmpty, "\(language): \(Self.caseName(phrase)) is empty")
        }
        #expect(table.gregorianMonths(.egyptian).count == 12 && table.gregorianMonths(.levantine).count == 12)
        #expect(table.hijriMonths.count == 12)
    }

    /// An argument English shows (a string, or a number in Latin digits) shows in every language, a number in Latin
    /// digits or the language's own.
    @Test(arguments: Language.allCases) func everyArgumentEnglishShowsIsShown(_ language: Language) throws {
        func check(_ english: String, _ text: String, _ arguments: [Argument], _ name: String) {
            for argument in arguments where argument.appears(in: english, numerals: .latin) {
                #expect(argument.appears(in: text, numerals: language.table.numerals), "\(language): \(name) leaves out \(argument) in \"\(text)\"")
            }
        }
        for message in Self.messages {
            check(English().text(message), language.table.text(message), Self.arguments(of: message), Self.caseName(message))
        }
        for phrase in Self.phrases {
            check(English().text(phrase), language.table.text(phrase), Self.arguments(of: phrase), Self.caseName(phrase))
        }
    }

    @Test func arabicEntriesAreArabic() throws {
        for message in Self.messages + Self.variants where !Self.passedThrough.contains(Self.caseName(message)) {
            let text = Arabic().text(message)
            let prose = Self.prose(text, without: Self.arguments(of: message))
            #expect(prose.unicodeScalars.contains { Self.isArabicLetter($0) }, "\(Self.caseName(message)): \"\(text)\" has no Arabic")
            #expect(Self.longestLatinRun(prose) < 3, "\(Self.caseName(message)): \"\(text)\" reads as English")
            for mark in [", ", ";", "?"] {
                #expect(!prose.contains(mark), "\(Self.caseName(message)): \"\(text)\" has \"\(mark)\" where Arabic writes ، ؛ ؟")
            }
        }
        for phrase in Self.phrases + Self.phraseVariants where !Self.arrangements.contains(Self.caseName(phrase)) {
            let text = Arabic().text(phrase)
            #expect(Self.prose(text, without: Self.arguments(of: phrase)).unicodeScalars.contains { Self.isArabicLetter($0) }, "\(text)")
        }
        #expect(Arabic().text(.listSeparator) == "، ")
        #expect(Arabic().text(.chartDescription(["أ", "ب"])) == "أ؛ ب.")
    }

    @Test func englishEntriesHaveNoArabic() throws {
        for message in Self.messages + Self.variants {
            let text = English().text(message)
            #expect(!Self.prose(text, without: Self.arguments(of: message)).unicodeScalars.contains { Self.isArabicLetter($0) }, "\(text)")
        }
    }

    @Test func pluralRules() {
        let arabic = [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 1000].map { Arabic().pluralCategory($0) }
        #expect(arabic == [.zero, .one, .two, .few, .few, .many, .many, .other, .other, .other, .few, .many, .other])
        #expect([0, 1, 2, 5].map { English().pluralCategory($0) } == [.other, .one, .other, .other])
        let years = [1, 2, 3, 11, 100].map { Arabic().text(.categoryExtent(Count($0, text: Arabic().number($0)), .year, first: "أ", last: "ب")) }
        #expect(years == ["سنة واحدة، من أ إلى ب", "سنتان، من أ إلى ب", "٣ سنوات، من أ إلى ب", "١١ سنة، من أ إلى ب", "١٠٠ سنة، من أ إلى ب"])
        #expect(English().text(.categoryExtent(Count(1, text: "1"), .category, first: "a", last: "b")) == "1 category, from a to b")
        #expect(Message.moreErrors(1).description == "and 1 more error")
        #expect(Message.moreErrors(3).text(in: .ar) == "و٣ أخطاء أخرى")
        #expect(Message.moreErrors(12).text(in: .ar) == "و١٢ خطأ آخر")
        #expect(Message.moreErrors(2).text(in: .ar) == "وخطآن آخران")
        let more = [1, 2, 3, 15, 100].map { Arabic().text(.moreEvents(Count($0, text: Arabic().number($0)))) }
        #expect(more == ["وحدث آخر", "وحدثان آخران", "و٣ أحداث أخرى", "و١٥ حدثا آخر", "و١٠٠ حدث آخر"])
    }

    @Test func numbersInMessagesFollowTheLanguage() {
        #expect(Message.fileTooLarge(.file, path: "r.yaml", size: 5_000_000, limit: 4_194_304).text(in: .ar)
                == "الملف r.yaml حجمه ٥٬٠٠٠٬٠٠٠ بايت، وهذا فوق الحد المسموح (٤٬١٩٤٬٣٠٤ بايت)")
        #expect(Message.numberOutOfRange("500", low: 14, high: 300).text(in: .ar) == "القيمة «500» خارج المدى من ١٤ إلى ٣٠٠")
        #expect(Message.numberOutOfRange("0.5", low: 0.75, high: 1.5).text(in: .ar) == "القيمة «0.5» خارج المدى من ٠٫٧٥ إلى ١٫٥")
        #expect(Message.numberOutOfRange("500", low: 14, high: 300).description == "500 is outside 14.0…300.0")
    }

    /// The messages that hold another: each part at the most its own bound allows (a path of 200 characters, a name and
    /// a suggestion of 61, an inner message of 600), nested in every order three deep, stay within the limit in every
    /// language, their start (the outer path or name) and their end (a suggestion) kept.
    @Test func nestedMessagesStayWithinTheLimitHoweverDeep() {
        let path = String(repeating: "مسار/", count: 39) + "log.csv", name = String(repeating: "ن", count: 60) + "…"
        #expect(path.count == 202 && name.count == 61)
        let longest = Message.cannotParse(detail: String(repeating: "x", count: Message.messageLimit - "cannot parse: ".count))
        let wrappers: [(Message) -> Message] = [
            { .inFile(path, $0) },
            { .placeholder(name, $0, suggestion: name) },
            { .cannotReadLog(name: name, reason: $0) },
        ]
        var nested: [Message] = []
        for first in wrappers { for second in wrappers { for third in wrappers { nested.append(first(second(third(longest)))) } } }
        for message in nested {
            for language in Language.allCases {
                let text = message.text(in: language)
                #expect(text.count <= Message.messageLimit, "\(language): \(text.count) characters: \(text.prefix(120))")
                #expect(text.count >= Message.messageLimit - 1, "cut more than it had to: \(text.count)")
                if case .inFile = message { #expect(text.hasPrefix(path + ": ")) }
                if case .placeholder = message { #expect(text.hasPrefix("{{\(name)}}: ") && (text.hasSuffix("\(name)»؟)") || text.hasSuffix("\(name)\"?)"))) }
            }
        }
        // A message that fits is left whole.
        #expect(Message.inFile("log.csv", .nulInField).description == "log.csv: " + Message.nulInField.description)
    }

    @Test func aLimitMessageNamesTheRemedyOfWhoeverReadsIt() {
        let reached = Message.tooManyRows(limit: 10)
        #expect(reached.description == "the activity logs have more rows than the data-rows limit of 10 (raise it under limits: in the "
                + "report, or in the request's limits (RenderRequest.limits))")
        #expect(reached.withLimitRemedy { _ in .commandLine }.description
                == "the activity logs have more rows than the data-rows limit of 10 (raise it under limits: in the report, or with --limit data-rows=N)")
        #expect(reached.withLimitRemedy { _ in .service }.text(in: .ar).hasSuffix("وما فوق ذلك يرفعه من يشغّل الخدمة)"))
        var asked: [String] = []
        let set = Message.expansionPastLimit(name: "expansion-steps", limit: 5).withLimitRemedy { asked.append($0); return .serviceSetting }
        #expect(asked == ["expansion-steps"])
        #expect(set.description == "the text expands past the expansion-steps limit of 5 (the service sets it; whoever runs the service can raise it)")
        #expect(Message.nulInText.withLimitRemedy { _ in .commandLine } == .nulInText)
    }

    @Test func localesNameLanguages() {
        #expect(Language(locale: "ar_SA.UTF-8") == .ar)
        #expect(Language(locale: "en-GB") == .en)
        #expect(Language(locale: "AR") == .ar)
        #expect(Language(locale: "C.UTF-8") == nil)
        #expect(Language(locale: "fr_FR") == nil)
    }

    // MARK: - Helpers

    /// An argument of a sample: a string, or a number.
    enum Argument: CustomStringConvertible {
        case text(String)
        case number(Int)

        var description: String {
            switch self {
            case .text(let text): return "\"\(text)\""
            case .number(let number): return String(number)
            }
        }

        func appears(in text: String, numerals: NumeralSystem) -> Bool {
            switch self {
            case .text(let argument): return text.contains(argument) || text.contains(numerals.digits(argument))
            case .number(let number): return text.contains(String(number)) || text.contains(numerals.digits(String(number)))
            }
        }
    }

    /// The strings ("zq…") and whole numbers (2 and more) anywhere in a value's cases and fields, nested messages,
    /// lists and optionals included, found through `Mirror`.
    static func arguments(of value: Any) -> [Argument] {
        if let text = value as? String { return text.hasPrefix("zq") ? [.text(text)] : [] }
        if let number = value as? any BinaryInteger {
            let whole = Int(truncatingIfNeeded: number)
            return whole >= 2 ? [.number(whole)] : []
        }
        if let number = value as? Double, number >= 2, number.rounded() == number { return [.number(Int(number))] }
        return Mirror(reflecting: value).children.flatMap { arguments(of: $0.value) }
    }

    /// The name of a value's case: its mirror's one child for a case with values, else the runtime's name of the case
    /// (`String(describing:)` would give a message's English text).
    static func caseName<Value>(_ value: Value) -> String {
        if let label = Mirror(reflecting: value).children.first?.label { return label }
        return enumCaseName(value).map { String(cString: $0) } ?? "?"
    }

    /// The cases an enum declares in its source file, read from the file.
    static func caseNames(of type: String, in file: String) throws -> Set<String> {
        let url = TestSupport.root.appendingPathComponent("Sources/MawjazLanguage/\(file)")
        let source = try String(contentsOf: url, encoding: .utf8)
        guard let start = source.range(of: "enum \(type)"), let end = source[start.upperBound...].range(of: "\n}\n") else { return [] }
        var names = Set<String>()
        for line in source[start.upperBound..<end.lowerBound].split(separator: "\n") {
            var trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("indirect ") { trimmed.removeFirst("indirect ".count) }
            guard trimmed.hasPrefix("case ") else { continue }
            names.insert(String(trimmed.dropFirst(5).prefix { $0.isLetter || $0.isNumber }))
        }
        return names
    }

    /// A table's text with the arguments and the code it quotes taken out (`…`, {…}, […], "…"): the words it wrote.
    static func prose(_ text: String, without arguments: [Argument]) -> String {
        var prose = text
        for case .text(let argument) in arguments { prose = prose.replacingOccurrences(of: argument, with: " ") }
        for (open, close) in [("`", "`"), ("{", "}"), ("[", "]"), ("\"", "\"")] {
            while let start = prose.range(of: open), let end = prose[start.upperBound...].range(of: close) {
                prose.replaceSubrange(start.lowerBound..<end.upperBound, with: " ")
            }
        }
        return prose
    }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0621...0x064A).contains(scalar.value) || (0x0671...0x06D3).contains(scalar.value)
    }

    /// The most words in a row written in Latin letters alone.
    static func longestLatinRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            let scalars = word.unicodeScalars
            if scalars.contains(where: isArabicLetter) { run = 0 } else if word.contains(where: { $0.isLetter }) { run += 1 }
            longest = max(longest, run)
        }
        return longest
    }
}

/// The name of an enum value's case, as the runtime keeps it (what `print` shows for a type without a `description`;
/// the standard library declares it the same way for its mirrors).
@_silgen_name("swift_EnumCaseName")
private func enumCaseName<Value>(_ value: Value) -> UnsafePointer<CChar>?
