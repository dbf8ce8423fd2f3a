// The serve subcommand: the HTTP service, set up from the command line.
import ArgumentParser
import Foundation
import Logging
import Mawjaz
import MawjazService

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: Console.text(.helpServe),
                                                    discussion: Console.text(.helpServeDiscussion))

    @Option(help: ArgumentHelp(Console.text(.helpHost)))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp(Console.text(.helpPort)))
    var port = 8080

    @Option(help: ArgumentHelp(Console.text(.helpWorkers)))
    var workers: Int?

    @Option(help: ArgumentHelp(Console.text(.helpQueue)))
    var queue = 64

    @Option(help: ArgumentHelp(Console.text(.helpMaxBody)))
    var maxBody: ByteCount = ByteCount(8 << 20)

    @Option(help: ArgumentHelp(Console.text(.helpTimeBudget)))
    var timeBudget = 30.0

    @Option(help: ArgumentHelp(Console.text(.helpMaxConnections)))
    var maxConnections = 512

    @Option(help: ArgumentHelp(Console.text(.helpIdleTimeout)))
    var idleTimeout = 30.0

    @Option(help: ArgumentHelp(Console.text(.helpDrainTimeout)))
    var drainTimeout = 10.0

    @Option(help: ArgumentHelp(Console.text(.helpTokenFile)))
    var tokenFile: String?

    @Option(name: .customLong("cors-origin"), help: ArgumentHelp(Console.text(.helpCORS)))
    var corsOrigins: [String] = []

    @Option(help: ArgumentHelp(Console.text(.helpLogLevel)))
    var logLevel: Logger.Level = .info

    @OptionGroup var limits: LimitOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(Console.text(.requestNumberOutsideRange(option: "--port", value: String(port), low: 0, high: 65535))) }
        if let workers, !(1...256).contains(workers) {
            throw ValidationError(Console.text(.requestNumberOutsideRange(option: "--workers", value: String(workers), low: 1, high: 256)))
        }
        guard (0...100_000).contains(queue) else { throw ValidationError(Console.text(.requestNumberOutsideRange(option: "--queue", value: String(queue), low: 0, high: 100_000))) }
        guard timeBudget.isFinite, timeBudget > 0, timeBudget <= 3600 else {
            throw ValidationError(Console.text(.requestSecondsOutsideRange(option: "--time-budget", value: String(timeBudget), high: 3600)))
        }
        guard idleTimeout.isFinite, idleTimeout > 0, idleTimeout <= 3600 else {
            throw ValidationError(Console.text(.requestSecondsOutsideRange(option: "--idle-timeout", value: String(idleTimeout), high: 3600)))
        }
        guard drainTimeout.isFinite, drainTimeout > 0, drainTimeout <= 3600 else {
            throw ValidationError(Console.text(.requestSecondsOutsideRange(option: "--drain-timeout", value: String(drainTimeout), high: 3600)))
        }
        guard (1...1_000_000).contains(maxConnections) else {
            throw ValidationError(Console.text(.requestNumberOutsideRange(option: "--max-connections", value: String(maxConnections), low: 1, high: 1_000_000)))
        }
    }

    func run() async throws {
        let console = diagnostics.console
        var settings = ServiceConfiguration()
        settings.host = host
        settings.port = port
        settings.workers = workers ?? ProcessInfo.processInfo.activeProcessorCount
        settings.queueLimit = queue
        settings.maxBodyBytes = maxBody.bytes
        settings.timeBudget = .milliseconds(Int64(timeBudget * 1000))
        settings.maxConnections = maxConnections
        settings.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
        settings.drainTimeout = .milliseconds(Int64(drainTimeout * 1000))
        settings.corsOrigins = corsOrigins
        settings.limits = limits.overrides
        if let tokenFile {
            do { settings.token = try Self.token(at: tokenFile) } catch { console.fail(error) }
        }
        let level = logLevel
        var logger = Logger(label: "mawjaz") { label in
            var handler = ServiceLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        logger.logLevel = level
        let service: RenderService
        do {
            service = try RenderService(configuration: settings, resources: Resources.bundled(), logger: logger)
        } catch {
            console.fail(error)
        }
        let address = host, listening = logger, workerCount = settings.workers, queueLimit = settings.queueLimit
        try await service.run { port in
            listening.info("listening", metadata: ["url": .string("http://\(address.contains(":") ? "[\(address)]" : address):\(port)"),
                                                   "port": .stringConvertible(port), "workers": .stringConvertible(workerCount),
                                                   "queue": .stringConvertible(queueLimit)])
        }
        // Every request taken has been answered: exit now, not after a render past its budget that no one awaits.
        Foundation.exit(0)
    }

    /// The token in the file at `path`, without the white space around it.
    static func token(at path: String) throws(MawjazError) -> String {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .input([Diagnostic(at: SourceLocation(file: "--token-file"), field: "token-file",
                                     .tokenFileUnreadable(path: path, reason: (error as NSError).localizedDescription))])
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            throw .input([Diagnostic(at: SourceLocation(file: "--token-file"), field: "token-file", .tokenFileEmpty(path: path))])
        }
        return token
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// A size in bytes, written as a number with an optional K, M or G (powers of 1024): `8M`.
struct ByteCount: ExpressibleByArgument {
    let bytes: Int

    init(_ bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let unit = text.last.flatMap { units[$0] } ?? 1
        let digits = unit == 1 ? text : String(text.dropLast())
        guard let value = Int(digits), value >= 1, value <= (1 << 40) / unit else { return nil }
        bytes = value * unit
    }

    var defaultValueDescription: String { bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes)" }
}
