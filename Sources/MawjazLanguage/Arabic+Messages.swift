// Every message in Arabic: the user's own text (keys, values, paths) quoted as written, «» around it; the
// numbers Mawjaz counts in Arabic-Indic digits; code the user types (`by: year`, `YYYY-MM`) left as typed.
import Foundation

extension Arabic {
    /// What to do about a MAWJAZ_HOME that cannot serve.
    static let homeAdvice = " (ألغِ ضبطه، أو اجعله يشير إلى مجلد يضم Fonts/ وTemplates/، مثل PREFIX/share/mawjaz)"

    public func text(_ message: Message) -> String {
        switch message {
        // Reading files
        case .fileMissing(let kind, let path): return "\(name(kind)) \(path) غير موجود"
        case .fileIsFolder(let kind, let path): return "\(name(kind)) \(path) مجلد وليس ملفا"
        case .fileTooLarge(let kind, let path, let size, let limit):
            return "\(name(kind)) \(path) حجمه \(n(size)) بايت، وهذا فوق الحد المسموح (\(n(limit)) بايت)"
        case .fileReadFailed(let kind, let path, let reason): return "تعذرت قراءة \(name(kind)) \(path): \(reason)"
        case .fileNotUTF8: return "الملف ليس بترميز UTF-8 سليم"
        case .fileNotSupplied(let kind, let path): return "\(name(kind)) \(path) لم يُرسل مع التقرير"
        case .fileAbsoluteInMemory(let kind, let path):
            return "\(name(kind)) \(path) مسار مطلق؛ التقرير المرسل في الذاكرة لا يسمي إلا الملفات المرسلة معه"
        case .fileLeavesFolder(let kind, let path):
            return "\(name(kind)) \(path) يصعد بـ«..»؛ التقرير المرسل في الذاكرة لا يسمي إلا الملفات المرسلة معه"

        // YAML and JSON
        case .nestingTooDeep(let limit): return "يتداخل المستند أعمق من \(n(limit)) مستوى"
        case .documentEmpty: return "المستند فارغ"
        case .cannotParse(let detail): return "تعذر تحليل الملف: \(detail)"
        case .cannotRead(let detail): return "تعذرت قراءة الملف: \(detail)"
        case .tooManyNodes(let limit): return "يتمدد المستند إلى أكثر من \(n(limit)) عقدة (أسماء مستعارة؟)"
        case .expectedMapping(let found): return "المتوقع هنا مفاتيح وقيم (مفتاح: قيمة)، والموجود \(name(found))"
        case .reportNotMapping(let found):
            return "أعلى التقرير حقوله مفاتيح وقيم (title: وdate: وbody: …)، لا \(name(found))"
        case .expectedList(let found): return "المتوقع هنا قائمة، والموجود \(name(found))"
        case .expectedText(let found): return "المتوقع هنا نص، والموجود \(name(found))"
        case .keyNotText: return "يجب أن يكون المفتاح نصا بسيطا"
        case .unknownKey(let key, let suggestion): return "مفتاح غير معروف «\(key)»" + didYouMean(suggestion)
        case .duplicateKey(let key): return "المفتاح «\(key)» مكرر"
        case .expectedWholeNumber(let found): return "المتوقع عدد صحيح، والموجود «\(found)»"
        case .integerOutOfRange(let value, let low, let high): return "القيمة \(n(value)) خارج المدى من \(n(low)) إلى \(n(high))"
        case .expectedNumber(let found): return "المتوقع عدد، والموجود «\(found)»"
        case .numberOutOfRange(let value, let low, let high): return "القيمة «\(value)» خارج المدى من \(n(low)) إلى \(n(high))"
        case .expectedBoolean(let found): return "المتوقع true أو false، والموجود «\(found)»"
        case .notOneOf(let value, let choices, let suggestion):
            return "«\(value)» ليست من القيم المقبولة: \(choices.joined(separator: "، "))" + didYouMean(suggestion)
        case .requiredKey(let key): return "المفتاح «\(key)» مطلوب"

        // Dates and counts
        case .notADate(let text): return "«\(text)» ليس تاريخا (اكتبه YYYY-MM-DD أو YYYY-MM أو YYYY)"
        case .noSuchMonth(let text, let month): return "«\(text)» فيه الشهر \(n(month))، ولا شهر بهذا الرقم (الأشهر من ٠١ إلى ١٢)"
        case .noSuchDay(let text, let month, let year, let days):
            let length = counted(days, n(days), one: "يوم واحد", two: "يومان", few: "أيام", many: "يوما", other: "يوم")
            return "«\(text)» ليس تاريخا: الشهر \(n(month)) من عام \(n(year)) فيه \(length)"
        case .notACount(let text): return "«\(text)» ليس عددا (اكتب عددا صحيحا، صفرا أو أكثر)"
        case .negativeCount(let text): return "«\(text)» عدد سالب (اكتب عددا صحيحا، صفرا أو أكثر)"
        case .notWholeCount(let text): return "«\(text)» ليس عددا صحيحا (اكتب عددا صحيحا، صفرا أو أكثر)"
        case .countTooLarge(let text): return "«\(text)» أكبر مما يُقبل"

        // Activity logs (CSV)
        case .cannotReadLog(let name, let reason): return Message.nested("تعذرت قراءة سجل الأنشطة «\(name)»: ", text(reason))
        case .logNotAFilePath(let address): return "\(address) ليس مسار ملف"
        case .logNoSuchFile: return "الملف غير موجود"
        case .logIsFolder: return "هذا مجلد وليس ملف CSV"
        case .logPermissionDenied: return "لا تسمح الصلاحيات بقراءته"
        case .logReadFailed(let reason): return reason
        case .logTooLarge(let limit): return "الملف أكبر من الحد المسموح (\(n(limit)) بايت)"
        case .notAnActivityField(let field, let suggestion, let fields):
            return "«\(field)» ليس من حقول النشاط"
                + (suggestion == nil ? " (الحقول: \(fields.joined(separator: "، ")))" : didYouMean(suggestion))
        case .fieldMappedTwice(let field): return "الحقل \(field) مذكور مرتين في ربط الأعمدة"
        case .headerTwice(let header, let first, let second):
            return "«\(header)» مكرر في سطر العناوين (العمودان \(n(first)) و\(n(second)))"
        case .mappedHeaderMissing(let header, let suggestion):
            return "ربط الأعمدة يذكر العنوان «\(header)»، وليس في الملف عمود بهذا العنوان" + didYouMean(suggestion)
        case .noColumnForField(let field, let suggestion, let unused):
            let listed = unused.isEmpty ? "" : "؛ في سطر العناوين " + unused.map { "«\($0)»" }.joined(separator: "، ")
                + " (اربط أحدها بالحقل في columns:)"
            return "لا عمود للحقل المطلوب «\(field)»" + (suggestion == nil ? listed : didYouMean(suggestion))
        case .noHeaderRow:
            return "لا سطر عناوين: ليس في الملف إلا تعليقات وأسطر فارغة (يجب أن يسمي السطر الأول الأعمدة، مثل date,category,title)"
        case .rowFieldCount(let count, let header):
            let fields = counted(count, n(count), one: "حقل واحد", two: "حقلان", few: "حقول", many: "حقلا", other: "حقل")
            return "في الصف \(fields)، وفي سطر العناوين \(columns(header))"
        case .requiredButEmpty: return "حقل مطلوب، لكنه فارغ"
        case .quoteNeverClosed: return "علامة التنصيص التي تفتح هذا الحقل لا تُغلق"
        case .textAfterClosingQuote: return "نص بعد علامة التنصيص الخاتمة (اكتب علامة التنصيص داخل حقل منصص مرتين: \"\")"
        case .notUTF8Byte(let hex): return "البايت 0x\(hex) ليس من ترميز UTF-8 (احفظ الملف بترميز UTF-8)"

        // Activity logs (Excel)
        case .workbookNotZip: return "ليس مصنف Excel ‏(.xlsx)‏: ليس أرشيف ZIP"
        case .workbookPartMissing(let part): return "ليس مصنف Excel ‏(.xlsx)‏: لا يحوي \(part)"
        case .workbookPartTooLarge(let part, let limit): return "\(part) يتجاوز عند فك ضغطه \(n(limit)) ميغابايت"
        case .workbookPartUnpackFailed(let part, let reason): return "تعذر فك ضغط \(part): \(reason)"
        case .workbookPartNotXML(let part, let detail): return "\(part) ليس XML مصنف Excel ‏(\(detail))"
        case .workbookHasNoSheet: return "المصنف لا يحوي أي ورقة"
        case .noSuchSheet(let sheet, let suggestion, let sheets):
            return "لا توجد في المصنف ورقة اسمها «\(sheet)»" + didYouMean(suggestion)
                + " (أوراقه: " + sheets.map { "«\($0)»" }.joined(separator: "، ") + ")"
        case .sheetOnlyInWorkbook: return "الأوراق لا تكون إلا في مصنف Excel ‏(.xlsx)"
        case .cellHoldsError(let code): return "الخلية تحوي قيمة الخطأ \(code)"
        case .numberNotADate(let number): return "«\(number)» ليس تاريخا (نسّق الخلية تاريخا، أو اكتبه YYYY-MM-DD أو YYYY-MM أو YYYY)"
        case .oldExcelWorkbook(let file): return "\(file) مصنف Excel 97–2003 ‏(.xls) لا يقرؤه موجز: احفظه مصنف Excel ‏(.xlsx)"
        case .openDocumentSpreadsheet(let file): return "\(file) جدول OpenDocument ‏(.ods) لا يقرؤه موجز: احفظه مصنف Excel ‏(.xlsx)"
        case .numbersDocument(let file): return "\(file) مستند Numbers لا يقرؤه موجز: صدّره مصنف Excel ‏(.xlsx)"

        // Reports
        case .reportUnreadable: return "تعذرت قراءة التقرير"
        case .badDatasetName: return "اسم مجموعة البيانات حروف وأرقام و- و_ فقط (لأنه يُكتب في العناصر النائبة)"
        case .inFile(let file, let inner): return Message.nested("\(file): ", text(inner))
        case .notABlock(let word, let suggestion):
            return "«\(word)» ليس عنصرا (العنصر مفاتيح وقيم مثل `- paragraph: \"…\"`، أو page-break، أو rule)" + didYouMean(suggestion)
        case .noBlockKind(let keys, let kinds, let suggestion):
            return "لا نوع عنصر بين المفاتيح \(keys.joined(separator: "، "))؛ المتوقع واحد من: \(kinds.joined(separator: "، "))"
                + didYouMean(suggestion)
        case .severalBlocks(let kinds): return "بند واحد يحمل عدة عناصر (\(kinds.joined(separator: "، "))): اجعل لكل عنصر بندا"
        case .noSuchOption(let kind, let option, let suggestion): return "ليس للعنصر \(kind) خيار «\(option)»" + didYouMean(suggestion)
        case .forEachGrouping: return "يتكرر for-each حسب الفئة (category) أو السنة (year) فقط"
        case .notAWidth(let text): return "«\(text)» ليس عرضا (اكتب auto، أو عدد نقاط مثل 120، أو نسبة مثل 30%)"
        case .tableNeedsColumn: return "يحتاج الجدول إلى عمود واحد على الأقل"
        case .rowCellCount(let cells, let columns):
            let written = counted(cells, n(cells), zero: "لا خلايا", one: "خلية واحدة", two: "خليتان", few: "خلايا", many: "خلية", other: "خلية")
            return "في الصف \(written)، وفي الجدول \(self.columns(columns))"
        case .cellsForColumns(let cells, let columns): return "عدد الخلايا (\(n(cells))) غير عدد الأعمدة (\(n(columns)))"
        case .eventsOnlyOnTimeline(let kind): return "الأحداث (events) للخط الزمني وحده (استعمل values لمخطط \(kind))"
        case .timelineHasNoValues: return "للخط الزمني أحداث لا قيم: [{date: 2021-03, text: \"…\"}]"
        case .timelineNeedsData: return "يحتاج الخط الزمني إلى «data» (مجموعة بيانات) أو «events»"
        case .chartNeedsData: return "يحتاج المخطط إلى «data» (مجموعة بيانات) أو «values»"
        case .dataAndValues(let other): return "يأخذ المخطط أرقامه من «data» أو من «\(other)»، لا من كليهما"
        case .domainShape: return "المدى (domain) عددان، أصغرهما أولا: [0, 50]"
        case .chartNeedsValue: return "يحتاج المخطط إلى قيمة واحدة على الأقل"
        case .timelineNeedsEvent: return "يحتاج الخط الزمني إلى حدث واحد على الأقل"
        case .lateActivity(let date, let reportDate, let more):
            let others = counted(more, n(more), one: "ونشاط آخر", two: "ونشاطان آخران", few: "أنشطة أخرى", many: "نشاطا آخر",
                                 other: "نشاط آخر")
            return "نشاط بتاريخ \(date) يقع بعد تاريخ التقرير \(reportDate)" + (more > 0 ? " (\(more > 2 ? "و" : "")\(others))" : "")
        case .noDataset(let name, let suggestion, let known):
            let hint = known.isEmpty ? " (لا يسمي قسم data في التقرير أي مجموعة)"
                : suggestion == nil ? " (المجموعات: \(known.joined(separator: "، ")))" : didYouMean(suggestion)
            return "لا مجموعة بيانات باسم «\(name)»" + hint
        case .emptyDatasetChart(let name): return "مجموعة البيانات «\(name)» فارغة، فلا بيانات للمخطط"
        case .moreErrors(let count):
            return (count > 2 ? "و" : "")
                + counted(count, n(count), one: "وخطأ آخر", two: "وخطآن آخران", few: "أخطاء أخرى", many: "خطأ آخر", other: "خطأ آخر")

        // Templates
        case .noTemplate(let name, let folder, let suggestion, let templates):
            return "لا قالب باسم «\(name)» في \(folder)" + didYouMean(suggestion) + " (القوالب: \(templates.joined(separator: "، ")))"
        case .pageSizeShape: return "حجم الصفحة [العرض, الارتفاع] بالنقاط"
        case .unknownPageSize(let name, let suggestion):
            return "حجم صفحة غير معروف «\(name)» (A4 أو A5 أو Letter أو [العرض, الارتفاع])" + didYouMean(suggestion)
        case .orientation: return "الاتجاه portrait (طولي) أو landscape (عرضي)"
        case .marginsTooWide: return "الهوامش لا تترك للنص بوصة واحدة"
        case .notAColour(let text): return "«\(text)» ليس لونا (اكتب #rgb أو #rrggbb أو #rrggbbaa)"
        case .notAnImage(let path): return "\(path) ليس صورة PNG ولا JPEG"

        // Placeholders
        case .placeholder(let name, let problem, let suggestion): return Message.nested("{{\(name)}}: ", text(problem), didYouMean(suggestion))
        case .emptyPlaceholderName: return "عنصر نائب فارغ"
        case .writeReportField(let fields): return "اكتب {{report.FIELD}}، والحقل واحد من: \(fields.joined(separator: "، "))"
        case .writeFactsKey: return "اكتب {{facts.KEY}}"
        case .noFact(let key, let suggestion, let reportHasFacts):
            return "لا معلومة باسم «\(key)»" + (reportHasFacts ? didYouMean(suggestion) : " (لا يذكر التقرير معلومات في facts)")
        case .noPlaceholderRoot(let name, let root, let suggestion):
            return "لا عنصر نائب «\(name)»: «\(root)» ليس report ولا facts ولا مجموعة بيانات" + didYouMean(suggestion)
        case .writeDatasetField(let dataset): return "اكتب {{\(dataset).FIELD}}، مثل {{\(dataset).count}}"
        case .placeholderNeedsKey(let dataset, let field, let example):
            return "{{\(dataset).\(field)}} يحتاج إلى مفتاح، كما في {{\(dataset).\(field).\(example)}}"
        case .placeholderTakesNoKey(let dataset, let field, let key): return "{{\(dataset).\(field)}} لا يأخذ مفتاحا، لكن «\(key)» يليه"
        case .datasetEmpty(let name): return "مجموعة البيانات «\(name)» فارغة"
        case .notAYear(let text): return "«\(text)» ليس سنة"
        case .notAMonth(let text): return "«\(text)» ليس شهرا (اكتب YYYY-MM)"
        case .noCategory(let name, let dataset, let suggestion): return "لا فئة «\(name)» في «\(dataset)»" + didYouMean(suggestion)
        case .writeChange(let dataset): return "اكتب {{\(dataset).change.FROM.TO}} بسنتين، كما في 2020.2021"
        case .noDatasetField(let field, let suggestion): return "ليس لمجموعة البيانات حقل «\(field)»" + didYouMean(suggestion)
        case .noReportField(let field, let suggestion): return "ليس للتقرير حقل «\(field)»" + didYouMean(suggestion)
        case .placeholderNotClosed(let closing): return "عنصر نائب فُتح بـ{{ ولم يُغلق بـ\(closing)"
        case .unescapedValue(let written): return "\(written): القيم غير المهربة ممنوعة (لا يجوز أن تصير البيانات تنسيقا)"
        case .emptyPlaceholder: return "عنصر نائب فارغ {{}}"
        case .sectionNeedsName: return "يحتاج المقطع إلى اسم: {{#name}}"
        case .sectionClosesOther(let name, let open): return "{{/\(name)}} يغلق {{#\(open)}}"
        case .sectionNeverOpened(let name): return "{{/\(name)}} يغلق مقطعا لم يُفتح"
        case .unsupportedTag(let tag): return "{{\(tag)}}: القوالب الجزئية والكتل وتغيير المحددات غير مدعومة في نص التقرير"
        case .sectionNeverClosed(let name): return "{{#\(name)}} لا يُغلق بـ{{/\(name)}}"

        // Charts
        case .topNeedsCategories(let top): return "top: \(top) يبقي أكبر الفئات، فيحتاج إلى by: category أو series: category"
        case .seriesCannotGoWith(let series, let by):
            return "series: \(series) لا يجتمع مع by: \(by) (استعمل by: year مع series: category، أو العكس)"
        case .chartFilterEmpty(let dataset): return "لا نشاط من «\(dataset)» يقع ضمن مرشح المخطط، فسيكون المخطط فارغا"
        case .timelineFilterEmpty(let dataset): return "لا نشاط من «\(dataset)» يقع ضمن مرشح المخطط، فسيكون الخط الزمني فارغا"
        case .inlineSeries:
            return "series: يجمع أعداد مجموعة بيانات؛ أما القيم المكتوبة في التقرير فتعطي كل سلسلة رقما في `values: [...]` مع series-names"
        case .valueNeedsNumber: return "تحتاج القيمة إلى رقم واحد على الأقل: {label: \"…\", value: 12}"
        case .unevenValues(let count): return "يجب أن يكون في كل قيمة العدد نفسه من الأرقام (\(n(count)))"
        case .seriesNamesCount(let count, let given):
            let numbers = counted(count, n(count), one: "رقم واحد", two: "رقمان", few: "أرقام", many: "رقما", other: "رقم")
            let names = counted(count, n(count), one: "اسم واحد", two: "اسمان", few: "أسماء", many: "اسما", other: "اسم")
            let givenNames = counted(given, n(given), zero: "لا شيء", one: "اسم واحد", two: "اسمان", few: "أسماء", many: "اسما", other: "اسم")
            return "في كل قيمة \(numbers)، فيلزم في series-names \(names)، والمعطى \(givenNames)"
        case .oneSeriesOnly(let kind, let series):
            let written = counted(series, n(series), one: "سلسلة واحدة", two: "سلسلتان", few: "سلاسل", many: "سلسلة", other: "سلسلة")
            return "مخطط \(kind) يرسم سلسلة واحدة، وفي هذا \(written) (استعمل grouped-bar أو stacked-bar أو line أو area لعدة سلاسل)"
        case .notDrawable(let value): return "\(value) ليس رقما يمكن رسمه في مخطط"
        case .negativeStacked(let kind, let value): return "مخطط \(kind) يجمع قيمه، فلا يجوز أن تكون سالبة (\(digits(value)))"
        case .donutZero: return "مجموع قيم المخطط الدائري صفر، فلا شرائح له"
        case .domainWithoutZero(let low, let high):
            return "الأعمدة والمساحات تقوم على الصفر، فيجب أن يشمل المدى [\(digits(low))، \(digits(high))] الصفر"
        case .outsideDomain(let value, let low, let high):
            return "القيمة \(digits(value)) خارج المدى [\(digits(low))، \(digits(high))]"
        case .activitiesWithoutMonth(let count, let dataset):
            return "أنشطة بلا شهر في «\(dataset)» (عددها \(n(count))) استُبعدت من المخطط حسب الشهر"
        case .categoryLabelsDoNotFit(let count, let width):
            return "تسميات الفئات (عددها \(n(count))) لا تتسع تحت المخطط (\(points(width)) لكل منها، ولو لُفت أو وُزعت على صفين)؛ "
                + "استعمل type: horizontal-bar، أو فئات أقل (top: N)، أو عمودا أعرض"
        case .categoryWordTooWide(let width): return "في اسم إحدى الفئات كلمة عرضها \(points(width))، أي أكثر من نصف المخطط؛ اختصرها"
        case .chartTooNarrow(let width): return "المخطط أضيق من أن يتسع لأسماء فئاته وقيمها (\(points(width)))"
        case .sparklineNeedsTwo(let count):
            let values = counted(count, n(count), zero: "لا قيم", one: "قيمة واحدة", two: "قيمتان", few: "قيم", many: "قيمة", other: "قيمة")
            return "يحتاج المخطط المصغر إلى قيمتين على الأقل، وفي هذا \(values)"
        case .timelineTooCrowded(let count, let width):
            return "أحداث الخط الزمني (عددها \(n(count))) لا تتسع في \(points(width)) دون تداخل؛ "
                + "قلّلها بـfrom أو to أو categories، أو اختصر نصوصها"
        case .chartHasNoValues: return "ليس في المخطط قيم تُرسم"
        case .seriesLengthMismatch(let name, let values, let categories):
            let written = counted(values, n(values), zero: "لا قيم", one: "قيمة واحدة", two: "قيمتان", few: "قيم", many: "قيمة", other: "قيمة")
            let against = counted(categories, n(categories), zero: "لا فئات", one: "فئة واحدة", two: "فئتين", few: "فئات", many: "فئة",
                                  other: "فئة")
            return "في السلسلة «\(name)» \(written) مقابل \(against)"
        case .sparklineOneSeries: return "المخطط المصغر يرسم سلسلة واحدة، قيمة واحدة لكل فئة"
        case .noSuchChart(let index, let charts):
            let which = charts == 0 ? "ليس في التقرير مخططات"
                : "في التقرير " + counted(charts, n(charts), one: "مخطط واحد", two: "مخططان", few: "مخططات", many: "مخططا", other: "مخطط")
                    + "، تُرقّم من ١"
            return "لا مخطط برقم \(n(index)): \(which)"
        case .chartTallerThanPage: return "المخطط أطول من مساحة النص في الصفحة"

        // Images and layout
        case .imageMissing(let path): return "الصورة \(path) غير موجودة أو لا يمكن قراءتها"
        case .imageTooWide(let width, let column): return "عرض الصورة \(points(width))، وعرض العمود \(points(column))"
        case .deadLink(let name, let headings, let more):
            let known = headings.map { "#" + $0 }.joined(separator: "، ") + (more ? "، …" : "")
            return "الرابط إلى #\(name) لا يشير إلى أي عنوان" + (headings.isEmpty ? "" : " (العناوين: \(known))")
        case .rowTooTall(let height, let room): return "صف ارتفاعه \(points(height)) فيه سطر لا يتسع في \(points(room))"
        case .partTooTall(let height, let room): return "جزء ارتفاعه \(points(height)) لا يتسع في صفحة فيها \(points(room))"
        case .columnTooNarrow(let title, let width, let needs):
            return "عرض العمود «\(title)» \(points(width))، وأطول كلمة فيه تحتاج إلى \(points(needs))"
        case .tableTooWide(let needs, let width): return "يحتاج الجدول إلى \(points(needs)) على الأقل، وعرض العمود \(points(width))"
        case .marginTooSmall(let margin, let height, let part, let needs):
            return "\(name(margin)) (\(points(height))) أضيق من أن يتسع \(name(part))، الذي يحتاج إلى \(points(needs))"
        case .furnitureReachesText(let part, let margin):
            return "\(name(part)) أكبر من مكانه في \(name(margin)): يمتد إلى النص"
        case .furnitureOverlaps(let first, let second, let margin):
            return "في \(name(margin)) يتداخل \(name(first)) و\(name(second)): وسّع الهامش أو صغّر نصهما"

        // Text and fonts
        case .noFonts(let folder): return "لا خطوط في \(folder)"
        case .fontconfig(let detail): return "خطأ في fontconfig: \(detail)"
        case .unknownFontFamily(let family, let available):
            return "عائلة الخط «\(family)» غير متاحة (العائلات: \(available.joined(separator: "، "))؛ "
                + "تضاف خطوط الجهة بالخيار --font-path DIR أو fonts: {path: DIR}"
        case .fontFamiliesMissing(let families, let suggestions, let available):
            let named = zip(families, suggestions).map { "«\($0)»" + didYouMean($1) }.joined(separator: "، ")
            return "لا يحوي أي مجلد خطوط " + (families.count == 1 ? "العائلة " : "العائلات ") + named
                + " (العائلات: \(available.joined(separator: "، "))؛ تضاف خطوط الجهة بالخيار --font-path DIR أو fonts: {path: DIR}"
        case .fontFolderMissing(let folder): return "مجلد الخطوط \(folder) غير موجود"
        case .fontFolderEmpty(let folder): return "مجلد الخطوط \(folder) لا يحوي ملف ‎.ttf أو ‎.otf أو ‎.ttc"
        case .fontFolderInMemory(let folder):
            return "لا يمكن استعمال مجلد الخطوط \(folder): التقرير المرسل في الذاكرة يُكتب بالخطوط المرفقة بموجز وحدها"
        case .missingGlyph(let codePoint, let context): return "لا يوجد في الخطوط المرفقة شكل للحرف U+\(codePoint) في «\(context)»"
        case .textTooWide(let text, let width, let available):
            return "عرض «\(text)» \(digits(String(format: "%.1f", width))) نقطة، والمتاح \(digits(String(format: "%.1f", available))) نقطة فقط"
        case .paragraphTooLong(let characters, let limit):
            let written = counted(characters, n(characters), one: "حرف واحد", two: "حرفان", few: "أحرف", many: "حرفا", other: "حرف")
            return "فقرة من \(written) أطول من الحد المسموح (\(n(limit)))"

        // Output
        case .cairo(let detail): return "خطأ في cairo: \(detail)"
        case .cannotWrite(let path, let reason): return "\(path): تعذرت الكتابة: \(reason)"
        case .missingFont(let family, let file): return "تعذّر تحميل الخط \(family) من \(file)"
        case .unsupportedFormat(let ext): return "صيغة إخراج غير مدعومة «.\(ext)» (استعمل .pdf أو .png أو .svg)"
        case .jpegInRaster: return "صورة JPEG تُكتب في PDF وSVG، لا في PNG (حوّل الصورة إلى PNG)"
        case .documentStructure(let detail): return "خلل في بنية المستند (عطل في موجز): \(detail)"
        case .amendment(let detail): return "تعذر استكمال ملف PDF (عطل في موجز): \(detail)"
        case .resourcesNotFound(let looked):
            return "لم يُعثر على مجلدي Fonts/ وTemplates/ الخاصين بموجز (بُحث في \(looked.joined(separator: "، ")))؛ "
                + "ثبّته بالأمر make install، أو اضبط MAWJAZ_HOME على المجلد الذي يضمهما"
        case .mawjazHomeMissing(let path): return "قيمة MAWJAZ_HOME هي \(path)، وهو غير موجود" + Self.homeAdvice
        case .mawjazHomeNotAFolder(let path): return "قيمة MAWJAZ_HOME هي \(path)، وهو ليس مجلدا" + Self.homeAdvice
        case .mawjazHomeIncomplete(let path, let missing):
            return "قيمة MAWJAZ_HOME هي \(path)، ولا يحوي " + missing.map { "المجلد \($0)/" }.joined(separator: " ولا ") + Self.homeAdvice

        // Starting a report (init)
        case .noSuchTemplate(let name, let suggestion, let templates):
            return "لا قالب باسم «\(name)»" + didYouMean(suggestion) + " (القوالب: \(templates.joined(separator: "، ")))"
        case .starterMissing(let path): return "التقرير المبدئي \(path) غير موجود في التثبيت"
        case .pictureUnreadable(let option): return "\(option): تعذرت قراءة الملف"
        case .pictureNotAnImage(let option): return "\(option): ليس صورة PNG ولا JPEG"
        case .pictureNamesClash: return "--letterhead: اسم ملفه هو اسم ملف الشعار نفسه؛ غيّر اسم أحدهما"
        case .initWouldOverwrite: return "موجود من قبل؛ الأمر init لا يكتب فوق ملف أبدا"

        // Batches and pools
        case .noDatasetToSplit(let name, let suggestion): return "لا مجموعة بيانات باسم «\(name)» لتقسيمها\(didYouMean(suggestion))"
        case .noColumnToGroupBy(let column, let suggestion, let header):
            return "لا عمود «\(column)» للتجميع به\(didYouMean(suggestion)) (في الترويسة: \(header.map { "«\($0)»" }.joined(separator: "، ")))"
        case .noFieldToGroupBy(let field, let suggestion, let fields):
            return "لا حقل «\(field)» لتجميع الأنشطة المكتوبة في التقرير به\(didYouMean(suggestion)) (الحقول: \(fields.joined(separator: "، ")))"
        case .rowInNoGroup(let column): return "الصف بلا قيمة في «\(column)»، فلا يدخل في أي مستند"
        case .groupFirstRow(let value): return "{{group}} هو «\(value)»، وأول ما كُتب في هذا الصف"
        case .outputHasNoGroup(let output): return "الإخراج «\(output)» بلا {group}، فستُكتب المستندات كلها في ملف واحد"
        case .manifestHeader: return "ترويسة البيان تسمي العمودين report وoutput (وأي معلومات تُضبط)"
        case .manifestNoReport: return "لم يُسمَّ تقرير"
        case .manifestNoOutput: return "لم يُسمَّ ملف إخراج"
        case .resultsNoGroupColumn: return "الملف بلا عمود group (اكتبه بالخيار --results)"
        case .noSuchPage(let number, let count):
            return "لا صفحة \(n(number)): في المستند " + counted(count, n(count), one: "صفحة واحدة", two: "صفحتان", few: "صفحات", many: "صفحة", other: "صفحة")
        case .poolBusy: return "كل العمال مشغولون والطابور ممتلئ؛ أعد المحاولة لاحقا"
        case .renderTimedOut: return "استغرق الإخراج أطول من المهلة المحددة له"
        case .renderCancelled: return "أُلغي الإخراج"

        // The service
        case .requestBodyTooLarge(let limit): return "جسم الطلب أكبر من الحد المسموح، وهو \(counted(limit, n(limit), one: "بايت واحد", two: "بايتان", few: "بايتات", many: "بايتا", other: "بايت"))"
        case .requestBodyTooSlow(let seconds):
            return "لم يصل جسم الطلب خلال \(counted(seconds, n(seconds), one: "ثانية واحدة", two: "ثانيتين", few: "ثوان", many: "ثانية", other: "ثانية"))"
        case .requestContentType(let type):
            return "يقبل الإخراج نموذجا من نوع multipart/form-data أو تقريرا بصيغة JSON أو YAML، لا «\(type)»"
        case .requestNotMultipart(let reason): return "تعذرت قراءة الجسم نموذجا متعدد الأجزاء: \(reason)"
        case .requestNoReportPart: return "ليس في النموذج جزء باسم «report»"
        case .requestPartUnnamed: return "في النموذج جزء بلا اسم (يُرسل كل ملف باسم مساره كما يذكره التقرير)"
        case .requestPartTwice(let name): return "في النموذج جزءان باسم «\(name)»"
        case .requestCharsetUnknown(let charset): return "لا تقرأ الخدمة الترميز «\(charset)» (أرسل UTF-8)"
        case .requestByteNotInCharset(let hex, let charset):
            return "البايت 0x\(hex) ليس نصا بالترميز «\(charset)» الذي يذكره Content-Type"
        case .requestMethodNotAllowed(let method, let allowed):
            return "الطريقة \(method) لا يجيبها هذا المسار؛ يجيب \(allowed.joined(separator: "، "))"
        case .requestNoRoute(let path): return "ليس في الخدمة مسار \(path)"
        case .requestFormatUnknown(let format): return "«\(format)» ليست صيغة: pdf أو png أو svg"
        case .requestPageNotNumber(let page): return "«\(page)» ليس رقم صفحة (١ فأكثر)"
        case .requestPageWithPDF: return "ملف PDF يضم كل الصفحات: رقم الصفحة لصيغتي png وsvg"
        case .requestNumberOutsideRange(let option, let value, let low, let high):
            return "قيمة \(option) هي «\(value)»، ويجب أن تكون عددا من \(n(low)) إلى \(n(high))"
        case .requestSecondsOutsideRange(let option, let value, let high):
            return "قيمة \(option) هي «\(value)»، ويجب أن تكون عدد ثوان أكثر من \(n(0)) ولا يزيد على \(n(high))"
        case .requestSetNotNameValue(let setting): return "«\(setting)» ليست على صورة اسم=قيمة"
        case .requestLanguageUnknown(let language, let languages):
            return "«\(language)» ليست لغة يتكلمها موجز (\(languages.joined(separator: "، ")))"
        case .requestUnauthorized: return "تطلب هذه الخدمة رمز دخول (Authorization: Bearer …)"
        case .serviceStopping: return "الخدمة تتوقف"
        case .tokenFileUnreadable(let path, let reason): return "تعذرت قراءة ملف الرمز \(path): \(reason)"
        case .tokenFileEmpty(let path): return "ملف الرمز \(path) فارغ"

        // The command line
        case .errorWord: return "خطأ"
        case .warningWord: return "تحذير"
        case .validated(let report, let pages):
            return "\(report): سليم، " + counted(pages, n(pages), one: "صفحة واحدة", two: "صفحتان", few: "صفحات", many: "صفحة", other: "صفحة")
        case .datasetSummary(let name, let activities, let firstYear, let lastYear, let categories):
            let years = firstYear.map { first in "السنوات \(n(first))–\(n(lastYear ?? first))" } ?? "بلا سنوات"
            let written = counted(activities, n(activities), zero: "لا أنشطة", one: "نشاط واحد", two: "نشاطان", few: "أنشطة", many: "نشاطا",
                                  other: "نشاط")
            return "\(name): \(written)، \(years)، "
                + counted(categories, n(categories), zero: "لا فئات", one: "فئة واحدة", two: "فئتان", few: "فئات", many: "فئة", other: "فئة")
        case .reportSummary(let blocks, let facts, let warnings):
            return counted(blocks, n(blocks), zero: "لا عناصر", one: "عنصر واحد", two: "عنصران", few: "عناصر", many: "عنصرا", other: "عنصر")
                + "، " + counted(facts, n(facts), zero: "لا معلومات", one: "معلومة واحدة", two: "معلومتان", few: "معلومات", many: "معلومة",
                                 other: "معلومة")
                + "، " + counted(warnings, n(warnings), zero: "لا تحذيرات", one: "تحذير واحد", two: "تحذيران", few: "تحذيرات",
                                 many: "تحذيرا", other: "تحذير")
        case .helpAbstract: return "موجزات عربية بصيغة PDF، من اليمين إلى اليسار، من بيانات التقارير."
        case .helpRender: return "إخراج تقرير إلى PDF (أو صفحات PNG أو SVG، حسب امتداد ملف الإخراج)."
        case .helpValidate: return "فحص التقرير وبياناته وتخطيطه دون كتابة أي ملف، مع ملخص لها."
        case .helpChart: return "إخراج مخطط واحد من التقرير وحده (PDF أو PNG أو SVG، حسب امتداد ملف الإخراج)."
        case .helpInit: return "بدء تقرير جديد: report.yaml وملف activities.csv صغير، يُخرجان فورا."
        case .helpReportFile: return "ملف التقرير (YAML أو JSON)."
        case .helpOutput: return "ملف الإخراج: .pdf أو .png أو .svg؛ الافتراضي: out/<مجلد التقرير>.pdf"
        case .helpChartOutput: return "ملف الإخراج: .pdf أو .png أو .svg؛ الافتراضي: out/<مجلد التقرير>-chart-<الرقم>.pdf"
        case .helpDPI: return "عدد النقاط في البوصة لإخراج PNG (من ١٠ إلى ٢٤٠٠)."
        case .helpLimit(let names):
            return "ارفع (أو اخفض) حدا من حدود ما يستهلكه التقرير، NAME=VALUE، ويتكرر؛ و NAME أحد: \(names.joined(separator: "، "))."
        case .helpChartIndex: return "رقم المخطط، بعد عناصر المخططات في التقرير من ١ بترتيب القراءة."
        case .helpChartPage: return "fit: صفحة على قدر المخطط؛ template: صفحة القالب (A4) والمخطط عند هوامشها."
        case .helpInitFolder: return "مجلد التقرير الجديد (يُنشأ إن لم يكن موجودا)."
        case .helpInitTemplate: return "القالب (يسردها الأمر mawjaz templates)."
        case .helpInitLanguage: return "لغة التقرير: ar (من اليمين إلى اليسار، بالأرقام العربية المشرقية) أو en."
        case .helpInitOrganisation: return "اسم جهتك، للترويسة ولمؤلف المستند."
        case .helpInitLetterhead: return "صورة (PNG أو JPEG) لترويسة جهتك كاملة، تُرسم عرضَ رأس الصفحة الأولى."
        case .helpInitEmblem: return "شعار جهتك (PNG أو JPEG)، بين اسميها في الترويسة وعلى الغلاف."
        case .helpTemplates: return "سرد القوالب التي يسميها التقرير، مع الغرض من كل منها."
        case .helpFonts: return "سرد عائلات الخطوط وأنماطها والكتابات التي تغطيها وأدوار القوالب التي تستعملها."
        case .helpFontsReport: return "تقرير: تُسرد خطوط قالبه (مع مسار fonts: فيه) وأدواره بدلا من خطوط كل القوالب."
        case .helpFontPath: return "مجلد خطوط (‎.ttf أو ‎.otf أو ‎.ttc) يُستعمل مع خطوط موجز، كخطوط جهتك؛ يمكن تكراره."
        case .helpDiscussion:
            return "التقرير ملف YAML أو JSON يسمي قالبا ونصه وبياناته (حقائق، وسجلات أنشطة CSV أو Excel). "
                + "تؤخذ الخطوط والقوالب من MAWJAZ_HOME إن ضُبط، وإلا من share/mawjaz بجوار البرنامج المثبت."
        case .shortUsage(let commands):
            return usage(commands, title: "موجز: موجزات عربية بصيغة PDF، من اليمين إلى اليسار، من بيانات التقارير.", steps: "خطوات أولى:",
                         meanings: ["تقرير جديد يُخرج فورا", "يكتب ملف PDF في مجلد out", "كل مشكلات التقرير، دون كتابة أي ملف",
                                    "القوالب التي يستعملها التقرير"],
                         help: { "المساعدة في أمر واحد: \($0) (أو \($1))؛ وفي كل شيء: \($2)." })
        case .templatesWhere(let folder): return "(في \(folder)؛ ويسمي التقرير أحدها بالحقل template: الاسم)"
        case .noSuchCommand(let name, let suggestion, let commands):
            return "لا أمر باسم «\(name)»" + didYouMean(suggestion) + " (الأوامر: \(commands.joined(separator: "، ")))"
        case .helpLanguage: return "لغة الرسائل والمساعدة (الافتراضي: MAWJAZ_LANG، ثم لغة النظام، ثم en)."
        case .helpRenderReports: return "ملفات التقارير (YAML أو JSON)؛ - يقرأ تقريرا من الإدخال القياسي."
        case .helpRenderDiscussion:
            return "مع تقرير واحد يسمي -o ملف الإخراج (- للإخراج القياسي). ومع عدة تقارير يسمي -o مجلدا يُكتب فيه كل تقرير باسم مجلده "
                + "(أو باسم ملفه إن لم يكن report.yaml). والتقرير المسمى - يُقرأ من الإدخال القياسي. وتُكتب صفحات PNG وSVG بالاسم "
                + "<الجذر>-<الرقم>.<الامتداد>، والأرقام مسبوقة بأصفار لتترتب الملفات."
        case .helpRenderOutput:
            return "ملف الإخراج (.pdf أو .png أو .svg)، أو - للإخراج القياسي، أو مجلد مع عدة تقارير؛ الافتراضي: out/<مجلد التقرير>.pdf"
        case .helpFormat: return "صيغة الإخراج حين لا يحددها امتداد الملف: pdf أو png أو svg."
        case .helpPages: return "الصفحات المطلوبة بصيغة PNG أو SVG، مثل 1-3,5 (الافتراضي: كلها)."
        case .helpSet: return "ضبط معلومة ليقرأها {{facts.NAME}} (يتكرر)."
        case .helpDiagnostics:
            return "طريقة طباعة المشكلات على الخطأ القياسي: text، أو json (سطور JSON: كائن لكل مشكلة فيه file وline وcolumn "
                + "وfield وseverity وmessage)."
        case .helpBatch: return "إخراج مستند لكل قيمة من قيم عمود (--each)، أو لكل صف من بيان، على كل المعالجات."
        case .helpBatchDiscussion:
            return "يُخرج الأمر batch مع --each activities.district مستندا لكل قيمة مختلفة في العمود district، ولكل مستند بياناته "
                + "مصفاة على تلك القيمة و{{group}} مضبوط عليها (ومساره مثل 'out/{group}.pdf'). والمشكلة في مستند تُذكر بموضعها "
                + "وتُخرج البقية؛ وحالة الخروج ٢ إن فشل أي منها. الخيار --results يكتب صفا لكل مستند؛ والخيار --only يعيد إخراج ما فشل "
                + "في ملف النتائج. والخيار --shard I/N يُخرج مستندا من كل N، ليتقاسم N جهازا الدفعة."
        case .helpBatchReport: return "ملف التقرير (YAML أو JSON) مع --each؛ - يقرؤه من الإدخال القياسي."
        case .helpEach:
            return "تقسيم DATASET حسب COLUMN: مستند لكل قيمة مختلفة (عمود من ملفها، أو category أو location أو partner أو title أو year)."
        case .helpManifest:
            return "ملف CSV فيه العمودان report وoutput وأي معلومات تُضبط: مستند لكل صف (المسارات نسبة إلى مجلد البيان)."
        case .helpBatchOutput: return "مسار الإخراج، و{group} فيه اسم ملف المجموعة؛ الافتراضي: out/{group}.pdf"
        case .helpJobs: return "عدد العمال الذين يُخرجون معا (الافتراضي: كل المعالجات)."
        case .helpResults: return "كتابة صف لكل مستند هنا: group وoutput وstatus وpages وmilliseconds وأول خطأ."
        case .helpOnly: return "إخراج ما يذكره ملف النتائج فاشلا فقط (أو كل ما يذكره إن لم يكن فيه عمود status)."
        case .helpShard: return "إخراج الحصة I من N (وI من ١ إلى N): مستند من كل N، لتُخرج N عمليات معا الدفعة كلها."
        case .helpExamplesHeading: return "أمثلة:"
        case .helpExample(let example): return text(example)
        case .helpQuiet: return "بلا تقدم ولا سطر ختامي؛ وتبقى المشكلات مطبوعة."
        case .helpServe: return "إخراج التقارير عبر HTTP: `POST /render` و`POST /validate` و`GET /templates` و`/healthz` و`/metrics`."
        case .helpServeDiscussion:
            return "يجيب `mawjaz serve --port 8080` عن `POST /render` (نموذج multipart/form-data فيه جزء باسم report وجزء لكل ملف يذكره، "
                + "أو تقرير بصيغة JSON أو YAML بياناته فيه) بملف PDF، أو بصفحة واحدة مع `?format=png&page=N`. لا يقرأ الطلب إلا الملفات "
                + "التي أرسلها والقوالب والخطوط المرفقة بموجز. إذا انشغل كل العمال وامتلأ الطابور كان الجواب ٥٠٣ مع Retry-After، "
                + "وعند SIGTERM تكف الخدمة عن قبول الاتصالات وتتم الطلبات التي قبلتها. التشفير متروك لخادم وكيل أمامها (docs/deploy.md)."
        case .helpHost: return "العنوان الذي تستمع عليه الخدمة (الافتراضي: 127.0.0.1، و0.0.0.0 لكل الواجهات)."
        case .helpPort: return "المنفذ الذي تستمع عليه (٠: أي منفذ حر، يُطبع عند بدء الاستماع)."
        case .helpWorkers: return "عدد أدوات الإخراج العاملة معا (الافتراضي: كل المعالجات)."
        case .helpQueue: return "عدد الطلبات التي تنتظر أداة إخراج؛ ويُجاب ما زاد عليها بالرمز ٥٠٣ مع Retry-After."
        case .helpMaxBody: return "أكبر جسم طلب يُقبل، بالبايت (ويُجاب الأكبر منه بالرمز ٤١٣)."
        case .helpTimeBudget: return "الثواني المتاحة للطلب كله: استلام الجسم والانتظار والإخراج (وبعدها: ٥٠٣)."
        case .helpMaxConnections: return "عدد الاتصالات المفتوحة معا؛ وينتظر ما زاد عليها أن يُقبل."
        case .helpIdleTimeout: return "الثواني التي يبقاها الاتصال صامتا قبل أن يُغلق."
        case .helpDrainTimeout:
            return "الثواني التي ينتظرها اتصال يُغلق حتى يقرأ العميل بقية الجواب (عند التوقف، وعند انقضاء مهلة الصمت)."
        case .helpTokenFile: return "ملف فيه رمز دخول يجب أن يرسله كل طلب إلا GET /healthz (وإلا فالجواب ٤٠١)."
        case .helpCORS: return "أصل يُسمح له باستدعاء الخدمة من متصفح (يتكرر؛ و* لأي أصل). الافتراضي: لا أحد."
        case .helpLogLevel: return "أدنى درجة تُكتب من سطور السجل: trace أو debug أو info أو notice أو warning أو error أو critical."
        case .standardInputOnce: return "الإدخال القياسي يُقرأ مرة واحدة: اذكر - مرة واحدة فقط"
        case .severalReportsNotToStandardOutput: return "مع عدة تقارير يسمي -o مجلدا لا الإخراج القياسي"
        case .severalReportsNeedAFolder(let output): return "مع عدة تقارير يسمي -o مجلدا؛ و«\(output)» يبدو ملفا"
        case .standardInputNotUTF8: return "الإدخال القياسي ليس نصا بترميز UTF-8"
        case .standardOutputTakesOneFile(let pages):
            return "الإخراج القياسي يتسع لملف واحد، وقد رُسمت " + counted(pages, n(pages), one: "صفحة واحدة", two: "صفحتان", few: "صفحات", many: "صفحة",
                                                                         other: "صفحة") + " (اختر واحدة بالخيار --pages)"
        case .outputContradictsFormat(let file, let fileExtension, let format):
            return "ملف الإخراج «\(file)» امتداده .\(fileExtension)، والخيار --format يقول \(format)"
        case .pagesOnlyForImages: return "الخيار --pages يختار صفحات PNG أو SVG؛ وملف PDF يضم كل الصفحات"
        case .eachNeedsDatasetAndColumn: return "اكتب --each DATASET.COLUMN، مثل activities.district"
        case .batchNeedsEachOrManifest: return "أعط تقريرا مع --each DATASET.COLUMN، أو --manifest FILE.csv وحده"
        case .documentFailed(let document, let output): return "\(document) ← \(output): فشل"
        case .documentDone(let done, let total, let document, let output, let pages, let milliseconds):
            return "[\(n(done))/\(n(total))] تم \(document) ← \(output) ("
                + counted(pages, n(pages), one: "صفحة واحدة", two: "صفحتان", few: "صفحات", many: "صفحة", other: "صفحة") + "، \(n(milliseconds)) ملّي ثانية)"
        case .documentFailedLine(let done, let total, let document): return "[\(n(done))/\(n(total))] فشل \(document)"
        case .batchProgress(let done, let total, let perSecond, let secondsLeft, let failed):
            return "\(n(done))/\(n(total))  \(digits(String(format: "%.1f", perSecond))) مستند/ثانية  متبقٍّ "
                + digits(String(format: "%d:%02d", secondsLeft / 60, secondsLeft % 60)) + (failed > 0 ? "  فشل \(n(failed))" : "")
        case .batchSummary(let documents, let ok, let failed, let seconds, let perSecond):
            return counted(documents, n(documents), one: "مستند واحد", two: "مستندان", few: "مستندات", many: "مستندا", other: "مستند")
                + ": تم \(n(ok))، فشل \(n(failed))، \(digits(String(format: "%.1f", seconds))) ثانية، \(digits(String(format: "%.1f", perSecond))) مستند/ثانية"

        case .fileNotRegular(let kind, let path, let special): return "\(name(kind)) \(path) \(name(special))، وليس ملفا عاديا"
        case .fileOverLimit(let kind, let path, let size, let limit, let limitName, let remedy):
            return "حجم \(name(kind)) \(path) \(bytes(size))، وهذا أكثر من \(limitPhrase(limitName, limit, remedy))"
        case .forbiddenCharacter(let code): return "المحرف U+\(code) غير مسموح به في نص YAML أو JSON"
        case .nulInText: return "المحرف NUL (\\0) غير مسموح به في النص"
        case .nulInField: return "المحرف NUL (البايت 0x00) غير مسموح به في حقل"
        case .duplicateKeyAt(let key, let line): return "المفتاح «\(key)» مكرر (أول مرة في السطر \(n(line)))"
        case .expansionPastLimit(let limitName, let limit, let remedy): return "يتجاوز النص عند توسيعه \(limitPhrase(limitName, limit, remedy))"
        case .sectionsTooDeep(let limit, let remedy): return "تتداخل الأقسام أعمق من \(limitPhrase("section-depth", limit, remedy))"
        case .tooManyPages(let limit, let remedy): return "تتجاوز صفحات المستند \(limitPhrase("pages", limit, remedy))"
        case .tooManyBoxes(let limit, let remedy): return "تتجاوز العناصر الموضوعة في المستند \(limitPhrase("boxes", limit, remedy))"
        case .tooManyRows(let limit, let remedy): return "تتجاوز صفوف سجلات الأنشطة \(limitPhrase("data-rows", limit, remedy))"
        case .tooManyTableRows(let rows, let limit, let remedy):
            return "صفوف الجدول \(n(rows))، وهذا يتجاوز \(limitPhrase("table-rows", limit, remedy))"
        case .imageTooManyPixels(let width, let height, let limit, let remedy):
            return "الصورة \(n(width))×\(n(height)) بكسل، وهذا أكثر من \(limitPhrase("image-pixels", limit, remedy))"
        case .pageTooManyPixels(let width, let height, let dpi, let limit, let remedy):
            return "الصفحة بدقة \(n(dpi)) نقطة في البوصة \(n(width))×\(n(height)) بكسل، وهذا أكثر من \(limitPhrase("image-pixels", limit, remedy))"
        case .imageNotDecodable(let reason): return "تعذر فك ترميز صورة PNG ‏(\(reason))"
        case .jpegWithoutFrame: return "لا ترويسة إطار مقروءة في صورة JPEG"
        case .outputOverwritesInput(let path): return "سيكتب الناتج فوق \(path)، وهو أحد مدخلات الإخراج"
        case .notANumber(let text): return "المتوقع عدد، والموجود «\(text)»"
        case .numberOutsideRange(let text, let low, let high): return "\(text) خارج المدى \(n(low))…\(n(high))"
        case .notAPageRange(let text): return "«\(text)» ليس صفحة ولا مدى صفحات (اكتب الصفحات هكذا: 1-3,5,8-)"
        case .limitSettingUnknown(let given, let names, let suggestion):
            return "«\(given)» ليس NAME=VALUE حيث NAME أحد: \(names.joined(separator: "، "))\(didYouMean(suggestion))"
        case .limitSettingNotPositive(let limitName, let found): return "يأخذ \(limitName) عددا صحيحا أكبر من ٠، والموجود «\(found)»"
        case .watch(let message): return text(message)
        case .editor(let word): return text(word)

        case .verbatim(let text): return text
        }
    }

    private func name(_ kind: FileKind) -> String {
        switch kind {
        case .file: return "الملف"
        case .dataFile: return "ملف البيانات"
        case .letterheadLogo: return "شعار الترويسة"
        case .letterheadImage: return "صورة الترويسة"
        case .image: return "الصورة"
        case .manifest: return "البيان"
        case .resultsFile: return "ملف النتائج"
        }
    }

    private func name(_ part: FurniturePart) -> String {
        switch part {
        case .banner: return "شريط التصنيف"
        case .runningHead: return "رأس الصفحة"
        case .runningFoot: return "تذييل الصفحة"
        }
    }

    private func name(_ margin: Margin) -> String {
        switch margin {
        case .top: return "الهامش العلوي"
        case .bottom: return "الهامش السفلي"
        }
    }

    private func name(_ special: SpecialFile) -> String {
        switch special {
        case .fifo: return "أنبوب FIFO"
        case .device: return "جهاز"
        case .socket: return "مقبس"
        case .other: return "ليس ملفا"
        }
    }

    /// A limit and how to raise it.
    private func limitPhrase(_ name: String, _ value: Int, _ remedy: LimitRemedy) -> String {
        let raise: String
        switch remedy {
        case .commandLine: raise = "ارفعه في limits: في التقرير، أو بالخيار ‎--limit \(name)=N"
        case .library: raise = "ارفعه في limits: في التقرير، أو في حدود الطلب ‎RenderRequest.limits"
        case .service: raise = "ارفعه في limits: في التقرير إلى عشرة أضعاف قيمته الافتراضية، وما فوق ذلك يرفعه من يشغّل الخدمة"
        case .serviceSetting: raise = "تحدده الخدمة نفسها، ولا يرفعه إلا من يشغّلها"
        }
        return "حد \(name) البالغ \(n(value)) (\(raise))"
    }

    private func bytes(_ count: Int) -> String {
        counted(count, n(count), one: "بايت واحد", two: "بايتان", few: "بايتات", many: "بايتا", other: "بايت")
    }

    private func name(_ kind: NodeKind) -> String {
        switch kind {
        case .nothing: return "لا شيء"
        case .text(let text): return "النص «\(text)»"
        case .mapping: return "مفاتيح وقيم"
        case .list: return "قائمة"
        case .alias: return "اسم مستعار"
        }
    }

    private func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " (هل تقصد «\($0)»؟)" } ?? ""
    }

    /// A whole number in Arabic-Indic digits, grouped by thousands from ten thousand up.
    func n(_ value: Int) -> String {
        guard abs(value) >= 10_000 else { return number(value) }
        var groups: [String] = []
        var rest = abs(value)
        while rest >= 1000 {
            groups.insert(String(String(rest % 1000 + 1000).dropFirst()), at: 0)
            rest /= 1000
        }
        groups.insert(String(rest), at: 0)
        return digits((value < 0 ? "-" : "") + groups.joined(separator: "٬"))
    }

    /// A number given as a `Double`: whole numbers without decimals.
    private func n(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? n(Int(value)) : digits(String(value))
    }

    /// Points rounded to whole ones, with their unit: "٣ نقاط"، "٢٠ نقطة".
    private func points(_ value: Double) -> String {
        points(Int(value.rounded()))
    }

    private func points(_ value: Int) -> String {
        counted(value, n(value), one: "نقطة واحدة", two: "نقطتان", few: "نقاط", many: "نقطة", other: "نقطة")
    }

    private func columns(_ count: Int) -> String {
        counted(count, n(count), zero: "لا أعمدة", one: "عمود واحد", two: "عمودان", few: "أعمدة", many: "عمودا", other: "عمود")
    }
}
