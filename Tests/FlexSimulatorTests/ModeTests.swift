// Checkout modes setup (save a card, charge nothing) and reimbursement (products only; the intake
// issues letters of medical necessity), with every rule's error code.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct SetupModeTests {
    func setupSession(_ sim: Sim, _ extra: JSONObject = [:]) -> APIResponse {
        var fields = extra
        fields["mode"] = "setup"
        return sim.post("/v1/checkout/sessions", .object(["checkout_session": .object(fields)]))
    }

    @Test func savesACardWithoutCharging() {
        let sim = Sim()
        let open = sim.unwrap(setupSession(sim), "checkout_session")
        #expect(open["mode"] == "setup")
        #expect(open["status"] == "open")
        #expect(open["amount_total"] == 0)
        #expect(open["setup_future_use"] == "off_session")
        #expect(open["redirect_url"]?.stringValue?.hasPrefix("https://checkout.withflex.com/pay/c/") == true)
        let id = open["checkout_session_id"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)/line_items"), "line_items") == [])
        let done = sim.unwrap(sim.pay(id, ["email": "ada@example.com"]), "checkout_session")
        #expect(done["status"] == "complete")
        #expect(done["amount_received"] == 0)
        #expect(done["payment_intents"] == [])
        let customer = done["customer"]?.stringValue ?? ""
        let method = sim.unwrap(sim.get("/v1/customers/\(customer)/payment_methods"), "payment_methods")[0]
        #expect(method?["off_session"] == true)
        #expect(method?["card"]?["card_kind"] == "hsa")  // no cart to judge by: a benefit card
        #expect(sim.events() == ["customer.created", "checkout.session.completed"])
        // The saved card pays an off-session charge later.
        let thermo = sim.price(2499)
        let charged = sim.checkout([(thermo, 1)], ["mode": "off_session", "customer": .string(customer),
                                                   "payment_method": method?["payment_method_id"] ?? .null])
        #expect(sim.unwrap(charged, "checkout_session")["status"] == "complete")
    }

    @Test func aDecliningCardIsNotSavedAndTheSessionStaysOpen() {
        let sim = Sim()
        let id = sim.unwrap(setupSession(sim), "checkout_session")["checkout_session_id"]?.stringValue ?? ""
        expectError(sim.pay(id, card: "4000000000009995"), 402, "card_declined")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "open")
        #expect(sim.unwrap(sim.get("/v1/customers"), "customers") == [])
        // The card that declines only off-session can be saved.
        #expect(sim.unwrap(sim.pay(id, card: "4000000000000341"), "checkout_session")["status"] == "complete")
    }

    @Test(arguments: [
        (#"{"line_items": [{"price": "PRICE", "quantity": 1}]}"#, 400, "invalid_request"),
        (#"{"capture_method": "manual"}"#, 422, "manual_capture_not_supported"),
        (#"{"customer": "fcus_01ARZ3NDEKTSV4RRFFQ69G5FAV"}"#, 404, "customer_not_found"),
        (#"{"setup_future_use": "later"}"#, 400, "invalid_request"),
    ])
    func createRules(extra: String, status: Int, code: String) {
        let sim = Sim()
        let price = sim.price(100)
        let fields = parsed(extra.replacingOccurrences("PRICE", price))?.objectValue ?? JSONObject()
        expectError(setupSession(sim, fields), status, code)
    }

    @Test func payRules() {
        let sim = Sim()
        let id = sim.unwrap(setupSession(sim), "checkout_session")["checkout_session_id"]?.stringValue ?? ""
        expectError(sim.pay(id, ["split_card": "5555555555554444"]), 422, "split_card_not_applicable")
        expectError(sim.pay(id, card: "1234"), 400, "invalid_card_number")
        expectError(sim.post("/_sim/checkout/sessions/\(id)/pay", ["payment": [:]]), 400, "invalid_request")
        _ = sim.pay(id)
        expectError(sim.pay(id), 400, "checkout_session_already_processed")
    }
}

@Suite struct ReimbursementModeTests {
    func reimbursement(_ sim: Sim, _ items: JSON, _ extra: JSONObject = [:]) -> APIResponse {
        var fields = extra
        fields["mode"] = "reimbursement"
        fields["line_items"] = items
        return sim.post("/v1/checkout/sessions", .object(["checkout_session": .object(fields)]))
    }

    @Test func theIntakeIssuesLettersAndChargesNothing() {
        let sim = Sim()
        let cpap = sim.product("CPAP machine", "letter_of_medical_necessity")
        let open = sim.unwrap(reimbursement(sim, [["product": .string(cpap)]]), "checkout_session")
        #expect(open["mode"] == "reimbursement")
        #expect(open["amount_total"] == 0)
        #expect(open["letter_of_medical_necessity_required"] == true)
        let id = open["checkout_session_id"]?.stringValue ?? ""
        let line = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)/line_items"), "line_items")[0]
        #expect(line?["price"] == .null)
        #expect(line?["product"] == .string(cpap))
        #expect(line?["quantity"] == 1)
        // No card needed: the intake is the consultation.
        let done = sim.unwrap(sim.post("/_sim/checkout/sessions/\(id)/pay", ["payment": ["lmn": "approved", "email": "ada@example.com"]]), "checkout_session")
        #expect(done["status"] == "complete")
        #expect(done["payment_intents"] == [])
        #expect(done["fees"]?[0]?["amount"] == 1500)
        #expect(sim.events() == ["customer.created", "consultation.approved", "customer.consultation.attached", "checkout.session.completed"])
        let consultation = sim.unwrap(sim.get("/_sim/events", [("type", "consultation.approved")]), "events")[0]?["object"]
        #expect(consultation?["consultation_id"]?.stringValue?.hasPrefix("fcons_") == true)
        #expect(consultation?["customer"] == done["customer"])
        #expect(consultation?["status"] == "approved")
        // The letter is on file: a later HSA purchase of the product needs no consultation.
        let customer = done["customer"] ?? .null
        let product = sim.post("/v1/prices", ["price": ["product": .string(cpap), "unit_amount": 80_000]])
        let price = sim.unwrap(product, "price")["price_id"]?.stringValue ?? ""
        let later = sim.session([(price, 1)], ["customer": customer])
        #expect(sim.unwrap(sim.pay(later, ["card_kind": "hsa"]), "checkout_session")["fees"] == [])
    }

    @Test func aConsultationExpiresWithItsLettersAfterTwelveMonths() {
        let sim = Sim()
        let cpap = sim.product("CPAP machine", "letter_of_medical_necessity")
        let id = sim.unwrap(reimbursement(sim, [["product": .string(cpap)]]), "checkout_session")["checkout_session_id"]?.stringValue ?? ""
        _ = sim.post("/_sim/checkout/sessions/\(id)/pay", ["payment": ["lmn": "approved"]])
        func expired() -> [JSON] { sim.unwrap(sim.get("/_sim/events", [("type", "consultation.expired")]), "events").arrayValue ?? [] }
        sim.advance(365 * 86_400 - 60)
        #expect(expired().isEmpty)
        sim.advance(120)
        let events = expired()
        #expect(events.count == 1)
        #expect(events.first?["object"]?["status"] == "expired")
        #expect(events.first?["object"]?["checkout_session"]?.stringValue == id)
        // The approval event keeps the consultation as it was then.
        let approved = sim.unwrap(sim.get("/_sim/events", [("type", "consultation.approved")]), "events")[0]
        #expect(approved?["object"]?["status"] == "approved")
        // It expires once, however far the clock moves.
        sim.advance(400 * 86_400)
        #expect(expired().count == 1)
    }

    @Test func aDeniedIntakeLeavesTheSessionOpen() {
        let sim = Sim()
        let cpap = sim.product("CPAP machine", "letter_of_medical_necessity")
        let id = sim.unwrap(reimbursement(sim, [["product": .string(cpap)]]), "checkout_session")["checkout_session_id"]?.stringValue ?? ""
        expectError(sim.post("/_sim/checkout/sessions/\(id)/pay", ["payment": ["lmn": "denied"]]), 422, "letter_of_medical_necessity_denied")
        expectError(sim.post("/_sim/checkout/sessions/\(id)/pay", ["payment": [:]]), 422, "letter_of_medical_necessity_required")
        expectError(sim.post("/_sim/checkout/sessions/\(id)/pay", ["payment": ["lmn": "maybe"]]), 400, "invalid_request")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "open")
        #expect(sim.events().isEmpty)
    }

    @Test(arguments: [
        (#"[]"#, #"{}"#, 400, "invalid_request"),
        (#"[{"price": "PRICE", "quantity": 1}]"#, #"{}"#, 400, "invalid_request"),
        (#"[{"product": "LMN", "quantity": 0}]"#, #"{}"#, 400, "invalid_request"),
        (#"[{"product": "fprod_01ARZ3NDEKTSV4RRFFQ69G5FAV"}]"#, #"{}"#, 404, "product_not_found"),
        (#"[{"product": "LMN"}, {"product": "THERMO"}]"#, #"{}"#, 422, "letter_of_medical_necessity_not_applicable"),
        (#"[{"product": "LMN"}]"#, #"{"capture_method": "manual"}"#, 422, "manual_capture_not_supported"),
    ])
    func createRules(items: String, extra: String, status: Int, code: String) {
        let sim = Sim()
        let lmn = sim.product("CPAP machine", "letter_of_medical_necessity")
        let thermo = sim.product("Thermometer", "auto_substantiation")
        let price = sim.price(100)
        let text = items.replacingOccurrences("LMN", lmn).replacingOccurrences("THERMO", thermo).replacingOccurrences("PRICE", price)
        let response = reimbursement(sim, parsed(text) ?? .null, parsed(extra)?.objectValue ?? JSONObject())
        expectError(response, status, code)
        if code == "letter_of_medical_necessity_not_applicable" {
            #expect(response.body["error"]?["message"]?.stringValue?.contains("line_items[1]") == true)
        }
    }
}
