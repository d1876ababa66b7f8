// API conventions: pagination, Idempotency-Key, injected request faults.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct ConventionsTests {
    func customers(_ sim: Sim, _ count: Int) -> [String] {
        (0..<count).map { index in
            sim.unwrap(sim.post("/v1/customers", .object(["customer": .object(["email": .string("c\(index)@x.co")])])), "customer")["customer_id"]?.stringValue ?? ""
        }
    }

    func page(_ sim: Sim, _ query: [(String, String)]) -> [String] {
        (sim.unwrap(sim.get("/v1/customers", query), "customers").arrayValue ?? []).compactMap { $0["customer_id"]?.stringValue }
    }

    @Test func paginationNewestFirst() {
        let sim = Sim()
        let ids = customers(sim, 15)
        let newest = Array(ids.reversed())
        #expect(page(sim, []) == Array(newest.prefix(10)))  // default limit 10
        #expect(page(sim, [("limit", "3")]) == Array(newest.prefix(3)))
        #expect(page(sim, [("limit", "3"), ("offset", "2")]) == Array(newest[2..<5]))
        #expect(page(sim, [("limit", "100"), ("offset", "20")]) == [])
        #expect(page(sim, [("limit", "4"), ("starting_after", newest[3])]) == Array(newest[4..<8]))
        #expect(page(sim, [("limit", "4"), ("starting_after", newest[14])]) == [])
        #expect(page(sim, [("limit", "2"), ("ending_before", newest[5])]) == Array(newest[3..<5]))
        #expect(page(sim, [("limit", "10"), ("ending_before", newest[2])]) == Array(newest[0..<2]))
        // Walking forward with cursors visits everything once.
        var seen: [String] = []
        var cursor: String?
        while true {
            var query = [("limit", "4")]
            if let cursor { query.append(("starting_after", cursor)) }
            let batch = page(sim, query)
            if batch.isEmpty { break }
            seen += batch
            cursor = batch.last
        }
        #expect(seen == newest)
    }

    @Test(arguments: [
        [("limit", "0")], [("limit", "101")], [("limit", "-1")], [("limit", "ten")], [("offset", "-1")], [("offset", "x")],
        [("starting_after", "fcus_01ARZ3NDEKTSV4RRFFQ69G5FAV")], [("ending_before", "nope")],
        [("starting_after", "CURSOR"), ("ending_before", "CURSOR")],
    ])
    func paginationErrors(query: [(String, String)]) {
        let sim = Sim()
        let id = customers(sim, 2)[0]
        let response = sim.get("/v1/customers", query.map { ($0.0, $0.1 == "CURSOR" ? id : $0.1) })
        expectError(response, 400, "invalid_request")
    }

    @Test(arguments: ["/v1/products", "/v1/prices", "/v1/checkout/sessions", "/v1/payment_intents", "/v1/refunds", "/v1/captures"])
    func everyListValidatesLimit(path: String) {
        let sim = Sim()
        expectError(sim.get(path, [("limit", "101")]), 400, "invalid_request")
        #expect(sim.get(path, [("limit", "100")]).status == 200)
    }

    @Test func idempotentReplayAndConflict() {
        let sim = Sim()
        let body: JSON = ["customer": ["email": "a@b.co"]]
        let first = sim.post("/v1/customers", body, key: "key-1")
        let replay = sim.post("/v1/customers", body, key: "key-1")
        #expect(replay.body == first.body)
        #expect(replay.header("Idempotent-Replayed") == "true")
        #expect(sim.unwrap(sim.get("/v1/customers"), "customers").arrayValue?.count == 1)
        expectError(sim.post("/v1/customers", ["customer": ["email": "other@b.co"]], key: "key-1"), 409, "idempotency_key_in_use")
        expectError(sim.post("/v1/products", ["product": ["name": "X"]], key: "key-1"), 409, "idempotency_key_in_use")
        // A new key is a new request.
        #expect(sim.post("/v1/customers", body, key: "key-2").body != first.body)
        // A replayed pay does not charge twice.
        let id = sim.session([(sim.price(100), 1)])
        let paid = sim.pay(id)
        let payBody = ["payment": ["card": "4242424242424242"]] as JSON
        let keyed = sim.post("/_sim/checkout/sessions/\(sim.session([(sim.price(100), 1)]))/pay", payBody, key: "pay-1")
        #expect(paid.status == 200 && keyed.status == 200)
        let again = sim.post("/_sim/checkout/sessions/\(keyed.body["checkout_session"]?["checkout_session_id"]?.stringValue ?? "")/pay", payBody, key: "pay-1")
        #expect(again.body == keyed.body)
    }

    @Test func failedValidationIsNotStored() {
        let sim = Sim()
        expectError(sim.post("/v1/products", ["product": [:]], key: "k"), 400, "invalid_request")
        // The same key may now carry a corrected request.
        #expect(sim.post("/v1/products", ["product": ["name": "X"]], key: "k").status == 200)
    }

    @Test func idempotencyKeysExpireAfter24Hours() {
        let sim = Sim()
        let body: JSON = ["customer": ["email": "a@b.co"]]
        let first = sim.post("/v1/customers", body, key: "k")
        sim.advance(86_400)
        #expect(sim.post("/v1/customers", body, key: "k").body != first.body)
    }

    @Test func onlyTheNewestKeysAreKept() {
        let sim = Sim()
        for index in 0...10_000 {
            sim.flex.handle(APIRequest(.POST, "/_sim/faults", headers: [HTTPHeader("Idempotency-Key", "k\(index)")],
                                       body: ["fault": ["kind": "decline", "count": 1]]))
        }
        // k0 was evicted (10,000 keys are kept), so a different request may use it (evicting k1); k2 is held.
        #expect(sim.post("/v1/customers", ["customer": [:]], key: "k0").status == 200)
        expectError(sim.post("/v1/customers", ["customer": [:]], key: "k2"), 409, "idempotency_key_in_use")
    }

    @Test func invalidIdempotencyKey() {
        let sim = Sim()
        expectError(sim.post("/v1/customers", ["customer": [:]], key: ""), 400, "invalid_request")
        expectError(sim.post("/v1/customers", ["customer": [:]], key: String(repeating: "k", count: 256)), 400, "invalid_request")
    }

    @Test func requestFaults() {
        let sim = Sim()
        let fault = sim.unwrap(sim.post("/_sim/faults", ["fault": ["kind": "request", "count": 2, "status": 503]]), "fault")
        #expect(fault["code"] == "simulated_failure")
        expectError(sim.post("/v1/customers", ["customer": [:]]), 503, "simulated_failure")
        // /_sim/ requests are not affected and do not use up the fault.
        #expect(sim.get("/_sim/clock").status == 200)
        expectError(sim.get("/v1/customers"), 503, "simulated_failure")
        #expect(sim.get("/v1/customers").status == 200)
        // Faulted requests changed nothing.
        #expect(sim.unwrap(sim.get("/v1/customers"), "customers").arrayValue?.isEmpty == true)
        sim.post("/_sim/faults", ["fault": ["kind": "request", "status": 429, "code": "rate_limited"]])
        expectError(sim.get("/v1/products"), 429, "rate_limited")
        #expect(sim.get("/v1/products").status == 200)
    }

    @Test(arguments: [
        #"{"fault": {"kind": "meteor", "status": 500}}"#, #"{"fault": {"kind": "request"}}"#,
        #"{"fault": {"kind": "request", "status": 200}}"#, #"{"fault": {"kind": "request", "status": 600}}"#,
        #"{"fault": {"kind": "request", "status": 500, "count": 0}}"#, #"{"fault": {"kind": "decline", "count": -1}}"#,
        #"{"kind": "request", "status": 500}"#,
    ])
    func faultValidation(body: String) {
        expectError(Sim().post("/_sim/faults", parsed(body)), 400, "invalid_request")
    }
}
