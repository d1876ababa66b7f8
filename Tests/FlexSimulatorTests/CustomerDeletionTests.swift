// DELETE /v1/customers/{id}: the stub, the 404s after it, and what happens to the customer's open
// sessions and live subscriptions (customer.deleted is a documented event; the endpoint is inferred).
import FlexAPI
import FlexSimulator
import Testing

@Suite struct CustomerDeletionTests {
    func createCustomer(_ sim: Sim, _ email: String) -> String {
        sim.unwrap(sim.post("/v1/customers", ["customer": ["email": .string(email)]]), "customer")["customer_id"]?.stringValue ?? ""
    }

    @Test func aDeletedCustomerIsAStubAndGoneEverywhereElse() {
        let sim = Sim()
        let kept = createCustomer(sim, "kept@example.com")
        let gone = createCustomer(sim, "gone@example.com")
        let deleted = sim.unwrap(sim.flex.handle(APIRequest(.DELETE, "/v1/customers/\(gone)")), "customer")
        #expect(deleted == ["customer_id": .string(gone), "deleted": true, "test_mode": true])
        #expect(sim.unwrap(sim.get("/v1/customers/\(gone)"), "customer")["deleted"] == true)
        #expect(sim.events().last == "customer.deleted")
        let listed = sim.unwrap(sim.get("/v1/customers"), "customers").arrayValue?.compactMap { $0["customer_id"]?.stringValue }
        #expect(listed == [kept])
        expectError(sim.patch("/v1/customers/\(gone)", ["customer": ["first_name": "Ann"]]), 404, "customer_not_found")
        expectError(sim.flex.handle(APIRequest(.DELETE, "/v1/customers/\(gone)")), 404, "customer_not_found")
        expectError(sim.get("/v1/customers/\(gone)/payment_methods"), 404, "customer_not_found")
        expectError(sim.checkout([(sim.price(500), 1)], ["customer": .string(gone)]), 404, "customer_not_found")
        expectError(sim.flex.handle(APIRequest(.DELETE, "/v1/customers/fcus_01ARZ3NDEKTSV4RRFFQ69G5FAV")), 404, "customer_not_found")
    }

    @Test func deletingEndsSubscriptionsAndExpiresOpenSessions() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let (_, customer, method) = sim.savedCard(price: gym, lmn: true)
        let subscription = sim.unwrap(sim.post("/v1/subscriptions", ["subscription": [
            "customer": .string(customer), "items": [["price": .string(gym)]], "default_payment_method": .string(method),
        ]]), "subscription")["subscription_id"]?.stringValue ?? ""
        let open = sim.session([(sim.price(500), 1)], ["customer": .string(customer)])
        sim.flex.handle(APIRequest(.DELETE, "/v1/customers/\(customer)"))
        #expect(sim.events().suffix(3) == ["checkout.session.expired", "customer.subscription.deleted", "customer.deleted"])
        #expect(sim.subscription(subscription)["status"] == "canceled")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(open)"), "checkout_session")["status"] == "expired")
        // No renewal charges the deleted customer's card.
        let invoices = sim.unwrap(sim.get("/v1/invoices", [("subscription", subscription)]), "invoices").arrayValue?.count
        sim.advance(40 * 86_400)
        #expect(sim.unwrap(sim.get("/v1/invoices", [("subscription", subscription)]), "invoices").arrayValue?.count == invoices)
        // Off-session charges through its saved card find no customer.
        let charge: JSON = ["checkout_session": ["mode": "off_session", "customer": .string(customer), "payment_method": .string(method),
                                                 "line_items": [["price": .string(gym), "quantity": 1]], "success_url": "https://shop.example/ok"]]
        expectError(sim.post("/v1/checkout/sessions", charge), 404, "customer_not_found")
    }
}
