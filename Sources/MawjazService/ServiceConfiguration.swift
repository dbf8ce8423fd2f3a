// What `mawjaz serve` is told: where to listen, how many renderers, and the limits every request lives within.
import Foundation
import Mawjaz

/// The settings of a `RenderService`: the address, the renderers and their queue, and every limit a request lives
/// within. The defaults suit one machine behind a reverse proxy.
public struct ServiceConfiguration: Sendable {
    /// The address to listen on: `127.0.0.1` by default (`0.0.0.0` for every interface).
    public var host = "127.0.0.1"
    /// The port (0: any free port; `RenderService.run(onListening:)` tells which).
    public var port = 8080
    /// Renderers working at once, each on its own thread with its own fonts: one per core by default.
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Requests that may wait for a renderer; one more is answered 503 with `Retry-After`.
    public var queueLimit = 64
    /// The largest request body accepted, in bytes; a larger one is answered 413.
    public var maxBodyBytes = 8 << 20
    /// How long a request may take, from its first byte: receiving the body, waiting in the queue and rendering.
    /// Past it the answer is 503 (408 while the body is still arriving).
    public var timeBudget: Duration = .seconds(30)
    /// Connections open at once; more wait in the listening socket's backlog until one closes.
    public var maxConnections = 512
    /// A connection silent for this long is closed (and one still sending a request's head or body with it).
    public var idleTimeout: Duration = .seconds(30)
    /// How long a connection's close waits for the rest of an answer a client has not read yet (at a graceful stop, or
    /// at the idle timeout after a large answer); past it the connection is closed and the log says how many bytes were
    /// cut. A graceful stop takes at most the time budget of the renders in flight and then this.
    public var drainTimeout: Duration = .seconds(10)
    /// The bearer token every request but `GET /healthz` must carry, or nil for none.
    public var token: String?
    /// Origins a browser may call the service from (`*` for any); none by default, which sends no CORS headers.
    public var corsOrigins: [String] = []
    /// The seconds a 503 for a full queue tells the client to wait (`Retry-After`).
    public var retryAfterSeconds = 1
    /// Limits set over every report's own, as `mawjaz render --limit` sets them (`mawjaz serve --limit`): none by
    /// default, so that a report may raise each limit up to ten times its default and no further.
    public var limits = LimitOverrides()

    /// The defaults.
    public init() {}

    /// How a client is told to raise the limit called `name` when a report reaches it: under the report's `limits:`,
    /// unless the service sets that limit itself.
    func remedy(forLimit name: String) -> LimitRemedy {
        Limits.Name(rawValue: name).flatMap { limits.values[$0] } == nil ? .service : .serviceSetting
    }

    /// The most requests the service holds at once (reading their bodies, waiting or rendering): every worker's one
    /// and the queue. Their bodies bound the memory requests take: `admissionLimit × maxBodyBytes` at most.
    public var admissionLimit: Int { max(1, workers) + max(0, queueLimit) }
}
