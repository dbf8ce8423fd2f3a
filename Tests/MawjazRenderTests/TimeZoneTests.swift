// The time zone named once for the process: left alone when set, and when unset named as the zone glibc reads anyway.
import Foundation
import MawjazRender
import Testing
import TestSupport

@Suite struct TimeZoneTests {
    @Test func anUnsetZoneIsNamedAndASetOneIsLeftAlone() {
        #expect(Renderer.timeZoneToName(current: nil) == ":/etc/localtime")
        #expect(Renderer.timeZoneToName(current: "Asia/Riyadh") == nil)
        // Empty means UTC to glibc: the user's choice stays.
        #expect(Renderer.timeZoneToName(current: "") == nil)
    }

    /// `date` gives the same offset, zone name and hour with `TZ` unset and with the name given, in winter and summer.
    @Test(arguments: ["@1700000000", "@1719000000"])
    func theNamedZoneIsTheOneReadWhenUnset(_ moment: String) throws {
        let named = try #require(Renderer.timeZoneToName(current: nil))
        let unset = try TestSupport.run("env", ["-u", "TZ", "date", "-d", moment, "+%z %Z %H"])
        let given = try TestSupport.run("env", ["TZ=\(named)", "date", "-d", moment, "+%z %Z %H"])
        #expect(unset.status == 0 && given.status == 0)
        #expect(!given.output.isEmpty && given.output == unset.output)
    }
}
