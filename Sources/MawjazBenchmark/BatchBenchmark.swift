// The batch benchmark: 500 one-page district briefs from one CSV, rendered by the library in-process, by
// `mawjaz batch -j 1` and `-j 2`, by worker processes, and by a shell loop of `mawjaz render`; per round ratios,
// byte-for-byte comparison with one-by-one renders, and resident memory over thousands of renders.
//
//   mawjaz-bench batch [--documents 500] [--rounds 3] [--memory-renders 5000] [--loop-sample N] [--keep FOLDER]
import Foundation
import Mawjaz

struct BatchBenchmarkOptions {
    var documents = 500
    var rounds = 3
    var memoryRenders = 5000
    /// Time the shell loop over this many documents and scale to all (0: every document).
    var loopSample = 0
    var keep: String?

    init(_ arguments: [String]) throws {
        documents = try option("--documents", in: arguments) { Int($0) } ?? documents
        rounds = try option("--rounds", in: arguments) { Int($0) } ?? rounds
        memoryRenders = try option("--memory-renders", in: arguments) { Int($0) } ?? memoryRenders
        loopSample = try option("--loop-sample", in: arguments) { Int($0) } ?? loopSample
        keep = try option("--keep", in: arguments) { $0 }
    }
}

/// The report every district brief is made from.
let districtReport = """
    title: "موجز نشاط {{group}}"
    subtitle: "ملخص الأنشطة المسجلة في الحي"
    date: 2024-12-31
    classification: "غير سري"
    numerals: arabic-indic
    data:
      activities: activities.csv
    body:
      - facts:
          items:
            - {label: "نشاطا مسجلا", value: "{{activities.count}}"}
            - {label: "عام البداية", value: "{{activities.first_year}}"}
            - {label: "أكثر الفئات", value: "{{activities.top_category}}"}
      - heading: "خلاصة"
      - paragraph: "سجل حي {{group}} {{activities.count}} نشاطا منذ عام {{activities.first_year}}، وكان عام {{activities.busiest_year}} أكثرها نشاطا."
      - chart: {type: bar, data: activities, by: year, title: "الأنشطة حسب السنة"}

    """

/// `count` district names and a log of 6–12 activities each, rows shuffled, the same on every run.
func districtLog(count: Int) -> (districts: [String], csv: String) {
    let cities = ["الرياض", "جدة", "الدمام", "أبها", "تبوك", "حائل", "المدينة المنورة", "مكة المكرمة", "الطائف", "بريدة",
                  "نجران", "جازان", "الخبر", "ينبع", "القطيف", "الأحساء", "عرعر", "سكاكا", "الباحة", "بيشة"]
    let quarters = ["الشمال", "الجنوب", "الشرق", "الغرب", "الوسط", "النخيل", "الروضة", "العليا", "السلام", "الربوة", "النسيم",
                    "الملز", "الفيصلية", "الزهراء", "الصفا", "المروة", "الحمراء", "الشاطئ", "الورود", "الياسمين", "القدس",
                    "الخليج", "الأندلس", "الريان", "البساتين"]
    let categories = ["اجتماعات", "تدريب", "تبادل خبرات", "زيارات ميدانية"]
    let titles = ["اجتماع تنسيقي", "دورة تدريبية في السلامة", "ورشة عمل للمتطوعين", "زيارة ميدانية للمواقع", "تمرين مشترك"]
    var seed: UInt64 = 7
    func next(_ bound: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(bound))
    }
    let districts = (0..<count).map { index in
        "\(cities[index % cities.count]) - \(quarters[(index / cities.count) % quarters.count])" + (index >= 500 ? " \(index / 500)" : "")
    }
    var rows: [String] = []
    for district in districts {
        for _ in 0..<(6 + next(7)) {
            let month = 1 + next(12), day = 1 + next(28)
            rows.append("\(2019 + next(6))-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day),"
                        + "\(categories[next(categories.count)]),\(titles[next(titles.count)]),\(district)")
        }
    }
    for index in rows.indices.reversed() { rows.swapAt(index, next(index + 1)) }
    return (districts, "date,category,title,district\n" + rows.joined(separator: "\n") + "\n")
}

/// Resident memory of this process, in bytes.
func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

/// Seconds of CPU this process has used (user and system).
func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Seconds of CPU the finished child processes have used (user and system).
func childProcessorSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// The schedstat files of the render workers (threads named mawjaz-render-N) of process `pid`.
func renderWorkerSchedules(of pid: Int32) -> [String] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    return tasks.filter { task in
        (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/comm", encoding: .utf8))?.hasPrefix("mawjaz-render-") == true
    }.map { "/proc/\(pid)/task/\($0)/schedstat" }
}

/// A thread's processor and run-queue seconds so far, from its schedstat file.
func schedule(at path: String) -> (processor: Double, waiting: Double)? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    return fields.count >= 2 ? (fields[0] / 1e9, fields[1] / 1e9) : nil
}

/// Runs a program and returns its exit status, the seconds it took, the processor seconds it used, and the mean wait
/// for a processor of its `workers` render workers (read from /proc every 10 ms while it runs). The sampling costs a
/// few reads a time once the workers are found, so that it takes next to nothing from the processors it measures:
/// listing every thread and reading each one's name every 5 ms took a few percent of a core, from the workers
/// themselves when they had every core.
func runTimed(_ program: String, _ arguments: [String], in folder: URL, workers expected: Int = 0)
    throws -> (status: Int32, seconds: Double, processor: Double, queued: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.environment = ProcessInfo.processInfo.environment.merging(["SOURCE_DATE_EPOCH": "1700000000"]) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let processorBefore = childProcessorSeconds()
    var workers: [String] = []
    var latest: [String: (processor: Double, waiting: Double)] = [:]
    let (_, milliseconds) = try timed {
        try process.run()
        while process.isRunning {
            if workers.count < expected { workers = renderWorkerSchedules(of: process.processIdentifier) }
            for path in workers { if let now = schedule(at: path) { latest[path] = now } }
            usleep(10_000)
        }
        process.waitUntilExit()
    }
    let queued = latest.isEmpty ? 0 : latest.values.map(\.waiting).reduce(0, +) / Double(latest.count)
    return (process.terminationStatus, milliseconds / 1000, childProcessorSeconds() - processorBefore, queued)
}

func runBatchBenchmark(_ options: BatchBenchmarkOptions, resources: Resources) throws {
    let folder = options.keep.map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("mawjaz-batch-bench-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { if options.keep == nil { try? FileManager.default.removeItem(at: folder) } }
    let mawjaz = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("mawjaz").path
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1)

    // The data: one CSV of every district, and for the shell loop one folder per district holding its own rows.
    let (districts, csv) = districtLog(count: options.documents)
    try Data(districtReport.utf8).write(to: folder.appendingPathComponent("report.yaml"))
    try Data(csv.utf8).write(to: folder.appendingPathComponent("activities.csv"))
    let lines = csv.split(separator: "\n").dropFirst()
    var byDistrict: [String: [Substring]] = [:]
    for line in lines { byDistrict[String(line[line.index(after: line.lastIndex(of: ",") ?? line.startIndex)...]), default: []].append(line) }
    var script = "set -e\n"
    for (index, district) in districts.enumerated() {
        let single = folder.appendingPathComponent("single/\(index)")
        try FileManager.default.createDirectory(at: single, withIntermediateDirectories: true)
        try Data(districtReport.replacingOccurrences(of: "{{group}}", with: district).utf8).write(to: single.appendingPathComponent("report.yaml"))
        try Data(("date,category,title,district\n" + (byDistrict[district] ?? []).joined(separator: "\n") + "\n").utf8)
            .write(to: single.appendingPathComponent("activities.csv"))
    }
    let looped = options.loopSample > 0 ? min(options.loopSample, districts.count) : districts.count
    var names = SafeFileName.Registry()
    for index in 0..<looped {
        script += "\"\(mawjaz)\" render single/\(index)/report.yaml -o \"loop/\(names.claim(districts[index])).pdf\" > /dev/null\n"
    }
    try Data(script.utf8).write(to: folder.appendingPathComponent("loop.sh"))

    let text = ReportText(contentsOf: folder.appendingPathComponent("report.yaml"))
    let grouping = DatasetGrouping(dataset: "activities", column: "district")
    let plan = try BatchPlan.grouped(text, by: grouping, outputPattern: folder.path + "/library/{group}.pdf", format: .pdf)
    let renderer = try BriefingRenderer(resources: resources)
    _ = try renderer.render(try require(plan.documents.first?.request, "a document"))

    print("batch: \(plan.documents.count) one-page district briefs from one CSV of \(lines.count) rows; load \(loadAverage())")
    var table: [(name: String, values: [Double])] = []
    func record(_ name: String, _ value: Double) {
        if let index = table.firstIndex(where: { $0.name == name }) { table[index].values.append(value) } else { table.append((name, [value])) }
    }
    for round in 1...options.rounds {
        // The library in-process: the same requests the batch makes, rendered one after another, start-up excluded.
        let libraryProcessorStart = processorSeconds()
        let (_, library) = try timed { for document in plan.documents { _ = try renderer.render(try require(document.request, "a request")) } }
        let libraryProcessor = processorSeconds() - libraryProcessorStart
        let one = try runTimed(mawjaz, ["batch", "report.yaml", "--each", "activities.district", "-o", "j1/{group}.pdf", "-j", "1", "-q"], in: folder,
                                workers: 1)
        let two = try runTimed(mawjaz, ["batch", "report.yaml", "--each", "activities.district", "-o", "j2/{group}.pdf", "-j", "2", "-q"], in: folder,
                                workers: 2)
        let processes = try timedProcesses(mawjaz, count: 2, in: folder)
        let threads = try timedPool(plan, resources: resources, workers: [1, 2])
        let loop = try runTimed("/bin/sh", ["loop.sh"], in: folder)
        guard one.status == 0, two.status == 0, loop.status == 0 else { throw BenchmarkFailure(reason: "a batch or the loop failed") }
        let count = Double(plan.documents.count)
        let perDocument = (library: library / count, batch: one.seconds * 1000 / count, loop: loop.seconds * 1000 / Double(looped))
        record("library in-process, ms/doc", perDocument.library)
        record("mawjaz batch -j 1, ms/doc (start-up included)", perDocument.batch)
        record("shell loop of mawjaz render, ms/doc", perDocument.loop)
        record("batch -j 1 ÷ library (target ≤ 1.2)", perDocument.batch / perDocument.library)
        record("  the same in processor time", one.processor / libraryProcessor)
        record("loop ÷ batch -j 1 (target ≥ 8)", perDocument.loop / perDocument.batch)
        record("batch -j 1 ÷ batch -j 2 (target ≥ 1.8)", one.seconds / two.seconds)
        record("  -j 1 ÷ -j 2 without the workers' waits for a processor", (one.seconds - one.queued) / (two.seconds - two.queued))
        record("pool, 1 worker ÷ 2 workers (threads, in-process)", threads[0].wall / threads[1].wall)
        record("  1 ÷ 2 workers without their waits for a processor", threads[0].wallWithoutQueueing / threads[1].wallWithoutQueueing)
        record("pool, processor time 2 workers ÷ 1 worker", threads[1].processor / threads[0].processor)
        record("pool, 2 workers: ms each worker was blocked", threads[1].blocked * 1000)
        record("pool, 1 worker: ms it was blocked", threads[0].blocked * 1000)
        record("batch -j 1 ÷ 2 processes -j 1 --shard", one.seconds / processes)
        print(String(format: "round %d: library %.2f ms/doc, batch -j1 %.2f, -j2 %.2f, loop %.1f ms/doc; load %@", round, perDocument.library,
                     perDocument.batch, two.seconds * 1000 / count, perDocument.loop, loadAverage()))
    }
    for (name, values) in table {
        print(String(format: "  %-52@ median %8.2f   (%@)", name as NSString, median(values),
                     values.map { String(format: "%.2f", $0) }.joined(separator: ", ")))
    }
    try compareWithOneByOne(folder: folder, districts: Array(districts.prefix(looped)))
    try measureMemory(plan, renderer: renderer, renders: options.memoryRenders)
}

/// The load average now: `1.02 0.87 0.55`.
func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
}

/// Seconds for `count` processes of `mawjaz batch -j 1 --shard I/count` run at once.
func timedProcesses(_ mawjaz: String, count: Int, in folder: URL) throws -> Double {
    let (_, milliseconds) = try timed {
        let processes = try (1...count).map { index -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: mawjaz)
            process.arguments = ["batch", "report.yaml", "--each", "activities.district", "-o", "shards/{group}.pdf", "-j", "1", "-q",
                                 "--shard", "\(index)/\(count)"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
    }
    return milliseconds / 1000
}

/// One pool run: its wall seconds, the process's processor seconds, and each worker thread's processor seconds
/// and seconds spent waiting for a processor (from the kernel's schedstat).
struct PoolRun {
    var wall: Double
    var processor: Double
    var workers: [(processor: Double, waitingForProcessor: Double)]

    /// The wall time with the workers' mean wait for a processor taken out: what the run would take on processors
    /// of its own, given that the workers do not wait for each other (which `blocked` shows).
    var wallWithoutQueueing: Double { wall - workers.map(\.waitingForProcessor).reduce(0, +) / Double(max(1, workers.count)) }

    /// The workers' mean time neither running nor waiting for a processor: waiting for work, a lock or the disk.
    var blocked: Double { workers.map { wall - $0.processor - $0.waitingForProcessor }.reduce(0, +) / Double(max(1, workers.count)) }
}

/// The threads of this process and, for each, its processor and run-queue seconds so far.
func threadSchedule() -> [Int: (processor: Double, waiting: Double)] {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
    var result: [Int: (processor: Double, waiting: Double)] = [:]
    for task in tasks {
        if let id = Int(task), let times = schedule(at: "/proc/self/task/\(task)/schedstat") { result[id] = times }
    }
    return result
}

/// A pool of each number of `workers` threads renders every document of `plan` in memory.
func timedPool(_ plan: BatchPlan, resources: Resources, workers: [Int]) throws -> [PoolRun] {
    try workers.map { count in
        let before = threadSchedule()
        let pool = try RendererPool(resources: resources, workers: count)
        let workerThreads = Set(threadSchedule().keys).subtracting(before.keys)
        let requests = plan.documents.compactMap(\.request)
        let done = DispatchSemaphore(value: 0)
        let startSchedule = threadSchedule()
        let start = ContinuousClock.now, processorStart = processorSeconds()
        Task {
            await withTaskGroup(of: Void.self) { group in
                var pending = requests.makeIterator()
                for _ in 0..<(count * 2) { if let next = pending.next() { group.addTask { _ = try? await pool.render(next) } } }
                while await group.next() != nil { if let next = pending.next() { group.addTask { _ = try? await pool.render(next) } } }
            }
            done.signal()
        }
        done.wait()
        let elapsed = ContinuousClock.now - start
        let endSchedule = threadSchedule()
        let perWorker = workerThreads.compactMap { id -> (Double, Double)? in
            guard let first = startSchedule[id], let last = endSchedule[id] else { return nil }
            return (last.processor - first.processor, last.waiting - first.waiting)
        }
        return PoolRun(wall: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                       processor: processorSeconds() - processorStart, workers: perWorker)
    }
}

/// Every PDF of the batches byte for byte against the shell loop's one-by-one renders.
func compareWithOneByOne(folder: URL, districts: [String]) throws {
    var names = SafeFileName.Registry()
    var same = 0, different: [String] = []
    for district in districts {
        let name = names.claim(district) + ".pdf"
        let single = try Data(contentsOf: folder.appendingPathComponent("loop/\(name)"))
        let batches = try ["j1", "j2", "shards"].map { try Data(contentsOf: folder.appendingPathComponent("\($0)/\(name)")) }
        if batches.allSatisfy({ $0 == single }) { same += 1 } else { different.append(district) }
    }
    print("byte-identical to one-by-one renders (batch -j 1, -j 2 and 2 shards): \(same) of \(districts.count)"
          + (different.isEmpty ? "" : "; different: \(different.prefix(5).joined(separator: ", "))"))
}

/// Resident memory after the first 100 renders and after `renders`, rendering the plan's documents over and over.
func measureMemory(_ plan: BatchPlan, renderer: BriefingRenderer, renders: Int) throws {
    let requests = plan.documents.compactMap(\.request)
    var afterHundred = 0
    for index in 0..<renders {
        _ = try renderer.render(requests[index % requests.count])
        if index == 99 { afterHundred = residentBytes() }
    }
    let end = residentBytes()
    print(String(format: "resident memory over %d renders in one process: %.1f MB after 100, %.1f MB after %d (growth %.2f MB; target ≤ 5)",
                 renders, Double(afterHundred) / 1e6, Double(end) / 1e6, renders, Double(end - afterHundred) / 1e6))
}

/// Why the benchmark could not go on.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

/// The value, or an error naming what was missing.
func require<T>(_ value: T?, _ what: String = "a value") throws -> T {
    guard let value else { throw BenchmarkFailure(reason: "missing \(what)") }
    return value
}
