// The per-request context every route of the service sees.
import Hummingbird
import NIOCore

/// What a route of the service knows about its request besides the request itself: when it began, the connection it
/// came on (to close one whose body is refused) and hummingbird's own context (logger, route, parameters).
public struct ServiceRequestContext: RequestContext {
    /// Hummingbird's part of the context.
    public var coreContext: CoreRequestContextStorage
    /// When the request's head arrived: its time budget counts from here.
    public let startedAt: ContinuousClock.Instant
    /// The connection the request came on.
    public let channel: any Channel

    /// A context for a request arriving on `source`'s connection.
    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        startedAt = .now
        channel = source.channel
    }
}
