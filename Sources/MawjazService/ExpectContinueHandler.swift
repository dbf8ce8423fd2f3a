// `Expect: 100-continue`: a client that asks before sending its body (curl does for a body over a megabyte) is told
// to go on at once, rather than waiting a second for an answer hummingbird never gives.
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Answers `100 Continue` to a request head that carries `Expect: 100-continue`, then passes the head on.
///
/// The service reads every body it takes (or reads past it), so it can always say go on; a request it refuses is
/// still answered with its final status once the body has come, or before, closing the connection, as any other.
final class ExpectContinueHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data), head.headerFields[.expect]?.lowercased() == "100-continue" {
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponse(status: .continue))), promise: nil)
        }
        context.fireChannelRead(data)
    }
}
