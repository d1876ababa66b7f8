// Off-session charges (docs/flex-api.md §3.3): every validation with its own code, success, declines.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct OffSessionTests {
    func charge(_ sim: Sim, _ fields: JSONObject) -> APIResponse {
        var body = fields
        body["mode"] = "off_session"
        return sim.post("/v1/checkout/sessions", .object(["checkout_session": .object(body)]))
    }

    @Test func successCompletesAtOnce() {
        let sim = Sim()
        let price = sim.price(2499)
        let (_, customer, method) = sim.savedCard(price: price)
        let before = sim.events().count
        let session = sim.unwrap(charge(sim, ["customer": .string(customer), "payment_method": .string(method),
                                              "line_items": sim.items([(price, 3)])]), "checkout_session")
        #expect(session["mode"] == "off_session")
        #expect(session["status"] == "complete")
        #expect(session["amount_total"] == 7497)
        #expect(session["amount_received"] == 7497)
        #expect(session["customer"] == .string(customer))
        #expect(session["redirect_url"] == .null)
        let intent = sim.unwrap(sim.get("/v1/payment_intents/\(session["payment_intent"]?.stringValue ?? "")"), "payment_intent")
        #expect(intent["status"] == "succeeded")
        #expect(intent["payment_method"] == .string(method))
        #expect(Array(sim.events().dropFirst(before)) == ["payment_intent.created", "payment_intent.succeeded", "checkout.session.completed"])
        expectError(sim.pay(session["checkout_session_id"]?.stringValue ?? ""), 400, "checkout_session_already_processed")
    }

    /// Which field to break, the status and the code; checked in docs/flex-api.md §3.3's order.
    @Test(arguments: [
        ("no customer", 400, "customer_required"),
        ("no payment_method", 400, "payment_method_required"),
        ("unknown customer", 404, "customer_not_found"),
        ("unknown payment_method", 404, "payment_method_not_found"),
        ("other customer's payment_method", 422, "payment_method_customer_mismatch"),
        ("card not saved", 422, "payment_method_not_off_session"),
        ("split cart", 422, "split_cart_not_allowed"),
        ("lmn without letter", 422, "letter_of_medical_necessity_required"),
        ("lmn letter expired", 422, "letter_of_medical_necessity_expired"),
        ("card declines off-session", 402, "card_declined"),
    ])
    func validations(rule: String, status: Int, code: String) {
        let sim = Sim()
        let price = sim.price(2499)
        let mug = sim.price(900, "not_eligible", name: "Mug")
        let coaching = sim.price(5000, "letter_of_medical_necessity", name: "Sleep coaching")
        let (_, customer, method) = sim.savedCard(price: price, card: rule == "card declines off-session" ? "4000000000000341" : "4242424242424242")
        var fields: JSONObject = ["customer": .string(customer), "payment_method": .string(method), "line_items": sim.items([(price, 1)])]
        switch rule {
        case "no customer": fields["customer"] = nil
        case "no payment_method": fields["payment_method"] = nil
        case "unknown customer": fields["customer"] = "fcus_01ARZ3NDEKTSV4RRFFQ69G5FAV"
        case "unknown payment_method": fields["payment_method"] = "fpm_01ARZ3NDEKTSV4RRFFQ69G5FAV"
        case "other customer's payment_method":
            let (_, _, other) = sim.savedCard(price: price)
            fields["payment_method"] = .string(other)
        case "card not saved":
            let paid = sim.unwrap(sim.pay(sim.session([(price, 1)])), "checkout_session")
            let owner = paid["customer"]?.stringValue ?? ""
            let unsaved = sim.unwrap(sim.get("/v1/customers/\(owner)/payment_methods"), "payment_methods").arrayValue?.first?["payment_method_id"]
            fields["customer"] = .string(owner)
            fields["payment_method"] = unsaved ?? .null
        case "split cart": fields["line_items"] = sim.items([(price, 1), (mug, 1)])
        case "lmn without letter": fields["line_items"] = sim.items([(coaching, 1)])
        case "lmn letter expired":
            let (_, lmnCustomer, lmnMethod) = sim.savedCard(price: coaching, lmn: true)
            fields["customer"] = .string(lmnCustomer)
            fields["payment_method"] = .string(lmnMethod)
            fields["line_items"] = sim.items([(coaching, 1)])
            // Valid for 12 months: one charge works now...
            #expect(charge(sim, fields).status == 200)
            sim.advance(366 * 86_400)
        default: break
        }
        let sessionsBefore = sim.unwrap(sim.get("/v1/checkout/sessions", [("limit", "100")]), "checkout_sessions").arrayValue?.count
        let response = charge(sim, fields)
        expectError(response, status, code)
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions", [("limit", "100")]), "checkout_sessions").arrayValue?.count == sessionsBefore)
        let message = response.body["error"]?["message"]?.stringValue ?? ""
        switch rule {
        case "split cart": #expect(message.contains("Mug") && message.contains("line_items[1]"))
        case "lmn without letter", "lmn letter expired": #expect(message.contains("Sleep coaching"))
        case "card declines off-session": #expect(response.body["error"]?["decline_code"] == "generic_decline")
        default: break
        }
    }

    @Test func letterFromOnSessionCheckoutAllowsOffSessionLMN() {
        let sim = Sim()
        let coaching = sim.price(5000, "letter_of_medical_necessity", name: "Sleep coaching")
        let (_, customer, method) = sim.savedCard(price: coaching, lmn: true)
        sim.advance(300 * 86_400)
        let response = charge(sim, ["customer": .string(customer), "payment_method": .string(method), "line_items": sim.items([(coaching, 2)])])
        #expect(sim.unwrap(response, "checkout_session")["amount_received"] == 10_000)
    }
}
