// `mawjaz init`: a new report folder that renders at once — a report.yaml for a template and a small log.
import Foundation
import MawjazData

/// Writes the starting files of a new report.
public enum Scaffold {
    /// The templates a new report can start from.
    public static let templates = ["briefing", "annual-summary", "correspondence"]

    /// Writes `report.yaml` and `activities.csv` into `folder` (created if needed), for `template`.
    /// Existing files are never overwritten. Returns the files written.
    @discardableResult
    public static func write(to folder: URL, template: String) throws(MawjazError) -> [URL] {
        guard templates.contains(template) else {
            throw .input([Diagnostic(.error, at: SourceLocation(file: folder.path), field: "template",
                                     "no template named \"\(template)\"" + Suggestion.didYouMean(template, among: templates)
                                     + " (templates: \(templates.joined(separator: ", ")))")])
        }
        let files = [("report.yaml", report(template: template)), ("activities.csv", activities)]
        for (name, _) in files where FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
            throw .input([Diagnostic(.error, at: SourceLocation(file: folder.appendingPathComponent(name).path),
                                     "already exists; init never overwrites a file")])
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .withoutOverwriting) }
        } catch {
            throw .output("\(folder.path): \(error.localizedDescription)")
        }
        return files.map { folder.appendingPathComponent($0.0) }
    }

    static let activities = """
        # A small activity log to start from: one row per activity. Replace it with your own.
        date,category,title,location
        2022-02-10,اجتماعات,اجتماع تنسيقي للقيادات,الرياض
        2022-05-18,تدريب,دورة تدريبية في إدارة الطوارئ,جدة
        2022-11-03,تبادل خبرات,زيارة وفد فني,الدمام
        2023-01-22,اجتماعات,اجتماع المراجعة السنوية,الرياض
        2023-04-09,تدريب,تمرين مشترك على الاستجابة للفيضانات,أبها
        2023-06-14,تدريب,ورشة عمل عن السلامة الميدانية,جدة
        2023-09-30,تبادل خبرات,"تبادل خبرات في الإمداد, والصيانة",تبوك
        2024-02-05,اجتماعات,اجتماع القيادات الإقليمية,الرياض
        2024-03-17,تدريب,دورة متقدمة في الاتصالات,الدمام
        2024-05-26,تبادل خبرات,زيارة جامعية مشتركة,المدينة المنورة
        2024-07-08,تدريب,تمرين ميداني مشترك,حائل
        2024-08-19,اجتماعات,اجتماع التخطيط للعام القادم,الرياض

        """

    static func report(template: String) -> String {
        let head = """
            # A new report. Render it with: mawjaz render report.yaml
            template: \(template)
            title: "عنوان التقرير"
            subtitle: "عنوان فرعي (Subtitle)"
            date: 2024-09-15
            classification: "غير سري"
            language: ar
            numerals: arabic-indic
            justify: kashida
            data:
              activities: activities.csv
            body:

            """
        switch template {
        case "correspondence":
            return head + """
                  - reference: {number: "١٢٣/٤٥", attachments: "لا يوجد"}
                  - paragraph: "**الموضوع: عنوان الخطاب**"
                    align: center
                  - paragraph: "تحية طيبة وبعد،"
                    align: start
                  - paragraph: "نص الخطاب. بلغ عدد الأنشطة المسجلة {{activities.count}} نشاطا منذ عام {{activities.first_year}}."
                  - signature: {name: "الاسم", title: "المنصب", stamp: true}

                """
        case "annual-summary":
            return head + """
                  - contents: {title: "المحتويات"}
                  - page-break
                  - heading: "نظرة عامة"
                  - paragraph: "سجل العام {{activities.count}} نشاطا، وكان عام {{activities.busiest_year}} أكثرها نشاطا."
                  - chart: {type: bar, data: activities, by: year, title: "الأنشطة حسب السنة"}
                  - heading: "الأنشطة حسب الفئة"
                  - for-each: {data: activities, by: category}
                    blocks:
                      - heading: "{{category}}"
                        level: 2
                      - paragraph: "{{count}} نشاطا ({{share}})."
                  - heading: "ملحق: سجل الأنشطة"
                  - table:
                      columns: ["التاريخ", "الفئة", "النشاط"]
                      rows-from: {data: activities, cells: ["{{date}}", "{{category}}", "{{title}}"]}

                """
        default:
            return head + """
                  - facts:
                      items:
                        - {label: "نشاطا منذ البداية", value: "{{activities.count}}"}
                        - {label: "عام البداية", value: "{{activities.first_year}}"}
                  - heading: "خلاصة"
                  - paragraph: "اكتب هنا نص الموجز. بلغ عدد الأنشطة {{activities.count}} نشاطا."
                  - chart: {type: bar, data: activities, by: year, title: "الأنشطة حسب السنة"}

                """
        }
    }
}
