// Disputes: opened by a test card or /_sim, answered with evidence, won, lost, accepted or left
// unanswered past the deadline; their events, the session's amount_disputed, refunds they block,
// balance transactions, and every rule's error code.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct DisputeTests {
    /// A complete session of `amount` paid with `card`: (session ID, session JSON).
    func paid(_ sim: Sim, _ amount: Int = 5000, card: String = "4242424242424242") -> (String, JSON) {
        let id = sim.session([(sim.price(amount), 1)])
        return (id, sim.unwrap(sim.pay(id, card: card, ["card_kind": "hsa"]), "checkout_session"))
    }

    func dispute(_ sim: Sim, _ session: String, _ fields: JSONObject = [:]) -> APIResponse {
        sim.post("/_sim/checkout/sessions/\(session)/dispute", .object(["dispute": .object(fields)]))
    }

    func session(_ sim: Sim, _ id: String) -> JSON { sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session") }

    func balance(_ sim: Sim, _ session: String) -> [JSON] {
        sim.unwrap(sim.get("/v1/balance_transactions", [("checkout_session", session), ("reporting_category", "dispute")]),
                   "balance_transactions").arrayValue ?? []
    }

    @Test func aDisputeTestCardPaysAndIsDisputedAtOnce() {
        let sim = Sim()
        let (id, paid) = paid(sim, card: "4000000000000259")
        #expect(paid["status"] == "complete")
        #expect(paid["amount_disputed"] == 5000)
        let dispute = paid["disputes"]?[0] ?? .null
        #expect(dispute["dispute_id"]?.stringValue?.hasPrefix("fdp_") == true)
        #expect(dispute["status"] == "needs_response")
        #expect(dispute["reason"] == "fraudulent")
        #expect(dispute["amount"] == 5000)
        #expect(dispute["checkout_session"]?.stringValue == id)
        #expect(dispute["payment_intent"] == paid["payment_intent"])
        #expect(sim.events().suffix(4) == ["payment_intent.succeeded", "checkout.session.completed",
                                           "charge.dispute.created", "charge.dispute.funds_withdrawn"])
        let (_, other) = self.paid(sim, card: "4000000000002685")
        #expect(other["disputes"]?[0]?["reason"] == "product_not_received")
    }

    @Test func evidenceWinsTheMoneyBackButNotTheFee() {
        let sim = Sim()
        let (id, _) = paid(sim)
        let opened = sim.unwrap(dispute(sim, id, ["amount": 2000, "reason": "product_not_received"]), "dispute")
        let disputeID = opened["dispute_id"]?.stringValue ?? ""
        #expect(session(sim, id)["amount_disputed"] == 2000)
        let withdrawn = balance(sim, id)
        #expect(withdrawn.count == 1)
        #expect(withdrawn.first?["amount"] == -2000)
        #expect(withdrawn.first?["fee"] == 1500)
        #expect(withdrawn.first?["net"] == -3500)
        #expect(withdrawn.first?["dispute_fee_amount"] == 1500)
        #expect(withdrawn.first?["type"] == "adjustment")
        #expect(withdrawn.first?["source_id"]?.stringValue == disputeID)
        // Evidence in two steps: saved without submitting, then submitted with Stripe's magic text.
        let saved = sim.unwrap(sim.post("/v1/disputes/\(disputeID)", ["dispute": ["evidence": ["customer_name": "Ann"], "submit": false]]), "dispute")
        #expect(saved["status"] == "needs_response")
        let won = sim.unwrap(sim.post("/v1/disputes/\(disputeID)", ["dispute": ["evidence": ["uncategorized_text": "winning_evidence"]]]), "dispute")
        #expect(won["status"] == "won")
        #expect(won["evidence"] == ["customer_name": "Ann", "uncategorized_text": "winning_evidence"])
        #expect(won["closed_at"] != .null)
        #expect(sim.events().suffix(3) == ["charge.dispute.updated", "charge.dispute.funds_reinstated", "charge.dispute.closed"])
        #expect(session(sim, id)["amount_disputed"] == 0)
        #expect(balance(sim, id).first?["amount"] == 2000)  // newest first: the reinstatement
        #expect(balance(sim, id).first?["fee"] == 0)
        expectError(sim.post("/v1/disputes/\(disputeID)", ["dispute": ["evidence": [:]]]), 422, "dispute_closed")
    }

    @Test func losingAcceptingAndTheDeadline() {
        let sim = Sim()
        let (first, _) = paid(sim)
        let (second, _) = paid(sim)
        let (third, _) = paid(sim)
        let lost = sim.unwrap(dispute(sim, first), "dispute")["dispute_id"]?.stringValue ?? ""
        let accepted = sim.unwrap(dispute(sim, second), "dispute")["dispute_id"]?.stringValue ?? ""
        let unanswered = sim.unwrap(dispute(sim, third), "dispute")
        #expect(sim.unwrap(sim.post("/v1/disputes/\(lost)", ["dispute": ["evidence": ["uncategorized_text": "losing_evidence"]]]), "dispute")["status"] == "lost")
        #expect(sim.unwrap(sim.post("/v1/disputes/\(accepted)/close"), "dispute")["status"] == "lost")
        expectError(sim.post("/v1/disputes/\(accepted)/close"), 422, "dispute_closed")
        #expect(session(sim, first)["amount_disputed"] == 5000)  // lost money stays gone
        // Seven days without an answer lose the third at its deadline.
        sim.advance(7 * 86_400)
        let late = sim.unwrap(sim.get("/v1/disputes/\(unanswered["dispute_id"]?.stringValue ?? "")"), "dispute")
        #expect(late["status"] == "lost")
        #expect(late["closed_at"] == unanswered["evidence_due_by"])
        #expect(sim.events().last == "charge.dispute.closed")
        let lostCount = sim.unwrap(sim.get("/v1/disputes", [("status", "lost")]), "disputes").arrayValue?.count
        #expect(lostCount == 3)
    }

    @Test func theSimDecidesAnUnderReviewDispute() {
        let sim = Sim()
        let (id, _) = paid(sim)
        let disputeID = sim.unwrap(dispute(sim, id), "dispute")["dispute_id"]?.stringValue ?? ""
        let review = sim.unwrap(sim.post("/v1/disputes/\(disputeID)", ["dispute": ["evidence": ["product_description": "thermometer"]]]), "dispute")
        #expect(review["status"] == "under_review")
        expectError(sim.post("/v1/disputes/\(disputeID)", ["dispute": ["evidence": ["customer_name": "Ann"]]]), 422, "dispute_already_submitted")
        sim.advance(30 * 86_400)  // submitted evidence stops the deadline
        #expect(sim.unwrap(sim.get("/v1/disputes/\(disputeID)"), "dispute")["status"] == "under_review")
        #expect(sim.unwrap(sim.post("/_sim/disputes/\(disputeID)/resolve", ["dispute": ["status": "won"]]), "dispute")["status"] == "won")
        expectError(sim.post("/_sim/disputes/\(disputeID)/resolve", ["dispute": ["status": "lost"]]), 422, "dispute_closed")
    }

    @Test func aDisputeHoldsMoneyRefundsCannotTake() {
        let sim = Sim()
        let (id, paid) = paid(sim)
        let intent = paid["payment_intent"]?.stringValue ?? ""
        _ = dispute(sim, id, ["amount": 3000])
        expectError(sim.post("/v1/checkout/sessions/\(id)/refund", ["checkout_session": ["amount": 2001]]), 422, "refund_amount_too_large")
        #expect(sim.post("/v1/checkout/sessions/\(id)/refund", ["checkout_session": ["amount": 2000]]).status == 200)
        expectError(sim.post("/v1/checkout/sessions/\(id)/refund", ["checkout_session": [:]]), 422, "charge_disputed")
        expectError(sim.post("/v1/refunds", ["refund": ["payment_intent_id": .string(intent)]]), 422, "charge_disputed")
        expectError(sim.post("/v1/checkout/sessions/\(id)/refund_allocation", ["checkout_session": [:]]), 422, "charge_disputed")
        expectError(dispute(sim, id), 422, "dispute_amount_too_large")
    }

    @Test func listsFilterAndPage() {
        let sim = Sim()
        let (first, _) = paid(sim)
        let (second, paidSecond) = paid(sim)
        _ = dispute(sim, first)
        let disputeID = sim.unwrap(dispute(sim, second), "dispute")["dispute_id"]?.stringValue ?? ""
        let all = sim.unwrap(sim.get("/v1/disputes"), "disputes").arrayValue ?? []
        #expect(all.first?["dispute_id"]?.stringValue == disputeID)  // newest first
        #expect(sim.unwrap(sim.get("/v1/disputes", [("checkout_session", second)]), "disputes").arrayValue?.count == 1)
        #expect(sim.unwrap(sim.get("/v1/disputes", [("payment_intent", paidSecond["payment_intent"]?.stringValue ?? "")]), "disputes").arrayValue?.count == 1)
        #expect(sim.unwrap(sim.get("/v1/disputes", [("limit", "1"), ("starting_after", disputeID)]), "disputes").arrayValue?.count == 1)
        expectError(sim.get("/v1/disputes", [("status", "open")]), 400, "invalid_request")
        expectError(sim.get("/v1/disputes/fdp_01ARZ3NDEKTSV4RRFFQ69G5FAV"), 404, "dispute_not_found")
        expectError(sim.flex.handle(APIRequest(.DELETE, "/v1/disputes/\(disputeID)")), 405, "method_not_allowed")
    }

    @Test(arguments: [
        (#"{"dispute": {"amount": 0}}"#, 400, "invalid_request"),
        (#"{"dispute": {"amount": 5001}}"#, 422, "dispute_amount_too_large"),
        (#"{"dispute": {"reason": "angry"}}"#, 400, "invalid_request"),
        (#"{"dispute": {"payment_intent": "fpi_01ARZ3NDEKTSV4RRFFQ69G5FAV"}}"#, 404, "payment_intent_not_found"),
        (#"{"dispute": {"amount": "all"}}"#, 400, "invalid_request"),
    ])
    func openingRules(body: String, status: Int, code: String) {
        let sim = Sim()
        let (id, _) = paid(sim)
        expectError(sim.post("/_sim/checkout/sessions/\(id)/dispute", parsed(body)), status, code)
        #expect(session(sim, id)["amount_disputed"] == 0)
    }

    @Test func onlyReceivedMoneyCanBeDisputed() {
        let sim = Sim()
        let open = sim.session([(sim.price(500), 1)])
        expectError(dispute(sim, open), 422, "checkout_session_not_complete")
        expectError(dispute(sim, "fcs_01ARZ3NDEKTSV4RRFFQ69G5FAV"), 404, "checkout_session_not_found")
        let (id, _) = paid(sim)
        let disputeID = sim.unwrap(dispute(sim, id, ["amount": 100]), "dispute")["dispute_id"]?.stringValue ?? ""
        expectError(sim.post("/v1/disputes/\(disputeID)", ["dispute": ["evidence": "none"]]), 400, "invalid_request")
        expectError(sim.post("/_sim/disputes/\(disputeID)/resolve", ["dispute": ["status": "maybe"]]), 400, "invalid_request")
        expectError(sim.post("/_sim/disputes/\(disputeID)/resolve", ["dispute": [:]]), 400, "invalid_request")
    }
}
