// Webhook deliveries at /_sim/webhooks/deliveries, Svix-signed: SHA-256 and HMAC-SHA256 against
// FIPS/RFC 4231 vectors, Svix's published example, and which events each endpoint receives.
import FlexAPI
@testable import FlexSimulator
import Testing

func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
}

@Suite struct SignatureTests {
    @Test func sha256Vectors() {
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Two blocks (FIPS 180-4 example).
        #expect(hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test(arguments: [
        // RFC 4231 test cases 1, 2 and 6 (a key longer than the block is hashed first).
        ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    ])
    func hmacRFC4231(key: [UInt8], message: [UInt8], expected: String) {
        #expect(hex(SHA256.hmac(key: key, message: message)) == expected)
    }

    @Test func svixExample() {
        // Svix's published example (its libraries' tests): whsec_ secret, base64-decoded key.
        let signature = State.svixSignature(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
                                            timestamp: "1614265330", body: #"{"test": 2432232314}"#)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test func base64RoundTrips() {
        for count in 0..<8 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 200) }
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        }
        #expect(Base64.decode("a_b") == nil)
    }
}

@Suite struct WebhookDeliveryTests {
    func register(_ sim: Sim, _ events: JSON) -> JSON {
        sim.unwrap(sim.post("/v1/webhooks", ["webhook": ["url": "https://shop.example/hooks", "events": events]]), "webhook")
    }

    func deliveries(_ sim: Sim, _ query: [(String, String)] = []) -> [JSON] {
        sim.unwrap(sim.get("/_sim/webhooks/deliveries", query), "deliveries").arrayValue ?? []
    }

    @Test func aMatchingEventIsDeliveredSigned() {
        let sim = Sim()
        let early = sim.session([(sim.price(2499), 1)])
        _ = sim.pay(early)  // before registration: not delivered
        let hook = register(sim, ["checkout.session.completed", "customer.created"])
        let session = sim.session([(sim.price(2499), 1)])
        _ = sim.pay(session)
        let list = deliveries(sim)
        #expect(list.map { $0["event_type"]?.stringValue ?? "" } == ["checkout.session.completed", "customer.created"])  // newest first
        let delivery = list[0]
        #expect(delivery["delivery_id"]?.stringValue?.hasPrefix("fwhd_") == true)
        #expect(delivery["webhook"] == hook["webhook_id"])
        #expect(delivery["url"] == "https://shop.example/hooks")
        let body = delivery["body"]?.stringValue ?? ""
        let envelope = parsed(body)
        #expect(envelope?.objectValue?.keys == ["event_dt", "event_id", "event_type", "object"])
        #expect(envelope?["event_type"] == "checkout.session.completed")
        #expect(envelope?["object"]?["checkout_session_id"]?.stringValue == session)
        let headers = delivery["headers"] ?? .null
        #expect(headers["svix-id"] == envelope?["event_id"])
        #expect(headers["svix-timestamp"]?.stringValue == envelope?["event_dt"]?.integerValue.map { String($0) })
        // Verified as a receiver would: HMAC of "{id}.{timestamp}.{body}" with the decoded secret.
        let secret = hook["secret"]?.stringValue ?? ""
        let key = Base64.decode(secret.dropFirst("fwhsec_".count)) ?? []
        let signed = "\(headers["svix-id"]?.stringValue ?? "").\(headers["svix-timestamp"]?.stringValue ?? "").\(body)"
        #expect(headers["svix-signature"]?.stringValue == "v1," + Base64.encode(SHA256.hmac(key: key, message: Array(signed.utf8))))
        // Deterministic: the same requests, the same deliveries byte for byte.
        let again = Sim()
        let first = again.session([(again.price(2499), 1)])
        _ = again.pay(first)
        _ = register(again, ["checkout.session.completed", "customer.created"])
        _ = again.pay(again.session([(again.price(2499), 1)]))
        #expect(deliveries(again) == list)
    }

    @Test func eachEndpointGetsItsOwnTypesUntilDeleted() {
        let sim = Sim()
        let a = register(sim, ["customer.created"])
        let b = register(sim, ["checkout_session.completed"])  // the other spelling
        let session = sim.session([(sim.price(100), 1)])
        _ = sim.pay(session)
        #expect(deliveries(sim).count == 2)
        let onlyB = deliveries(sim, [("webhook", b["webhook_id"]?.stringValue ?? "")])
        #expect(onlyB.map { $0["event_type"]?.stringValue ?? "" } == ["checkout.session.completed"])
        // The same event reaches two endpoints under one svix-id, signed with each secret.
        let c = register(sim, ["customer.created"])
        _ = sim.post("/v1/customers", ["customer": ["email": "ada@example.com"]])
        let both = deliveries(sim).prefix(2)
        #expect(both.map { $0["webhook"] } == [c["webhook_id"], a["webhook_id"]])
        #expect(both.first?["headers"]?["svix-id"] == both.last?["headers"]?["svix-id"])
        #expect(both.first?["headers"]?["svix-signature"] != both.last?["headers"]?["svix-signature"])
        #expect(both.first?["delivery_id"] != both.last?["delivery_id"])
        // A deleted endpoint receives nothing more, but its past deliveries stay in the log.
        _ = sim.flex.handle(APIRequest(.DELETE, "/v1/webhooks/\(a["webhook_id"]?.stringValue ?? "")"))
        _ = sim.post("/v1/customers", ["customer": ["email": "bob@example.com"]])
        #expect(deliveries(sim, [("webhook", a["webhook_id"]?.stringValue ?? "")]).count == 2)
        #expect(deliveries(sim, [("webhook", c["webhook_id"]?.stringValue ?? "")]).count == 2)
    }

    @Test func paginated() {
        let sim = Sim()
        _ = register(sim, ["customer.created"])
        for index in 0..<3 { _ = sim.post("/v1/customers", ["customer": ["email": .string("c\(index)@example.com")]]) }
        let all = deliveries(sim)
        #expect(all.count == 3)
        let page = deliveries(sim, [("limit", "1"), ("starting_after", all[0]["delivery_id"]?.stringValue ?? "")])
        #expect(page == [all[1]])
        expectError(sim.get("/_sim/webhooks/deliveries", [("limit", "0")]), 400, "invalid_request")
        expectError(sim.get("/_sim/webhooks/deliveries", [("starting_after", "fwhd_01KDX00000000000000000000A")]), 400, "invalid_request")
    }

    @Test func rules() {
        let sim = Sim()
        #expect(deliveries(sim) == [])
        expectError(sim.get("/_sim/webhooks/deliveries", [("webhook", "fwh_01KDX00000000000000000000A")]), 404, "webhook_not_found")
        expectError(sim.post("/_sim/webhooks/deliveries"), 405, "method_not_allowed")
    }
}
