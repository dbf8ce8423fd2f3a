// Tests of did-you-mean suggestions: the closest name within a small edit distance, swaps counted as one edit.
import MawjazLanguage
import Testing
@testable import MawjazData

@Suite struct SuggestionTests {
    @Test func measuresEditsIncludingSwapsOfNeighbours() {
        func distance(_ a: String, _ b: String) -> Int {
            Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
        }
        #expect(distance("date", "date") == 0)
        #expect(distance("date", "data") == 1)
        #expect(distance("titel", "title") == 1)
        #expect(distance("", "abc") == 3)
        #expect(distance("abc", "") == 3)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("ca", "abc") == 3)
        #expect(distance("التاريح", "التاريخ") == 1)
    }

    @Test func suggestsOnlyCloseNames() {
        #expect(Suggestion.closest(to: "Titel", among: ["date", "title"]) == "title")
        #expect(Suggestion.closest(to: "category", among: ["الفئة", "التاريخ"]) == nil)
        #expect(Suggestion.closest(to: "x", among: []) == nil)
        let suggestion = Suggestion.closest(to: "dat", among: ["date", "tags"])
        #expect(Message.unknownKey("dat", suggestion: suggestion).description == "unknown key \"dat\" (did you mean \"date\"?)")
        #expect(Message.unknownKey("dat", suggestion: suggestion).text(in: .ar) == "مفتاح غير معروف «dat» (هل تقصد «date»؟)")
        #expect(Suggestion.closest(to: "zzzz", among: ["date", "tags"]) == nil)
    }
}
