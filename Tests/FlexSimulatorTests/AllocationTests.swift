// refund_allocation and capture_allocation previews: per-card splits, pins, every error, read-only.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct AllocationTests {
    /// A split cart paid with an HSA card (4242, 3000 eligible) and a split card (4444, 2000 not).
    func splitCart(_ sim: Sim, manual: Bool = false) -> (session: String, eligible: String, other: String) {
        let eligible = sim.price(3000)
        let other = sim.price(2000, "not_eligible", name: "Mug")
        let id = sim.session([(eligible, 1), (other, 1)], manual ? ["capture_method": "manual"] : [:])
        _ = sim.unwrap(sim.pay(id, ["card_kind": "hsa", "split_card": "5555555555554444"]), "checkout_session")
        return (id, eligible, other)
    }

    func methods(_ sim: Sim, _ id: String) -> [String] {
        let session = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")
        return (session["payment_intents"]?.arrayValue ?? []).map { intent in
            sim.unwrap(sim.get("/v1/payment_intents/\(intent.stringValue ?? "")"), "payment_intent")["payment_method"]?.stringValue ?? ""
        }
    }

    func preview(_ sim: Sim, _ id: String, _ kind: String, _ body: String) -> APIResponse {
        sim.post("/v1/checkout/sessions/\(id)/\(kind)_allocation", parsed(body))
    }

    func amounts(_ response: APIResponse) -> [Int] {
        #expect(response.status == 200, "\(response.body.serialized())")
        return (response.body["allocations"]?.arrayValue ?? []).compactMap { $0["amount"]?.integerValue }
    }

    @Test func refundAllocationFollowsTheCardsThatPaid() {
        let sim = Sim()
        let (id, _, other) = splitCart(sim)
        let cards = methods(sim, id)
        let all = preview(sim, id, "refund", "")
        let rows = all.body["allocations"]?.arrayValue ?? []
        #expect(rows.map { $0["payment_method_id"]?.stringValue ?? "" } == cards)
        #expect(rows.map { $0["last4"] } == ["4242", "4444"])
        #expect(rows.first?.objectValue?.keys == ["payment_method_id", "last4", "amount"])
        #expect(amounts(all) == [3000, 2000])
        // A lump amount takes from the HSA/FSA card first; a line item from the card that paid it.
        #expect(amounts(preview(sim, id, "refund", #"{"checkout_session": {"amount": 3500}}"#)) == [3000, 500])
        #expect(amounts(preview(sim, id, "refund", #"{"checkout_session": {"line_items": [{"price": "P", "amount_to_refund": 700}]}}"#.replacingOccurrences("P", other))) == [0, 700])
        // Pins: the pinned card gets exactly its amount, the rest goes to the other card.
        let pinned = #"{"checkout_session": {"amount": 2000, "payment_methods": [{"payment_method_id": "M", "amount": 1500}]}}"#
        #expect(amounts(preview(sim, id, "refund", pinned.replacingOccurrences("M", cards[1]))) == [500, 1500])
        // Pins alone set the total; IDs are accepted in lower case too.
        let alone = #"{"checkout_session": {"payment_methods": [{"payment_method_id": "M", "amount": 250}]}}"#
        #expect(amounts(preview(sim, id, "refund", alone.replacingOccurrences("M", cards[0].lowercased()))) == [250, 0])
    }

    @Test func previewsChangeNothing() {
        let sim = Sim()
        let (id, _, _) = splitCart(sim, manual: false)
        let before = sim.get("/v1/checkout/sessions/\(id)").body
        let clock = sim.get("/_sim/clock").body
        let eventCount = sim.events().count
        _ = preview(sim, id, "refund", #"{"checkout_session": {"amount": 100}}"#)
        #expect(sim.get("/v1/checkout/sessions/\(id)").body == before)
        #expect(sim.get("/_sim/clock").body == clock)
        #expect(sim.events().count == eventCount)
        // And what it previewed is what the refund does.
        let refunded = sim.unwrap(sim.post("/v1/checkout/sessions/\(id)/refund", parsed(#"{"checkout_session": {"amount": 3500}}"#)), "checkout_session")
        #expect((refunded["refunds"]?.arrayValue ?? []).map { $0["amount"] } == [3000, 500])
        #expect(amounts(preview(sim, id, "refund", "")) == [0, 1500])
    }

    @Test(arguments: [
        (#"{"checkout_session": {"amount": 10, "line_items": []}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": 0}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": "10"}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": 5001}}"#, 422, "refund_amount_too_large"),
        (#"{"checkout_session": {"line_items": [{"price": "fprice_nope"}]}}"#, 400, "line_item_not_found"),
        (#"{"checkout_session": {"line_items": [{}]}}"#, 400, "line_item_not_found"),
        (#"{"checkout_session": {"line_items": [{"price": "E", "amount_to_refund": 0}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "E", "amount_to_refund": 3001}]}}"#, 422, "refund_amount_too_large"),
        (#"{"checkout_session": {"payment_methods": []}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"payment_methods": [{"payment_method_id": "fpm_nope", "amount": 1}]}}"#, 400, "payment_method_not_in_session"),
        (#"{"checkout_session": {"payment_methods": [{"payment_method_id": "M0"}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"payment_methods": [{"payment_method_id": "M0", "amount": 0}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"payment_methods": [{"amount": 5}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"payment_methods": [{"payment_method_id": "M0", "amount": 3001}]}}"#, 422, "refund_amount_too_large"),
        (#"{"checkout_session": {"payment_methods": [{"payment_method_id": "M0", "amount": 5}, {"payment_method_id": "M0", "amount": 5}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": 100, "payment_methods": [{"payment_method_id": "M0", "amount": 200}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": 5000, "payment_methods": [{"payment_method_id": "M0", "amount": 100}]}}"#, 422, "refund_amount_too_large"),
        (#"{"refund": {}}"#, 400, "invalid_request"),
    ])
    func refundAllocationErrors(body: String, status: Int, code: String) {
        let sim = Sim()
        let (id, eligible, _) = splitCart(sim)
        let cards = methods(sim, id)
        let text = body.replacingOccurrences("M0", cards[0]).replacingOccurrences("\"E\"", "\"\(eligible)\"")
        expectError(preview(sim, id, "refund", text), status, code)
    }

    @Test func refundAllocationStateRules() {
        let sim = Sim()
        let open = sim.session([(sim.price(1000), 1)])
        expectError(preview(sim, open, "refund", ""), 422, "checkout_session_not_complete")
        expectError(preview(sim, "fcs_01KDX0000000000000000000000", "refund", ""), 404, "checkout_session_not_found")
        _ = sim.pay(open)
        _ = sim.post("/v1/checkout/sessions/\(open)/refund")
        expectError(preview(sim, open, "refund", ""), 422, "already_refunded")
        let wrongMethod = sim.get("/v1/checkout/sessions/\(open)/refund_allocation")
        expectError(wrongMethod, 405, "method_not_allowed")
    }

    @Test func captureAllocationMatchesTheCapture() {
        let sim = Sim()
        let (id, eligible, _) = splitCart(sim, manual: true)
        let cards = methods(sim, id)
        #expect(amounts(preview(sim, id, "capture", "")) == [3000, 2000])
        #expect(amounts(preview(sim, id, "capture", #"{"checkout_session": {"amount_to_capture": 3500}}"#)) == [3000, 500])
        #expect(amounts(preview(sim, id, "capture", #"{"checkout_session": {"line_items": [{"price": "P", "amount_to_capture": 100}]}}"#.replacingOccurrences("P", eligible))) == [100, 0])
        let pinned = #"{"checkout_session": {"amount": 2500, "payment_methods": [{"payment_method_id": "M", "amount": 2000}]}}"#
        #expect(amounts(preview(sim, id, "capture", pinned.replacingOccurrences("M", cards[1]))) == [500, 2000])
        let captured = sim.unwrap(sim.post("/v1/checkout/sessions/\(id)/capture", parsed(#"{"checkout_session": {"amount": 3500}}"#)), "checkout_session")
        let items = captured["captures"]?.arrayValue?.first?["items"]?.arrayValue ?? []
        #expect(items.map { $0["amount_captured"] } == [3000, 500])
        #expect(amounts(preview(sim, id, "capture", "")) == [0, 1500])
    }

    @Test(arguments: [
        (#"{"checkout_session": {"amount": 0}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": 5001}}"#, 422, "capture_amount_too_large"),
        (#"{"checkout_session": {"final_capture": 1}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "fprice_nope"}]}}"#, 400, "line_item_not_found"),
        (#"{"checkout_session": {"payment_methods": [{"payment_method_id": "M0", "amount": 3001}]}}"#, 422, "capture_amount_too_large"),
        (#"{"checkout_session": {"payment_methods": [{"payment_method_id": "fpm_x", "amount": 1}]}}"#, 400, "payment_method_not_in_session"),
    ])
    func captureAllocationErrors(body: String, status: Int, code: String) {
        let sim = Sim()
        let (id, _, _) = splitCart(sim, manual: true)
        expectError(preview(sim, id, "capture", body.replacingOccurrences("M0", methods(sim, id)[0])), status, code)
    }

    @Test func captureAllocationStateRules() {
        let sim = Sim()
        let (id, _, _) = splitCart(sim, manual: true)
        sim.advance(7 * 86_400)
        expectError(preview(sim, id, "capture", ""), 422, "authorization_expired")
        let complete = sim.session([(sim.price(1000), 1)])
        _ = sim.pay(complete)
        expectError(preview(sim, complete, "capture", ""), 422, "checkout_session_not_authorized")
    }
}
