// The command line in the user's language: --lang, MAWJAZ_LANG and the locale choose it; errors, the summary and help
// come in it.
import Foundation
import Testing
import TestSupport

@Suite struct LanguageCommandLineTests {
    @Test func theCommandLineExplainsErrorsInArabic() throws {
        let folder = try TestSupport.folder(with: [
            "report.yaml": "title: \"موجز\"\ndate: 2024-02-30\nlangauge: ar\nbody:\n  - chart: {type: bar, data: activites}\n",
        ])
        let report = folder.appendingPathComponent("report.yaml").path
        let expected = """
            \(report):2:7: خطأ: date: «2024-02-30» ليس تاريخا: الشهر ٢ من عام ٢٠٢٤ فيه ٢٩ يوما
            \(report):3:1: خطأ: langauge: مفتاح غير معروف «langauge» (هل تقصد «language»؟)
            \(report):5:5: خطأ: chart.data: لا مجموعة بيانات باسم «activites» (لا يسمي قسم data في التقرير أي مجموعة)

            """
        for (arguments, environment) in [(["validate", report], ["MAWJAZ_LANG": "ar"]),
                                         (["validate", report, "--lang", "ar"], ["MAWJAZ_LANG": "en"]),
                                         (["validate", "--lang=ar", report], [:]),
                                         (["--lang", "ar", "validate", report], ["MAWJAZ_LANG": "en"]),
                                         (["--lang=ar", "validate", report], [:]),
                                         (["validate", report], ["MAWJAZ_LANG": "", "LC_ALL": "", "LC_MESSAGES": "ar_EG.UTF-8"])] {
            let result = try TestSupport.run(CommandLineTests.command, arguments, environment: environment)
            #expect(result.status == 2)
            #expect(result.error == expected, "\(arguments) \(environment)")
        }
        let english = try TestSupport.run(CommandLineTests.command, ["validate", report], environment: ["MAWJAZ_LANG": "en", "LANG": "ar_SA.UTF-8"])
        #expect(english.error.hasPrefix("\(report):2:7: error: date: \"2024-02-30\" is not a date: month 2 of 2024 has 29 days\n"))
    }

    @Test func theSummaryAndHelpAreInArabic() throws {
        let report = TestSupport.defaultReport.path
        let summary = try TestSupport.run(CommandLineTests.command, ["validate", report, "--lang", "ar"])
        #expect(summary.status == 0)
        #expect(summary.output == "\(report): سليم، ٣ صفحات\n  activities: ٢٠٤ أنشطة، السنوات ٢٠١٢–٢٠٢٤، ٥ فئات\n  ٢٣ عنصرا، معلومتان، لا تحذيرات\n")
        let help = try TestSupport.run(CommandLineTests.command, ["render", "--help"], environment: ["MAWJAZ_LANG": "ar"])
        #expect(help.output.contains("إخراج تقرير إلى PDF"))
        #expect(help.output.contains("ملفات التقارير (YAML أو JSON)"))
        #expect(help.output.contains("--diagnostics <diagnostics>"))
        #expect(help.output.contains("--lang <lang>"))
        let badLanguage = try TestSupport.run(CommandLineTests.command, ["validate", report, "--lang", "fr"])
        #expect(badLanguage.status != 0 && badLanguage.error.contains("'fr'"))
    }
}
