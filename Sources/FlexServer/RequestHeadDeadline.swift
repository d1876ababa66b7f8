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
    /// When the connection must have sent its next request head; nil while a request is open.
    var deadline: NIODeadline?
    /// At most one timer per connection. It is not moved on every request (a schedule and a
    /// cancel per request would cost the busiest connections most): when it fires early, it
    /// checks the current deadline and sleeps again until then.
    var timer: Scheduled<Void>?
    /// Requests whose head arrived and whose response has not ended.
    var owed = 0
    var started = false
    var context: ChannelHandlerContext?

    init(options: ConnectionOptions) {
        headerTimeout = .nanoseconds(ConnectionOptions.amount(options.headerTimeoutSeconds))
        idleTimeout = .nanoseconds(ConnectionOptions.amount(options.idleTimeoutSeconds))
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        wait(context, headerTimeout)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            owed += 1
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            owed = max(0, owed - 1)
            if owed == 0 { wait(context, idleTimeout) }
        }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
        self.context = nil
    }

    func stop() {
        timer?.cancel()
        timer = nil
        deadline = nil
    }

    /// The next request head is due `timeout` from now.
    func wait(_ context: ChannelHandlerContext, _ timeout: TimeAmount) {
        let due = NIODeadline.now() + timeout
        deadline = due
        if timer == nil { schedule(context, at: due) }
    }

    func schedule(_ context: ChannelHandlerContext, at due: NIODeadline) {
        // The task runs on the channel's event loop, like every other method of the handler; the
        // handler keeps it only until it fires or the connection ends (stop).
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(deadline: due) { handler.value.fire() }
    }

    func fire() {
        timer = nil
        guard let deadline, let context else { return }
        if deadline <= NIODeadline.now() {
            context.close(promise: nil)
        } else {
            schedule(context, at: deadline)
        }
    }
}
