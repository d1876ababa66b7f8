// The keep-alive HTTP/1.1 connections of one lane (an event loop of HTTPFlex's): made when no idle
// one is left, reused one request at a time, closed on shutdown. Its state is touched on the
// lane's loop only, so it needs no lock; callers on other threads hop there once per request.
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

final class LaneConnections: @unchecked Sendable {
    let loop: any EventLoop
    let target: ConnectionTarget
    let connectTimeout: TimeAmount
    /// Made once per backend, for https only: loading the trust roots is the expensive part.
    let tls: NIOSSLContext?

    // Loop-bound.
    private var idle: [ExchangeHandler] = []
    private var open: [ObjectIdentifier: any Channel] = [:]
    private var isShutDown = false

    init(loop: any EventLoop, target: ConnectionTarget, connectTimeout: TimeAmount, tls: NIOSSLContext?) {
        self.loop = loop
        self.target = target
        self.connectTimeout = connectTimeout
        self.tls = tls
    }

    /// Starts one exchange on an idle connection or a new one; its future is the answer.
    func start(_ head: HTTPRequestHead, body: ByteBuffer?, maxBodySize: Int) -> Exchange {
        let exchange = Exchange(loop: loop)
        if loop.inEventLoop {
            begin(exchange, head, body, maxBodySize)
        } else {
            loop.execute { self.begin(exchange, head, body, maxBodySize) }
        }
        return exchange
    }

    private func begin(_ exchange: Exchange, _ head: HTTPRequestHead, _ body: ByteBuffer?, _ maxBodySize: Int) {
        guard !isShutDown else { return exchange.promise.fail(ExchangeError.shutDown) }
        guard !exchange.isFinished else { return }
        while let connection = idle.popLast() {
            if connection.isIdle { return exchange.send(on: connection, head, body, maxBodySize) }
        }
        connect().whenComplete { result in
            switch result {
            case .success(let bound):
                // A request cancelled while its connection was made leaves it to the next one.
                let connection = bound.value
                if exchange.isFinished { self.idle.append(connection) } else { exchange.send(on: connection, head, body, maxBodySize) }
            case .failure(let error):
                exchange.promise.fail(ConnectFailure(underlying: error))
            }
        }
    }

    /// A new connection, once requests can be written on it (after the TLS handshake on https).
    private func connect() -> EventLoopFuture<NIOLoopBound<ExchangeHandler>> {
        let target = target, tls = tls
        return ClientBootstrap(group: loop)
            .connectTimeout(connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                // Called once per address tried (Happy Eyeballs): each channel its own handlers.
                do {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls {
                        try pipeline.addHandler(NIOSSLClientHandler(context: tls, serverHostname: target.serverNameIndication))
                    }
                    try pipeline.addHTTPClientHandlers()
                    try pipeline.addHandler(ExchangeHandler(waitsForHandshake: tls != nil))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
            .connect(host: target.host, port: target.port)
            .flatMap { channel in self.adopt(channel) }
    }

    /// Registers a connected channel for shutdown and waits until it can carry requests.
    private func adopt(_ channel: any Channel) -> EventLoopFuture<NIOLoopBound<ExchangeHandler>> {
        guard !isShutDown else {
            channel.close(promise: nil)
            return loop.makeFailedFuture(ExchangeError.shutDown)
        }
        let id = ObjectIdentifier(channel)
        open[id] = channel
        channel.closeFuture.whenComplete { _ in self.open[id] = nil }
        let handler: ExchangeHandler
        do {
            handler = try channel.pipeline.syncOperations.handler(type: ExchangeHandler.self)
        } catch {
            channel.close(promise: nil)
            return loop.makeFailedFuture(error)
        }
        guard let ready = handler.ready else {
            channel.close(promise: nil)
            return loop.makeFailedFuture(ExchangeError.closedEarly)
        }
        handler.onReusable = { [weak self] connection in self?.idle.append(connection) }
        if tls != nil {
            // The connect timeout covers the handshake too: a peer that accepts and then says
            // nothing must not hold the connection open.
            let timeout = loop.scheduleTask(in: connectTimeout) {
                ready.fail(ExchangeError.handshakeTimedOut)
                channel.close(promise: nil)
            }
            ready.futureResult.whenComplete { _ in timeout.cancel() }
        }
        let bound = NIOLoopBound(handler, eventLoop: loop)
        return ready.futureResult.map { bound }
    }

    /// Closes every connection; requests still waiting fail. Later requests fail at once.
    func shutdown() -> EventLoopFuture<Void> {
        loop.flatSubmit {
            self.isShutDown = true
            self.idle.removeAll()
            let closing = self.open.values.map { $0.close() }
            return EventLoopFuture.andAllComplete(closing, on: self.loop)
        }
    }
}

/// One request in flight: its answer, and the way to end it early.
final class Exchange: @unchecked Sendable {
    let loop: any EventLoop
    let promise: EventLoopPromise<HTTPFlex.RawResponse>
    var future: EventLoopFuture<HTTPFlex.RawResponse> { promise.futureResult }

    // Loop-bound.
    private(set) var isFinished = false
    private var connection: ExchangeHandler?

    init(loop: any EventLoop) {
        self.loop = loop
        promise = loop.makePromise()
        promise.futureResult.whenComplete { [self] _ in
            isFinished = true
            connection = nil
        }
    }

    func send(on connection: ExchangeHandler, _ head: HTTPRequestHead, _ body: ByteBuffer?, _ maxBodySize: Int) {
        self.connection = connection
        connection.send(head, body: body, maxBodySize: maxBodySize, promise: promise)
    }

    /// Ends the exchange with `ExchangeError.cancelled` unless its answer came first; a connection
    /// it was using is closed (the rest of its answer would be read as the next one's).
    func cancel() {
        loop.execute { [self] in
            guard !isFinished else { return }
            if let connection { connection.cancel(with: ExchangeError.cancelled) } else { promise.fail(ExchangeError.cancelled) }
        }
    }
}
