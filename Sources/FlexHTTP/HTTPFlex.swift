// The live backend: sends APIRequests to Flex over HTTP, one attempt each, with auth, timeouts and size limits.
import AsyncHTTPClient
import FlexAPI
import FlexSync
import NIOCore
import NIOHTTP1
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A `FlexBackend` that talks to the Flex API (or a `flex serve`) over HTTP.
///
/// - `send` is one attempt; wrap it in `RetryingBackend` for retries and Idempotency-Keys.
/// - Non-2xx answers are returned as responses (Flex's error body); a failed attempt throws
///   `AttemptFailure`, a request that cannot be sent `TransportError`; neither message ever
///   contains the API key.
/// - Call `shutdown()` when done.
public final class HTTPFlex: FlexBackend {
    public let configuration: HTTPFlexConfiguration
    public let base: APIBaseURL
    /// `test` or `production`, from the key (for banners).
    public let mode: APIKeySafety.Mode
    /// One client (and connection pool) per lane, an event loop of its own, so an attempt's
    /// delegate and its connection share the loop the attempt comes from: the answer crosses no
    /// second loop, and a `flex test` worker running on one lane (see `executors`) never waits on
    /// a connection of another lane. Callers on no lane's loop use the first. (`.delegateAndChannel`
    /// on one shared client would pin the channel too, but AsyncHTTPClient then closes the
    /// connection after every request.)
    let lanes: [Lane]
    let authorization: String
    /// One task executor per lane: `flex run` runs its script on the first, `flex test` spreads
    /// its live workers over all of them, so a case and its requests share a thread.
    public let executors: [EventLoopTaskExecutor]

    struct Lane {
        let loop: any EventLoop
        let client: HTTPClient
    }

    /// Validates the base URL and key (a non-test key needs `allowProduction`) and creates the client.
    public init(configuration: HTTPFlexConfiguration) throws(HTTPConfigurationError) {
        base = try APIBaseURL(configuration.baseURL)
        mode = try APIKeySafety.check(configuration.apiKey, allowProduction: configuration.allowProduction)
        self.configuration = configuration
        // Whatever its shape, the configured key is redacted in everything flex renders.
        SecretRedaction.register(configuration.apiKey)
        authorization = "Bearer " + configuration.apiKey
        var clientConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,  // a redirect must never carry the Authorization header elsewhere
            // No read timeout of AsyncHTTPClient's own: AttemptWatch ends the whole attempt at the
            // same limit, body included, and an idle-read timer re-armed on every read would cost
            // a scheduled task per response.
            timeout: .init(connect: HTTPFlex.timeAmount(configuration.connectTimeout), read: nil),
            decompression: .disabled
        )
        clientConfiguration.httpVersion = .http1Only
        // RetryingBackend retries (bounded, reported); the pool's own reconnect loop would hide a
        // refused connection until the request deadline.
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        let allLoops = Array(HTTPClient.defaultEventLoopGroup.makeIterator())
        let loops = allLoops.prefix(HTTPFlex.laneCount(ofLoops: allLoops.count))
        lanes = loops.map { Lane(loop: $0, client: HTTPClient(eventLoopGroup: $0, configuration: clientConfiguration)) }
        executors = loops.map(EventLoopTaskExecutor.init)
    }

    /// How many of the event loops get a lane: half of them (the loops are one per core), at
    /// least one. A live worker mostly waits for answers, one loop drives several of them, and
    /// when the server is a `flex serve` on the same machine the other cores are its own. Against
    /// one on two cores, `flex test -j 2` with both workers on one loop took 32 ms against 43 ms
    /// with a loop each, and less CPU on both sides: one thread woken per burst of answers
    /// instead of two (docs/performance.md, "(c) what bounds the ratio").
    static func laneCount(ofLoops loops: Int) -> Int {
        max(1, loops / 2)
    }

    deinit {
        // A client dropped without shutdown traps in debug builds of AsyncHTTPClient; never let a
        // forgotten shutdown() crash flex. Shutting down twice is harmless.
        for lane in lanes { _ = lane.client.shutdown() }
    }

    /// Closes connections. The backend must not be used afterwards.
    public func shutdown() async {
        for lane in lanes { try? await lane.client.shutdown() }
    }

    /// One attempt: Flex's answer whatever its status, a `TransportError` when the request cannot
    /// be sent as written, or an `AttemptFailure` (for `RetryingBackend` to retry or report).
    /// On the caller's executor: the attempt waits for one answer from the event loop, no more hops.
    nonisolated(nonsending) public func send(_ request: APIRequest) async throws -> APIResponse {
        let prepared = try prepare(request)
        let raw = try await perform(prepared)
        return try parse(raw, prepared)
    }

    // MARK: - The attempt

    struct Prepared: Sendable {
        var method: FlexAPI.HTTPMethod
        var url: String
        /// `METHOD /path` as written in the request, for messages.
        var label: String
        var headers: HTTPHeaders
        var body: [UInt8]?
    }

    struct RawResponse: Sendable {
        var status: Int
        var headers: [HTTPHeader]
        var body: [UInt8]
    }

    func prepare(_ request: APIRequest) throws(TransportError) -> Prepared {
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: authorization)
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "User-Agent", value: "flex")
        for header in request.headers {
            let lowered = header.name.lowercased()
            // Auth is this backend's business; framing headers are the client's.
            if lowered == "authorization" || lowered == "host" || lowered == "content-length" || lowered == "transfer-encoding" { continue }
            guard HTTPFlex.isToken(header.name), header.value.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) else {
                throw TransportError("the header \"\(KeyRedaction.scrub(header.name, key: configuration.apiKey))\" of \(request.method.rawValue) \(request.path) has a name or value that cannot be sent")
            }
            headers.add(name: header.name, value: header.value)
        }
        var body: [UInt8]?
        if let json = request.body {
            body = json.serializedBytes()
            headers.add(name: "Content-Type", value: "application/json")
        }
        return Prepared(
            method: request.method,
            url: base.resolve(request.path, query: request.query),
            label: "\(request.method.rawValue) \(request.path)",
            headers: headers,
            body: body
        )
    }

    /// One attempt, bounded as a whole (connect, send, head and every body byte) by the attempt's
    /// limit or the exchange's overall deadline, whichever comes first, and ended within ~10 ms of
    /// a raised `StopSignal` or at once when the task is cancelled. AsyncHTTPClient's delegate API
    /// keeps the whole exchange on its event loop: one hop there and one back per attempt.
    func perform(_ prepared: Prepared) async throws(AttemptFailure) -> RawResponse {
        let limit = AttemptLimit(attempt: configuration.requestTimeout, overall: ExchangeBudget.current)
        let request: HTTPClient.Request
        do {
            request = try HTTPClient.Request(url: prepared.url, method: NIOHTTP1.HTTPMethod(rawValue: prepared.method.rawValue),
                                             headers: prepared.headers, body: prepared.body.map { .bytes($0) })
        } catch {
            throw AttemptFailure(describe(error), sent: false, isFinal: true)
        }
        let lane = currentLane()
        let loop = lane.loop
        let watch = AttemptWatch(loop: loop, deadline: .now() + HTTPFlex.timeAmount(max(ContinuousClock.now.duration(to: limit.deadline), .zero)),
                                 stop: StopSignal.current?.isRaised)
        let accumulator = ResponseAccumulator(request: request, maxBodySize: configuration.maxResponseBytes)
        let task = lane.client.execute(request: request, delegate: accumulator, eventLoop: .delegate(on: loop), deadline: nil, logger: nil)
        watch.watch(task)
        // The answer is handed on one loop tick later: AsyncHTTPClient completes the task before
        // it gives the connection back to its pool, and a next request sent at once would find
        // it busy and open a new one.
        let handedOver = loop.makePromise(of: HTTPClient.Response.self)
        task.futureResult.whenComplete { result in loop.execute { handedOver.completeWith(result) } }
        do {
            let response = try await withTaskCancellationHandler {
                try await handedOver.futureResult.get()
            } onCancel: {
                task.cancel()
            }
            return RawResponse(status: Int(response.status.code), headers: response.headers.map { HTTPHeader($0.name, $0.value) },
                               body: response.body.map { Array($0.readableBytesView) } ?? [])
        } catch {
            throw failure(error, of: prepared, watch: watch, limit: limit)
        }
    }

    /// The lane of the loop the caller runs on (a task on one of `executors`), so the answer
    /// resumes it without a hop; else the first.
    func currentLane() -> Lane {
        lanes.first { $0.loop.inEventLoop } ?? lanes[0]
    }

    /// Why the attempt ended without an answer, as `RetryingBackend` needs it: a deadline, a stop
    /// or a cancellation is final, and only a failure to connect is known not to have been sent.
    func failure(_ error: any Error, of prepared: Prepared, watch: AttemptWatch, limit: AttemptLimit) -> AttemptFailure {
        let sent = !HTTPFlex.isConnectFailure(error)
        switch watch.verdict {
        case .expired: return limit.failure(prepared.label)
        case .stopped: return AttemptFailure("\(prepared.label) was stopped before its answer arrived", sent: sent, isFinal: true)
        case .running: break
        }
        if Task.isCancelled {
            return AttemptFailure("\(prepared.label) was cancelled before its answer arrived", sent: sent, isFinal: true)
        }
        if error is ResponseAccumulator.ResponseTooBigError {
            return AttemptFailure("the response to \(prepared.label) is larger than the limit of \(configuration.maxResponseBytes) bytes", sent: true, isFinal: true)
        }
        return AttemptFailure(describe(error), sent: sent)
    }

    /// An unreadable body still carries its status and headers, which decide a retry.
    func parse(_ raw: RawResponse, _ prepared: Prepared) throws(AttemptFailure) -> APIResponse {
        if raw.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return APIResponse(status: raw.status, headers: raw.headers, body: .null)
        }
        do {
            let body = try JSON.parse(raw.body)
            return APIResponse(status: raw.status, headers: raw.headers, body: body)
        } catch {
            let message = "the server answered \(prepared.label) with HTTP \(raw.status) but the body is not JSON (\(raw.body.count) bytes: \(error.description))"
            throw AttemptFailure(KeyRedaction.scrub(message, key: configuration.apiKey), sent: true,
                                 unreadableAnswer: APIResponse(status: raw.status, headers: raw.headers, body: .null))
        }
    }

    /// What went wrong with an attempt, in plain words, without the key.
    func describe(_ error: any Error) -> String {
        KeyRedaction.scrub(NetworkFailureWords.describe(error, origin: base.origin, connectTimeout: configuration.connectTimeout),
                           key: configuration.apiKey)
    }

    /// Failures that happen before any byte of the request is written: safe to retry for any method.
    static func isConnectFailure(_ error: any Error) -> Bool {
        if error is NIOConnectionError { return true }
        if let error = error as? HTTPClientError, error == .connectTimeout { return true }
        if let error = error as? ChannelError, case .connectTimeout = error { return true }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED { return true }
        return false
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        let (nanos, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return .seconds(Int64.max / 1_000_000_000) }
        return .nanoseconds(nanos + attoseconds / 1_000_000_000)
    }

    /// RFC 9110 token characters.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
                UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
                UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
            default: false
            }
        }
    }
}

extension HTTPFlex: CustomStringConvertible, CustomReflectable {
    public var description: String { "HTTPFlex(\(base), key \(KeyRedaction.redact(configuration.apiKey)))" }
    /// Keeps the Authorization header value out of `dump()` and debuggers.
    public var customMirror: Mirror { Mirror(self, children: ["configuration": configuration]) }
}
