// flex serve POSTs webhook events to registered endpoints: retries on the (scaled) Svix schedule,
// each endpoint's events in order, slow endpoints timed out, attempts listed and logged,
// deleted endpoints no longer retried, and --forward-to getting every event.
import FlexAPI
import FlexHTTP
import FlexServer
import NIOHTTP1
import FlexSimulator
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
            try await withServer(webhooks: options) { port, flex, _ in
                let customer = try await createCustomer(flex, "f@example.com")
                _ = try await flex.send(APIRequest(.PATCH, "/v1/customers/\(customer)", body: ["customer": ["first_name": "F"]]))
                #expect(await eventually { receiver.all.count == 2 })
                #expect(receiver.all.map { (try? JSON.parse($0.body))?["event_type"]?.stringValue } == ["customer.created", "customer.updated"])
                #expect(receiver.all.allSatisfy { $0.path == "/forward" && $0.headers["svix-signature"]?.hasPrefix("v1,") == true })
                // Nothing is registered, so the simulator lists no delivery.
                #expect(try await deliveries(flex).isEmpty)
                #expect(receiver.all.allSatisfy { $0.headers["flex-sandbox"] == nil })
                // A named sandbox's events are forwarded too, with its name.
                _ = try await inSandbox(port, "worker-9", .POST, "/v1/customers", #"{"customer":{"email":"s@example.com"}}"#)
                #expect(await eventually { receiver.all.count == 3 })
                #expect(receiver.all.last?.headers["flex-sandbox"] == "worker-9")
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

    /// A request in a named sandbox, as a test worker sends it.
    func inSandbox(_ port: Int, _ sandbox: String, _ method: NIOHTTP1.HTTPMethod, _ path: String, _ body: String? = nil) async throws -> JSON? {
        let headers = [("Authorization", "Bearer \(testKey)"), ("Content-Type", "application/json"), ("Flex-Sandbox", sandbox)]
        return try await rawRequest(port: port, method: method, path: path, headers: headers, body: body.map { Array($0.utf8) }).1
    }

    @Test func eachSandboxDeliversItsOwnEndpointsEvents() async throws {
        let receiver = WebhookReceiver()
        try await receiver.serve { receiverPort in
            try await withServer(webhooks: Self.fast) { port, flex, _ in
                var secrets: [String: String] = [:]
                for worker in ["worker-1", "worker-2"] {
                    let registered = try await inSandbox(port, worker, .POST, "/v1/webhooks",
                                                         #"{"webhook":{"url":"http://127.0.0.1:\#(receiverPort)/hooks","events":["customer.created"]}}"#)
                    secrets[worker] = try #require(registered?["webhook"]?["secret"]?.stringValue)
                    _ = try await inSandbox(port, worker, .POST, "/v1/customers", #"{"customer":{"email":"\#(worker)@example.com"}}"#)
                }
                // The default simulator has no endpoint: its customer goes nowhere.
                _ = try await createCustomer(flex, "default@example.com")
                #expect(await eventually { receiver.succeeded.count == 2 })
                try await Task.sleep(for: .milliseconds(200))
                #expect(receiver.all.count == 2)
                // One receiver for every worker: the Flex-Sandbox header says whose event it is,
                // and each is signed with the secret of the sandbox's own endpoint.
                for received in receiver.all {
                    let worker = try #require(received.headers["flex-sandbox"])
                    #expect(received.body.contains("\(worker)@example.com"))
                    let secret = try #require(secrets[worker])
                    let signature = SimulatedFlex.webhookSignature(secret: secret, id: received.headers["svix-id"] ?? "",
                                                                   timestamp: received.headers["svix-timestamp"] ?? "", body: received.body)
                    #expect(received.headers["svix-signature"] == signature)
                }
                #expect(Set(receiver.all.compactMap { $0.headers["flex-sandbox"] }) == ["worker-1", "worker-2"])
                // The sandbox's delivery listing shows the attempts; the default one lists none.
                let listed = try await inSandbox(port, "worker-1", .GET, "/_sim/webhooks/deliveries")
                #expect(listed?["deliveries"]?.arrayValue?.first?["delivery"]?["status"] == "succeeded")
                #expect(try await deliveries(flex).isEmpty)
                // A reset sandbox starts over with no endpoint; a deleted one delivers nothing more.
                _ = try await inSandbox(port, "worker-1", .POST, "/_sim/sandboxes/worker-1/reset")
                _ = try await inSandbox(port, "worker-1", .POST, "/v1/customers", #"{"customer":{"email":"later@example.com"}}"#)
                _ = try await inSandbox(port, "worker-2", .DELETE, "/_sim/sandboxes/worker-2")
                try await Task.sleep(for: .milliseconds(200))
                #expect(receiver.all.count == 2)
            }
        }
    }
}
