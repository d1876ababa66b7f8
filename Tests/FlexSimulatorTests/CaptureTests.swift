// Manual capture: paid (authorized) sessions, partial and final captures, cancel, reauth, hold expiry.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct CaptureTests {
    func authorized(_ sim: Sim, amount: Int = 5000) -> String {
        let id = sim.session([(sim.price(amount), 1)], ["capture_method": "manual"])
        let paid = sim.unwrap(sim.pay(id), "checkout_session")
        #expect(paid["status"] == "paid")
        #expect(paid["amount_received"] == 0)
        return id
    }

    func capture(_ sim: Sim, _ id: String, _ body: String = "") -> APIResponse {
        sim.post("/v1/checkout/sessions/\(id)/capture", parsed(body))
    }

    @Test func authorizationThenFullCapture() {
        let sim = Sim()
        let id = authorized(sim)
        let session = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")
        let intent = sim.unwrap(sim.get("/v1/payment_intents/\(session["payment_intent"]?.stringValue ?? "")"), "payment_intent")
        #expect(intent["status"] == "requires_capture")
        #expect(intent["amount_capturable"] == 5000)
        #expect(sim.events() == ["customer.created", "payment_intent.created"])
        let captured = sim.unwrap(capture(sim, id), "checkout_session")
        #expect(captured["status"] == "complete")
        #expect(captured["amount_received"] == 5000)
        #expect(captured["captures"]?.arrayValue?.first?["capture_id"]?.stringValue?.hasPrefix("fcap_") == true)
        #expect(captured["captures"]?.arrayValue?.first?["items"]?.arrayValue?.first?["capture_item_id"]?.stringValue?.hasPrefix("fcapi_") == true)
        #expect(sim.events().suffix(2) == ["payment_intent.succeeded", "checkout.session.completed"])
        let captureID = captured["captures"]?.arrayValue?.first?["capture_id"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.get("/v1/captures/\(captureID)"), "capture")["amount_captured"] == 5000)
        #expect(sim.unwrap(sim.get("/v1/captures", [("checkout_session", id)]), "captures").arrayValue?.count == 1)
        expectError(capture(sim, id), 422, "checkout_session_not_authorized")
    }

    @Test func partialThenFinalCapture() {
        let sim = Sim()
        let id = authorized(sim)
        let first = sim.unwrap(capture(sim, id, #"{"checkout_session": {"amount_to_capture": 2000}}"#), "checkout_session")
        #expect(first["status"] == "paid")
        #expect(first["amount_received"] == 2000)
        expectError(capture(sim, id, #"{"checkout_session": {"amount": 3001}}"#), 422, "capture_amount_too_large")
        let final = sim.unwrap(capture(sim, id, #"{"checkout_session": {"amount": 1000, "final_capture": true}}"#), "checkout_session")
        #expect(final["status"] == "complete")
        #expect(final["amount_received"] == 3000)
        let intent = sim.unwrap(sim.get("/v1/payment_intents/\(final["payment_intent"]?.stringValue ?? "")"), "payment_intent")
        #expect(intent["amount_received"] == 3000)
        #expect(intent["amount_capturable"] == 0)
        #expect(intent["status"] == "succeeded")
        // Refunds are capped by what was received, not the cart total.
        expectError(sim.post("/v1/checkout/sessions/\(id)/refund", parsed(#"{"checkout_session": {"amount": 3001}}"#)), 422, "refund_amount_too_large")
    }

    @Test(arguments: [
        (#"{"checkout_session": {"amount": 0}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": "10"}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"amount": 5001}}"#, 422, "capture_amount_too_large"),
        (#"{"checkout_session": {"final_capture": "yes"}}"#, 400, "invalid_request"),
        (#"{"capture": {}}"#, 400, "invalid_request"),
    ])
    func captureValidation(body: String, status: Int, code: String) {
        let sim = Sim()
        expectError(capture(sim, authorized(sim), body), status, code)
    }

    @Test func cancelReleasesTheAuthorization() {
        let sim = Sim()
        let id = authorized(sim)
        let canceled = sim.unwrap(sim.post("/v1/checkout/sessions/\(id)/cancel"), "checkout_session")
        #expect(canceled["status"] == "canceled")
        let intent = sim.unwrap(sim.get("/v1/payment_intents/\(canceled["payment_intent"]?.stringValue ?? "")"), "payment_intent")
        #expect(intent["status"] == "canceled")
        #expect(sim.events().last == "payment_intent.canceled")
        expectError(sim.pay(id), 400, "checkout_session_canceled")
        expectError(sim.post("/v1/checkout/sessions/\(id)/cancel"), 422, "checkout_session_not_authorized")
        expectError(sim.post("/_sim/checkout/sessions/\(id)/expire"), 400, "checkout_session_canceled")
    }

    @Test func holdExpiresAfterSevenDaysUnlessReauthorized() {
        let sim = Sim()
        let id = authorized(sim)
        sim.advance(6 * 86_400)
        #expect(sim.post("/v1/checkout/sessions/\(id)/reauth").status == 200)
        sim.advance(6 * 86_400)
        #expect(capture(sim, id, #"{"checkout_session": {"amount": 100}}"#).status == 200)
        sim.advance(2 * 86_400)
        expectError(capture(sim, id), 422, "authorization_expired")
        #expect(sim.post("/v1/checkout/sessions/\(id)/reauth").status == 200)
        #expect(sim.unwrap(capture(sim, id), "checkout_session")["status"] == "complete")
    }

    @Test func stateRules() {
        let sim = Sim()
        let open = sim.session([(sim.price(100), 1)])
        expectError(capture(sim, open), 422, "checkout_session_not_authorized")
        expectError(sim.post("/v1/checkout/sessions/\(open)/cancel"), 422, "checkout_session_not_authorized")
        expectError(sim.post("/v1/checkout/sessions/\(open)/reauth"), 422, "checkout_session_not_authorized")
        expectError(capture(sim, "fcs_01ARZ3NDEKTSV4RRFFQ69G5FAV"), 404, "checkout_session_not_found")
        expectError(sim.pay(authorized(sim)), 400, "checkout_session_already_processed")
    }

    @Test func splitCartManualCaptureAllocatesPrimaryFirst() {
        let sim = Sim()
        let id = sim.session([(sim.price(2000), 1), (sim.price(1000, "not_eligible", name: "Mug"), 1)], ["capture_method": "manual"])
        let paid = sim.unwrap(sim.pay(id, ["card_kind": "hsa", "split_card": "5555555555554444"]), "checkout_session")
        let intents = paid["payment_intents"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let captured = sim.unwrap(capture(sim, id, #"{"checkout_session": {"amount": 2500, "final_capture": true}}"#), "checkout_session")
        #expect(captured["amount_received"] == 2500)
        let received = intents.map { sim.unwrap(sim.get("/v1/payment_intents/\($0)"), "payment_intent")["amount_received"] }
        #expect(received == [2000, 500])
    }

    @Test func cancelOnePaymentIntent() {
        let sim = Sim()
        let id = authorized(sim)
        let intent = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["payment_intent"]?.stringValue ?? ""
        let canceled = sim.unwrap(sim.post("/v1/payment_intents/\(intent)/cancel"), "payment_intent")
        #expect(canceled["status"] == "canceled")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "canceled")
        expectError(sim.post("/v1/payment_intents/\(intent)/cancel"), 422, "payment_intent_unexpected_state")
        expectError(sim.post("/v1/payment_intents/fpi_01ARZ3NDEKTSV4RRFFQ69G5FAV/cancel"), 404, "payment_intent_not_found")
        // After a partial capture, canceling the rest completes the session with what was captured.
        let partial = authorized(sim)
        _ = capture(sim, partial, #"{"checkout_session": {"amount": 1200}}"#)
        let second = sim.unwrap(sim.get("/v1/checkout/sessions/\(partial)"), "checkout_session")["payment_intent"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.post("/v1/payment_intents/\(second)/cancel"), "payment_intent")["status"] == "succeeded")
        let session = sim.unwrap(sim.get("/v1/checkout/sessions/\(partial)"), "checkout_session")
        #expect(session["status"] == "complete")
        #expect(session["amount_received"] == 1200)
    }
}
