// The messages of `mawjaz watch` in Arabic.

extension Arabic {
    func text(_ message: WatchMessage) -> String {
        switch message {
        case .help: return "إخراج التقرير، ثم إعادة إخراجه كلما تغيّر هو أو ملف يستعمله."
        case .helpDiscussion:
            return "تُراقَب مجلدات التقرير والملفات التي يستعملها (البيانات والصور وقالبه)، فيُلحظ الحفظ الذي يكتب ملفا جديدا ثم يضعه "
                + "مكان القديم. الإخراج الذي يفشل يطبع أخطاءه ويترك ملف الإخراج على حاله، فلا يرى عارض PDF ملفا تالفا أبدا. "
                + "والإخراج الذي يعطي البايتات نفسها لا يمس ملف الإخراج. Ctrl-C يوقف المراقبة."
        case .helpReport: return "ملف التقرير (YAML أو JSON)."
        case .helpOutput: return "ملف الإخراج (.pdf أو .png أو .svg) أو مجلد؛ الافتراضي: out/<مجلد التقرير>.pdf"
        case .started(let report, let folders):
            return "مراقبة \(report) والملفات التي يستعملها ("
                + counted(folders, n(folders), one: "مجلد واحد", two: "مجلدان", few: "مجلدات", many: "مجلدا", other: "مجلد")
                + ")؛ Ctrl-C يوقفها"
        case .wrote(let time, let output, let pages, let milliseconds):
            return "\(digits(time)) \(output): " + counted(pages, n(pages), one: "صفحة واحدة", two: "صفحتان", few: "صفحات", many: "صفحة",
                                                          other: "صفحة") + " في \(n(milliseconds)) ملّي ثانية"
        case .unchanged(let time, let output, let pages, let milliseconds):
            return "\(digits(time)) \(output): بلا تغيير، " + counted(pages, n(pages), one: "صفحة واحدة", two: "صفحتان", few: "صفحات",
                                                                   many: "صفحة", other: "صفحة") + " في \(n(milliseconds)) ملّي ثانية"
        case .kept(let time, let output):
            return "\(digits(time)) تُرك \(output) على حاله (آخر إخراج سليم)؛ صحّح التقرير واحفظه مرة أخرى"
        case .nothingWritten(let time): return "\(digits(time)) لم يُكتب شيء بعد؛ صحّح التقرير واحفظه مرة أخرى"
        case .cannotWatch(let path, let reason): return "تتعذر مراقبة \(path): \(reason)؛ لن تُلحظ التغييرات فيه"
        case .notToStandardOutput: return "المراقبة تكتب الإخراج مرة بعد مرة: -o يسمي ملفا أو مجلدا، لا الإخراج القياسي"
        }
    }
}
