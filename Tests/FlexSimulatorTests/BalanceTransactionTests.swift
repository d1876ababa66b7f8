// Balance transactions: derived from charges, captures and refunds; filters, paging, availability.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct BalanceTransactionTests {
    func list(_ sim: Sim, _ query: [(String, String)] = []) -> [JSON] {
        sim.unwrap(sim.get("/v1/balance_transactions", query), "balance_transactions").arrayValue ?? []
    }

    @Test func chargesAndRefunds() {
        let sim = Sim()
        #expect(list(sim).isEmpty)
        let price = sim.price(2500)
        let id = sim.session([(price, 2)], ["client_reference_id": "order-9"])
        let paid = sim.unwrap(sim.pay(id), "checkout_session")
        let intent = paid["payment_intent"]?.stringValue ?? ""
        let charges = list(sim)
        #expect(charges.count == 1)
        let charge = charges[0]
        #expect(charge.objectValue?.keys.first == "balance_transaction_id")
        #expect(charge["balance_transaction_id"]?.stringValue?.hasPrefix("fbt_") == true)
        #expect(charge["balance_transaction_id"]?.stringValue?.dropFirst(4) != intent.dropFirst(4))
        #expect(charge["amount"] == 5000)
        #expect(charge["fee"] == 0)
        #expect(charge["net"] == 5000)
        #expect(charge["type"] == "payment")
        #expect(charge["reporting_category"] == "charge")
        #expect(charge["status"] == "pending")
        #expect(charge["currency"] == "usd")
        #expect(charge["source_id"]?.stringValue == intent)
        #expect(charge["flex_payment_intent_id"]?.stringValue == intent)
        #expect(charge["checkout_session_id"]?.stringValue == id)
        #expect(charge["client_reference_id"] == "order-9")
        #expect(charge["card_network"] == "visa")
        #expect(charge["test_mode"] == true)
        _ = sim.post("/v1/checkout/sessions/\(id)/refund", parsed(#"{"checkout_session": {"amount": 1200}}"#))
        let both = list(sim)
        #expect(both.map { $0["amount"] } == [-1200, 5000])
        #expect(both[0]["type"] == "payment_refund")
        #expect(both[0]["reporting_category"] == "refund")
        #expect(both[0]["status"] == "available")
        let refunded = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")
        #expect(both[0]["source_id"] == refunded["refunds"]?.arrayValue?.first?["refund_id"])
        // Money is available two days after the charge.
        sim.advance(2 * 86_400)
        #expect(list(sim)[1]["status"] == "available")
        // Same requests, same IDs: the list is derived deterministically.
        let again = Sim()
        let price2 = again.price(2500)
        let id2 = again.session([(price2, 2)], ["client_reference_id": "order-9"])
        _ = again.pay(id2)
        _ = again.post("/v1/checkout/sessions/\(id2)/refund", parsed(#"{"checkout_session": {"amount": 1200}}"#))
        #expect(list(again).map { $0["balance_transaction_id"] } == both.map { $0["balance_transaction_id"] })
        // Get by ID.
        let btID = both[1]["balance_transaction_id"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.get("/v1/balance_transactions/\(btID)"), "balance_transaction")["amount"] == 5000)
        expectError(sim.get("/v1/balance_transactions/fbt_nope"), 404, "balance_transaction_not_found")
        expectError(sim.post("/v1/balance_transactions"), 405, "method_not_allowed")
    }

    @Test func splitCartsManualCapturesAndLetterFees() {
        let sim = Sim()
        let eligible = sim.price(3000)
        let other = sim.price(2000, "not_eligible", name: "Mug")
        let split = sim.session([(eligible, 1), (other, 1)])
        _ = sim.pay(split, ["card_kind": "hsa", "split_card": "5555555555554444"])
        #expect(list(sim).map { $0["amount"] } == [2000, 3000])
        #expect(list(sim).map { $0["card_network"] } == ["mastercard", "visa"])
        #expect(list(sim).map { $0["card_type"] } == ["credit", "hsa"])
        // Manual capture: one transaction per captured item, when captured.
        let manual = sim.session([(eligible, 1)], ["capture_method": "manual"])
        _ = sim.pay(manual)
        #expect(list(sim, [("checkout_session", manual)]).isEmpty)
        _ = sim.post("/v1/checkout/sessions/\(manual)/capture", parsed(#"{"checkout_session": {"amount": 1000}}"#))
        _ = sim.post("/v1/checkout/sessions/\(manual)/capture", parsed(#"{"checkout_session": {"amount": 500}}"#))
        let captured = list(sim, [("checkout_session", manual)])
        #expect(captured.map { $0["amount"] } == [500, 1000])
        #expect(captured[0]["source_id"]?.stringValue?.hasPrefix("fcap_") == true)
        // The LMN consultation fee is the merchant's: it is the charge's fee.
        let cpap = sim.price(9000, "letter_of_medical_necessity", name: "CPAP")
        let lmn = sim.session([(cpap, 1)])
        _ = sim.pay(lmn, ["card_kind": "hsa", "lmn": "approved"])
        let fee = list(sim, [("checkout_session", lmn)])
        #expect(fee.first?["fee"] == 1500)
        #expect(fee.first?["lmn_fee_amount"] == 1500)
        #expect(fee.first?["net"] == 7500)
    }

    @Test func filtersAndPaging() {
        let sim = Sim()
        let price = sim.price(1000)
        var sessions: [String] = []
        for _ in 0..<3 {
            let id = sim.session([(price, 1)])
            _ = sim.pay(id)
            sessions.append(id)
        }
        _ = sim.post("/v1/checkout/sessions/\(sessions[0])/refund")
        let all = list(sim)
        #expect(all.count == 4)
        #expect(list(sim, [("type", "payment")]).count == 3)
        #expect(list(sim, [("type", "payment_refund")]).count == 1)
        #expect(list(sim, [("reporting_category", "refund")]).count == 1)
        #expect(list(sim, [("type", "payout")]).isEmpty)
        #expect(list(sim, [("payout_id", "po_1")]).isEmpty)
        let first = all[0]["balance_transaction_id"]?.stringValue ?? ""
        #expect(list(sim, [("balance_transaction_id", first)]).count == 1)
        #expect(list(sim, [("balance_transaction_id", "nope")]).isEmpty)
        let intent = sim.unwrap(sim.get("/v1/checkout/sessions/\(sessions[1])"), "checkout_session")["payment_intent"]?.stringValue ?? ""
        #expect(list(sim, [("payment_intent", intent)]).count == 1)
        #expect(list(sim, [("limit", "2")]).map { $0["balance_transaction_id"] } == Array(all.prefix(2)).map { $0["balance_transaction_id"] })
        #expect(list(sim, [("starting_after", first)]).count == 3)
        #expect(list(sim, [("offset", "3")]).count == 1)
        expectError(sim.get("/v1/balance_transactions", [("type", "weird")]), 400, "invalid_request")
        expectError(sim.get("/v1/balance_transactions", [("reporting_category", "weird")]), 400, "invalid_request")
        expectError(sim.get("/v1/balance_transactions", [("limit", "0")]), 400, "invalid_request")
        expectError(sim.get("/v1/balance_transactions", [("starting_after", "fbt_nope")]), 400, "invalid_request")
        expectError(sim.get("/v1/balance_transactions", [("checkout_session", "fcs_nope")]), 404, "checkout_session_not_found")
        expectError(sim.get("/v1/balance_transactions", [("payment_intent", "fpi_nope")]), 404, "payment_intent_not_found")
    }
}
