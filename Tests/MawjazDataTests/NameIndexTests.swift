// Tests of numbering names in order of first appearance, by comparing bytes while few and hashing past that.
import Testing
@testable import MawjazData

@Suite struct NameIndexTests {
    @Test func numbersNamesInOrderOfFirstAppearance() {
        var index = NameIndex(["ب", "أ", "ب"])
        #expect(index.names == ["ب", "أ"])
        #expect(index.number(of: "ت") == 2)
        #expect(index.number(of: "أ") == 1)
        #expect(index.number(of: "ت") == 2)
        #expect(index.number(of: "ب") == 0)
        #expect(index.names == ["ب", "أ", "ت"])
    }

    @Test func keepsNumbersPastTheScanLimit() {
        let names = (0..<40).map { "فئة رقم \($0) من فئات النشاط" }
        var index = NameIndex()
        for name in names + names.reversed() + names { _ = index.number(of: name) }
        #expect(index.names == names)
        #expect(names.indices.allSatisfy { index.number(of: names[$0]) == $0 })
        #expect(index.number(of: "جديدة") == 40)
    }

    @Test(arguments: [1, 20])
    func givesCanonicallyEquivalentSpellingsOneNumber(others: Int) {
        let composed = "\u{0622}خر"  // آخر with ALEF WITH MADDA ABOVE
        let decomposed = "\u{0627}\u{0653}خر"  // the same, ALEF then MADDA ABOVE
        var index = NameIndex((0..<others).map { "اسم \($0)" })
        let number = index.number(of: composed)
        #expect(index.number(of: decomposed) == number)
        #expect(index.number(of: decomposed) == number)
        #expect(index.number(of: composed) == number)
        #expect(index.names.last == composed)
        #expect(index.names.count == others + 1)
    }
}
