// Closes a connection that does not send a complete request head in time: a silent or slowloris
// connection would otherwise hold a descriptor for ever (docs/serve.md, "Connection hygiene").
import NIOCore
import NIOHTTPTypes

/// Sits after Hummingbird's HTTP decoding (an `additionalChannelHandlers` entry of `HTTP1Channel`),
/// so it sees whole request heads: the deadline runs from the connection's start (header timeout)
/// and from the end of each response (idle timeout) until the next head has been parsed. No
/// deadline runs while a request is being read or answered.
final class RequestHeadDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let headerTimeout: TimeAmount
    let idleTimeout: TimeAmount
    var deadline: Scheduled<Void>?
    /// Requests whose head arrived and whose response has not ended.
    var owed = 0
    var started = false

    init(options: ConnectionOptions) {
        headerTimeout = .nanoseconds(ConnectionOptions.amount(options.headerTimeoutSeconds))
        idleTimeout = .nanoseconds(ConnectionOptions.amount(options.idleTimeoutSeconds))
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        arm(context, headerTimeout)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            owed += 1
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            owed = max(0, owed - 1)
            if owed == 0 { arm(context, idleTimeout) }
        }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }

    func arm(_ context: ChannelHandlerContext, _ timeout: TimeAmount) {
        deadline?.cancel()
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }
}
