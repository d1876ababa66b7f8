// The live backend: sends APIRequests to Flex over HTTP, one attempt each, with auth, timeouts and size limits.
import FlexAPI
import FlexSync
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
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
/// - Redirects are never followed (one must not carry the Authorization header elsewhere): a
///   3xx is an answer like any other.
/// - Call `shutdown()` when done.
public final class HTTPFlex: FlexBackend {
    public let configuration: HTTPFlexConfiguration
    public let base: APIBaseURL
    /// `test` or `production`, from the key (for banners).
    public let mode: APIKeySafety.Mode
    /// Keep-alive connections per lane, an event loop of its own, so an attempt and its connection
    /// share the loop the attempt comes from: the answer crosses no second loop, and a `flex test`
    /// worker running on one lane (see `executors`) never waits on a connection of another lane.
    /// Callers on no lane's loop use the first.
    let lanes: [LaneConnections]
    let authorization: String
    /// One task executor per lane: `flex run` runs its script on the first, `flex test` spreads
    /// its live workers over all of them, so a case and its requests share a thread.
    public let executors: [EventLoopTaskExecutor]

    /// Validates the base URL and key (a non-test key needs `allowProduction`) and creates the client.
    public init(configuration: HTTPFlexConfiguration) throws(HTTPConfigurationError) {
        base = try APIBaseURL(configuration.baseURL)
        mode = try APIKeySafety.check(configuration.apiKey, allowProduction: configuration.allowProduction)
        self.configuration = configuration
        // Whatever its shape, the configured key is redacted in everything flex renders.
        SecretRedaction.register(configuration.apiKey)
        authorization = "Bearer " + configuration.apiKey
        let base = base
        let tls = base.target.usesTLS ? try HTTPFlex.tlsContext(for: base, caFile: configuration.caFile) : nil
        let allLoops = Array(MultiThreadedEventLoopGroup.singleton.makeIterator())
        let loops = allLoops.prefix(HTTPFlex.laneCount(ofLoops: allLoops.count))
        let connectTimeout = HTTPFlex.timeAmount(configuration.connectTimeout)
        lanes = loops.map { LaneConnections(loop: $0, target: base.target, connectTimeout: connectTimeout, tls: tls) }
        executors = loops.map(EventLoopTaskExecutor.init)
    }

    /// How many of the event loops get a lane: half of them (the loops are one per core), at
    /// least one. A live worker mostly waits for answers, one loop drives several of them, and
    /// when the server is a `flex serve` on the same machine the other cores are its own. Against
    /// one on two cores, `flex test -j 2` with both workers on one loop took 25 ms against 31 ms
    /// with a loop each, and less CPU on both sides: one thread woken per burst of answers
    /// instead of two (docs/performance.md, "The client's own connections").
    static func laneCount(ofLoops loops: Int) -> Int {
        max(1, loops / 2)
    }

    /// The system's certificate authorities, and those of `caFile` too when one is named.
    static func tlsContext(for base: APIBaseURL, caFile: String?) throws(HTTPConfigurationError) -> NIOSSLContext {
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        if let caFile {
            guard access(caFile, R_OK) == 0 else {
                throw HTTPConfigurationError("cannot read the certificate authority file \"\(caFile)\" (FLEX_CA_FILE or ca_file): \(String(cString: strerror(errno)))")
            }
            tlsConfiguration.additionalTrustRoots = [.file(caFile)]
        }
        do {
            return try NIOSSLContext(configuration: tlsConfiguration)
        } catch {
            let source = caFile.map { " with the certificate authorities of \"\($0)\" (is it PEM?)" } ?? ""
            throw HTTPConfigurationError("cannot set up TLS (https) for \(base.origin)\(source): \(NetworkFailureWords.typeName(of: error))")
        }
    }

    deinit {
        // A forgotten shutdown() must not leave connections open. Shutting down twice is harmless.
        for lane in lanes { _ = lane.shutdown() }
    }

    /// Closes connections. The backend must not be used afterwards.
    public func shutdown() async {
        for lane in lanes { try? await lane.shutdown().get() }
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
        var head: HTTPRequestHead
        /// `METHOD /path` as written in the request, for messages.
        var label: String
        var body: ByteBuffer?
    }

    struct RawResponse: Sendable {
        var status: Int
        var headers: [HTTPHeader]
        var body: [UInt8]
    }

    func prepare(_ request: APIRequest) throws(TransportError) -> Prepared {
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: base.target.authority)
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
        var body: ByteBuffer?
        if let json = request.body {
            body = ByteBuffer(bytes: json.serializedBytes())
            headers.add(name: "Content-Type", value: "application/json")
        }
        // Framed by length, never chunked; a POST without a body says so.
        if body != nil || request.method != .GET && request.method != .DELETE {
            headers.add(name: "Content-Length", value: String(body?.readableBytes ?? 0))
        }
        let head = HTTPRequestHead(version: .http1_1, method: NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue),
                                   uri: base.requestTarget(request.path, query: request.query), headers: headers)
        return Prepared(head: head, label: "\(request.method.rawValue) \(request.path)", body: body)
    }

    /// One attempt, bounded as a whole (connect, send, head and every body byte) by the attempt's
    /// limit or the exchange's overall deadline, whichever comes first, and ended within ~10 ms of
    /// a raised `StopSignal` or at once when the task is cancelled. The exchange runs on the
    /// lane's event loop: one hop there (none from a lane's executor) and one back per attempt.
    func perform(_ prepared: Prepared) async throws(AttemptFailure) -> RawResponse {
        let limit = AttemptLimit(attempt: configuration.requestTimeout, overall: ExchangeBudget.current)
        let lane = currentLane()
        let watch = AttemptWatch(loop: lane.loop, deadline: .now() + HTTPFlex.timeAmount(max(ContinuousClock.now.duration(to: limit.deadline), .zero)),
                                 stop: StopSignal.current?.isRaised)
        let exchange = lane.start(prepared.head, body: prepared.body, maxBodySize: configuration.maxResponseBytes)
        watch.watch(exchange)
        do {
            return try await withTaskCancellationHandler {
                try await exchange.future.get()
            } onCancel: {
                exchange.cancel()
            }
        } catch {
            throw failure(error, of: prepared, watch: watch, limit: limit)
        }
    }

    /// The lane of the loop the caller runs on (a task on one of `executors`), so the answer
    /// resumes it without a hop; else the first.
    func currentLane() -> LaneConnections {
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
        if NetworkFailureWords.isCertificateFailure(error) {
            return AttemptFailure(describe(error), sent: false, isFinal: true)
        }
        if let error = error as? ExchangeError, error == .responseTooBig {
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
        error is ConnectFailure
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
