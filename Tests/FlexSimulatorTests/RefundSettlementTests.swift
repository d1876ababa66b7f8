// Refunds start pending and settle on the virtual clock (or by /_sim/refunds/{id}/settle): succeeded
// with a reference number, or failed with the money given back.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct RefundSettlementTests {
    /// A paid session of 2 × $24.99 and its ID.
    func paidSession(_ sim: Sim, card: String = "4242424242424242") -> (session: String, price: String) {
        let price = sim.price(2499)
        let id = sim.session([(price, 2)])
        _ = sim.unwrap(sim.pay(id, card: card), "checkout_session")
        return (id, price)
    }

    func refund(_ sim: Sim, _ id: String, _ body: String = "") -> JSON {
        sim.unwrap(sim.post("/v1/checkout/sessions/\(id)/refund", parsed(body)), "checkout_session")
    }

    func refundStatus(_ sim: Sim, _ refundID: String) -> JSON {
        sim.unwrap(sim.get("/v1/refunds/\(refundID)"), "refund")
    }

    @Test func pendingThenSucceededAfterAnHourOfVirtualTime() {
        let sim = Sim()
        let (id, _) = paidSession(sim)
        let session = refund(sim, id, #"{"checkout_session": {"amount": 1000}}"#)
        let created = session["refunds"]?[0]
        #expect(created?["status"] == "pending")
        #expect(created?["reference_status"] == "pending")
        #expect(created?["reference_id"] == .null)
        #expect(session["amount_refunded"] == 1000)  // promised money counts at once
        let refundID = created?["refund_id"]?.stringValue ?? ""
        #expect(sim.events() .suffix(2) == ["refund.created", "charge.refunded"])

        sim.advance(3598)  // the refund request itself moved the clock one second
        #expect(refundStatus(sim, refundID)["status"] == "pending")
        sim.advance(2)
        let settled = refundStatus(sim, refundID)
        #expect(settled["status"] == "succeeded")
        #expect(settled["reference_status"] == "available")
        #expect(settled["reference_id"]?.stringValue?.count == 23)
        #expect(settled["failure_reason"] == .null)
        #expect(sim.events().suffix(2) == ["refund.updated", "charge.refund.updated"])
        // The settlement events carry the settle time, not the time the clock was moved to.
        let updated = sim.unwrap(sim.get("/_sim/events", [("type", "refund.updated")]), "events")[0]
        let createdAt = sim.unwrap(sim.get("/_sim/events", [("type", "refund.created")]), "events")[0]?["event_dt"]?.integerValue ?? 0
        #expect(updated?["event_dt"] == .integer(createdAt + 3600))
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["amount_refunded"] == 1000)
    }

    @Test func statusFilterOfTheRefundList() {
        let sim = Sim()
        let (id, _) = paidSession(sim)
        _ = refund(sim, id, #"{"checkout_session": {"amount": 100}}"#)
        sim.advance(7200)
        _ = refund(sim, id, #"{"checkout_session": {"amount": 200}}"#)
        let count: (String) -> Int? = { sim.unwrap(sim.get("/v1/refunds", [("status", $0)]), "refunds").arrayValue?.count }
        #expect(count("pending") == 1)
        #expect(count("succeeded") == 1)
        #expect(count("failed") == 0)
        #expect(count("canceled") == 0)
        expectError(sim.get("/v1/refunds", [("status", "done")]), 400, "invalid_request")
    }

    @Test func theRefundFailureCardFailsAtSettlementAndGivesTheMoneyBack() {
        let sim = Sim()
        let (id, price) = paidSession(sim, card: "4000000000005126")
        let session = refund(sim, id, #"{"checkout_session": {"line_items": [{"price": "P", "amount_to_refund": 2499}]}}"#.replacingOccurrences("P", price))
        #expect(session["amount_refunded"] == 2499)
        let refundID = session["refunds"]?[0]?["refund_id"]?.stringValue ?? ""
        sim.advance(3600)
        let failed = refundStatus(sim, refundID)
        #expect(failed["status"] == "failed")
        #expect(failed["failure_reason"] == "expired_or_canceled_card")
        #expect(failed["reference_status"] == "unavailable")
        #expect(failed["reference_id"] == .null)
        let after = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")
        #expect(after["amount_refunded"] == 0)
        #expect(after["refunds"]?[0]?["status"] == "failed")
        let intent = after["payment_intent"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.get("/v1/payment_intents/\(intent)"), "payment_intent")["amount_refunded"] == 0)
        let lines = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)/line_items"), "line_items")
        #expect(lines[0]?["amount_refunded"] == 0)
        // The whole amount can be refunded again.
        #expect(refund(sim, id)["amount_refunded"] == 4998)
    }

    @Test func aFailedRefundIsReversedInTheBalance() {
        let sim = Sim()
        let (id, _) = paidSession(sim, card: "4000000000005126")
        let refundID = refund(sim, id, #"{"checkout_session": {"amount": 700}}"#)["refunds"]?[0]?["refund_id"]?.stringValue ?? ""
        func balance() -> [JSON] { sim.unwrap(sim.get("/v1/balance_transactions"), "balance_transactions").arrayValue ?? [] }
        #expect(balance().map { $0["amount"] } == [-700, 4998])
        sim.advance(3600)
        let settled = balance()
        #expect(settled.map { $0["amount"] } == [700, -700, 4998])
        #expect(settled[0]["type"] == "refund_failure")
        #expect(settled[0]["reporting_category"] == "refund_failure")
        #expect(settled[0]["source_id"]?.stringValue == refundID)
        #expect(settled[0]["balance_transaction_id"] != settled[1]["balance_transaction_id"])
        let reversals = sim.unwrap(sim.get("/v1/balance_transactions", [("type", "refund_failure")]), "balance_transactions")
        #expect(reversals.arrayValue?.count == 1)
    }

    @Test func settleRouteSettlesNowWithAChosenOutcome() {
        let sim = Sim()
        let (id, _) = paidSession(sim)
        let first = refund(sim, id, #"{"checkout_session": {"amount": 100}}"#)["refunds"]?[0]?["refund_id"]?.stringValue ?? ""
        let ok = sim.unwrap(sim.post("/_sim/refunds/\(first)/settle"), "refund")
        #expect(ok["status"] == "succeeded")
        expectError(sim.post("/_sim/refunds/\(first)/settle"), 422, "refund_not_pending")

        let second = refund(sim, id, #"{"checkout_session": {"amount": 200}}"#)["refunds"]?[1]?["refund_id"]?.stringValue ?? ""
        let failed = sim.unwrap(sim.post("/_sim/refunds/\(second)/settle", ["refund": ["status": "failed", "failure_reason": "lost_or_stolen_card"]]), "refund")
        #expect(failed["status"] == "failed")
        #expect(failed["failure_reason"] == "lost_or_stolen_card")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["amount_refunded"] == 100)
        // Settled early, it is not settled again when its hour is up.
        sim.advance(7200)
        #expect(sim.events([("type", "refund.updated")]).count == 2)
    }

    @Test(arguments: [
        (#"{"refund": {"status": "lost"}}"#, 400, "invalid_request"),
        (#"{"refund": {"status": "succeeded", "failure_reason": "unknown"}}"#, 400, "invalid_request"),
        (#"{"refund": {"status": "failed", "failure_reason": "tired"}}"#, 400, "invalid_request"),
        (#"{"nope": {}}"#, 400, "invalid_request"),
    ])
    func settleValidation(body: String, status: Int, code: String) {
        let sim = Sim()
        let (id, _) = paidSession(sim)
        let refundID = refund(sim, id)["refunds"]?[0]?["refund_id"]?.stringValue ?? ""
        expectError(sim.post("/_sim/refunds/\(refundID)/settle", parsed(body)), status, code)
        #expect(refundStatus(sim, refundID)["status"] == "pending")
    }

    @Test func settleAnUnknownRefund() {
        let sim = Sim()
        expectError(sim.post("/_sim/refunds/fre_01ARZ3NDEKTSV4RRFFQ69G5FAV/settle"), 404, "refund_not_found")
        expectError(sim.get("/_sim/refunds/fre_01ARZ3NDEKTSV4RRFFQ69G5FAV/settle"), 405, "method_not_allowed")
    }

    @Test func settlementsAndExpiriesRunInTimeOrder() {
        let sim = Sim()
        let (id, price) = paidSession(sim)
        _ = refund(sim, id, #"{"checkout_session": {"amount": 100}}"#)  // settles at +3600
        let open = sim.session([(price, 1)])  // expires at +86400
        _ = open
        sim.advance(2 * 86_400)
        #expect(sim.events().suffix(3) == ["refund.updated", "charge.refund.updated", "checkout.session.expired"])
    }
}
