// The confirm endpoint: the eligible portion charged to a saved card, the $0.50 floor, its errors.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct ConfirmTests {
    func confirm(_ sim: Sim, _ id: String, _ body: String, key: String? = "confirm-1") -> APIResponse {
        sim.post("/v1/checkout/sessions/\(id)/confirm", parsed(body), key: key)
    }

    func body(_ method: String, _ extra: String = "") -> String {
        #"{"checkout_session": {"payment_method": "\#(method)"\#(extra)}}"#
    }

    @Test func chargesOnlyTheEligiblePortion() {
        let sim = Sim()
        let thermo = sim.price(3000)
        let (_, customer, method) = sim.savedCard(price: thermo)
        let mug = sim.price(2000, "not_eligible", name: "Mug")
        let id = sim.session([(thermo, 1), (mug, 1)], ["customer": .string(customer)])
        let before = sim.events().count
        let response = confirm(sim, id, body(method))
        let session = sim.unwrap(response, "checkout_session")
        #expect(session["status"] == "complete")
        #expect(session["amount_total"] == 5000)
        #expect(session["amount_received"] == 3000)
        #expect(session["payment_intent"]?["amount"] == 3000)
        #expect(session["payment_intent"]?["status"] == "succeeded")
        #expect(session["payment_intent"]?["payment_method"]?.stringValue == method)
        #expect(session["payment_intents"]?.arrayValue?.count == 1)
        #expect(Array(sim.events().dropFirst(before)) == ["payment_intent.created", "payment_intent.succeeded", "checkout.session.completed"])
        // A retry with the same key replays; it never charges twice.
        let replay = confirm(sim, id, body(method))
        #expect(replay.body == response.body)
        #expect(sim.events().count == before + 3)
        // A new key is a new request: the session is processed now.
        expectError(confirm(sim, id, body(method), key: "confirm-2"), 400, "checkout_session_already_processed")
    }

    @Test func belowFiftyCentsNothingIsCharged() {
        let sim = Sim()
        let (_, customer, method) = sim.savedCard(price: sim.price(3000))
        for (amount, eligibility) in [(2000, "not_eligible"), (49, "auto_substantiation")] {
            let id = sim.session([(sim.price(amount, eligibility), 1)], ["customer": .string(customer)])
            let session = sim.unwrap(confirm(sim, id, body(method), key: "k-\(amount)"), "checkout_session")
            #expect(session["payment_intent"] == .null)
            #expect(session["amount_received"] == 0)
            #expect(session["status"] == "complete")
        }
        // Exactly 50 is charged.
        let id = sim.session([(sim.price(50), 1)], ["customer": .string(customer)])
        #expect(sim.unwrap(confirm(sim, id, body(method), key: "k-50"), "checkout_session")["amount_received"] == 50)
    }

    @Test func letterItemsWithoutALetterAreNotEligibleHere() {
        let sim = Sim()
        let thermo = sim.price(3000)
        let (_, customer, method) = sim.savedCard(price: thermo)
        let cpap = sim.price(9000, "letter_of_medical_necessity", name: "CPAP")
        let id = sim.session([(thermo, 1), (cpap, 1)], ["customer": .string(customer)])
        #expect(sim.unwrap(confirm(sim, id, body(method)), "checkout_session")["amount_received"] == 3000)
    }

    @Test func customerComesFromThePaymentMethodWhenTheSessionHasNone() {
        let sim = Sim()
        let thermo = sim.price(3000)
        let (_, customer, method) = sim.savedCard(price: thermo)
        let id = sim.session([(thermo, 2)])
        let session = sim.unwrap(confirm(sim, id, body(method)), "checkout_session")
        #expect(session["customer"]?.stringValue == customer)
        #expect(session["amount_received"] == 6000)
    }

    @Test func errors() {
        let sim = Sim()
        let thermo = sim.price(3000)
        let (_, customer, method) = sim.savedCard(price: thermo)
        let (_, other, otherMethod) = sim.savedCard(price: thermo, card: "5555555555554444")
        let id = sim.session([(thermo, 1)], ["customer": .string(customer)])
        expectError(confirm(sim, id, body(method), key: nil), 400, "idempotency_key_required")
        expectError(confirm(sim, "fcs_nope", body(method)), 404, "checkout_session_not_found")
        expectError(confirm(sim, id, #"{"checkout_session": {}}"#, key: "a"), 400, "payment_method_required")
        expectError(confirm(sim, id, body("fpm_nope"), key: "b"), 404, "payment_method_not_found")
        expectError(confirm(sim, id, body(method, #", "customer": "fcus_nope""#), key: "c"), 404, "customer_not_found")
        expectError(confirm(sim, id, body(method, #", "customer": "\#(other)""#), key: "d"), 422, "customer_mismatch")
        expectError(confirm(sim, id, body(otherMethod), key: "e"), 422, "payment_method_customer_mismatch")
        expectError(confirm(sim, id, body(method, #", "capture_method": "manual""#), key: "f"), 422, "manual_capture_not_supported")
        expectError(confirm(sim, id, body(method, #", "capture_method": "later""#), key: "g"), 400, "invalid_request")
        expectError(confirm(sim, id, #"{"confirm": {}}"#, key: "h"), 400, "invalid_request")
        // A card paid without setup_future_use is not saved for off-session charges.
        let unsaved = sim.session([(thermo, 1)])
        let paid = sim.unwrap(sim.pay(unsaved, card: "4000056655665556", ["card_kind": "hsa"]), "checkout_session")
        let unsavedMethod = sim.unwrap(sim.get("/v1/customers/\(paid["customer"]?.stringValue ?? "")/payment_methods"), "payment_methods").arrayValue?.first?["payment_method_id"]?.stringValue ?? ""
        let third = sim.session([(thermo, 1)])
        expectError(confirm(sim, third, body(unsavedMethod), key: "i"), 422, "payment_method_not_off_session")
        // Declines are terminal and leave the session open.
        sim.post("/_sim/faults", parsed(#"{"fault": {"kind": "decline", "count": 1, "decline_code": "insufficient_funds"}}"#))
        let declined = confirm(sim, id, body(method), key: "j")
        expectError(declined, 402, "card_declined")
        #expect(declined.body["error"]?["decline_code"] == "insufficient_funds")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "open")
        #expect(sim.get("/v1/checkout/sessions/\(id)/confirm").status == 405)
    }

    @Test func sessionStateErrors() {
        let sim = Sim()
        let thermo = sim.price(3000)
        let (paidSession, _, method) = sim.savedCard(price: thermo)
        expectError(confirm(sim, paidSession, body(method)), 400, "checkout_session_already_processed")
        let manual = sim.session([(thermo, 1)], ["capture_method": "manual"])
        expectError(confirm(sim, manual, body(method), key: "m"), 422, "manual_capture_not_supported")
        _ = sim.pay(manual)
        _ = sim.post("/v1/checkout/sessions/\(manual)/cancel")
        expectError(confirm(sim, manual, body(method), key: "n"), 400, "checkout_session_canceled")
        let expiring = sim.session([(thermo, 1)])
        _ = sim.post("/_sim/checkout/sessions/\(expiring)/expire")
        expectError(confirm(sim, expiring, body(method), key: "o"), 400, "checkout_session_expired")
    }
}
