// A report that exercises tagged PDF: headings on three levels with a contents list linking to them, a link
// outside, paragraphs long enough to break between pages, a nested list, a long table, a note and a signature.

extension TestSupport {
    /// A sentence of Arabic, repeated to make long paragraphs.
    package static let sentence = "يعمل البرنامج على بناء العلاقات بين الولايات والدول الشريكة منذ أكثر من ثلاثين عاما في مجالات كثيرة."

    /// The report as YAML, in `language` (ar or en).
    package static func structuredReport(language: String = "ar") -> String {
        let long = Array(repeating: sentence, count: 14).joined(separator: " ")
        let longer = Array(repeating: sentence, count: 40).joined(separator: " ")
        let rows = (1...40).map { "        - [\"صف \($0)\", \"\(sentence)\"]" }.joined(separator: "\n")
        return """
            template: briefing
            title: "تقرير للاختبار"
            date: 2024-09-15
            language: \(language)
            author: "مكتب الاختبار"
            subject: "موضوع الاختبار"
            keywords: [اختبار, هيكل]
            body:
              - list: ["[القسم الأول](#section-1)", "[القسم الثاني](#section-2)"]
              - paragraph: "للمزيد انظر [موقع البرنامج](https://example.org/دليل?q='x') ثم عد إلى [القسم الثاني](#section-2)."
              - heading: "القسم الأول"
              - paragraph: "\(long)"
              - paragraph: "\(longer)"
              - heading: {text: "فرع أول", level: 2}
              - paragraph: "\(long)"
              - heading: {text: "فرع الفرع", level: 3}
              - list: ["البند الأول", {text: "البند الثاني", items: ["بند فرعي", "بند فرعي آخر"]}, "البند الثالث"]
              - paragraph: "\(long)"
              - paragraph: "\(long)"
              - heading: "القسم الثاني"
              - table:
                  title: "جدول طويل"
                  columns: ["الصف", "النص"]
                  rows:
            \(rows)
              - note: {title: "ملاحظة", text: "نص الملاحظة."}
              - signature: {name: "الاسم", title: "المنصب"}
            """
    }
}
