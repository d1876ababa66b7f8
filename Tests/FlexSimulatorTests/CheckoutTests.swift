// Checkout sessions: creation and its validation, reads, line items, expiry by command and by clock.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct CheckoutTests {
    @Test func createComputesAmountsAndFlags() {
        let sim = Sim()
        let thermo = sim.price(2499, "auto_substantiation")
        let mug = sim.price(900, "not_eligible", name: "Mug")
        let lmn = sim.price(5000, "letter_of_medical_necessity", name: "Sleep coaching")

        let eligible = sim.unwrap(sim.checkout([(thermo, 2)]), "checkout_session")
        #expect(eligible.objectValue?.keys.first == "checkout_session_id")
        #expect(eligible["status"] == "open")
        #expect(eligible["mode"] == "payment")
        #expect(eligible["amount_subtotal"] == 4998)
        #expect(eligible["amount_total"] == 4998)
        #expect(eligible["amount_received"] == 0)
        #expect(eligible["hsa_fsa_eligible"] == true)
        #expect(eligible["letter_of_medical_necessity_required"] == false)
        #expect(eligible["split_cart"] == false)
        let id = eligible["checkout_session_id"]?.stringValue ?? ""
        #expect(eligible["redirect_url"] == .string("https://checkout.withflex.com/pay/c/\(id)"))
        let created = eligible["created_at"]?.integerValue ?? 0
        #expect(eligible["expires_at"] == .integer(created + 86_400))

        let split = sim.unwrap(sim.checkout([(thermo, 1), (mug, 1)]), "checkout_session")
        #expect(split["split_cart"] == true)
        #expect(split["amount_total"] == 3399)
        let none = sim.unwrap(sim.checkout([(mug, 3)]), "checkout_session")
        #expect(none["hsa_fsa_eligible"] == false)
        #expect(none["split_cart"] == false)
        let letter = sim.unwrap(sim.checkout([(lmn, 1)]), "checkout_session")
        #expect(letter["letter_of_medical_necessity_required"] == true)
        #expect(letter["hsa_fsa_eligible"] == true)
    }

    @Test func getListAndLineItems() {
        let sim = Sim()
        let thermo = sim.price(2499)
        let mug = sim.price(900, "not_eligible", name: "Mug")
        let first = sim.session([(thermo, 1), (mug, 2)], ["client_reference_id": "order-1"])
        let second = sim.session([(thermo, 1)])
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(first)"), "checkout_session")["client_reference_id"] == "order-1")
        let list = sim.unwrap(sim.get("/v1/checkout/sessions"), "checkout_sessions").arrayValue ?? []
        #expect(list.compactMap { $0["checkout_session_id"]?.stringValue } == [second, first])
        let byReference = sim.unwrap(sim.get("/v1/checkout/sessions", [("client_reference_id", "order-1")]), "checkout_sessions")
        #expect(byReference.arrayValue?.count == 1)
        let items = sim.unwrap(sim.get("/v1/checkout/sessions/\(first)/line_items"), "line_items").arrayValue ?? []
        #expect(items.count == 2)
        #expect(items[0].objectValue?.keys.first == "line_item_id")
        #expect(items[0]["line_item_id"]?.stringValue?.hasPrefix("fli_") == true)
        #expect(items[1]["quantity"] == 2)
        #expect(items[1]["amount_total"] == 1800)
        #expect(items[1]["eligibility"] == "not_eligible")
        #expect(items[0]["price"]?["price_id"] == .string(thermo))
        expectError(sim.get("/v1/checkout/sessions/fcs_x/line_items"), 404, "checkout_session_not_found")
        expectError(sim.get("/v1/checkout/sessions", [("status", "weird")]), 400, "invalid_request")
    }

    /// Body, HTTP status, code. `PRICE` is replaced by a real price ID, `INACTIVE` by an inactive one.
    @Test(arguments: [
        ("", 400, "invalid_request"),
        (#"{"line_items": [{"price": "PRICE", "quantity": 1}]}"#, 400, "invalid_request"),
        (#"{"checkout_session": []}"#, 400, "invalid_request"),
        (#"{"checkout_session": {}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": []}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": "PRICE"}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": ["PRICE"]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"quantity": 1}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE"}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 0}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": -2}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 1.5}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": "2"}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": 7, "quantity": 1}]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "fprice_01ARZ3NDEKTSV4RRFFQ69G5FAV", "quantity": 1}]}}"#, 404, "price_not_found"),
        (#"{"checkout_session": {"line_items": [{"price": "fprice_nope", "quantity": 1}]}}"#, 404, "price_not_found"),
        (#"{"checkout_session": {"line_items": [{"price": "INACTIVE", "quantity": 1}]}}"#, 400, "price_inactive"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 9223372036854775807}]}}"#, 400, "amount_too_large"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 50000}]}}"#, 400, "amount_too_large"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 1}], "mode": "barter"}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 1}], "mode": "subscription"}}"#, 400, "price_not_recurring"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 1}], "capture_method": "later"}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 1}], "setup_future_use": "always"}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 1}], "success_url": 5}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 1}], "metadata": [1]}}"#, 400, "invalid_request"),
        (#"{"checkout_session": {"line_items": [{"price": "PRICE", "quantity": 1}], "customer": "fcus_01ARZ3NDEKTSV4RRFFQ69G5FAV"}}"#, 404, "customer_not_found"),
    ])
    func createValidation(body: String, status: Int, code: String) {
        let sim = Sim()
        let price = sim.price(2499)
        let inactive = sim.price(100)
        sim.post("/v1/prices/\(inactive)", ["price": ["active": false]])
        let text = body.replacingOccurrences("INACTIVE", inactive).replacingOccurrences("PRICE", price)
        let response = sim.post("/v1/checkout/sessions", parsed(text))
        expectError(response, status, code)
        // A rejected request creates nothing and leaves the clock alone.
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions"), "checkout_sessions").arrayValue?.isEmpty == true)
        #expect(sim.unwrap(sim.get("/_sim/clock"), "clock")["now"] == .integer(1_767_225_600 + 5))  // two products, two prices, one price update
    }

    @Test func messagesNameTheOffendingItem() {
        let sim = Sim()
        let price = sim.price(100)
        let response = sim.post("/v1/checkout/sessions", parsed(#"{"checkout_session": {"line_items": [{"price": "P", "quantity": 1}, {"price": "P", "quantity": 0}]}}"#.replacingOccurrences("P", price)))
        #expect(response.body["error"]?["message"]?.stringValue?.contains("line_items[1].quantity") == true)
        let missing = sim.post("/v1/checkout/sessions", parsed(#"{"checkout_session": {}}"#))
        #expect(missing.body["error"]?["message"]?.stringValue?.hasPrefix("line_items is required") == true)
    }

    @Test func createWithExistingCustomerAndUnknownFields() {
        let sim = Sim()
        let price = sim.price(100)
        let customer = sim.unwrap(sim.post("/v1/customers", ["customer": ["email": "a@b.co"]]), "customer")["customer_id"] ?? .null
        let session = sim.unwrap(sim.checkout([(price, 1)], ["customer": customer, "frobnicate": true]), "checkout_session")
        #expect(session["customer"] == customer)
        #expect(session["frobnicate"] == nil)
    }

    @Test func expireCommand() {
        let sim = Sim()
        let id = sim.session([(sim.price(100), 1)])
        let expired = sim.unwrap(sim.post("/_sim/checkout/sessions/\(id)/expire"), "checkout_session")
        #expect(expired["status"] == "expired")
        expectError(sim.post("/_sim/checkout/sessions/\(id)/expire"), 400, "checkout_session_expired")
        expectError(sim.pay(id), 400, "checkout_session_expired")
        expectError(sim.post("/_sim/checkout/sessions/fcs_x/expire"), 404, "checkout_session_not_found")
        #expect(sim.events([("type", "checkout.session.expired")]).count == 1)
        let paid = sim.session([(sim.price(100, "not_eligible"), 1)])
        _ = sim.pay(paid)
        expectError(sim.post("/_sim/checkout/sessions/\(paid)/expire"), 400, "checkout_session_already_processed")
    }

    @Test func clockPassingExpiresAtExpiresLazily() {
        let sim = Sim()
        let id = sim.session([(sim.price(100), 1)])
        let expires = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["expires_at"]?.integerValue ?? 0
        sim.post("/_sim/clock/advance", ["clock": ["seconds": 86_399]])
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "open")
        sim.post("/_sim/clock/advance", ["clock": ["seconds": 1]])
        let session = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")
        #expect(session["status"] == "expired")
        let events = sim.unwrap(sim.get("/_sim/events", [("type", "checkout.session.expired")]), "events").arrayValue ?? []
        #expect(events.first?["event_dt"] == .integer(expires))
        expectError(sim.pay(id), 400, "checkout_session_expired")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions", [("status", "expired")]), "checkout_sessions").arrayValue?.count == 1)
    }
}
