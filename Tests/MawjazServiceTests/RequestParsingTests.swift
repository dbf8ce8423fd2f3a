// The small parsers of the service: media types and their parameters, Accept-Language, file names offered, the
// constant-time token comparison.
import Foundation
@testable import MawjazService
import Mawjaz
import Testing

@Suite struct RequestParsingTests {
    @Test func mediaTypesAndParameters() {
        let (type, parameters) = ReportUpload.parse(contentType: "Multipart/Form-Data; boundary=\"a;b\\\"c\"; charset=utf-8")
        #expect(type == "multipart/form-data")
        #expect(parameters == ["boundary": "a;b\"c", "charset": "utf-8"])
        let disposition = ReportUpload.parse(contentType: "form-data; name=\"data/2024/log.csv\"; filename=\"log.csv\"")
        #expect(disposition.mediaType == "form-data")
        #expect(disposition.parameters["name"] == "data/2024/log.csv")
        #expect(disposition.parameters["filename"] == "log.csv")
        #expect(ReportUpload.parse(contentType: "").mediaType == "")
        #expect(ReportUpload.parse(contentType: "text/yaml;;;=;x").parameters.isEmpty)
    }

    @Test func acceptLanguageByQuality() {
        #expect(Language.preferred(in: "ar") == .ar)
        #expect(Language.preferred(in: "fr-FR, ar;q=0.8, en;q=0.9") == .en)
        #expect(Language.preferred(in: "ar-SA,ar;q=0.9,en;q=0.8") == .ar)
        #expect(Language.preferred(in: "en;q=0, ar;q=0.1") == .ar)
        #expect(Language.preferred(in: "de, fr") == nil)
        #expect(Language.preferred(in: "") == nil)
    }

    @Test func offeredFileNames() {
        #expect(RenderOptions.fileStem("reports/brief.yaml") == "brief")
        #expect(RenderOptions.fileStem("../../etc/passwd") == "passwd")
        #expect(RenderOptions.fileStem("a\"b\u{0}c.pdf") == "abc")
        #expect(RenderOptions.fileStem(".hidden") == nil)
        #expect(RenderOptions.fileStem("موجز الحي") == "موجز الحي")
        #expect(Answer.contentDisposition("موجز.pdf", inline: false) == "attachment; filename=\"____.pdf\"; filename*=UTF-8''%D9%85%D9%88%D8%AC%D8%B2.pdf")
        #expect(Answer.contentDisposition("brief-2.png", inline: true) == "inline; filename=\"brief-2.png\"")
    }

    @Test func tokensCompareWhole() {
        #expect(BearerTokenMiddleware.same("secret", "secret"))
        #expect(!BearerTokenMiddleware.same("secret", "secreT"))
        #expect(!BearerTokenMiddleware.same("secret", "secret2"))
        #expect(!BearerTokenMiddleware.same("", "secret"))
        #expect(!BearerTokenMiddleware.same("secret\u{0}", "secret"))
    }

    @Test func excerptsAreShortAndPrintable() {
        #expect(excerpt("a\u{7}b") == "a?b")
        #expect(excerpt(String(repeating: "x", count: 50)) == String(repeating: "x", count: 50))
        #expect(excerpt(String(repeating: "x", count: 70)) == String(repeating: "x", count: 60) + "…")
        #expect(excerpt(String(repeating: "\u{7}", count: 70)) == String(repeating: "?", count: 60) + "…")
    }
}
