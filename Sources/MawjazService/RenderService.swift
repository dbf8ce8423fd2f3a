// The service: a renderer pool behind hummingbird, its routes, and its life from listening to a graceful stop.
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import Mawjaz
import MawjazDocument
import MawjazRender
import NIOCore
import ServiceLifecycle
import Synchronization

/// Mawjaz over HTTP: `POST /render`, `POST /validate`, `GET /templates`, `GET /healthz` and `GET /metrics`, and the
/// editor page at `/` (with `POST /preview`), in front of a `RendererPool`.
///
/// ```swift
/// var configuration = ServiceConfiguration()
/// configuration.port = 8080
/// let service = try RenderService(configuration: configuration, resources: .bundled())
/// try await service.run()     // until SIGTERM or SIGINT: stops accepting, finishes what it took
/// ```
///
/// A request reads only what it sent (its report and the files named in its form) and the bundled templates and fonts.
/// At most `workers + queueLimit` requests are held at once, each body at most `maxBodyBytes`; one more is answered
/// 503 with `Retry-After` before its body is read. Routes of others (a page, static files) go on the router given to
/// `application(router:onListening:)` beside the service's.
public final class RenderService: Sendable {
    /// The settings the service runs with.
    public let configuration: ServiceConfiguration
    /// The renderers.
    public let pool: RendererPool
    /// The service's metrics (`GET /metrics`).
    public let metrics = ServiceMetrics()
    /// The logger request lines and the server's own lines go to.
    public let logger: Logger
    private let resources: Resources
    private let admission: Admission
    private let stopping = Atomic(false)

    /// Starts the renderers; the service listens once `run` or an application made by `application` runs.
    public init(configuration: ServiceConfiguration, resources: Resources,
                logger: Logger = Logger(label: "mawjaz", factory: { ServiceLogHandler(label: $0) })) throws(MawjazError) {
        self.configuration = configuration
        self.resources = resources
        self.logger = logger
        pool = try RendererPool(resources: resources, workers: configuration.workers, queueLimit: configuration.queueLimit)
        admission = Admission(limit: configuration.admissionLimit)
    }

    /// A router holding the service's middleware (request lines and metrics, CORS when asked for, the bearer token
    /// when set) and routes, each GET route answering HEAD too. A request for one of these paths with a method it does
    /// not answer is a 405 with `Allow`; a path no route has is a 404. Add routes of your own to it before making the
    /// application.
    public func router() -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: RequestLogMiddleware(logger: logger, metrics: metrics))
        if !configuration.corsOrigins.isEmpty {
            router.add(middleware: CORSPolicyMiddleware(origins: configuration.corsOrigins))
        }
        if let token = configuration.token {
            router.add(middleware: BearerTokenMiddleware(token: token, metrics: metrics))
        }
        let table = RouteTable()
        let routes = RecordingRouter(router: router, table: table)
        routes.post("/render") { request, context in await self.render(request, context: context, answering: .file) }
        routes.post("/validate") { request, context in await self.render(request, context: context, answering: .check) }
        routes.post("/preview") { request, context in await self.render(request, context: context, answering: .pages) }
        routes.get("/templates") { _, _ in self.templates() }
        routes.get("/healthz") { _, _ in self.health() }
        routes.head("/healthz") { _, _ in
            let answer = self.health()
            return Response(status: answer.status, headers: answer.headers)
        }
        EditorPage(resources: resources, maxBodyBytes: configuration.maxBodyBytes).add(to: routes)
        routes.get("/metrics") { _, _ in
            let text = self.metrics.exposition(waiting: self.pool.waiting, running: self.pool.running, held: self.admission.count)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: text)))
        }
        // After the routes, so that it sees only the requests none of them took.
        router.add(middleware: UnroutedRequestMiddleware(table: table))
        return router
    }

    /// The hummingbird application serving `router` (by default the service's own) on the configured address, with
    /// the connection limit and idle timeout; `onListening` is told the port once it listens.
    public func application(router: Router<ServiceRequestContext>? = nil,
                            onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let drainDeadline = TimeAmount(configuration.drainTimeout), logger = logger
        return Application(
            router: router ?? self.router(),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [ExpectContinueHandler(), AnswerDrainHandler(deadline: drainDeadline, logger: logger)],
                idleTimeout: .init(configuration.idleTimeout))),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "Mawjaz/\(MawjazVersion.current)",
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: logger)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT (or until the task is cancelled), then stops gracefully: `/healthz` answers 503,
    /// the listening socket closes, idle connections close, and returns once every request taken has been answered.
    /// It does not wait for a render whose answer has gone out already (one past its time budget, still finishing its
    /// stage): a process may exit at once; the renderers stop when the service is released (`pool.shutdown()`).
    public func run(router: Router<ServiceRequestContext>? = nil, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [application(router: router, onListening: onListening), ShutdownNotice { self.stopping.store(true, ordering: .relaxed) }],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }

    /// Marks the service as stopping, so that `/healthz` answers 503 (for a service run by a service group of yours).
    public func beginStopping() { stopping.store(true, ordering: .relaxed) }

    // MARK: - Routes

    /// What a render route answers with.
    private enum Answering {
        /// `POST /render`: the file.
        case file
        /// `POST /validate`: the check, nothing drawn.
        case check
        /// `POST /preview`: the check with every page as a PNG, for the editor page.
        case pages
    }

    /// `POST /render`, `/validate` and `/preview`: options, admission, body, report, the pool, the answer.
    private func render(_ request: Request, context: ServiceRequestContext, answering: Answering) async -> Response {
        let language: Language
        do { language = try Language.of(request) } catch { return Answer.problem(error, in: .en, on: context.channel) }
        do throws(RequestProblem) {
            let options = try RenderOptions(request)
            guard admission.enter() else {
                metrics.refused("busy")
                // Its body is read past within the limits an admitted body has; past them the connection is closed.
                let readToItsEnd = await readPast(bodyOf: request, limit: configuration.maxBodyBytes,
                                                  deadline: context.startedAt + configuration.timeBudget)
                throw RequestProblem(status: .serviceUnavailable, .poolBusy, retryAfter: configuration.retryAfterSeconds,
                                     closesConnection: !readToItsEnd)
            }
            var admitted = true
            defer { if admitted { admission.leave() } }
            let deadline = context.startedAt + configuration.timeBudget
            let body: ByteBuffer
            do throws(RequestProblem) {
                body = try await collectBody(of: request, limit: configuration.maxBodyBytes, deadline: deadline, budget: configuration.timeBudget,
                                             silence: configuration.idleTimeout)
            } catch {
                metrics.refused(error.status == .contentTooLarge ? "too-large" : "slow-body")
                throw error
            }
            let upload = try ReportUpload(contentType: request.headers[.contentType], body: body)
            let asked = RenderRequest(.yaml(upload.text, name: upload.name, files: upload.files), format: options.format,
                                      pages: options.pages, facts: options.facts, deadline: deadline, limits: configuration.limits)
            let job = answering == .pages ? EditorPage.preview(of: asked) : asked
            admitted = false
            let pool = self.pool, admission = self.admission
            let outcome = await race({ () throws(MawjazError) in
                answering == .check ? try await pool.validate(job) : try await pool.render(job)
            }, until: deadline, on: context.channel.eventLoop, whenDone: { admission.leave() })
            return try answer(outcome, answering: answering, options: options, upload: upload, language: language)
        } catch {
            return Answer.problem(error, in: language, on: context.channel)
        }
    }

    /// The answer to a raced render: the file or the check, else why not.
    private func answer(_ outcome: RaceOutcome, answering: Answering, options: RenderOptions, upload: ReportUpload,
                        language: Language) throws(RequestProblem) -> Response {
        switch outcome {
        case .late:
            metrics.refused("timeout")
            throw RequestProblem(status: .serviceUnavailable, .renderTimedOut)
        case .finished(.success(let document)):
            let warnings = document.warnings.map { DiagnosticRecord($0, in: language) }
            switch answering {
            case .check:
                return Answer.json(CheckAnswer(ok: true, pages: document.pageCount, diagnostics: warnings),
                                   headers: [.mawjazPages: String(document.pageCount), .contentLanguage: language.rawValue])
            case .pages:
                return Answer.json(EditorPage.PreviewAnswer(document, diagnostics: warnings),
                                   headers: [.mawjazPages: String(document.pageCount), .contentLanguage: language.rawValue])
            case .file:
                break
            }
            let stem = options.fileStem ?? RenderOptions.fileStem(upload.name).flatMap { $0 == "report" ? nil : $0 } ?? "report"
            return Answer.file(document, stem: stem, inline: options.inline)
        case .finished(.failure(let error)):
            switch error {
            case .busy:
                metrics.refused("busy")
                throw RequestProblem(status: .serviceUnavailable, .poolBusy, retryAfter: configuration.retryAfterSeconds)
            case .timedOut:
                metrics.refused("timeout")
                throw RequestProblem(status: .serviceUnavailable, .renderTimedOut)
            case .cancelled:
                throw RequestProblem(status: .serviceUnavailable, .serviceStopping, retryAfter: configuration.retryAfterSeconds)
            case .input(let diagnostics):
                // A page past the end is the query's `page`, not the command line's `--pages`; a limit is raised as the
                // service allows, not with `--limit`.
                let located = diagnostics.map { found in
                    let diagnostic = found.withLimitRemedy { configuration.remedy(forLimit: $0) }
                    guard diagnostic.location.file == "--pages" else { return diagnostic }
                    var moved = diagnostic
                    moved.location = SourceLocation(file: "?page")
                    moved.field = "page"
                    return moved
                }
                throw RequestProblem(status: .unprocessableContent, diagnostics: located)
            case .output(let message), .installation(let message):
                logger.error("render failed", metadata: ["error": .string(message.description)])
                throw RequestProblem(status: .internalServerError, message)
            }
        }
    }

    /// `GET /templates`: the bundled templates a report can name.
    /// Each entry has the template's starter reports, when it has some (`mawjaz init`'s files, which the editor page
    /// starts from): by language, the files by name (`report.yaml`, `activities.csv`).
    private func templates() -> Response {
        struct Listing: Encodable { var templates: [Entry] }
        struct Entry: Encodable {
            var name: String
            var starters: [String: [String: String]]?
        }
        return Answer.json(Listing(templates: TemplateLoader(folder: resources.templates).names.map { name in
            Entry(name: name, starters: EditorPage.starters(of: name, in: resources.templates))
        }))
    }

    /// `GET /healthz`: 200 and the pool's state while serving, 503 once stopping.
    private func health() -> Response {
        struct Health: Encodable {
            var status: String
            var workers: Int
            var running: Int
            var waiting: Int
            var queueLimit: Int
            var version: String
        }
        let stopping = stopping.load(ordering: .relaxed)
        let health = Health(status: stopping ? "stopping" : "ok", workers: pool.workerCount, running: pool.running, waiting: pool.waiting,
                            queueLimit: pool.queueLimit, version: MawjazVersion.current)
        return Answer.json(health, status: stopping ? .serviceUnavailable : .ok)
    }
}

/// A service that waits for the graceful shutdown and says so: listed last in a service group, it is told first.
struct ShutdownNotice: Service {
    let notice: @Sendable () -> Void

    func run() async throws {
        try? await gracefulShutdown()
        notice()
    }
}
