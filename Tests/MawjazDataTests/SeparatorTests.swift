// Logs exported with semicolons or tabs between fields, as spreadsheets do in some locales.
import Foundation
@testable import MawjazData
import Testing

@Suite struct SeparatorTests {
    @Test func semicolonsSeparateWhenTheHeaderUsesThem() throws {
        let log = try #require(parseLog("date;category;title;location\r\n2023-01-05;تدريب;\"دورة; متقدمة, في الإسعاف\";الرياض\r\n2024;تبادل;زيارة;جدة\r\n"))
        #expect(log.activities.map(\.title) == ["دورة; متقدمة, في الإسعاف", "زيارة"])
        #expect(log.activities.map(\.location) == ["الرياض", "جدة"])
    }

    @Test func tabsSeparateWhenTheHeaderUsesThem() throws {
        let log = try #require(parseLog("date\tcategory\ttitle\n2023-01-05\tتدريب\tدورة, متقدمة\n2024-02\t تبادل \t\"زيارة\tفنية\"\n"))
        #expect(log.activities.map(\.title) == ["دورة, متقدمة", "زيارة\tفنية"])
        #expect(log.activities.map(\.category) == ["تدريب", "تبادل"])
    }

    @Test func commasStayTheSeparatorWhenTheyAreAsManyAsTheOthers() throws {
        let log = try #require(parseLog("date,category,title\n2023-01-05,أ,\"x; y\"\n"))
        #expect(log.activities.first?.title == "x; y")
    }

    @Test func aTabSeparatedRowWithAMissingFieldIsStillAnError() throws {
        var errors: [Diagnostic] = []
        do {
            _ = try ActivityCSV.parse(Array("date\tcategory\ttitle\n2023-01-05\tتدريب\n".utf8), file: "t.tsv", name: "log")
        } catch {
            errors = error.diagnostics
        }
        #expect(errors.count == 1)
        #expect(errors.first?.message.description == "the row has 2 fields but the header has 3")
    }
}
