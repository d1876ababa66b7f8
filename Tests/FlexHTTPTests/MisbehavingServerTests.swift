// HTTPFlex against a server that trickles, stalls, drops after reading and answers invalid JSON:
// the time budgets hold for the whole exchange, cancellation stops the attempt and any retry,
// and network failures read as plain words.
import FlexAPI
import FlexHTTP
import FlexSync
import FlexTestSupport
import Testing

@Suite struct MisbehavingServerTests {
    /// HTTPFlex to `server` with fast retries and the given budgets; the overall one wraps the retries.
    func client(_ base: String, attempts: Int = 1, attempt: Duration = .seconds(10), total: Duration = .seconds(60)) throws -> (HTTPFlex, any FlexBackend) {
        let http = try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: base, apiKey: testKey, connectTimeout: .seconds(2), requestTimeout: attempt))
        let policy = RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(10), maxDelay: .milliseconds(20), maxTotalTime: total, jitter: { 0.5 })
        return (http, TimeBudgetBackend(wrapping: RetryingBackend(wrapping: http, policy: policy, secrets: [testKey]), total: total))
    }

    func post(_ key: String = "flex-test-1") -> APIRequest {
        APIRequest(.POST, "/v1/customers", headers: [HTTPHeader("Idempotency-Key", key)], body: customerBody)
    }

    /// The TransportError `body` throws, and how long it took.
    func failure(_ body: () async throws -> APIResponse) async -> (TransportError?, Duration) {
        let start = ContinuousClock.now
        do {
            _ = try await body()
            return (nil, start.duration(to: .now))
        } catch {
            return (error as? TransportError, start.duration(to: .now))
        }
    }

    @Test func aTricklingBodyIsCutAtTheAttemptLimit() async throws {
        let server = try MisbehavingServer([.trickle(intervalMilliseconds: 50, length: 100_000)])
        defer { server.stop() }
        let (http, backend) = try client("http://127.0.0.1:\(server.port)/v1", attempts: 2, attempt: .seconds(1))
        let (error, elapsed) = await failure { try await backend.send(APIRequest(.GET, "/v1/customers")) }
        await http.shutdown()
        let message = try #require(error).message
        // The attempt's watch ends it at 1 s; on a machine so loaded that no byte came for the
        // whole second, the client's read timeout (also 1 s) says so instead. Either way it is cut.
        #expect(message.contains("GET /v1/customers timed out: no complete answer within the 1 s allowed for one attempt")
                || message.contains("timed out waiting for http://127.0.0.1:\(server.port)"), "\(message)")
        #expect(message.contains("2 attempts"))
        #expect(elapsed < .seconds(10))
        // The server records a request once it has read all of it: on a loaded machine the
        // second attempt may be cut before that.
        #expect((1...2).contains(server.received.count))
    }

    @Test func theOverallBudgetEndsAnEndlessTrickleAndSaysTheOutcomeIsUnknown() async throws {
        let server = try MisbehavingServer([.trickle(intervalMilliseconds: 50, length: 100_000)])
        defer { server.stop() }
        let (http, backend) = try client("http://127.0.0.1:\(server.port)/v1", attempts: 4, total: .milliseconds(400))
        let (error, elapsed) = await failure { try await backend.send(post()) }
        await http.shutdown()
        let failure = try #require(error)
        #expect(failure.outcome == .unknown)
        #expect(failure.message.contains("the time budget of 400 ms for POST /v1/customers ran out"))
        #expect(failure.message.contains("Idempotency-Key \"flex-test-1\""))
        #expect(elapsed < .seconds(5))
        #expect(server.received.count <= 1)  // the overall budget is final: no retry after it
    }

    @Test func cancellingAStalledRequestEndsItPromptlyAndNeverRetries() async throws {
        let server = try MisbehavingServer([.stall])
        defer { server.stop() }
        let (http, backend) = try client("http://127.0.0.1:\(server.port)/v1", attempts: 4)
        let request = post()
        let task = Task { try await backend.send(request) }
        while server.received.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        let cancelledAt = ContinuousClock.now
        task.cancel()
        let result = await task.result
        let stopped = cancelledAt.duration(to: .now)
        #expect(throws: (any Error).self) { try result.get() }
        #expect(stopped < .milliseconds(500))  // 100 ms on an idle machine; eight builds share this one
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.received.count == 1)
        await http.shutdown()
    }

    @Test func aDropAfterReadingIsRetriedWithTheSameKeyThenOutcomeUnknown() async throws {
        let server = try MisbehavingServer([.dropAfterReading])
        defer { server.stop() }
        let (http, backend) = try client("http://127.0.0.1:\(server.port)/v1", attempts: 2)
        let (error, _) = await failure { try await backend.send(post("flex-drop-7")) }
        await http.shutdown()
        let failure = try #require(error)
        #expect(failure.outcome == .unknown)
        #expect(failure.message.contains("closed the connection before the response was complete"))
        #expect(server.received.map { $0.header("Idempotency-Key") } == ["flex-drop-7", "flex-drop-7"])
    }

    @Test func aSuccessWithInvalidJSONIsAnAnswerNotAMissingResponse() async throws {
        let server = try MisbehavingServer([.respond(200, body: "<html>created</html>")])
        defer { server.stop() }
        let (http, backend) = try client("http://127.0.0.1:\(server.port)/v1", attempts: 3)
        let (error, _) = await failure { try await backend.send(post()) }
        await http.shutdown()
        let failure = try #require(error)
        #expect(failure.outcome == .unreadableAnswer)
        #expect(failure.message.hasPrefix("the server answered POST /v1/customers with HTTP 200 but the body is not JSON"))
        #expect(server.received.count == 1)  // a 200 is not retried
    }

    @Test func aResetConnectionIsSaidInPlainWords() async throws {
        let server = try MisbehavingServer([.reset])
        defer { server.stop() }
        let (http, backend) = try client("http://127.0.0.1:\(server.port)/v1")
        let (error, _) = await failure { try await backend.send(APIRequest(.GET, "/v1/customers")) }
        await http.shutdown()
        let message = try #require(error).message
        let origin = "http://127.0.0.1:\(server.port)"
        #expect(message.hasPrefix("the connection to \(origin) was reset") || message.hasPrefix("\(origin) closed the connection"), "\(message)")
        #expect(!message.contains("errno") && !message.contains("IOError"))
    }

    @Test func theTraceShowsEachAttemptWithItsNumberAndNoKey() async throws {
        let server = try MisbehavingServer([.respond(503, body: #"{"error":{"code":"busy","message":"fsk_test_4eC39HqLyjWDarjtT1zdp7dc"}}"#),
                                            .respond(200, body: #"{"customer":{"customer_id":"fcus_1"}}"#)])
        defer { server.stop() }
        let http = try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: "http://127.0.0.1:\(server.port)/v1", apiKey: testKey))
        let lines = Locked<[String]>([])
        let trace = TraceSwitch(.bodies)
        let traced = TracingBackend(wrapping: http, trace: trace) { text in lines.withLock { $0.append(text) } }
        let policy = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(2), jitter: { 0.5 })
        _ = try await RetryingBackend(wrapping: traced, policy: policy).send(post("flex-trace-1"))
        await http.shutdown()
        let text = lines.withLock { $0.joined() }.replacing(/\(\d+(\.\d)? ms/, with: "(N ms")
        #expect(text.contains("trace: POST /v1/customers -> 503 (N ms, attempt 1, Idempotency-Key flex-trace-1)\n"), "\(text)")
        #expect(text.contains("trace: POST /v1/customers -> 200 (N ms, attempt 2, Idempotency-Key flex-trace-1)\n"))
        #expect(text.contains("trace:   request  {\"customer\":{\"email\":\"ada@example.com\",\"first_name\":\"Ada\"}}"))
        #expect(text.contains("fsk_test_…p7dc") && !text.contains("4eC39HqLyjWDarjtT1zdp7dc"))
        trace.level = .off
        _ = try? await RetryingBackend(wrapping: traced, policy: policy).send(post("flex-trace-2"))
        #expect(!lines.withLock { $0.joined() }.contains("flex-trace-2"))
    }

    @Test func aRefusedConnectionIsSaidInPlainWords() async throws {
        let port = try MisbehavingServer.closedPort()
        let (http, backend) = try client("http://127.0.0.1:\(port)/v1")
        let (error, _) = await failure { try await backend.send(APIRequest(.GET, "/v1/customers")) }
        await http.shutdown()
        let message = try #require(error).message
        #expect(message.hasPrefix("connection refused by http://127.0.0.1:\(port): nothing is listening there"))
        #expect(!message.contains("errno"))
    }

    @Test func anUnknownHostIsSaidInPlainWords() async throws {
        let (http, backend) = try client("http://no-such-host.invalid/v1")
        let (error, _) = await failure { try await backend.send(APIRequest(.GET, "/v1/customers")) }
        await http.shutdown()
        let message = try #require(error).message
        #expect(message.hasPrefix("unknown host: http://no-such-host.invalid cannot be found"))
        #expect(!message.contains("SocketAddressError"))
    }

    @Test func anAnswerThatIsNotHTTPIsSaidInPlainWords() async throws {
        let server = try MisbehavingServer([.stall], greeting: "SSH-2.0-OpenSSH_9.2\r\n")
        defer { server.stop() }
        let (http, backend) = try client("http://127.0.0.1:\(server.port)/v1")
        let (error, _) = await failure { try await backend.send(APIRequest(.GET, "/v1/customers")) }
        await http.shutdown()
        let message = try #require(error).message
        // The greeting and the close can arrive together: either words are plain.
        #expect(message.contains("answered with something that is not HTTP/1.1") || message.contains("closed the connection before the response"), "\(message)")
        #expect(!message.contains("HTTPParserError"))
    }

    @Test func aTLSFailureIsSaidInPlainWordsAndIsAFailureToConnect() async throws {
        let server = try MisbehavingServer([.stall], greeting: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        defer { server.stop() }
        let (http, backend) = try client("https://127.0.0.1:\(server.port)/v1", attempts: 2)
        let (error, _) = await failure { try await backend.send(post()) }
        await http.shutdown()
        let message = try #require(error).message
        #expect(message.contains("TLS (https) handshake with https://127.0.0.1:\(server.port)"))
        // The handshake failed before a byte of the POST was written: retried, and never "outcome unknown".
        #expect(!message.contains("outcome unknown"), "\(message)")
        #expect(server.acceptedConnections == 2)
    }

    @Test func aHandshakeThatNeverEndsIsBoundedByTheConnectTimeout() async throws {
        let server = try MisbehavingServer([.stall])
        defer { server.stop() }
        let http = try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: "https://127.0.0.1:\(server.port)/v1", apiKey: testKey,
                                                                     connectTimeout: .milliseconds(300), requestTimeout: .seconds(20)))
        let (error, elapsed) = await failure { try await RetryingBackend(wrapping: http, policy: RetryPolicy(maxAttempts: 1), secrets: [testKey]).send(post()) }
        await http.shutdown()
        let message = try #require(error).message
        #expect(message.contains("during the TLS (https) handshake with https://127.0.0.1:\(server.port)"), "\(message)")
        #expect(elapsed < .seconds(10))
    }
}
