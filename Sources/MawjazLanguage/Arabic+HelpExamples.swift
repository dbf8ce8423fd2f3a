// The help examples' captions in Arabic.

extension Arabic {
    func text(_ example: HelpExample) -> String {
        switch example {
        case .startReport: return "بدء تقرير جديد يُخرَج فورا"
        case .renderIt: return "إخراجه إلى out/my-report.pdf"
        case .validateIt: return "عرض كل مشكلات التقرير دون كتابة أي ملف"
        case .renderDefault: return "ملف PDF في out/my-report.pdf"
        case .renderToFile: return "ملف PDF في brief.pdf"
        case .renderPages: return "صورة PNG لكل صفحة: pages-1.png و pages-2.png و…"
        case .renderWithOfficeFonts: return "بخطوط جهتك التي يسميها قسم fonts: في التقرير"
        case .batchPerCategory: return "موجز لكل فئة من فئات السجل، على كل الأنوية"
        case .batchOnOneCore: return "الشيء نفسه على نواة واحدة"
        case .watchDefault: return "الإخراج إلى out/my-report.pdf الآن ثم عند كل حفظ"
        case .watchToFile: return "إبقاء brief.pdf المفتوح في عارض PDF محدّثا وأنت تحرر"
        case .validateEverything: return "كل مشكلات التقرير وبياناته، أو ملخص لها"
        case .validateThenRender: return "إخراج التقرير إذا سلم من المشكلات فقط"
        case .chartFirst: return "المخطط الأول وحده في out/my-report-chart-1.pdf"
        case .chartSecondAsPNG: return "المخطط الثاني صورة PNG"
        case .chartOnAPage: return "المخطط الأول على صفحة A4"
        case .initArabicBrief: return "موجز عربي مع سجل أنشطة صغير"
        case .initEnglishLetter: return "مرفق خطاب بالإنجليزية يحمل اسم جهتك في الترويسة"
        case .initSummaryWithEmblem: return "ملخص سنوي يحمل شعارك على غلافه"
        case .fontsEveryFamily: return "كل عائلة خطوط بأنماطها والكتابات التي تغطيها وأدوار القوالب التي تستعملها"
        case .fontsWithAFolder: return "الشيء نفسه مع الخطوط التي في المجلد office-fonts"
        case .fontsOfAReport: return "خطوط قالب تقرير واحد، ومعها مسار fonts: فيه"
        case .templatesEach: return "كل قالب وما يصلح له"
        case .serveHere:
            return "الخدمة على 127.0.0.1:8080 بمُخرِج لكل نواة؛ ويوقفها Ctrl-C بعد الرد على الطلبات المستلمة"
        case .serveEverywhere:
            return "على كل الواجهات، ولا يُقبل طلب غير /healthz إلا بالرمز الذي في الملف token، ويمكن طلبها من صفحات ذلك المصدر"
        case .serveFromAnotherShell: return "من نافذة أخرى: ملف PDF لتقرير وسجله"
        }
    }
}
