// HTTPFlex in RetryingBackend against a scripted loopback server: auth, retries, Retry-After, timeouts, idempotent replays.
import FlexAPI
import FlexHTTP
import FlexSimulator
import FlexTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` with a started scripted server and a retrying HTTPFlex pointed at it; stops both after.
func withScript(_ steps: [ScriptedServer.Step], attempts: Int = 3, timeout: Duration = .seconds(5), maxResponseBytes: Int = 1 << 20,
                _ body: (ScriptedServer, LoopbackClient, SleepRecorder) async throws -> Void) async throws {
    let server = ScriptedServer(steps)
    let port = try await server.start()
    let sleeper = SleepRecorder()
    let client = try makeClient(port: port, attempts: attempts, timeout: timeout, maxResponseBytes: maxResponseBytes, sleeper: sleeper)
    do {
        try await body(server, client, sleeper)
    } catch {
        await client.shutdown()
        await server.stop()
        throw error
    }
    await client.shutdown()
    await server.stop()
}

let flexError503 = #"{"error":{"code":"service_unavailable","message":"try again"}}"#

@Suite struct HTTPFlexTests {
    @Test func sendsAuthContentTypeAndParsesTheResponse() async throws {
        try await withScript([.respond(200, body: #"{"customer":{"customer_id":"fcus_1","unknown_field":[1,2.50]}}"#)]) { server, client, _ in
            let response = try await client.send(APIRequest(.POST, "/v1/customers", query: [QueryItem("expand", "a b")], body: customerBody))
            #expect(response.status == 200)
            #expect(response.body["customer"]?["unknown_field"] == [1, .decimal("2.50")])
            let request = try #require(server.received.first)
            #expect(request.method == "POST")
            #expect(request.uri == "/v1/customers?expand=a%20b")
            #expect(request.header("Authorization") == "Bearer \(testKey)")
            #expect(request.header("Content-Type") == "application/json")
            #expect(try JSON.parse(request.body) == customerBody)
            #expect(request.header("Idempotency-Key")?.hasPrefix("flex-") == true)
        }
    }

    @Test func retries503ThenSucceedsWithTheSameIdempotencyKey() async throws {
        try await withScript([.respond(503, body: flexError503), .respond(200, body: #"{"customer":{"customer_id":"fcus_1"}}"#)]) { server, client, sleeper in
            let response = try await client.send(APIRequest(.POST, "/v1/customers", body: customerBody))
            #expect(response.status == 200)
            let keys = server.received.map { $0.header("Idempotency-Key") }
            #expect(keys.count == 2)
            #expect(keys[0] != nil && keys[0] == keys[1])
            // Equal jitter with jitter() = 0.5: base/2 + base/4 = 15 ms.
            #expect(sleeper.recorded == [.milliseconds(15)])
        }
    }

    @Test func usesTheRequestsOwnIdempotencyKey() async throws {
        try await withScript([.respond(500, body: flexError503), .respond(502, body: ""), .respond(200, body: "{}")]) { server, client, sleeper in
            let response = try await client.send(APIRequest(.POST, "/v1/customers", headers: [HTTPHeader("Idempotency-Key", "flex-42-7")], body: customerBody))
            #expect(response.status == 200)
            #expect(server.received.map { $0.header("Idempotency-Key") } == ["flex-42-7", "flex-42-7", "flex-42-7"])
            // Exponential: 15 ms, then 30 ms.
            #expect(sleeper.recorded == [.milliseconds(15), .milliseconds(30)])
        }
    }

    @Test func doesNotRetryA400() async throws {
        try await withScript([.respond(400, body: #"{"error":{"code":"invalid_request","message":"customer.email is invalid"}}"#)]) { server, client, sleeper in
            let response = try await client.send(APIRequest(.POST, "/v1/customers", body: customerBody))
            #expect(response.status == 400)
            #expect(FlexError(response: response).code == "invalid_request")
            #expect(server.received.count == 1)
            #expect(sleeper.recorded.isEmpty)
        }
    }

    @Test func honoursRetryAfter() async throws {
        let steps: [ScriptedServer.Step] = [.respond(429, headers: [("Retry-After", "1")], body: #"{"error":{"code":"rate_limited","message":"slow down"}}"#),
                                            .respond(200, body: #"{"customers":[]}"#)]
        try await withScript(steps) { server, client, sleeper in
            let response = try await client.send(APIRequest(.GET, "/v1/customers"))
            #expect(response.status == 200)
            #expect(server.received.count == 2)
            #expect(sleeper.recorded == [.seconds(1)])
        }
    }

    @Test func aRetryAfterBeyondTheTimeBudgetIsNotWaitedFor() async throws {
        // makeClient's budget is 60 s; waiting 600 s would exceed it, so the 429 is the answer.
        try await withScript([.respond(429, headers: [("Retry-After", "600")], body: #"{"error":{"code":"rate_limited","message":"later"}}"#)]) { server, client, sleeper in
            let response = try await client.send(APIRequest(.GET, "/v1/customers"))
            #expect(response.status == 429)
            #expect(server.received.count == 1)
            #expect(sleeper.recorded.isEmpty)
        }
    }

    @Test func aPatchIsNotRepeatedAfterA5xx() async throws {
        try await withScript([.respond(500, body: flexError503), .respond(200, body: "{}")]) { server, client, _ in
            let response = try await client.send(APIRequest(.PATCH, "/v1/customers/fcus_1", body: ["customer": ["first_name": "Ada"]]))
            #expect(response.status == 500)
            #expect(server.received.count == 1)
            #expect(server.received[0].header("Idempotency-Key") == nil)
        }
    }

    @Test func givesUpAfterMaxAttemptsAndReturnsTheLastAnswer() async throws {
        try await withScript([.respond(503, body: flexError503)], attempts: 3) { server, client, sleeper in
            let response = try await client.send(APIRequest(.GET, "/v1/customers"))
            #expect(response.status == 503)
            #expect(FlexError(response: response).code == "service_unavailable")
            #expect(server.received.count == 3)
            #expect(sleeper.recorded.count == 2)
        }
    }

    @Test func aHangTimesOut() async throws {
        try await withScript([.hang], attempts: 1, timeout: .milliseconds(300)) { _, client, _ in
            do {
                _ = try await client.send(APIRequest(.GET, "/v1/customers"))
                Issue.record("a hanging server produced a response")
            } catch let error as TransportError {
                #expect(error.message.contains("timed out"))
                #expect(!error.description.contains(testKey))
            }
        }
    }

    @Test func anUnansweredPostIsOutcomeUnknownWithItsKey() async throws {
        try await withScript([.hang], attempts: 2, timeout: .milliseconds(250)) { server, client, _ in
            do {
                _ = try await client.send(APIRequest(.POST, "/v1/customers", headers: [HTTPHeader("Idempotency-Key", "flex-42-1")], body: customerBody))
                Issue.record("a hanging server produced a response")
            } catch let error as TransportError {
                #expect(error.message.contains("outcome unknown"))
                #expect(error.message.contains("flex-42-1"))
                #expect(!error.message.contains(testKey))
            }
            // The server records a request when it has read it, which can come after the client's
            // second attempt has timed out (slow under a sanitizer): wait for it, boundedly.
            for _ in 0..<40 where server.received.count < 2 { try await Task.sleep(for: .milliseconds(50)) }
            #expect(server.received.count == 2)
        }
    }

    @Test func aDroppedConnectionAfterTheChargeIsReplayedNotRepeated() async throws {
        // The simulator has an open session; the first pay is processed, then the connection drops.
        let simulator = SimulatedFlex(seed: 42)
        let product = simulator.handle(APIRequest(.POST, "/v1/products", body: ["product": ["name": "Thermometer"]])).body["product"]?["product_id"]
        let price = simulator.handle(APIRequest(.POST, "/v1/prices", body: ["price": ["product": product ?? .null, "unit_amount": 2499]])).body["price"]?["price_id"]
        let session = simulator.handle(APIRequest(.POST, "/v1/checkout/sessions",
            body: ["checkout_session": ["line_items": [["price": price ?? .null, "quantity": 1]], "success_url": "https://shop.example/ok"]]))
        let sessionID = try #require(session.body["checkout_session"]?["checkout_session_id"]?.stringValue)

        try await withScript([.processThenClose(simulator), .forward(simulator)]) { server, client, _ in
            let response = try await client.send(APIRequest(.POST, "/_sim/checkout/sessions/\(sessionID)/pay",
                                                            body: ["payment": ["card": "4242424242424242"]]))
            #expect(response.status == 200, "\(response.body.serialized())")
            #expect(response.header("Idempotent-Replayed") == "true")
            #expect(response.body["checkout_session"]?["status"] == "complete")
            #expect(server.received.count == 2)
            #expect(server.received[0].header("Idempotency-Key") == server.received[1].header("Idempotency-Key"))
        }
        let intents = simulator.handle(APIRequest(.GET, "/v1/payment_intents", query: [QueryItem("checkout_session", sessionID)]))
        #expect(intents.body["payment_intents"]?.arrayValue?.count == 1)
    }

    @Test func aNonJSONBodyIsATransportError() async throws {
        try await withScript([.respond(200, body: "<html>gateway</html>")]) { _, client, _ in
            do {
                _ = try await client.send(APIRequest(.GET, "/v1/customers"))
                Issue.record("HTML was accepted as JSON")
            } catch let error as TransportError {
                #expect(error.message.contains("the body is not JSON"))
                #expect(error.message.contains("HTTP 200"))
            }
        }
        try await withScript([.respond(200, body: #"{"customers":[{"customer_id":"#)]) { _, client, _ in
            await #expect(throws: TransportError.self) { try await client.send(APIRequest(.GET, "/v1/customers")) }
        }
    }

    @Test func anOversizedBodyIsAnErrorNotABuffer() async throws {
        let big = "{\"pad\":\"" + String(repeating: "x", count: 10_000) + "\"}"
        try await withScript([.respond(200, body: big)], maxResponseBytes: 1000) { server, client, _ in
            do {
                _ = try await client.send(APIRequest(.GET, "/v1/customers"))
                Issue.record("an oversized body was accepted")
            } catch let error as TransportError {
                #expect(error.message.contains("larger than the limit of 1000 bytes"))
            }
            #expect(server.received.count == 1)
        }
    }

    @Test func connectionRefusedIsRetriedThenReported() async throws {
        let port = try MisbehavingServer.closedPort()
        let sleeper = SleepRecorder()
        let client = try makeClient(port: port, attempts: 2, sleeper: sleeper)
        do {
            _ = try await client.send(APIRequest(.POST, "/v1/customers", body: customerBody))
            Issue.record("a closed port answered")
        } catch let error as TransportError {
            // Nothing was sent, so the outcome is known: not applied.
            #expect(!error.message.contains("outcome unknown"))
            #expect(error.message.contains("2 attempts"))
            #expect(!error.message.contains(testKey))
        }
        #expect(sleeper.recorded.count == 1)
        await client.shutdown()
    }
}
