// The end of a connection's pipeline: writes one request at a time (head, body and end with one
// flush, so a POST leaves in one segment and wakes the server once) and collects its answer.
import FlexAPI
import NIOCore
import NIOHTTP1
import NIOTLS

/// Why an exchange ended without an answer, beyond the socket's and the TLS library's own errors.
enum ExchangeError: Error, Equatable {
    /// The peer closed the connection before the response's end.
    case closedEarly
    /// The body grew past the configured limit; the connection is closed.
    case responseTooBig
    /// The caller gave up (cancellation, deadline or stop); the connection is closed.
    case cancelled
    /// The connection pool was shut down.
    case shutDown
    /// The TLS handshake did not end within the connect timeout.
    case handshakeTimedOut
}

/// The connection could not be made (refused, unknown host, timed out, TLS handshake failed):
/// not a byte of the request was written, so any request may be tried again.
struct ConnectFailure: Error {
    let underlying: any Error
}

final class ExchangeHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private struct Pending {
        let promise: EventLoopPromise<HTTPFlex.RawResponse>
        let maxBodySize: Int
        var head: HTTPResponseHead?
        var body: ByteBuffer?
    }

    private var context: ChannelHandlerContext?
    private var pending: Pending?
    /// A 1xx head was read: its end is not the answer's.
    private var readingInformational = false
    private var keepAlive = true
    private(set) var isOpen = true
    /// Completed once requests can be written: at once on plain TCP, after the handshake on TLS,
    /// so a handshake that fails is a failure to connect. Made when the handler joins a pipeline
    /// and failed at the latest when it leaves it.
    private(set) var ready: EventLoopPromise<Void>?
    let waitsForHandshake: Bool
    /// Called on the loop when an answer leaves the connection reusable, before the answer is
    /// handed on, so a request sent at once finds it idle.
    var onReusable: ((ExchangeHandler) -> Void)?

    var isIdle: Bool { isOpen && pending == nil }

    init(waitsForHandshake: Bool) {
        self.waitsForHandshake = waitsForHandshake
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        ready = context.eventLoop.makePromise()
        if context.channel.isActive && !waitsForHandshake { ready?.succeed() }
    }

    func channelActive(context: ChannelHandlerContext) {
        if !waitsForHandshake { ready?.succeed() }
        context.fireChannelActive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event { ready?.succeed() }
        context.fireUserInboundEventTriggered(event)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        ready?.fail(ExchangeError.closedEarly)
    }

    /// Sends `head` and `body`; `promise` gets the whole answer or the reason there is none.
    func send(_ head: HTTPRequestHead, body: ByteBuffer?, maxBodySize: Int, promise: EventLoopPromise<HTTPFlex.RawResponse>) {
        guard let context, isIdle else {
            promise.fail(ExchangeError.closedEarly)
            return
        }
        pending = Pending(promise: promise, maxBodySize: maxBodySize)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenFailure { [self] error in fail(error, close: true) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
    }

    /// Ends the pending exchange with `error`; the connection cannot be trusted afterwards.
    func cancel(with error: any Error) {
        fail(error, close: true)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            guard pending != nil else { return fail(ExchangeError.closedEarly, close: true) }
            // 100 Continue and other interim answers precede the real one (101 never comes: no upgrade is asked for).
            readingInformational = head.status.code >= 100 && head.status.code < 200
            if !readingInformational {
                pending?.head = head
                keepAlive = head.isKeepAlive
            }
        case .body(var part):
            guard !readingInformational, var current = pending else { return }
            pending = nil  // no copy of the buffer while it grows
            if (current.body?.readableBytes ?? 0) + part.readableBytes > current.maxBodySize {
                pending = current
                return fail(ExchangeError.responseTooBig, close: true)
            }
            if current.body == nil { current.body = part } else { current.body!.writeBuffer(&part) }
            pending = current
        case .end:
            if readingInformational {
                readingInformational = false
                return
            }
            guard let finished = pending, let head = finished.head else { return fail(ExchangeError.closedEarly, close: true) }
            pending = nil
            let response = HTTPFlex.RawResponse(
                status: Int(head.status.code),
                headers: head.headers.map { HTTPHeader($0.name, $0.value) },
                body: finished.body.map { Array($0.readableBytesView) } ?? []
            )
            if keepAlive { onReusable?(self) } else { close() }
            finished.promise.succeed(response)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        isOpen = false
        ready?.fail(ExchangeError.closedEarly)
        fail(ExchangeError.closedEarly, close: false)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        ready?.fail(error)
        fail(error, close: true)
    }

    private func fail(_ error: any Error, close shouldClose: Bool) {
        let failed = pending
        pending = nil
        if shouldClose { close() }
        failed?.promise.fail(error)
    }

    private func close() {
        guard isOpen else { return }
        isOpen = false
        context?.close(promise: nil)
    }
}
