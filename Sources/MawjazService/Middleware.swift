// What every request passes through: its log line and metrics, and the bearer token when one is set.
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mawjaz

/// Writes one structured line per request (id, method, route, status, pages, milliseconds) and counts it in the
/// metrics; answers with the request's id in `X-Request-ID`.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let logger: Logger
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let status: HTTPResponse.Status
        var response: Response?
        do {
            response = try await next(request, context)
            status = response?.status ?? .internalServerError
        } catch let error as any HTTPResponseError {
            status = error.status
            record(request, context: context, status: status, pages: nil)
            throw error
        }
        let pages = response?.headers[.mawjazPages].flatMap { Int($0) }
        record(request, context: context, status: status, pages: pages)
        response?.headers[.requestID] = context.id
        return response ?? Response(status: status)
    }

    private func record(_ request: Request, context: Context, status: HTTPResponse.Status, pages: Int?) {
        let elapsed = ContinuousClock.now - context.startedAt
        let route = context.endpointPath ?? "unknown"
        metrics.finished(route: route, method: request.method.rawValue, status: status.code, duration: elapsed, pages: pages)
        let milliseconds = ((Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15) * 10).rounded() / 10
        var fields: Logger.Metadata = [
            "id": .string(context.id),
            "method": .string(request.method.rawValue),
            "route": .string(route),
            "status": .stringConvertible(status.code),
            "ms": .stringConvertible(milliseconds),
        ]
        if let pages { fields["pages"] = .stringConvertible(pages) }
        logger.info("request", metadata: fields)
    }
}

/// Refuses with 401 every request without `Authorization: Bearer <token>`, except `GET` and `HEAD /healthz`, which
/// probes make without credentials. The token is compared in constant time.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let token: String
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/healthz", request.method == .get || request.method == .head {
            return try await next(request, context)
        }
        let given = request.headers[.authorization].flatMap { value in
            value.lowercased().hasPrefix("bearer ") ? String(value.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
        }
        guard let given, Self.same(given, token) else {
            metrics.refused("unauthorized")
            let language = (try? Language.of(request)) ?? .en
            var response = Answer.problem(RequestProblem(status: .unauthorized, .requestUnauthorized), in: language, on: context.channel)
            response.headers[.wwwAuthenticate] = "Bearer realm=\"mawjaz\""
            return response
        }
        return try await next(request, context)
    }

    /// Whether two strings are equal, taking the same time wherever they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: left.count ^ right.count) | (left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}

/// Lets the browsers of the origins given call the service: a preflight (`OPTIONS` with
/// `Access-Control-Request-Method`) is answered 204 with the methods and headers allowed, and every answer to an
/// allowed origin carries `Access-Control-Allow-Origin` and the headers it may read. Other origins get no CORS headers,
/// so their browsers refuse the answers.
struct CORSPolicyMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    /// Origins as browsers send them (`https://editor.example.org`), or `*` for any.
    let origins: [String]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains("*") || origins.contains(origin) else {
            return try await next(request, context)
        }
        let allowed = origins.contains("*") ? "*" : origin
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var headers: HTTPFields = [
                .accessControlAllowOrigin: allowed,
                .accessControlAllowMethods: "GET, HEAD, POST, OPTIONS",
                .accessControlAllowHeaders: "Accept, Accept-Language, Authorization, Content-Type",
                .accessControlMaxAge: "600",
            ]
            if allowed != "*" { headers[.vary] = "Origin" }
            return Response(status: .noContent, headers: headers)
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = allowed
        response.headers[.accessControlExposeHeaders] = "Content-Disposition, Mawjaz-Pages, Mawjaz-Warnings, Retry-After, X-Request-ID"
        if allowed != "*" { response.headers[.vary] = "Origin" }
        return response
    }
}
