// The service's routes by path and method, so that a known path asked with another method is answered 405 with
// `Allow`, and a path the service does not have 404, both in the service's JSON.
import HTTPTypes
import Hummingbird
import Mawjaz
import Synchronization

/// The paths routes were added for and the methods each answers.
final class RouteTable: Sendable {
    private let routes = Mutex<[(path: RouterPath, methods: Set<HTTPRequest.Method>)]>([])

    /// Records that `path` answers `method`.
    func add(_ path: RouterPath, _ method: HTTPRequest.Method) {
        routes.withLock { routes in
            if let index = routes.firstIndex(where: { $0.path == path }) {
                routes[index].methods.insert(method)
            } else {
                routes.append((path, [method]))
            }
        }
    }

    /// The methods a request for `path` may use, in the usual order (HEAD wherever GET is), or nil for a path no route
    /// has.
    func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let methods = routes.withLock { routes in
            routes.filter { Self.path($0.path, matches: segments) }.reduce(into: Set<HTTPRequest.Method>()) { $0.formUnion($1.methods) }
        }
        guard !methods.isEmpty else { return nil }
        let order: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, .options]
        let withHead = methods.contains(.get) ? methods.union([.head]) : methods
        return order.filter(withHead.contains) + withHead.subtracting(order).sorted { $0.rawValue < $1.rawValue }
    }

    private static func path(_ pattern: RouterPath, matches segments: [Substring]) -> Bool {
        var index = 0
        for element in pattern.components {
            if element == .recursiveWildcard { return true }
            guard index < segments.count, element ~= segments[index] else { return false }
            index += 1
        }
        return index == segments.count
    }
}

/// A router that writes down, in a `RouteTable`, every route added through it.
struct RecordingRouter: RouterMethods {
    typealias Context = ServiceRequestContext
    let router: Router<Context>
    let table: RouteTable

    @discardableResult func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
    where Responder.Context == Context {
        router.on(path, method: method, responder: responder)
        table.add(path, method)
        return self
    }

    @discardableResult func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        router.add(middleware: middleware)
        return self
    }
}

/// Answers the requests no route took: 405 with `Allow` when the path is a route's but the method is not one it
/// answers, 404 when no route has the path. Added to the router after the routes, it sees only those requests (and
/// those of routes added to the router later, which it passes on).
struct UnroutedRequestMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let table: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let language = (try? Language.of(request)) ?? .en
        guard let allowed = table.methods(for: request.uri.path) else {
            do {
                return try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                return Answer.problem(RequestProblem(status: .notFound, .requestNoRoute(excerpt(request.uri.path))), in: language, on: context.channel)
            }
        }
        guard !allowed.contains(request.method) else { return try await next(request, context) }
        let names = allowed.map(\.rawValue)
        var response = Answer.problem(RequestProblem(status: .methodNotAllowed, .requestMethodNotAllowed(method: excerpt(request.method.rawValue), allowed: names)),
                                      in: language, on: context.channel)
        response.headers[.allow] = names.joined(separator: ", ")
        return response
    }
}
