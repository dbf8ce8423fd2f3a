// File names made from a batch's group values: Arabic kept as written, anything that could leave the folder, hide in
// it or read as another name replaced, and no two names alike.
import Mawjaz
import Testing

@Suite struct SafeFileNameTests {
    @Test(arguments: [
        ("الرياض - الشمال", "الرياض - الشمال"),
        ("شمال/جنوب", "شمال_جنوب"),
        ("a\\b:c*d?e\"f<g>h|i", "a_b_c_d_e_f_g_h_i"),
        ("تبوك\u{0007}\u{0085}", "تبوك__"),
        ("\u{202E}fdp.exe", "_fdp.exe"),
        ("لا\u{200D}م", "لا\u{200D}م"),
        ("  ..حائل..  ", "حائل"),
        ("..", "_"),
        ("", "_"),
    ])
    func unsafeCharactersAreReplacedAndEndsTrimmed(_ value: String, _ expected: String) {
        #expect(SafeFileName.make(value) == expected)
    }

    @Test func aSeparatorCarryingACombiningMarkIsReplacedToo() {
        // One character, "/" with an acute accent on it: the slash would still split the path.
        #expect(SafeFileName.make("a/\u{0301}b") == "a_b")
        #expect(SafeFileName.make("a\u{0301}b") == "a\u{0301}b")
    }

    @Test func longValuesAreCutToWholeCharactersWithinTheLimit() {
        let name = SafeFileName.make(String(repeating: "مدينة ", count: 40))
        #expect(name.utf8.count <= SafeFileName.byteLimit)
        #expect(name.hasPrefix("مدينة مدينة"))
        #expect(String(name.unicodeScalars) == name)
    }

    @Test func collisionsAreNumberedIgnoringCase() {
        var names = SafeFileName.Registry()
        #expect(["Abha", "abha", "شمال/جنوب", "شمال_جنوب", "abha"].map { names.claim($0) }
                == ["Abha", "abha-2", "شمال_جنوب", "شمال_جنوب-2", "abha-3"])
    }
}
