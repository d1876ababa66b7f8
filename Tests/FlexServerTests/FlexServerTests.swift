// `flex serve` end to end over loopback: the payment flow, auth, limits, error shapes, access log, parity.
import AsyncHTTPClient
import Dispatch
import FlexAPI
import FlexHTTP
import FlexServer
import FlexSimulator
import Testing
#if canImport(Glibc)
import Glibc
#endif

func errorCode(_ response: APIResponse) -> String? { response.body["error"]?["code"]?.stringValue }

@Suite struct FlexServerTests {
    @Test func aWholePaymentFlowThroughV1AndSim() async throws {
        try await withServer { _, flex, log in
            let customer = try await flex.send(APIRequest(.POST, "/v1/customers", body: ["customer": ["email": "ada@example.com"]]))
            #expect(customer.status == 200)
            let customerID = try #require(customer.body["customer"]?["customer_id"]?.stringValue)
            #expect(customerID.hasPrefix("fcus_"))
            let product = try await flex.send(APIRequest(.POST, "/v1/products", body: ["product": ["name": "Thermometer", "hsa_fsa_eligibility": "auto_substantiation"]]))
            let productID = try #require(product.body["product"]?["product_id"])
            let price = try await flex.send(APIRequest(.POST, "/v1/prices", body: ["price": ["product": productID, "unit_amount": 2499]]))
            let priceID = try #require(price.body["price"]?["price_id"])
            let session = try await flex.send(APIRequest(.POST, "/v1/checkout/sessions", body: ["checkout_session": [
                "line_items": [["price": priceID, "quantity": 2]], "success_url": "https://shop.example/ok", "customer": .string(customerID)]]))
            #expect(session.status == 200)
            let sessionID = try #require(session.body["checkout_session"]?["checkout_session_id"]?.stringValue)
            #expect(session.body["checkout_session"]?["amount_total"] == 4998)
            let paid = try await flex.send(APIRequest(.POST, "/_sim/checkout/sessions/\(sessionID)/pay",
                                                      body: ["payment": ["card": "4242424242424242", "card_kind": "hsa"]]))
            #expect(paid.status == 200, "\(paid.body.serialized())")
            let fetched = try await flex.send(APIRequest(.GET, "/v1/checkout/sessions/\(sessionID)"))
            #expect(fetched.body["checkout_session"]?["status"] == "complete")
            let events = try await flex.send(APIRequest(.GET, "/_sim/events", query: [QueryItem("type", "checkout.session.completed")]))
            #expect(events.body["events"]?.arrayValue?.count == 1)

            let lines = log.all
            #expect(lines.count == 7)
            #expect(lines.first?.hasPrefix("POST /v1/customers 200 ") == true)
            #expect(lines.last?.hasPrefix("GET /_sim/events?type=… 200 ") == true)
            #expect(lines.allSatisfy { !$0.contains(testKey) && !$0.contains("checkout.session.completed") && $0.hasSuffix("ms") })
        }
    }

    @Test func authIsRequiredAndOnlyTestKeysPass() async throws {
        try await withServer { port, _, log in
            let (status, body) = try await rawRequest(port: port, method: .GET, path: "/v1/customers")
            #expect(status == 401)
            #expect(body?["error"]?["code"] == "unauthorized")
            let (basicStatus, _) = try await rawRequest(port: port, method: .GET, path: "/v1/customers", headers: [("Authorization", "Basic eDp5")])
            #expect(basicStatus == 401)
            let live = try HTTPFlex(configuration: HTTPFlexConfiguration(
                baseURL: "http://127.0.0.1:\(port)/v1", apiKey: "fsk_live_abcdefghijklmnopa1b2", allowProduction: true))
            let refused = try await live.send(APIRequest(.GET, "/v1/customers"))
            await live.shutdown()
            #expect(refused.status == 401)
            #expect(errorCode(refused) == "unauthorized")
            #expect(refused.body["error"]?["message"]?.stringValue?.contains("fsk_test_") == true)
            #expect(log.all.allSatisfy { !$0.contains("fsk_live_abcdefghijklmnopa1b2") })
        }
    }

    @Test func limitsAndErrorShapes() async throws {
        try await withServer(maxBodyBytes: 4096) { port, flex, _ in
            let big = try await flex.send(APIRequest(.POST, "/v1/customers", body: ["customer": ["email": .string(String(repeating: "x", count: 5000))]]))
            #expect(big.status == 413)
            #expect(errorCode(big) == "request_too_large")

            let auth = [("Authorization", "Bearer \(testKey)"), ("Content-Type", "application/json")]
            let (badStatus, badBody) = try await rawRequest(port: port, method: .POST, path: "/v1/customers", headers: auth, body: Array(#"{"customer": {"#.utf8))
            #expect(badStatus == 400)
            #expect(badBody?["error"]?["code"] == "invalid_request")

            let missing = try await flex.send(APIRequest(.GET, "/v1/nothing_here"))
            #expect(missing.status == 404)
            #expect(errorCode(missing) == "not_found")
            let wrongMethod = try await flex.send(APIRequest(.DELETE, "/v1/customers"))
            #expect(wrongMethod.status == 405)
            #expect(errorCode(wrongMethod) == "method_not_allowed")
            let (optionsStatus, optionsBody) = try await rawRequest(port: port, method: .OPTIONS, path: "/v1/customers", headers: auth)
            #expect(optionsStatus == 405)
            #expect(optionsBody?["error"]?["code"] == "method_not_allowed")
            let escape = await rawExchange(port: port, "GET /v1/customers/%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(testKey)\r\nConnection: close\r\n\r\n")
            #expect(escape.hasPrefix("HTTP/1.1 400"))
            #expect(escape.contains(#"{"error":{"code":"invalid_request""#))

            // Still serving after all of that, and after garbage on a raw socket.
            _ = await rawExchange(port: port, "\u{01}\u{02}GARBAGE / HTTP/9.9\r\nX: \u{00}\r\n\r\n{{{{")
            let alive = try await flex.send(APIRequest(.GET, "/_sim/clock"))
            #expect(alive.status == 200)
            #expect(alive.body["clock"]?["now"] == 1767225600)
        }
    }

    @Test func percentEncodedPathsAndQueriesRoundTrip() async throws {
        try await withServer { _, flex, _ in
            let response = try await flex.send(APIRequest(.GET, "/v1/customers/fcus_ not/here"))
            #expect(response.status == 404)
            #expect(response.body["error"]?["message"]?.stringValue?.contains("fcus_ not") == true)
        }
    }

    @Test func cancellingTheTaskShutsTheServerDown() async throws {
        let server = FlexServer(port: 0, handleSignals: false)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task { try await server.run { continuation.yield($0) } }
        var port = 0
        for await bound in ports { port = bound; break }
        let answer = await rawExchange(port: port, "GET /_sim/clock HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(testKey)\r\nConnection: close\r\n\r\n")
        #expect(answer.hasPrefix("HTTP/1.1 200"))
        task.cancel()
        // run() returns (a graceful stop, not a hang or a crash) once its task is cancelled.
        let outcome = await task.result
        if case .failure(let error) = outcome { #expect(error is CancellationError, "\(error)") }
    }

    /// The same requests to an in-process simulator and through HTTP to a served one: identical bodies.
    @Test func parityWithTheInProcessSimulator() async throws {
        let local = SimulatedFlex(seed: 42)
        // Flex's page base, as the embedded simulator has it (docs/serve.md, "Parity").
        try await withServer(seed: 42, checkoutURL: SimulatedFlex.flexCheckoutBaseURL) { _, flex, _ in
            var previous: [String: JSON] = [:]
            for step in paritySteps() {
                let request = step(previous)
                let direct = local.handle(request)
                let remote = try await flex.send(request)
                #expect(remote.status == direct.status, "\(request.method) \(request.path)")
                #expect(remote.body.serialized() == direct.body.serialized(), "\(request.method) \(request.path)")
                // Remember IDs so later steps can refer to them.
                for entry in direct.body.objectValue ?? JSONObject() {
                    for field in entry.value.objectValue ?? JSONObject() where field.key.hasSuffix("_id") { previous[field.key] = field.value }
                }
            }
        }
    }
}

/// A scripted sequence covering creates, sim routes, faults, errors and idempotent replays.
func paritySteps() -> [([String: JSON]) -> APIRequest] {
    let key = [HTTPHeader("Idempotency-Key", "flex-42-1")]
    return [
        { _ in APIRequest(.POST, "/v1/customers", headers: key, body: ["customer": ["email": "ada@example.com", "first_name": "Ada"]]) },
        { _ in APIRequest(.POST, "/v1/customers", headers: key, body: ["customer": ["email": "ada@example.com", "first_name": "Ada"]]) },
        { _ in APIRequest(.POST, "/v1/customers", headers: key, body: ["customer": ["email": "other@example.com"]]) },
        { _ in APIRequest(.POST, "/v1/products", body: ["product": ["name": "Thermometer", "hsa_fsa_eligibility": "auto_substantiation"]]) },
        { p in APIRequest(.POST, "/v1/prices", body: ["price": ["product": p["product_id"] ?? .null, "unit_amount": 2499]]) },
        { p in APIRequest(.POST, "/v1/checkout/sessions", body: ["checkout_session": [
            "line_items": [["price": p["price_id"] ?? .null, "quantity": 2]], "success_url": "https://shop.example/ok"]]) },
        { _ in APIRequest(.POST, "/_sim/faults", body: ["fault": ["kind": "decline", "count": 1, "decline_code": "insufficient_funds"]]) },
        { p in APIRequest(.POST, "/_sim/checkout/sessions/\(p["checkout_session_id"]?.stringValue ?? "")/pay", body: ["payment": ["card": "4242424242424242"]]) },
        { p in APIRequest(.POST, "/_sim/checkout/sessions/\(p["checkout_session_id"]?.stringValue ?? "")/pay",
                          body: ["payment": ["card": "4242424242424242", "card_kind": "hsa", "email": "ada@example.com"]]) },
        { p in APIRequest(.GET, "/v1/checkout/sessions/\(p["checkout_session_id"]?.stringValue ?? "")") },
        { _ in APIRequest(.POST, "/_sim/clock/advance", body: ["clock": ["seconds": 3600]]) },
        { _ in APIRequest(.POST, "/_sim/faults", body: ["fault": ["kind": "request", "count": 1, "status": 503]]) },
        { _ in APIRequest(.GET, "/v1/customers") },
        { _ in APIRequest(.GET, "/v1/customers", query: [QueryItem("limit", "1")]) },
        { _ in APIRequest(.GET, "/_sim/events") },
        { _ in APIRequest(.GET, "/v1/payment_intents") },
        { _ in APIRequest(.PATCH, "/v1/customers/fcus_NOPE", body: ["customer": ["first_name": "X"]]) },
        { _ in APIRequest(.POST, "/v1/prices", body: ["price": ["unit_amount": "12"]]) },
        { _ in APIRequest(.DELETE, "/v1/products") },
        { _ in APIRequest(.GET, "/_sim/clock") },
    ]
}

/// Writes raw bytes to the server and returns what it answers before closing. The blocking socket
/// calls run on a Dispatch thread: blocking one of Swift's cooperative threads (two on a 2-core
/// machine) would starve the in-process server that has to answer.
func rawExchange(port: Int, _ text: String) async -> String {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: blockingExchange(port: port, text)) }
    }
}

/// The exchange itself (20 s read timeout).
func blockingExchange(port: Int, _ text: String) -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    // Generous: the whole suite runs in parallel on two cores.
    var timeout = timeval(tv_sec: 20, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { return "" }
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    for _ in 0..<64 {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count <= 0 { break }
        answer.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: answer, as: UTF8.self)
}
