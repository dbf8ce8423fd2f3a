// The words of the editor page `mawjaz serve` shows at `/`: its labels, buttons, hints and the sample text its
// buttons insert into a report.

/// A word or sentence of the editor page, written out by each language's table (`Message.editor`). The raw value
/// is the key the page looks it up by; `{name}`, `{page}`, `{pages}`, `{line}`, `{column}` and the like are filled in by the page.
public enum EditorWord: String, Hashable, Sendable, CaseIterable {
    case pageTitle, appName, tagline, languageName, otherLanguage
    case startFrom, templateBriefing, templateAnnualSummary, templateCorrespondence, confirmReplace
    case reportHeading, reportHint, add, addHeading, addParagraph, addList, addTable, addChart, addPageBreak
    case previewHeading, updating, upToDate, showingLastGood, pageOf, nothingToShow
    case problemsHeading, noProblems, line, lineColumn, error, warning
    case filesHeading, filesHint, addFiles, remove, useAsLog, usingLog, putInReport, namedInReport, notNamedYet
    case columnsMatched, fileTooLarge, fileKindRefused
    case download, downloading, downloadNeedsNoErrors
    case serviceBusy, serviceUnreachable, keptInBrowser
    case guideHeading, guideText, guideList, guideData
    case sampleHeading, sampleParagraph, sampleItemOne, sampleItemTwo, sampleColumnOne, sampleColumnTwo, sampleCellOne, sampleCellTwo
    case sampleChartTitle, samplePictureText
}
