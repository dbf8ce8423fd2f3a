// The time zone named once for the whole process, so that starting a PDF does not look at /etc/localtime again.
import Foundation

extension Renderer {
    /// What `TZ` is set to by `nameTimeZoneOnce()`: nil (left as it is) when it is set already, the system's zone file
    /// when it is not. A leading colon makes glibc read the file that follows, which is the zone it reads when `TZ`
    /// is unset: the same zone either way.
    package static func timeZoneToName(current: String?) -> String? {
        current == nil ? ":/etc/localtime" : nil
    }

    /// Names the system's time zone in `TZ` when it is unset. cairo dates every PDF it starts with `mktime`, and with
    /// `TZ` unset glibc checks `/etc/localtime` (a `stat`) on every call, under a lock all threads share: two workers
    /// rendering at once waited for each other there. With the zone named, glibc reads it once. Changes nothing
    /// Mawjaz writes (its PDFs are dated by `SOURCE_DATE_EPOCH` or the clock, in UTC). Call it first thing in `main`,
    /// before any thread starts: setting the environment is not safe while other threads read it.
    package static func nameTimeZoneOnce() {
        if let value = timeZoneToName(current: getenv("TZ").map { String(cString: $0) }) { setenv("TZ", value, 0) }
    }
}
