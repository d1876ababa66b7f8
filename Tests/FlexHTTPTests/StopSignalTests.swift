// HTTPFlex's attempt without a task race: a raised StopSignal ends a stalled request and the
// retries' wait promptly and nothing is sent again, and sequential requests keep one connection.
import FlexAPI
import FlexHTTP
import FlexTestSupport
import Synchronization
import Testing

@Suite struct StopSignalTests {
    /// HTTPFlex to `server` inside the retries, as `flex run --backend live` stacks them.
    func client(_ server: MisbehavingServer, attempts: Int, delay: Duration = .milliseconds(10)) throws -> (HTTPFlex, any FlexBackend) {
        let http = try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: "http://127.0.0.1:\(server.port)/v1", apiKey: testKey,
                                                                     connectTimeout: .seconds(2), requestTimeout: .seconds(20)))
        let policy = RetryPolicy(maxAttempts: attempts, baseDelay: delay, maxDelay: delay, maxTotalTime: .seconds(60), jitter: { 0.5 })
        return (http, TimeBudgetBackend(wrapping: RetryingBackend(wrapping: http, policy: policy, secrets: [testKey]), total: .seconds(60)))
    }

    /// Sends `request` under a StopSignal that `raise` turns on; the error and how long the send
    /// went on after the raise.
    func send(_ request: APIRequest, through backend: any FlexBackend, raiseWhen ready: @escaping @Sendable () -> Bool)
        async throws -> (any Error, Duration) {
        let raised = Atomic<Bool>(false)
        let signal = StopSignal { raised.load(ordering: .relaxed) }
        let task = Task { try await StopSignal.$current.withValue(signal) { try await backend.send(request) } }
        let start = ContinuousClock.now
        while !ready() {
            try await Task.sleep(for: .milliseconds(5))
            if start.duration(to: .now) > .seconds(10) { break }
        }
        let raisedAt = ContinuousClock.now
        raised.store(true, ordering: .relaxed)
        let result = await task.result
        let error = try #require(result.error)
        return (error, raisedAt.duration(to: .now))
    }

    @Test func aRaisedStopEndsAStalledRequestPromptlyAndItIsNeverSentAgain() async throws {
        let server = try MisbehavingServer([.stall])
        defer { server.stop() }
        let (http, backend) = try client(server, attempts: 4)
        let request = APIRequest(.POST, "/v1/customers", headers: [HTTPHeader("Idempotency-Key", "flex-stop-1")], body: customerBody)
        let (error, stopped) = try await send(request, through: backend) { !server.received.isEmpty }
        #expect(error is TransportError, "\(error)")
        #expect(stopped < .seconds(3))  // ~10 ms alone; the attempt limit is 20 s (a loaded test run starves the pool)
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.received.count == 1)
        await http.shutdown()
    }

    @Test func aRaisedStopEndsTheWaitBeforeARetry() async throws {
        let server = try MisbehavingServer([.respond(503, body: #"{"error":{"code":"unavailable","message":"later"}}"#)])
        defer { server.stop() }
        // Without the stop the retry would come 5 s later.
        let (http, backend) = try client(server, attempts: 3, delay: .seconds(5))
        let (error, stopped) = try await send(APIRequest(.GET, "/v1/customers"), through: backend) { !server.received.isEmpty }
        // Raised during the wait (the usual case) the send ends with CancellationError; on a loaded
        // machine the raise can come before the 503 arrived, and then the attempt itself stops.
        #expect(error is CancellationError || "\(error)".contains("was stopped before its answer arrived"), "\(error)")
        #expect(stopped < .seconds(3))  // ~10 ms alone; the retry would come after 5 s
        #expect(server.received.count == 1)
        await http.shutdown()
    }

    @Test func sequentialRequestsKeepOneConnection() async throws {
        let server = try MisbehavingServer([.respond(200, body: #"{"object":"list","data":[]}"#)])
        defer { server.stop() }
        let (http, backend) = try client(server, attempts: 1)
        for _ in 0..<50 {
            let response = try await backend.send(APIRequest(.GET, "/v1/customers"))
            #expect(response.status == 200)
        }
        #expect(server.received.count == 50)
        #expect(server.acceptedConnections == 1)
        await http.shutdown()
    }
}

extension Result {
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
