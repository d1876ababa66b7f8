// `line_items[].price_data`: one-off prices defined in the cart (checkout sessions, subscriptions,
// payment links), their rules, and that a rejected request leaves neither a price nor a used ID behind.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct InlinePriceTests {
    func inlineItem(_ product: String, _ amount: Int, quantity: Int = 1, recurring: String? = nil) -> JSON {
        var data: JSONObject = ["product": .string(product), "unit_amount": .integer(amount)]
        if let recurring { data["recurring"] = .object(["interval": .string(recurring)]) }
        return .object(["price_data": .object(data), "quantity": .integer(quantity)])
    }

    func createSession(_ sim: Sim, _ items: [JSON], _ extra: JSONObject = [:]) -> APIResponse {
        var fields: JSONObject = ["line_items": .array(items), "success_url": "https://shop.example/ok"]
        for entry in extra.entries { fields[entry.key] = entry.value }
        return sim.post("/v1/checkout/sessions", .object(["checkout_session": .object(fields)]))
    }

    /// The price of a session's first line item (`GET …/line_items`).
    func firstPrice(_ sim: Sim, _ session: JSON) -> JSON {
        let id = session["checkout_session_id"]?.stringValue ?? ""
        return sim.unwrap(sim.get("/v1/checkout/sessions/\(id)/line_items"), "line_items")[0]?["price"] ?? .null
    }

    func priceCount(_ sim: Sim) -> Int { sim.unwrap(sim.get("/v1/prices", [("limit", "100")]), "prices").arrayValue?.count ?? -1 }

    @Test func aSessionLineItemDefinesItsPrice() {
        let sim = Sim()
        let thermometer = sim.product("Thermometer", "auto_substantiation")
        let session = sim.unwrap(createSession(sim, [inlineItem(thermometer, 1250, quantity: 2)]), "checkout_session")
        #expect(session["amount_subtotal"] == 2500)
        #expect(session["amount_total"] == 2500)
        #expect(session["hsa_fsa_eligible"] == true)
        let price = firstPrice(sim, session)
        let priceID = price["price_id"]?.stringValue ?? ""
        #expect(priceID.hasPrefix("fprice_"))
        #expect(price["unit_amount"] == 1250)
        #expect(price["product"]?.stringValue == thermometer)
        #expect(price["active"] == false)
        #expect(price["type"] == "one_time")
        // Stamped with the session's time, and readable like any price.
        #expect(price["created_at"]?.stringValue == sim.unwrap(sim.get("/v1/prices/\(priceID)"), "price")["created_at"]?.stringValue)
        #expect(sim.unwrap(sim.get("/v1/prices/\(priceID)"), "price")["unit_amount"] == 1250)
        let paid = sim.unwrap(sim.pay(session["checkout_session_id"]?.stringValue ?? "", ["card_kind": "hsa"]), "checkout_session")
        #expect(paid["amount_received"] == 2500)
    }

    @Test func anInlinePriceIsNotForAnotherCart() {
        let sim = Sim()
        let product = sim.product()
        let session = sim.unwrap(createSession(sim, [inlineItem(product, 500)]), "checkout_session")
        let priceID = firstPrice(sim, session)["price_id"]?.stringValue ?? ""
        expectError(sim.checkout([(priceID, 1)]), 400, "price_inactive")
    }

    @Test(arguments: [
        (#"{"price": "fprice_01JV0000000000000000000000", "price_data": {"product": "P", "unit_amount": 5}, "quantity": 1}"#, 400, "invalid_request"),
        (#"{"quantity": 1}"#, 400, "invalid_request"),
        (#"{"price_data": {"unit_amount": 5}, "quantity": 1}"#, 400, "invalid_request"),
        (#"{"price_data": {"product": "P"}, "quantity": 1}"#, 400, "invalid_request"),
        (#"{"price_data": {"product": "P", "unit_amount": -1}, "quantity": 1}"#, 400, "invalid_request"),
        (#"{"price_data": {"product": "P", "unit_amount": 100000000}, "quantity": 1}"#, 400, "amount_too_large"),
        (#"{"price_data": {"product": "P", "unit_amount": 5, "recurring": {"interval": "hourly"}}, "quantity": 1}"#, 400, "invalid_request"),
        (#"{"price_data": "fprice_x", "quantity": 1}"#, 400, "invalid_request"),
        (#"{"price_data": {"product": "fprod_01JV0000000000000000000000", "unit_amount": 5}, "quantity": 1}"#, 404, "product_not_found"),
        (#"{"price_data": {"product": "P", "unit_amount": 5}, "quantity": 0}"#, 400, "invalid_request"),
    ])
    func priceDataRules(item: String, status: Int, code: String) {
        let sim = Sim()
        let product = sim.product()
        let response = createSession(sim, [parsed(item.replacing("\"P\"", with: "\"\(product)\"")) ?? .null])
        expectError(response, status, code)
        #expect(priceCount(sim) == 0)
    }

    @Test func aRejectedRequestLeavesNoPriceAndUsesNoID() {
        // The same requests with and without a session that fails after its price_data was read:
        // the next object gets the same ID, and no price is left over.
        func nextCustomerID(failingFirst: Bool) -> String {
            let sim = Sim(seed: 7)
            let product = sim.product()
            if failingFirst {
                let response = createSession(sim, [inlineItem(product, 500), inlineItem(product, 700)], ["capture_method": "later"])
                expectError(response, 400, "invalid_request")
                #expect(priceCount(sim) == 0)
                // A later rule fails too: a one-time inline price in a subscription.
                expectError(createSession(sim, [inlineItem(product, 500)], ["mode": "subscription"]), 400, "price_not_recurring")
                #expect(priceCount(sim) == 0)
            }
            return sim.unwrap(sim.post("/v1/customers", ["customer": ["email": "a@example.com"]]), "customer")["customer_id"]?.stringValue ?? ""
        }
        #expect(nextCustomerID(failingFirst: true) == nextCustomerID(failingFirst: false))
    }

    @Test func aSubscriptionRenewsAtItsInlinePrice() {
        let sim = Sim()
        let gym = sim.product("Gym membership", "letter_of_medical_necessity")
        let open = sim.unwrap(createSession(sim, [inlineItem(gym, 3900, recurring: "monthly")], ["mode": "subscription"]), "checkout_session")
        #expect(firstPrice(sim, open)["type"] == "recurring")
        let paid = sim.unwrap(sim.pay(open["checkout_session_id"]?.stringValue ?? "", ["card_kind": "hsa", "lmn": "approved"]), "checkout_session")
        #expect(paid["amount_received"] == 3900)
        let subscriptionID = paid["subscription"]?.stringValue ?? ""
        sim.advance(32 * 86_400)
        let invoices = sim.unwrap(sim.get("/v1/invoices", [("subscription", subscriptionID)]), "invoices").arrayValue ?? []
        #expect(invoices.count == 2)
        #expect(invoices.first?["amount_paid"] == 3900)
    }

    @Test func theSubscriptionAPITakesPriceDataItems() {
        let sim = Sim()
        let gymPrice = sim.post("/v1/prices", ["price": ["product": .string(sim.product("Gym", "letter_of_medical_necessity")), "unit_amount": 100,
                                                         "recurring": ["interval": "monthly"]]])
        let gym = sim.unwrap(gymPrice, "price")["product"]?.stringValue ?? ""
        let (_, customer, method) = sim.savedCard(price: sim.unwrap(gymPrice, "price")["price_id"]?.stringValue ?? "", lmn: true)
        let body: JSON = ["subscription": ["customer": .string(customer), "default_payment_method": .string(method),
                                           "items": .array([inlineItem(gym, 2500, quantity: 2, recurring: "monthly")])]]
        let subscription = sim.unwrap(sim.post("/v1/subscriptions", body), "subscription")
        #expect(subscription["status"] == "active")
        #expect(subscription["amount"] == 5000)
        #expect(subscription["items"]?[0]?["price"]?["unit_amount"] == 2500)
        #expect(subscription["items"]?[0]?["price"]?["active"] == false)
    }

    @Test func aPaymentLinkChecksPriceDataAndEachVisitMakesItsOwnPrice() {
        let sim = Sim()
        let product = sim.product()
        let before = priceCount(sim)
        let body: JSON = ["payment_link": ["line_items": .array([inlineItem(product, 800)])]]
        let link = sim.unwrap(sim.post("/v1/payment_links", body), "payment_link")
        #expect(priceCount(sim) == before)  // checked, not kept: the link's template keeps price_data
        let id = link["payment_link_id"]?.stringValue ?? ""
        let first = sim.unwrap(sim.post("/_sim/payment_links/\(id)/visit"), "checkout_session")
        let second = sim.unwrap(sim.post("/_sim/payment_links/\(id)/visit"), "checkout_session")
        #expect(first["amount_total"] == 800)
        #expect(second["amount_total"] == 800)
        let firstID = firstPrice(sim, first)["price_id"]?.stringValue
        #expect(firstID != nil && firstID != firstPrice(sim, second)["price_id"]?.stringValue)
        let bad: JSON = ["payment_link": ["line_items": .array([inlineItem("fprod_01JV0000000000000000000000", 800)])]]
        expectError(sim.post("/v1/payment_links", bad), 404, "product_not_found")
        #expect(priceCount(sim) == before + 2)
    }
}
