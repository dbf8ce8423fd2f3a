// Command-line values parsed and checked in one place each: every bad one is a problem naming its option.
import Mawjaz
import Testing

@Suite struct ArgumentTests {
    @Test func resolutionsAreFiniteAndInRange() throws {
        #expect(try DPI.parse("150").get().value == 150)
        #expect(try DPI.parse(" 72.5 ").get().value == 72.5)
        for text in ["nan", "inf", "-inf", "1e12", "0", "-5", "9", "2401", "abc", "", "0x10"] {
            guard case .failure(let problem) = DPI.parse(text) else { Issue.record("\(text) was taken"); continue }
            #expect(problem.option == "--dpi")
        }
    }

    @Test func pageSelectionsSelectPagesInOrderWithoutRepeats() throws {
        let selection = try PageSelection.parse("3-4,1,8-").get()
        #expect(selection.description == "3-4,1,8-")
        #expect(try selection.pages(of: 9) == [3, 4, 1, 8, 9])
        #expect(try PageSelection.parse("2-2,1-3").get().pages(of: 3) == [2, 1, 3])
        #expect(try PageSelection.parse("٢").get().pages(of: 3) == [2], "Arabic-Indic digits")
        #expect(throws: MawjazError.self, "a page past the end") { try PageSelection.parse("9").get().pages(of: 3) }
        for text in ["", "0", "-3", "3-1", "a", "1,,2", "1-2-3", "1.5"] {
            guard case .failure(let problem) = PageSelection.parse(text) else { Issue.record("\(text) was taken"); continue }
            #expect(problem.option == "--pages")
            #expect(problem.description.contains("write pages as 1-3,5,8-"))
            #expect(PageSelection(parsing: text) == nil)
        }
    }

    @Test func jobCountsAreSmallWholeNumbers() throws {
        #expect(try JobCount.parse("2").get().value == 2)
        for text in ["0", "-1", "65", "two", "1.5", ""] {
            guard case .failure(let problem) = JobCount.parse(text) else { Issue.record("\(text) was taken"); continue }
            #expect(problem.option == "-j")
        }
    }

    @Test func limitSettingsNameALimitAndAPositiveNumber() throws {
        let setting = try LimitOverrides.parse("pages=5000").get()
        #expect(setting == LimitSetting(name: .pages, value: 5000))
        #expect(LimitOverrides([setting, LimitSetting(name: .pages, value: 7)]).applied(to: Limits()).pages == 7, "the last one wins")
        guard case .failure(let unknown) = LimitOverrides.parse("pagez=3") else { Issue.record("pagez was taken"); return }
        #expect(unknown.description.contains("did you mean \"pages\"?"))
        for text in ["pages", "pages=", "pages=0", "pages=-4", "pages=many", "=3"] {
            guard case .failure(let problem) = LimitOverrides.parse(text) else { Issue.record("\(text) was taken"); continue }
            #expect(problem.option == "--limit")
        }
    }
}
