// The last bytes of an answer when its connection is closed: at a graceful stop or at the idle timeout, a close waits
// for what the socket has not taken yet, within the drain deadline; past it, the log says what was cut.
import Logging
import NIOCore

/// Holds back the full close of a connection while bytes of an answer are still waiting to be written, for at most
/// `deadline`.
///
/// Hummingbird closes a connection as soon as the last part of an answer has been handed down: at a graceful stop
/// (after the answer to the request in flight) and at the idle timeout. A full close drops whatever the socket has not
/// taken yet, so a large PDF to a client that reads slower than the service writes lost its end. Placed just above the
/// HTTP codec, this handler turns such a close into a half close first (the socket's output is shut once every pending
/// byte has been written, so the client reads the whole answer, then the end of the stream), then the full close. A
/// client that does not read for `deadline` is cut off: the connection is closed and the log says how many bytes of
/// the answer were left unsent.
final class AnswerDrainHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = Any

    private let deadline: TimeAmount
    private let logger: Logger
    /// The promises of the closes asked for while draining, and the timer that cuts the drain short.
    private var drain: (closes: [EventLoopPromise<Void>], timer: Scheduled<Void>)?

    init(deadline: TimeAmount, logger: Logger) {
        self.deadline = deadline
        self.logger = logger
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard mode == .all else {
            context.close(mode: mode, promise: promise)
            return
        }
        if drain != nil {
            if let promise { drain?.closes.append(promise) }
            return
        }
        guard context.channel.isActive, Self.unsentBytes(of: context.channel) > 0 else {
            context.close(mode: .all, promise: promise)
            return
        }
        let started = NIODeadline.now()
        let timer = context.eventLoop.assumeIsolated().scheduleTask(in: deadline) {
            let unsent = Self.unsentBytes(of: context.channel)
            self.logger.warning("answer cut at close", metadata: [
                "unsent": .stringConvertible(unsent),
                "drain-seconds": .stringConvertible(Double(self.deadline.nanoseconds) / 1e9),
                "peer": .string(context.channel.remoteAddress?.description ?? "?"),
            ])
            self.finish(context: context)
        }
        drain = (promise.map { [$0] } ?? [], timer)
        let outputShut = context.eventLoop.makePromise(of: Void.self)
        outputShut.futureResult.assumeIsolated().whenComplete { _ in
            // Nothing to do when the deadline came first (the close it made fails the half close).
            guard let timer = self.drain?.timer else { return }
            timer.cancel()
            self.logger.debug("answer drained before close", metadata: [
                "ms": .stringConvertible((NIODeadline.now() - started).nanoseconds / 1_000_000),
            ])
            self.finish(context: context)
        }
        // The output is shut once every byte written before it has gone to the socket (NIO keeps the order).
        context.close(mode: .output, promise: outputShut)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        drain?.timer.cancel()
    }

    /// The full close the drain held back, with every promise that waited for it.
    private func finish(context: ChannelHandlerContext) {
        guard let closes = drain?.closes else { return }
        drain = nil
        let closed = context.eventLoop.makePromise(of: Void.self)
        for promise in closes { closed.futureResult.cascade(to: promise) }
        context.close(mode: .all, promise: closed)
    }

    /// Bytes written to the connection that its socket has not taken yet.
    private static func unsentBytes(of channel: any Channel) -> Int {
        (try? channel.syncOptions?.getOption(.bufferedWritableBytes)) ?? 0
    }
}
