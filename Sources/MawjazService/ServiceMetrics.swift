// The service's metrics, kept through swift-metrics in a Prometheus registry of its own and written for
// `GET /metrics` in Prometheus's text format.
import CoreMetrics
import Foundation
import Metrics
import Prometheus
import Synchronization

/// Requests by route and status, their durations, pages rendered, refusals by reason, and at each scrape the pool's
/// queue, the requests held and the process's resident memory.
///
/// Every metric is made through swift-metrics with this registry's factory, not the process-wide one, so that several
/// services (in tests) keep apart.
public final class ServiceMetrics: Sendable {
    /// The registry the metrics are kept in.
    public let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let requests = Mutex<[RequestKey: (count: CoreMetrics.Counter, duration: CoreMetrics.Timer)]>([:])
    private let refusals = Mutex<[String: CoreMetrics.Counter]>([:])
    private let pages: CoreMetrics.Counter
    private let waiting: CoreMetrics.Gauge
    private let running: CoreMetrics.Gauge
    private let held: CoreMetrics.Gauge
    private let residentMemory: CoreMetrics.Gauge

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// New metrics in a registry of their own.
    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["mawjaz_http_request_duration_seconds"] =
            [5, 10, 15, 20, 30, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000, 10000, 30000].map { Duration.milliseconds($0) }
        self.factory = factory
        pages = CoreMetrics.Counter(label: "mawjaz_pages_rendered_total", factory: factory)
        waiting = CoreMetrics.Gauge(label: "mawjaz_queue_waiting", factory: factory)
        running = CoreMetrics.Gauge(label: "mawjaz_renders_running", factory: factory)
        held = CoreMetrics.Gauge(label: "mawjaz_requests_held", factory: factory)
        residentMemory = CoreMetrics.Gauge(label: "process_resident_memory_bytes", factory: factory)
    }

    /// Counts a finished request and its duration; `pages` rendered, if it drew any.
    func finished(route: String, method: String, status: Int, duration: Duration, pages rendered: Int?) {
        let key = RequestKey(route: route, method: method, status: status)
        let metrics = requests.withLock { known in
            if let metrics = known[key] { return metrics }
            let dimensions = [("route", route), ("method", method), ("status", String(status))]
            let made = (CoreMetrics.Counter(label: "mawjaz_http_requests_total", dimensions: dimensions, factory: factory),
                        CoreMetrics.Timer(label: "mawjaz_http_request_duration_seconds", dimensions: dimensions, factory: factory))
            known[key] = made
            return made
        }
        metrics.count.increment()
        metrics.duration.recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
        if let rendered, rendered > 0 { pages.increment(by: rendered) }
    }

    /// Counts a request refused for `reason` (busy, timeout, too-large, unauthorized, …).
    func refused(_ reason: String) {
        let counter = refusals.withLock { known in
            if let counter = known[reason] { return counter }
            let made = CoreMetrics.Counter(label: "mawjaz_requests_refused_total", dimensions: [("reason", reason)], factory: factory)
            known[reason] = made
            return made
        }
        counter.increment()
    }

    /// The exposition in Prometheus's text format, the gauges read now.
    func exposition(waiting waitingNow: Int, running runningNow: Int, held heldNow: Int) -> [UInt8] {
        waiting.record(waitingNow)
        running.record(runningNow)
        held.record(heldNow)
        if let bytes = Self.residentBytes() { residentMemory.record(bytes) }
        return registry.emitToBuffer()
    }

    /// This process's resident memory, from `/proc/self/statm`.
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
