// Refunds: full, partial, per line item, split carts, caps, state rules and /v1/refunds reads.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct RefundTests {
    func refund(_ sim: Sim, _ id: String, _ body: String) -> APIResponse {
        sim.post("/v1/checkout/sessions/\(id)/refund", parsed(body))
    }

    @Test func fullPartialAndCaps() {
        let sim = Sim()
        let id = sim.session([(sim.price(2499), 2)])
        _ = sim.pay(id)
        let partial = sim.unwrap(refund(sim, id, #"{"checkout_session": {"amount": 1000, "reason": "duplicate", "refund_metadata": {"ticket": "7"}}}"#), "checkout_session")
        #expect(partial["amount_refunded"] == 1000)
        #expect(partial["status"] == "complete")
        let first = partial["refunds"]?.arrayValue?.first
        #expect(first?.objectValue?.keys.first == "refund_id")
        #expect(first?["refund_id"]?.stringValue?.hasPrefix("fre_") == true)
        #expect(first?["amount"] == 1000)
        #expect(first?["reason"] == "duplicate")
        #expect(first?["metadata"]?["ticket"] == "7")
        #expect(first?["payment_intent_id"] == partial["payment_intent"])
        expectError(refund(sim, id, #"{"checkout_session": {"amount": 3999}}"#), 422, "refund_amount_too_large")
        let rest = sim.unwrap(refund(sim, id, #"{"checkout_session": {}}"#), "checkout_session")
        #expect(rest["amount_refunded"] == 4998)
        #expect(rest["refunds"]?.arrayValue?.last?["amount"] == 3998)
        expectError(refund(sim, id, ""), 422, "already_refunded")
        let refundID = first?["refund_id"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.get("/v1/refunds/\(refundID)"), "refund")["amount"] == 1000)
        #expect(sim.unwrap(sim.get("/v1/refunds"), "refunds").arrayValue?.count == 2)
        #expect(sim.unwrap(sim.get("/v1/refunds", [("payment_intent", partial["payment_intent"]?.stringValue ?? "")]), "refunds").arrayValue?.count == 2)
        #expect(sim.events([("type", "refund.created")]).count == 2)
        #expect(sim.events([("type", "charge.refunded")]).count == 2)
    }

    @Test func perLineItem() {
        let sim = Sim()
        let thermo = sim.price(2499)
        let bandage = sim.price(500, name: "Bandage")
        let id = sim.session([(thermo, 2), (bandage, 1)])
        _ = sim.pay(id)
        let one = sim.unwrap(refund(sim, id, #"{"checkout_session": {"line_items": [{"price": "P"}]}}"#.replacingOccurrences("P", bandage)), "checkout_session")
        #expect(one["amount_refunded"] == 500)
        expectError(refund(sim, id, #"{"checkout_session": {"line_items": [{"price": "P"}]}}"#.replacingOccurrences("P", bandage)), 422, "refund_amount_too_large")
        let partial = sim.unwrap(refund(sim, id, #"{"checkout_session": {"line_items": [{"price": "P", "amount_to_refund": 2000}]}}"#.replacingOccurrences("P", thermo)), "checkout_session")
        #expect(partial["amount_refunded"] == 2500)
        expectError(refund(sim, id, #"{"checkout_session": {"line_items": [{"price": "P", "amount_to_refund": 2999}]}}"#.replacingOccurrences("P", thermo)), 422, "refund_amount_too_large")
        let items = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)/line_items"), "line_items").arrayValue ?? []
        #expect(items.map { $0["amount_refunded"] } == [2000, 500])
        // By product too.
        let product = items.first?["price"]?["product"]?.stringValue ?? ""
        let byProduct = sim.unwrap(refund(sim, id, #"{"checkout_session": {"line_items": [{"product": "P"}]}}"#.replacingOccurrences("P", product)), "checkout_session")
        #expect(byProduct["amount_refunded"] == 5498)  // the thermometer line's remaining 2998 on top of 2500
    }

    @Test func splitCartRefundsGoToTheCardThatPaid() {
        let sim = Sim()
        let thermo = sim.price(2499)
        let mug = sim.price(900, "not_eligible", name: "Mug")
        let id = sim.session([(thermo, 1), (mug, 1)])
        let paid = sim.unwrap(sim.pay(id, ["card_kind": "hsa", "split_card": "5555555555554444"]), "checkout_session")
        let intents = paid["payment_intents"]?.arrayValue ?? []
        let mugRefund = sim.unwrap(refund(sim, id, #"{"checkout_session": {"line_items": [{"price": "P"}]}}"#.replacingOccurrences("P", mug)), "checkout_session")
        #expect(mugRefund["refunds"]?.arrayValue?.first?["payment_intent_id"] == intents.last)
        // A lump amount takes from the HSA payment first, then the second card (nothing left there).
        let lump = sim.unwrap(refund(sim, id, #"{"checkout_session": {"amount": 2499}}"#), "checkout_session")
        #expect(lump["refunds"]?.arrayValue?.last?["payment_intent_id"] == intents.first)
        #expect(lump["amount_refunded"] == 3399)
    }

    @Test(arguments: [
        (#"{"checkout_session": {"amount": 0}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": -5}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": "5"}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": 5, "line_items": []}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{}]}}"#, 400, "line_item_not_found"),
        (#"{"checkout_session": {"line_items": [{"price": "fprice_01ARZ3NDEKTSV4RRFFQ69G5FAV"}]}}"#, 400, "line_item_not_found"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "amount_to_refund": 0}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": ["x"]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": 4999}}"#, 422, "refund_amount_too_large"),
        (#"{"refund": {}}"#, 400, "invalid_request"),
    ])
    func validation(body: String, status: Int, code: String) {
        let sim = Sim()
        let price = sim.price(2499)
        let id = sim.session([(price, 2)])
        _ = sim.pay(id)
        expectError(refund(sim, id, body.replacingOccurrences("PRICE", price)), status, code)
    }

    @Test func onlyCompleteSessions() {
        let sim = Sim()
        let price = sim.price(100)
        let open = sim.session([(price, 1)])
        expectError(refund(sim, open, ""), 422, "checkout_session_not_complete")
        let manual = sim.session([(price, 1)], ["capture_method": "manual"])
        _ = sim.pay(manual)
        expectError(refund(sim, manual, ""), 422, "checkout_session_not_complete")
        expectError(refund(sim, "fcs_01ARZ3NDEKTSV4RRFFQ69G5FAV", ""), 404, "checkout_session_not_found")
    }

    @Test func directRefundAPI() {
        let sim = Sim()
        let id = sim.session([(sim.price(2499), 2)])
        let paid = sim.unwrap(sim.pay(id), "checkout_session")
        let intent = paid["payment_intent"]?.stringValue ?? ""
        let body = #"{"refund": {"payment_intent_id": "PI", "amount": 1000, "metadata": {"a": "b"}}}"#.replacingOccurrences("PI", intent)
        let refund = sim.unwrap(sim.post("/v1/refunds", parsed(body)), "refund")
        #expect(refund.objectValue?.keys.first == "refund_id")
        #expect(refund["amount"] == 1000)
        #expect(refund["payment_intent_id"] == .string(intent))
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["amount_refunded"] == 1000)
        let refundID = refund["refund_id"]?.stringValue ?? ""
        let updated = sim.unwrap(sim.patch("/v1/refunds/\(refundID)", ["refund": ["reason": "fraudulent"]]), "refund")
        #expect(updated["reason"] == "fraudulent")
        #expect(updated["metadata"]?["a"] == "b")
        expectError(sim.post("/v1/refunds", parsed(#"{"refund": {"payment_intent_id": "PI", "amount": 3999}}"#.replacingOccurrences("PI", intent))), 422, "refund_amount_too_large")
        #expect(sim.unwrap(sim.post("/v1/refunds", parsed(#"{"refund": {"payment_intent_id": "PI"}}"#.replacingOccurrences("PI", intent))), "refund")["amount"] == 3998)
        expectError(sim.post("/v1/refunds", parsed(#"{"refund": {"payment_intent_id": "PI"}}"#.replacingOccurrences("PI", intent))), 422, "already_refunded")
        expectError(sim.post("/v1/refunds", parsed(#"{"refund": {}}"#)), 400, "invalid_request")
        expectError(sim.post("/v1/refunds", parsed(#"{"refund": {"payment_intent_id": "fpi_01ARZ3NDEKTSV4RRFFQ69G5FAV"}}"#)), 404, "payment_intent_not_found")
        expectError(sim.patch("/v1/refunds/fre_01ARZ3NDEKTSV4RRFFQ69G5FAV", ["refund": [:]]), 404, "refund_not_found")
        let manual = sim.session([(sim.price(100), 1)], ["capture_method": "manual"])
        let authorized = sim.unwrap(sim.pay(manual), "checkout_session")["payment_intent"]?.stringValue ?? ""
        expectError(sim.post("/v1/refunds", parsed(#"{"refund": {"payment_intent_id": "PI"}}"#.replacingOccurrences("PI", authorized))), 422, "checkout_session_not_complete")
    }
}
