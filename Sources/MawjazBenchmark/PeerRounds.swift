// The same brief through the C floor (Pango and Cairo called directly), the peers (Typst, WeasyPrint, ReportLab,
// LuaLaTeX) and Mawjaz, in alternating rounds:
// each round runs every contender once, in an order that rotates, and its ratios are taken within the round, so
// that a machine whose speed drifts (others building) still gives comparable figures.
import Foundation

/// `mawjaz-bench peers`: in-process and whole-process rounds on the peers' brief and its 21-page variant.
struct PeerRounds {
    /// One document of the comparison: Mawjaz's report and the kit's variant holding the same brief.
    struct Variant {
        var name: String
        var report: String
        var kitVariant: String
        var copies: Int
    }

    /// A program under test: how to render the variant once, and how to time N documents in one process (nil for a
    /// program that has no in-process API, LuaLaTeX).
    struct Contender {
        var name: String
        var once: (Variant, String) -> [String]
        var inProcess: ((Variant, String, Int) -> [String])?
        /// Documents per in-process run, for the peers slow enough that `runs` of them would take minutes.
        var runs: Int?
    }

    /// What one run of a program gave.
    struct Sample {
        var wall: Double
        var cpu: Double
        var peakMB: Double
        var output: String
    }

    var rounds = 6
    var processRounds = 11
    var runs = 20
    var kit: URL
    var floor: String
    var python: String?
    var variants: [Variant]
    var scratch: URL
    var resultsFile: String?
    var contenders: [Contender] = []

    static let allVariants = [
        Variant(name: "brief", report: "Reports/peers-brief/report.yaml", kitVariant: "brief", copies: 1),
        Variant(name: "long", report: "Reports/peers-brief-long/report.yaml", kitVariant: "large", copies: 7),
    ]

    init(arguments: [String]) throws {
        rounds = try option("--rounds", in: arguments) { Int($0) } ?? rounds
        processRounds = try option("--process-rounds", in: arguments) { Int($0) } ?? processRounds
        runs = try option("--runs", in: arguments) { Int($0) } ?? runs
        kit = URL(fileURLWithPath: try option("--kit", in: arguments) { $0 } ?? "../shared/bench/peers")
        floor = try option("--floor", in: arguments) { $0 } ?? ".build/peers/floor"
        python = try option("--python", in: arguments) { $0 }
        resultsFile = try option("--json", in: arguments) { $0 }
        let wanted = Set(try option("--peers", in: arguments) { $0.split(separator: ",").map(String.init) }
                         ?? ["typst", "weasyprint", "reportlab", "lualatex"])
        let names = try option("--variants", in: arguments) { $0.split(separator: ",").map(String.init) } ?? ["brief", "long"]
        variants = try names.map { name in
            guard let variant = Self.allVariants.first(where: { $0.name == name }) else {
                throw BenchmarkError("unknown variant \(name): brief or long")
            }
            return variant
        }
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mawjaz-bench-peers-\(getpid())")

        let tsv = kit.appendingPathComponent("content/brief.tsv").path
        guard FileManager.default.fileExists(atPath: tsv) else { throw BenchmarkError("the peers' kit has no \(tsv) (--kit DIR)") }
        guard FileManager.default.isExecutableFile(atPath: floor) else {
            throw BenchmarkError("no floor program at \(floor) (make bench-peers builds it; --floor BIN)")
        }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let bench = CommandLine.arguments[0], mawjaz = here.appendingPathComponent("mawjaz").path
        guard FileManager.default.isExecutableFile(atPath: mawjaz) else { throw BenchmarkError("no \(mawjaz): build the mawjaz product") }
        let floor = self.floor
        contenders.append(Contender(
            name: "floor",
            once: { variant, out in [floor, tsv, out, "--repeat", "\(variant.copies)", "--vis", "--revlig"] },
            inProcess: { variant, out, n in [floor, tsv, out, "--repeat", "\(variant.copies)", "--vis", "--revlig", "--n", "\(n)"] }))
        if let python {
            // The kit's Python peers, each where its environment has it: its script renders the variant once, or N
            // times in one process with `--n`. LuaLaTeX runs only as a whole process, and only where it is installed.
            let slowRuns = max(3, runs / 4)
            let peers: [(name: String, script: String, module: String?, runs: Int?)] = [
                ("typst", "typst/render.py", "typst", nil), ("weasyprint", "weasyprint/render.py", "weasyprint", slowRuns),
                ("reportlab", "reportlab/render.py", "reportlab", slowRuns), ("lualatex", "latex/render.py", nil, nil),
            ]
            for peer in peers where wanted.contains(peer.name) {
                let available = peer.module.map { (try? Self.execute([python, "-c", "import \($0)"])) != nil }
                    ?? Self.onPath("lualatex")
                guard available else {
                    print("\(peer.name): not installed, left out")
                    continue
                }
                let script = kit.appendingPathComponent(peer.script).path
                let once = { (variant: Variant, out: String) in [python, script, "--variant", variant.kitVariant, "--out", out] }
                contenders.append(Contender(
                    name: peer.name, once: once,
                    inProcess: peer.module == nil ? nil : { variant, out, n in once(variant, out) + ["--n", "\(n)"] }, runs: peer.runs))
            }
        }
        contenders.append(Contender(
            name: "mawjaz",
            once: { variant, out in [mawjaz, "render", variant.report, "-o", out] },
            inProcess: { variant, _, n in [bench, variant.report, "--runs", "\(n)", "--json"] }))
    }

    func run() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let startLoad = Self.loadAverage()
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average at start \(startLoad)")
        var results: [String: Any] = ["load_average_start": startLoad]
        var inProcessMedians: [String: [String: Double]] = [:]
        for variant in variants {
            var pages: [String: Int] = [:]
            for contender in contenders {
                let out = output(contender, variant)
                _ = try Self.execute(contender.once(variant, out))
                pages[contender.name] = Self.pageCount(out)
            }
            print("\n== \(variant.report): \(contenders.map { "\($0.name) \(pages[$0.name].map(String.init) ?? "?")" }.joined(separator: ", ")) pages ==")

            var inProcess: [String: [Double]] = [:]
            var details: [[String: Any]] = []
            for round in 0..<rounds {
                for contender in rotated(round) {
                    guard let inProcessCommand = contender.inProcess else { continue }
                    let sample = try Self.execute(inProcessCommand(variant, output(contender, variant), contender.runs ?? runs))
                    guard let line = sample.output.split(separator: "\n").last,
                          let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                          let ms = json["ms_per_doc_median"] as? Double else {
                        throw BenchmarkError("\(contender.name) printed no ms_per_doc_median: \(sample.output.suffix(300))")
                    }
                    inProcess[contender.name, default: []].append(ms)
                    if contender.name == "mawjaz" { details.append(json) }
                }
            }
            print("in-process: median ms per document of \(runs) (\(contenders.filter { $0.runs != nil }.map { "\($0.name) \($0.runs ?? runs)" }.joined(separator: ", "))), \(rounds) rounds in rotating order")
            printTable(inProcess, rounds: rounds)
            inProcessMedians[variant.name] = inProcess.mapValues(median)
            let tags = median(details.compactMap { $0["tags_ms"] as? Double })
            let amendment = median(details.compactMap { $0["amendment_ms"] as? Double })
            let mawjaz = median(inProcess["mawjaz"] ?? [])
            print(String(format: "mawjaz's tagging %.2f ms (%.0f%%) and PDF amendment %.2f ms (%.0f%%) of %.2f ms; without them %.2f ms",
                         tags, 100 * tags / mawjaz, amendment, 100 * amendment / mawjaz, mawjaz, mawjaz - tags - amendment))
            if let floorTimes = inProcess["floor"] {
                let sameWork = zip(inProcess["mawjaz"] ?? [], zip(floorTimes, details)).map { mawjaz, pair in
                    (mawjaz - ((pair.1["tags_ms"] as? Double) ?? 0) - ((pair.1["amendment_ms"] as? Double) ?? 0)) / pair.0
                }
                print(String(format: "mawjaz without tags and amendment ÷ floor, per round: %@; median %.2f",
                             sameWork.map { String(format: "%.2f", $0) }.joined(separator: " "), median(sameWork)))
            }

            var wall: [String: [Double]] = [:], peak: [String: [Double]] = [:], cpu: [String: [Double]] = [:]
            for round in 0..<processRounds {
                for contender in rotated(round) {
                    let sample = try Self.execute(["/usr/bin/time", "-v"] + contender.once(variant, output(contender, variant)))
                    wall[contender.name, default: []].append(sample.wall)
                    peak[contender.name, default: []].append(sample.peakMB)
                    cpu[contender.name, default: []].append(sample.cpu)
                }
            }
            print("whole process: wall ms of one render, \(processRounds) rounds in rotating order")
            printTable(wall, rounds: processRounds)
            print("whole process: processor ms (user and system) of the same renders")
            printTable(cpu, rounds: processRounds)
            print("peak memory (MB), median: " + contenders.map { String(format: "%@ %.1f", $0.name, median(peak[$0.name] ?? [])) }.joined(separator: ", "))
            results[variant.name] = ["pages": pages, "in_process_ms": inProcess, "mawjaz_in_process": details,
                                     "process_wall_ms": wall, "process_cpu_ms": cpu, "process_peak_mb": peak]
        }
        if let brief = inProcessMedians["brief"], let long = inProcessMedians["long"] {
            print("\n21 pages ÷ 3 pages, in-process medians: " + contenders.compactMap { contender in
                guard let short = brief[contender.name], let tall = long[contender.name], short > 0 else { return nil }
                return String(format: "%@ %.2f", contender.name, tall / short)
            }.joined(separator: ", "))
        }
        let endLoad = Self.loadAverage()
        print("load average at end \(endLoad)")
        results["load_average_end"] = endLoad
        if let resultsFile {
            let data = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: URL(fileURLWithPath: resultsFile))
            print("raw figures: \(resultsFile)")
        }
    }

    /// The contenders in round `round`'s order: the first of one round is the last of the next.
    private func rotated(_ round: Int) -> [Contender] {
        let shift = round % contenders.count
        return Array(contenders[shift...] + contenders[..<shift])
    }

    private func output(_ contender: Contender, _ variant: Variant) -> String {
        scratch.appendingPathComponent("\(contender.name)-\(variant.name).pdf").path
    }

    /// One row per round with each contender's figure and its ratio to the floor's in that round, then the medians.
    private func printTable(_ figures: [String: [Double]], rounds: Int) {
        let names = contenders.map(\.name).filter { figures[$0] != nil }, others = names.filter { $0 != "floor" }
        // Each column as wide as the longest heading ("weasyprint÷floor") and two spaces.
        let width = (others.map { $0.count + 8 } + [13]).max() ?? 13
        let pad = { (text: String) in String(repeating: " ", count: max(0, width - text.count)) + text }
        print((["round"] + names + others.map { "\($0)÷floor" }).map(pad).joined())
        var ratios: [String: [Double]] = [:]
        for round in 0..<rounds {
            var row = [pad("\(round + 1)")]
            for name in names { row.append(pad(String(format: "%.2f", figures[name]?[round] ?? 0))) }
            for name in others {
                let ratio = (figures[name]?[round] ?? 0) / (figures["floor"]?[round] ?? 1)
                ratios[name, default: []].append(ratio)
                row.append(pad(String(format: "%.2f", ratio)))
            }
            print(row.joined())
        }
        var last = [pad("median")]
        for name in names { last.append(pad(String(format: "%.2f", median(figures[name] ?? [])))) }
        for name in others { last.append(pad(String(format: "%.2f", median(ratios[name] ?? [])))) }
        print(last.joined())
    }

    /// Runs a command to its end; throws with its error output if it fails.
    static func execute(_ command: [String]) throws -> Sample {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let start = ContinuousClock.now, processorBefore = childProcessorMilliseconds()
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let wall = milliseconds(ContinuousClock.now - start)
        guard process.terminationStatus == 0 else {
            throw BenchmarkError("\(command.joined(separator: " ")) failed (\(process.terminationStatus)): \(errors.suffix(1000))")
        }
        func figure(_ label: String) -> Double {
            guard let line = errors.split(separator: "\n").first(where: { $0.contains(label) }),
                  let value = line.split(separator: ":").last.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) else { return 0 }
            return value
        }
        return Sample(wall: wall, cpu: childProcessorMilliseconds() - processorBefore,
                      peakMB: figure("Maximum resident set size (kbytes)") / 1024, output: String(decoding: output, as: UTF8.self))
    }

    /// The processor time (user and system) of every child process waited for so far, to the microsecond.
    static func childProcessorMilliseconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime)
    }

    /// Whether `program` is in one of the folders of `PATH`.
    static func onPath(_ program: String) -> Bool {
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }

    static func pageCount(_ pdf: String) -> Int? {
        guard let info = try? execute(["/usr/bin/pdfinfo", pdf]).output,
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }) else { return nil }
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
    }

    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 3)
        guard getloadavg(&loads, 3) == 3 else { return "unknown" }
        return loads.map { String(format: "%.2f", $0) }.joined(separator: ", ")
    }
}
