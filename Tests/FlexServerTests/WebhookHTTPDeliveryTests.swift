// flex serve POSTs webhook events to registered endpoints: retries on the (scaled) Svix schedule,
// each endpoint's events in order, slow endpoints timed out, attempts listed and logged,
// deleted endpoints no longer retried, and --forward-to getting every event.
import FlexAPI
import FlexHTTP
import FlexServer
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct WebhookHTTPDeliveryTests {
    /// Svix's waits × 0.001: 0, 5 ms, 300 ms, 1.8 s, …
    static let fast = WebhookDeliveryOptions(retryScale: 0.001, timeoutSeconds: 5)

    func register(_ flex: RetryingBackend, url: String, events: [JSON] = ["customer.created"]) async throws -> String {
        let created = try await flex.send(APIRequest(.POST, "/v1/webhooks", body: ["webhook": ["url": .string(url), "events": .array(events)]]))
        return try #require(created.body["webhook"]?["webhook_id"]?.stringValue)
    }

    func createCustomer(_ flex: RetryingBackend, _ email: String) async throws -> String {
        let created = try await flex.send(APIRequest(.POST, "/v1/customers", body: ["customer": ["email": .string(email)]]))
        return try #require(created.body["customer"]?["customer_id"]?.stringValue)
    }

    func deliveries(_ flex: RetryingBackend) async throws -> [JSON] {
        try await flex.send(APIRequest(.GET, "/_sim/webhooks/deliveries", query: [QueryItem("limit", "100")])).body["deliveries"]?.arrayValue ?? []
    }

    @Test func failedAnswersAreRetriedAndEachEndpointGetsItsEventsInOrder() async throws {
        let receiver = WebhookReceiver(failFirst: 2)
        try await receiver.serve { receiverPort in
            try await withServer(webhooks: Self.fast) { _, flex, log in
                _ = try await register(flex, url: "http://127.0.0.1:\(receiverPort)/hooks")
                for n in 1...3 { _ = try await createCustomer(flex, "c\(n)@example.com") }
                #expect(await eventually { receiver.succeeded.count == 3 })
                // Oldest first: the event IDs of customer.created in the order they happened.
                let events = try await flex.send(APIRequest(.GET, "/_sim/events", query: [QueryItem("type", "customer.created")]))
                let order = (events.body["events"]?.arrayValue ?? []).compactMap { $0["event_id"]?.stringValue }
                let first = try #require(order.first)
                // The first event failed twice; the later ones waited behind it.
                #expect(receiver.all.map { $0.headers["svix-id"] ?? "" } == [first, first] + order)
                #expect(receiver.all.map(\.answered) == [500, 500, 200, 200, 200])
                let sent = receiver.all[2]
                #expect(sent.headers["content-type"] == "application/json")
                #expect(sent.headers["svix-signature"]?.hasPrefix("v1,") == true)
                // Signed at the real time of the attempt, not the simulator's virtual clock.
                let timestamp = try #require(sent.headers["svix-timestamp"].flatMap { Int($0) })
                #expect(abs(timestamp - Int(time(nil))) < 120)
                #expect((try? JSON.parse(sent.body))?["event_id"]?.stringValue == first)

                // The listing shows every attempt; newest delivery first, so the failing one is last.
                #expect(try await eventually { try await deliveries(flex).allSatisfy { $0["delivery"]?["status"] == "succeeded" } })
                let listed = try await deliveries(flex)
                let attempts = listed.last?["delivery"]?["attempts"]?.arrayValue ?? []
                #expect(attempts.map { $0["status"] } == [500, 500, 200])
                #expect(attempts.map { $0["attempt"] } == [1, 2, 3])
                #expect(attempts.first?["error"] == "HTTP 500")
                #expect(listed.first?["delivery"]?["attempts"]?.arrayValue?.count == 1)
                #expect(log.all.contains { $0.contains("customer.created -> http://127.0.0.1:\(receiverPort)/hooks: 500") && $0.contains("(attempt 1/8)") })
                #expect(log.all.contains { $0.contains(": 200 ") && $0.contains("(attempt 3/8)") })
            }
        }
    }

    @Test func aSlowEndpointTimesOut() async throws {
        let receiver = WebhookReceiver()
        let options = WebhookDeliveryOptions(retryScale: 1, timeoutSeconds: 0.3)
        try await receiver.serve { receiverPort in
            try await withServer(webhooks: options) { _, flex, log in
                _ = try await register(flex, url: "http://127.0.0.1:\(receiverPort)/slow")
                _ = try await createCustomer(flex, "slow@example.com")
                #expect(try await eventually { try await deliveries(flex).first?["delivery"]?["attempts"]?.arrayValue?.isEmpty == false })
                let attempt = try #require(try await deliveries(flex).first?["delivery"]?["attempts"]?.arrayValue?.first)
                #expect(attempt["error"] == "timed out")
                #expect(attempt["status"] == .null)
                #expect((attempt["duration_ms"]?.integerValue ?? 99_999) < 3000)
                #expect(try await deliveries(flex).first?["delivery"]?["status"] == "pending")
                #expect(log.all.contains { $0.contains("no answer") && $0.contains("timed out; next attempt in 5s") })
            }
        }
    }

    @Test func aDeletedEndpointIsNotRetried() async throws {
        let receiver = WebhookReceiver(failFirst: 1000)
        // The second attempt comes 0.5 s after the first: time to delete the endpoint in between.
        let options = WebhookDeliveryOptions(retryScale: 0.1, timeoutSeconds: 5)
        try await receiver.serve { receiverPort in
            try await withServer(webhooks: options) { _, flex, _ in
                let webhook = try await register(flex, url: "http://127.0.0.1:\(receiverPort)/hooks")
                _ = try await createCustomer(flex, "gone@example.com")
                #expect(await eventually { receiver.all.count == 1 })
                _ = try await flex.send(APIRequest(.DELETE, "/v1/webhooks/\(webhook)"))
                #expect(try await eventually { try await deliveries(flex).first?["delivery"]?["status"] == "stopped" })
                #expect(receiver.all.count == 1)
            }
        }
    }

    @Test func forwardToGetsEveryEventWithoutARegisteredEndpoint() async throws {
        let receiver = WebhookReceiver()
        try await receiver.serve { receiverPort in
            var options = Self.fast
            options.forwardTo = "http://127.0.0.1:\(receiverPort)/forward"
            options.forwardingSecret = FlexServer.forwardingSecret(seed: 42)
            try await withServer(webhooks: options) { _, flex, _ in
                let customer = try await createCustomer(flex, "f@example.com")
                _ = try await flex.send(APIRequest(.PATCH, "/v1/customers/\(customer)", body: ["customer": ["first_name": "F"]]))
                #expect(await eventually { receiver.all.count == 2 })
                #expect(receiver.all.map { (try? JSON.parse($0.body))?["event_type"]?.stringValue } == ["customer.created", "customer.updated"])
                #expect(receiver.all.allSatisfy { $0.path == "/forward" && $0.headers["svix-signature"]?.hasPrefix("v1,") == true })
                // Nothing is registered, so the simulator lists no delivery.
                #expect(try await deliveries(flex).isEmpty)
            }
        }
        #expect(FlexServer.forwardingSecret(seed: 42).hasPrefix("fwhsec_"))
        #expect(FlexServer.forwardingSecret(seed: 42) == FlexServer.forwardingSecret(seed: 42))
        #expect(FlexServer.forwardingSecret(seed: 42) != FlexServer.forwardingSecret(seed: 43))
    }

    @Test func aFullQueueDropsAndSaysSo() async throws {
        let receiver = WebhookReceiver()
        // One slot, taken by the delivery waiting on the slow endpoint: the next ones are dropped.
        let options = WebhookDeliveryOptions(retryScale: 1, timeoutSeconds: 2, queueCapacity: 1)
        try await receiver.serve { receiverPort in
            try await withServer(webhooks: options) { _, flex, log in
                _ = try await register(flex, url: "http://127.0.0.1:\(receiverPort)/slow")
                for n in 1...3 { _ = try await createCustomer(flex, "q\(n)@example.com") }
                #expect(try await eventually { try await deliveries(flex).contains { $0["delivery"]?["status"] == "dropped" } })
                #expect(log.all.contains { $0.contains("dropped: 1 deliveries already wait for this endpoint") })
            }
        }
    }
}
