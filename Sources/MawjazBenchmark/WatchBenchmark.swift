// How long `mawjaz watch` takes from a save to the new PDF on disk: a one-page brief saved as editors save
// (a new file renamed over the old one), the time measured until the output is replaced.
import Foundation
import Mawjaz

/// `mawjaz-bench watch [--rounds N] [--mawjaz PATH]` (100 saves unless told).
struct WatchBenchmarkOptions {
    var rounds = 100
    var mawjaz = ".build/release/mawjaz"

    init(_ arguments: [String]) throws {
        rounds = try option("--rounds", in: arguments) { Int($0) } ?? rounds
        mawjaz = try option("--mawjaz", in: arguments) { $0 } ?? mawjaz
    }
}

/// The report saved each round: a one-page brief with facts, a paragraph that changes and a chart of its log.
func watchedReport(round: Int) -> String {
    """
    template: briefing
    title: "موجز المتابعة"
    date: 2025-09-15
    data:
      activities: activities.csv
    body:
      - facts:
          items:
            - {label: "نشاطا", value: "{{activities.count}}"}
            - {label: "عام البداية", value: "{{activities.first_year}}"}
      - heading: "خلاصة"
      - paragraph: "الصيغة رقم \(round) من نص الموجز، بلغ عدد الأنشطة فيها {{activities.count}} نشاطا."
      - chart: {type: bar, data: activities, by: year, title: "الأنشطة حسب السنة"}

    """
}

func runWatchBenchmark(_ options: WatchBenchmarkOptions) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mawjaz-bench-watch-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = folder.appendingPathComponent("report.yaml"), output = folder.appendingPathComponent("brief.pdf")
    let log = districtLog(count: 8).csv
    let rows = log.split(separator: "\n").count - 1
    try Data(log.utf8).write(to: folder.appendingPathComponent("activities.csv"))
    try Data(watchedReport(round: 0).utf8).write(to: report)

    let watch = Process()
    watch.executableURL = URL(fileURLWithPath: options.mawjaz)
    watch.arguments = ["watch", report.path, "-o", output.path]
    watch.standardOutput = FileHandle.nullDevice
    watch.standardError = FileHandle.standardError
    try watch.run()
    defer { watch.terminate(); watch.waitUntilExit() }
    guard waitForReplacement(of: output, after: nil, within: .seconds(30)) != nil else { throw BenchmarkFailure(reason: "no first render") }
    Thread.sleep(forTimeInterval: 0.5)

    let loadAtStart = loadAverage()
    var latencies: [Double] = []
    for round in 1...options.rounds {
        let before = inode(of: output)
        let temporary = folder.appendingPathComponent(".report.yaml.saving")
        try Data(watchedReport(round: round).utf8).write(to: temporary)
        let saved = ContinuousClock.now
        guard rename(temporary.path, report.path) == 0 else { throw BenchmarkFailure(reason: "cannot save the report") }
        guard let replaced = waitForReplacement(of: output, after: before, within: .seconds(10)) else {
            throw BenchmarkFailure(reason: "round \(round): the output was not replaced within 10 s")
        }
        let pdf = try Data(contentsOf: output)
        guard pdf.starts(with: Data("%PDF-".utf8)), pdf.suffix(6).contains(Data("%%EOF".utf8)) else {
            throw BenchmarkFailure(reason: "round \(round): the output is not a whole PDF")
        }
        latencies.append(Double((replaced - saved) / .microseconds(1)) / 1000)
        Thread.sleep(forTimeInterval: 0.3)
    }
    let sorted = latencies.sorted()
    let within = latencies.filter { $0 <= 200 }.count
    print("mawjaz watch, a one-page brief (facts, a paragraph, a chart of a log of \(rows) rows) saved by rename, \(options.rounds) saves:")
    print(String(format: "save to new PDF on disk: median %.1f ms, 95th percentile %.1f ms, best %.1f ms, worst %.1f ms; %d of %d within 200 ms",
                 median(latencies), sorted[min(sorted.count - 1, sorted.count * 95 / 100)], sorted.first ?? 0, sorted.last ?? 0,
                 within, latencies.count))
    print("load average: \(loadAtStart) at the start, \(loadAverage()) at the end")
}

/// The file's inode number (a rename over it gives it a new one), or nil when it does not exist.
private func inode(of url: URL) -> UInt? {
    var status = stat()
    return stat(url.path, &status) == 0 ? UInt(status.st_ino) : nil
}

/// Polls every 0.2 ms until `url` is a different file than `before` (by inode); the moment it saw it, or nil.
private func waitForReplacement(of url: URL, after before: UInt?, within limit: Duration) -> ContinuousClock.Instant? {
    let start = ContinuousClock.now
    while ContinuousClock.now - start < limit {
        if let now = inode(of: url), now != before { return ContinuousClock.now }
        usleep(200)
    }
    return nil
}
