// What each example at the end of a command's help does; the command lines themselves are the same in every
// language and live with the command line (`Examples` in MawjazCLI).

/// The caption of one help example, written out by each language's table (`Message.helpExample`).
public enum HelpExample: Hashable, Sendable, CaseIterable {
    case startReport, renderIt, validateIt
    case renderDefault, renderToFile, renderPages, renderWithOfficeFonts
    case batchPerCategory, batchOnOneCore
    case watchDefault, watchToFile
    case validateEverything, validateThenRender
    case chartFirst, chartSecondAsPNG, chartOnAPage
    case initArabicBrief, initEnglishLetter, initSummaryWithEmblem
    case fontsEveryFamily, fontsWithAFolder, fontsOfAReport
    case templatesEach
    case serveHere, serveEverywhere, serveFromAnotherShell
}
