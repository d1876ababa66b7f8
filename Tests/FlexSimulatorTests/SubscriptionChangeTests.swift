// PATCH /v1/subscriptions/{id} with `items`: quantity and price changes, added and deleted items,
// proration (always_invoice charges the increase and refunds the decrease; none bills from the next
// period), and every rule's error code.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct SubscriptionChangeTests {
    /// An active subscription made through the API: (subscription, its first item's ID, customer, card).
    func subscribed(_ sim: Sim, price: String, quantity: Int = 1, behavior: String? = nil) -> (JSON, String, String) {
        let (_, customer, method) = sim.savedCard(price: price, lmn: true)
        var fields: JSONObject = ["customer": .string(customer), "items": [["price": .string(price), "quantity": .integer(quantity)]],
                                  "default_payment_method": .string(method)]
        if let behavior { fields["proration_behavior"] = .string(behavior) }
        let subscription = sim.unwrap(sim.post("/v1/subscriptions", .object(["subscription": .object(fields)])), "subscription")
        return (subscription, subscription["items"]?[0]?["subscription_item_id"]?.stringValue ?? "", customer)
    }

    /// Another weekly price of the product `price` sells (the customer's letter covers it).
    func otherPrice(_ sim: Sim, of price: String, _ amount: Int) -> String {
        let product = sim.unwrap(sim.get("/v1/prices/\(price)"), "price")["product"] ?? .null
        let body: JSON = ["price": ["product": product, "unit_amount": .integer(amount), "recurring": ["interval": "weekly"]]]
        return sim.unwrap(sim.post("/v1/prices", body), "price")["price_id"]?.stringValue ?? ""
    }

    func now(_ sim: Sim) -> Int { sim.unwrap(sim.get("/_sim/clock"), "clock")["now"]?.integerValue ?? 0 }

    func change(_ sim: Sim, _ id: String, _ fields: JSONObject) -> APIResponse {
        sim.patch("/v1/subscriptions/\(id)", .object(["subscription": .object(fields)]))
    }

    func invoices(_ sim: Sim, _ id: String) -> [JSON] {
        sim.unwrap(sim.get("/v1/invoices", [("subscription", id)]), "invoices").arrayValue ?? []
    }

    static let week = 7 * 86_400

    /// What the rest of a period costs: `amount × remaining / length`, rounded half up.
    func prorated(_ amount: Int, remaining: Int) -> Int { (amount * remaining * 2 + Self.week) / (2 * Self.week) }

    @Test func aQuantityIncreaseChargesTheRestOfThePeriodAtOnce() {
        let sim = Sim()
        let gym = sim.recurringPrice(3000, interval: "weekly")
        let (created, item, _) = subscribed(sim, price: gym)
        let id = created["subscription_id"]?.stringValue ?? ""
        let start = now(sim)  // the create request's time: the period's start
        sim.advance(3 * 86_400)
        let changedAt = now(sim) + 1
        let updated = sim.unwrap(change(sim, id, ["items": [["id": .string(item), "quantity": 3]]]), "subscription")
        #expect(updated["amount"] == 9000)
        #expect(updated["items"]?.arrayValue?.count == 1)
        #expect(updated["items"]?[0]?["quantity"] == 3)
        #expect(updated["items"]?[0]?["subscription_item_id"]?.stringValue == item)
        #expect(updated["items"]?[0]?["updated_at"] != updated["items"]?[0]?["created_at"])
        #expect(updated["proration_behavior"] == "always_invoice")
        let expected = prorated(6000, remaining: start + Self.week - changedAt)
        let latest = invoices(sim, id).first ?? .null
        #expect(latest["billing_reason"] == "subscription_update")
        #expect(latest["amount_paid"]?.integerValue == expected)
        #expect(expected > 0 && expected < 6000)
        #expect(updated["latest_invoice"] == latest["invoice_id"])
        #expect(sim.events().suffix(6) == ["invoice.created", "payment_intent.created", "payment_intent.succeeded",
                                           "invoice.paid", "invoice.payment_succeeded", "customer.subscription.updated"])
        // The next period is billed at the new amount.
        sim.advance(5 * 86_400)
        #expect(invoices(sim, id).first?["amount_paid"] == 9000)
        #expect(invoices(sim, id).first?["billing_reason"] == "subscription_cycle")
    }

    @Test func aDecreaseOrADeletedItemIsRefundedFromThePeriodsPayment() {
        let sim = Sim()
        let gym = sim.recurringPrice(3000, interval: "weekly")
        let (created, gymItem, _) = subscribed(sim, price: gym, quantity: 2)
        let pool = otherPrice(sim, of: gym, 1000)
        let id = created["subscription_id"]?.stringValue ?? ""
        let start = now(sim) - 1  // the subscription's create request, before the price above
        // Add the pool (charged for the rest of the period), then drop one gym seat (refunded).
        let added = sim.unwrap(change(sim, id, ["items": [["price": .string(pool)]]]), "subscription")
        #expect(added["amount"] == 7000)
        #expect(added["items"]?.arrayValue?.count == 2)
        #expect(added["items"]?[1]?["subscription_item_id"]?.stringValue?.hasPrefix("fsubi_") == true)
        sim.advance(86_400)
        let changedAt = now(sim) + 1
        let reduced = sim.unwrap(change(sim, id, ["items": [["id": .string(gymItem), "quantity": 1]]]), "subscription")
        #expect(reduced["amount"] == 4000)
        let credit = prorated(3000, remaining: start + Self.week - changedAt)
        let periods = sim.unwrap(sim.get("/v1/checkout/sessions", [("subscription", id)]), "checkout_sessions").arrayValue ?? []
        #expect(periods.reduce(0) { $0 + ($1["amount_refunded"]?.integerValue ?? 0) } == credit)
        #expect(sim.events().suffix(3) == ["refund.created", "charge.refunded", "customer.subscription.updated"])
        // Deleting the pool gives back its share of the rest of the period.
        let poolItem = reduced["items"]?[1]?["subscription_item_id"]?.stringValue ?? ""
        let deleted = sim.unwrap(change(sim, id, ["items": [["id": .string(poolItem), "deleted": true]]]), "subscription")
        #expect(deleted["items"]?.arrayValue?.count == 1)
        #expect(deleted["amount"] == 3000)
    }

    @Test func prorationNoneBillsTheChangeFromTheNextPeriod() {
        let sim = Sim()
        let gym = sim.recurringPrice(3000, interval: "weekly")
        let (created, item, _) = subscribed(sim, price: gym, behavior: "none")
        let id = created["subscription_id"]?.stringValue ?? ""
        #expect(created["proration_behavior"] == "none")
        let before = invoices(sim, id).count
        let updated = sim.unwrap(change(sim, id, ["items": [["id": .string(item), "quantity": 2]]]), "subscription")
        #expect(updated["amount"] == 6000)
        #expect(invoices(sim, id).count == before)
        // A PATCH may switch the behavior for itself and later changes.
        let switched = sim.unwrap(change(sim, id, ["proration_behavior": "always_invoice", "items": [["id": .string(item), "quantity": 3]]]), "subscription")
        #expect(switched["proration_behavior"] == "always_invoice")
        #expect(invoices(sim, id).count == before + 1)
        sim.advance(Self.week)
        #expect(invoices(sim, id).first?["amount_paid"] == 9000)
    }

    @Test func aPriceChangeKeepsTheItemAndATrialIsNotProrated() {
        let sim = Sim()
        let basic = sim.recurringPrice(3000, interval: "weekly")
        let (_, customer, method) = sim.savedCard(price: basic, lmn: true)
        let gold = otherPrice(sim, of: basic, 5000)
        let trial = sim.unwrap(sim.post("/v1/subscriptions", ["subscription": [
            "customer": .string(customer), "items": [["price": .string(basic)]], "default_payment_method": .string(method), "trial_period_days": 14,
        ]]), "subscription")
        let id = trial["subscription_id"]?.stringValue ?? ""
        let item = trial["items"]?[0]?["subscription_item_id"]?.stringValue ?? ""
        let updated = sim.unwrap(change(sim, id, ["items": [["id": .string(item), "price": .string(gold)]]]), "subscription")
        #expect(updated["status"] == "trialing")
        #expect(updated["items"]?[0]?["subscription_item_id"]?.stringValue == item)
        #expect(updated["items"]?[0]?["price"]?["price_id"]?.stringValue == gold)
        #expect(updated["amount"] == 5000)
        #expect(invoices(sim, id).isEmpty)  // nothing charged during the trial
    }

    @Test func aDeclinedProrationChangesNothing() {
        let sim = Sim()
        let gym = sim.recurringPrice(3000, interval: "weekly")
        let (created, item, _) = subscribed(sim, price: gym)
        let id = created["subscription_id"]?.stringValue ?? ""
        sim.post("/_sim/faults", ["fault": ["kind": "decline", "count": 1, "decline_code": "insufficient_funds"]])
        let before = invoices(sim, id).count
        expectError(change(sim, id, ["items": [["id": .string(item), "quantity": 2]]]), 402, "card_declined")
        #expect(sim.subscription(id)["amount"] == 3000)
        #expect(sim.subscription(id)["items"]?[0]?["quantity"] == 1)
        #expect(invoices(sim, id).count == before)
    }

    @Test(arguments: [
        (#"{"items": [{"id": "fsubi_01ARZ3NDEKTSV4RRFFQ69G5FAV", "quantity": 2}]}"#, 400, "subscription_item_not_found"),
        (#"{"items": [{"id": "ITEM", "quantity": 0}]}"#, 400, "invalid_request"),
        (#"{"items": [{"id": "ITEM", "quantity": 2}, {"id": "ITEM", "quantity": 3}]}"#, 400, "invalid_request"),
        (#"{"items": [{"id": "ITEM", "deleted": true}]}"#, 400, "invalid_request"),
        (#"{"items": [{"id": "ITEM", "deleted": true, "quantity": 2}]}"#, 400, "invalid_request"),
        (#"{"items": [{"deleted": true}]}"#, 400, "invalid_request"),
        (#"{"items": [{"quantity": 2}]}"#, 400, "invalid_request"),
        (#"{"items": ["ITEM"]}"#, 400, "invalid_request"),
        (#"{"items": [{"price": "ONETIME"}]}"#, 400, "price_not_recurring"),
        (#"{"items": [{"price": "MONTHLY"}]}"#, 400, "recurring_interval_mismatch"),
        (#"{"items": [{"price": "AUTO"}]}"#, 422, "product_not_lmn_eligible"),
        (#"{"items": [{"price": "fprice_01ARZ3NDEKTSV4RRFFQ69G5FAV"}]}"#, 404, "price_not_found"),
        (#"{"items": [{"id": "ITEM", "quantity": 100000}]}"#, 400, "amount_too_large"),
        (#"{"items": [{"price": "OTHERLMN"}]}"#, 422, "letter_of_medical_necessity_required"),
        (#"{"proration_behavior": "create_prorations"}"#, 400, "invalid_request"),
    ])
    func itemChangeRules(body: String, status: Int, code: String) {
        let sim = Sim()
        let gym = sim.recurringPrice(3000, interval: "weekly")
        let (created, item, _) = subscribed(sim, price: gym)
        let id = created["subscription_id"]?.stringValue ?? ""
        let oneTime = sim.price(500, "letter_of_medical_necessity", name: "Gym")
        let monthly = sim.recurringPrice(3000, interval: "monthly", name: "Gym monthly")
        let auto = sim.recurringPrice(3000, interval: "weekly", eligibility: "auto_substantiation", name: "Vitamins")
        let otherLMN = sim.recurringPrice(3000, interval: "weekly", name: "Physiotherapy")
        var text = body.replacing("ITEM", with: item).replacing("ONETIME", with: oneTime).replacing("MONTHLY", with: monthly)
        text = text.replacing("AUTO", with: auto).replacing("OTHERLMN", with: otherLMN)
        let before = sim.events().count
        expectError(sim.patch("/v1/subscriptions/\(id)", .object(["subscription": parsed(text) ?? .null])), status, code)
        #expect(sim.subscription(id)["amount"] == 3000)
        #expect(sim.events().count == before)
    }

    @Test func anIncompleteSubscriptionsItemsAreItsCheckouts() {
        let sim = Sim()
        let gym = sim.recurringPrice(3000, interval: "weekly")
        let open = sim.unwrap(sim.checkout([(gym, 1)], ["mode": "subscription"]), "checkout_session")
        let id = open["subscription"]?.stringValue ?? ""
        let item = sim.subscription(id)["items"]?[0]?["subscription_item_id"]?.stringValue ?? ""
        expectError(change(sim, id, ["items": [["id": .string(item), "quantity": 2]]]), 422, "subscription_not_renewing")
    }

    @Test func prorationRoundsHalfUpWithoutOverflow() {
        // Through the public surface: a yearly price near the maximum, changed one second in.
        let sim = Sim()
        let gym = sim.recurringPrice(49_999_999, interval: "yearly")
        let (created, item, _) = subscribed(sim, price: gym)
        let id = created["subscription_id"]?.stringValue ?? ""
        let updated = sim.unwrap(change(sim, id, ["items": [["id": .string(item), "quantity": 2]]]), "subscription")
        #expect(updated["amount"] == 99_999_998)
        // One second of 365 days gone: all but a rounding of the increase is charged.
        let charged = invoices(sim, id).first?["amount_paid"]?.integerValue ?? 0
        #expect(charged == 49_999_999 - (49_999_999 + 365 * 86_400 / 2) / (365 * 86_400))
    }
}
