// Subscriptions: subscription-mode checkouts, /v1/subscriptions, renewals on the virtual clock,
// cancel at period end, trials, declines (past_due, unpaid), and every rule's error code.
import FlexAPI
import FlexSimulator
import Testing

extension Sim {
    /// A recurring price of a product (LMN by default); returns the price ID.
    func recurringPrice(_ amount: Int, interval: String = "monthly", eligibility: String = "letter_of_medical_necessity",
                        name: String = "Gym membership", trialDays: Int? = nil) -> String {
        let product = product(name, eligibility)
        var recurring: JSONObject = ["interval": .string(interval)]
        if let trialDays { recurring["trial_period_days"] = .integer(trialDays) }
        let response = post("/v1/prices", ["price": ["product": .string(product), "unit_amount": .integer(amount), "recurring": .object(recurring)]])
        return unwrap(response, "price")["price_id"]?.stringValue ?? ""
    }

    func subscription(_ id: String) -> JSON { unwrap(get("/v1/subscriptions/\(id)"), "subscription") }
}

@Suite struct SubscriptionTests {
    /// A paid subscription checkout: (session JSON, subscription ID).
    func subscribe(_ sim: Sim, price: String, _ extra: [String: JSON] = [:], card: String = "4242424242424242") -> (JSON, String) {
        var fields = extra
        fields["mode"] = "subscription"
        let id = sim.session([(price, 1)], fields)
        let paid = sim.unwrap(sim.pay(id, card: card, ["card_kind": "hsa", "lmn": "approved"]), "checkout_session")
        return (paid, paid["subscription"]?.stringValue ?? "")
    }

    @Test func checkoutStartsIncompleteAndPaymentActivates() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let open = sim.unwrap(sim.checkout([(gym, 1)], ["mode": "subscription"]), "checkout_session")
        #expect(open["mode"] == "subscription")
        #expect(open["amount_total"] == 4900)
        #expect(open["redirect_url"]?.stringValue?.hasPrefix("https://checkout.withflex.com/pay/c/") == true)
        let subscriptionID = open["subscription"]?.stringValue ?? ""
        #expect(subscriptionID.hasPrefix("fsub_"))
        let incomplete = sim.subscription(subscriptionID)
        #expect(incomplete["status"] == "incomplete")
        #expect(incomplete["customer"] == .null)
        #expect(incomplete["items"]?[0]?["subscription_item_id"]?.stringValue?.hasPrefix("fsubi_") == true)
        #expect(sim.events() == ["customer.subscription.created"])

        let paid = sim.unwrap(sim.pay(open["checkout_session_id"]?.stringValue ?? "", ["card_kind": "hsa", "lmn": "approved"]), "checkout_session")
        #expect(paid["status"] == "complete")
        #expect(paid["amount_received"] == 4900)
        let active = sim.subscription(subscriptionID)
        #expect(active["status"] == "active")
        #expect(active["customer"] == paid["customer"])
        #expect(active["current_period_start"] == "2026-01-01T00:00:04Z")
        #expect(active["current_period_end"] == "2026-02-01T00:00:04Z")
        let method = active["default_payment_method"]?.stringValue ?? ""
        let saved = sim.unwrap(sim.get("/v1/customers/\(paid["customer"]?.stringValue ?? "")/payment_methods/\(method)"), "payment_method")
        #expect(saved["off_session"] == true)  // renewals charge it off-session
        #expect(sim.events() == ["customer.subscription.created", "customer.created", "invoice.created", "payment_intent.created",
                                 "customer.subscription.updated", "payment_intent.succeeded", "invoice.paid", "invoice.payment_succeeded",
                                 "checkout.session.completed"])
    }

    @Test func renewsEachPeriodOnTheVirtualClock() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let (_, id) = subscribe(sim, price: gym)
        sim.post("/_sim/clock/set", ["clock": ["now": "2026-03-15T00:00:00Z"]])
        let renewed = sim.subscription(id)
        #expect(renewed["status"] == "active")
        #expect(renewed["current_period_start"] == "2026-03-01T00:00:04Z")
        #expect(renewed["current_period_end"] == "2026-04-01T00:00:04Z")
        // Each period is a complete, refundable checkout session of the subscription.
        let periods = sim.unwrap(sim.get("/v1/checkout/sessions", [("subscription", id)]), "checkout_sessions").arrayValue ?? []
        #expect(periods.count == 3)
        #expect(periods[0]["status"] == "complete")
        #expect(periods[0]["amount_received"] == 4900)
        #expect(periods[0]["redirect_url"] == .null)
        #expect(periods[0]["created_at"] == .integer(march1))
        let refunded = sim.post("/v1/checkout/sessions/\(periods[0]["checkout_session_id"]?.stringValue ?? "")/refund")
        #expect(sim.unwrap(refunded, "checkout_session")["amount_refunded"] == 4900)
        #expect(sim.events([("type", "checkout.session.completed")]).count == 1)  // only the shopper's checkout
        #expect(sim.events([("type", "payment_intent.succeeded")]).count == 3)
    }

    @Test func monthlyPeriodsKeepTheirDayOfMonth() {
        let sim = Sim()
        sim.post("/_sim/clock/set", ["clock": ["now": "2026-01-31T12:00:00Z"]])
        let gym = sim.recurringPrice(1000)
        let (_, id) = subscribe(sim, price: gym)
        #expect(sim.subscription(id)["current_period_end"] == "2026-02-28T12:00:04Z")
        sim.post("/_sim/clock/set", ["clock": ["now": "2026-03-01T00:00:00Z"]])
        #expect(sim.subscription(id)["current_period_end"] == "2026-03-31T12:00:04Z")
    }

    @Test func declinedRenewalsGoPastDueThenUnpaid() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900, interval: "weekly")
        let (_, id) = subscribe(sim, price: gym)
        sim.post("/_sim/faults", ["fault": ["kind": "decline", "count": 2]])
        sim.advance(7 * 86_400)
        #expect(sim.subscription(id)["status"] == "past_due")
        sim.advance(7 * 86_400)
        #expect(sim.subscription(id)["status"] == "unpaid")
        sim.advance(30 * 86_400)  // unpaid: no more charges
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions", [("subscription", id)]), "checkout_sessions").arrayValue?.count == 1)
        // Canceling an unpaid subscription ends it now.
        let canceled = sim.unwrap(sim.request(.DELETE, "/v1/subscriptions/\(id)"), "subscription")
        #expect(canceled["status"] == "canceled")
        #expect(sim.events().last == "customer.subscription.deleted")
    }

    @Test func aPastDueSubscriptionRecoversOnTheNextGoodCharge() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900, interval: "daily")
        let (_, id) = subscribe(sim, price: gym)
        sim.post("/_sim/faults", ["fault": ["kind": "decline", "count": 1]])
        sim.advance(86_400)
        #expect(sim.subscription(id)["status"] == "past_due")
        sim.advance(86_400)
        #expect(sim.subscription(id)["status"] == "active")
    }

    @Test func anExpiredLetterStopsRenewalsOnABenefitCard() {
        let sim = Sim()
        let gym = sim.recurringPrice(50_000, interval: "yearly")
        let (_, id) = subscribe(sim, price: gym)
        sim.advance(366 * 86_400)  // the letter was valid 12 months: the renewal needs a new one
        #expect(sim.subscription(id)["status"] == "past_due")
    }

    @Test func deleteCancelsAtPeriodEnd() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let (_, id) = subscribe(sim, price: gym)
        let flagged = sim.unwrap(sim.request(.DELETE, "/v1/subscriptions/\(id)"), "subscription")
        #expect(flagged["status"] == "active")
        #expect(flagged["cancel_at_period_end"] == true)
        #expect(flagged["cancel_at"] == flagged["current_period_end"])
        // A second DELETE changes nothing.
        #expect(sim.unwrap(sim.request(.DELETE, "/v1/subscriptions/\(id)"), "subscription") == flagged)
        sim.advance(40 * 86_400)
        let ended = sim.subscription(id)
        #expect(ended["status"] == "canceled")
        #expect(ended["canceled_at"] == ended["current_period_end"])
        #expect(sim.events().last == "customer.subscription.deleted")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions", [("subscription", id)]), "checkout_sessions").arrayValue?.count == 1)
        expectError(sim.request(.DELETE, "/v1/subscriptions/\(id)"), 422, "subscription_canceled")
        expectError(sim.patch("/v1/subscriptions/\(id)", ["subscription": ["metadata": ["a": "b"]]]), 422, "subscription_canceled")
    }

    @Test func patchUndoesACancellationAndChangesMetadata() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let (_, id) = subscribe(sim, price: gym)
        sim.request(.DELETE, "/v1/subscriptions/\(id)")
        let patched = sim.unwrap(sim.patch("/v1/subscriptions/\(id)", ["subscription": ["cancel_at_period_end": false, "metadata": ["plan": "gold"]]]), "subscription")
        #expect(patched["cancel_at_period_end"] == false)
        #expect(patched["metadata"]?["plan"] == "gold")
        sim.advance(40 * 86_400)
        #expect(sim.subscription(id)["status"] == "active")
    }

    @Test func trialsChargeNothingUntilTheTrialEnds() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900, trialDays: 14)
        let id = sim.session([(gym, 1)], ["mode": "subscription"])
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["amount_total"] == 0)
        let paid = sim.unwrap(sim.pay(id, ["card_kind": "hsa", "lmn": "approved"]), "checkout_session")
        #expect(paid["payment_intents"] == [])
        let subscriptionID = paid["subscription"]?.stringValue ?? ""
        let trialing = sim.subscription(subscriptionID)
        #expect(trialing["status"] == "trialing")
        #expect(trialing["trial_end"] == "2026-01-15T00:00:04Z")
        #expect(trialing["current_period_end"] == trialing["trial_end"])
        sim.advance(14 * 86_400)
        let active = sim.subscription(subscriptionID)
        #expect(active["status"] == "active")
        #expect(active["current_period_end"] == "2026-02-15T00:00:04Z")
        // subscription_data.trial_period_days overrides the price's trial.
        let noTrial = sim.unwrap(sim.checkout([(gym, 1)], ["mode": "subscription", "subscription_data": ["trial_period_days": 0]]), "checkout_session")
        #expect(noTrial["amount_total"] == 4900)
    }

    @Test func anUnpaidCheckoutExpiresItsSubscription() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let open = sim.unwrap(sim.checkout([(gym, 1)], ["mode": "subscription"]), "checkout_session")
        sim.advance(86_400)
        #expect(sim.subscription(open["subscription"]?.stringValue ?? "")["status"] == "incomplete_expired")
        #expect(sim.events().suffix(2) == ["checkout.session.expired", "customer.subscription.updated"])
    }

    @Test func deletingAnIncompleteSubscriptionEndsItAndItsCheckout() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let open = sim.unwrap(sim.checkout([(gym, 1)], ["mode": "subscription"]), "checkout_session")
        let canceled = sim.unwrap(sim.request(.DELETE, "/v1/subscriptions/\(open["subscription"]?.stringValue ?? "")"), "subscription")
        #expect(canceled["status"] == "canceled")
        let id = open["checkout_session_id"]?.stringValue ?? ""
        expectError(sim.pay(id), 400, "checkout_session_expired")
    }

    @Test func apiCreateChargesTheSavedCardAtOnce() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let (_, customer, method) = sim.savedCard(price: gym, lmn: true)
        let created = sim.unwrap(sim.post("/v1/subscriptions", ["subscription": [
            "customer": .string(customer), "items": [["price": .string(gym)]], "default_payment_method": .string(method),
            "metadata": ["plan": "basic"],
        ]]), "subscription")
        #expect(created["status"] == "active")
        #expect(created["items"]?[0]?["quantity"] == 1)
        #expect(created["metadata"]?["plan"] == "basic")
        let id = created["subscription_id"]?.stringValue ?? ""
        let periods = sim.unwrap(sim.get("/v1/checkout/sessions", [("subscription", id)]), "checkout_sessions").arrayValue ?? []
        #expect(periods.count == 1)
        #expect(periods.first?["amount_received"] == 4900)
        #expect(sim.events().suffix(6) == ["customer.subscription.created", "invoice.created", "payment_intent.created", "payment_intent.succeeded",
                                           "invoice.paid", "invoice.payment_succeeded"])
        let trial = sim.unwrap(sim.post("/v1/subscriptions", ["subscription": [
            "customer": .string(customer), "items": [["price": .string(gym), "quantity": 2]], "default_payment_method": .string(method),
            "trial_period_days": 30,
        ]]), "subscription")
        #expect(trial["status"] == "trialing")
        #expect(trial["amount"] == 9800)
    }

    @Test func listsFilterAndPage() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let (_, first) = subscribe(sim, price: gym)
        _ = sim.checkout([(gym, 1)], ["mode": "subscription"])  // incomplete, no customer
        let (_, third) = subscribe(sim, price: gym)
        let all = sim.unwrap(sim.get("/v1/subscriptions"), "subscriptions").arrayValue ?? []
        #expect(all.count == 3)
        #expect(all.first?["subscription_id"] == .string(third))  // newest first
        #expect(sim.unwrap(sim.get("/v1/subscriptions", [("status", "incomplete")]), "subscriptions").arrayValue?.count == 1)
        let customer = sim.subscription(first)["customer"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.get("/v1/subscriptions", [("customer", customer)]), "subscriptions").arrayValue?.count == 1)
        let page = sim.unwrap(sim.get("/v1/subscriptions", [("limit", "1"), ("starting_after", third)]), "subscriptions").arrayValue ?? []
        #expect(page.count == 1)
        expectError(sim.get("/v1/subscriptions", [("status", "sleeping")]), 400, "invalid_request")
        expectError(sim.get("/v1/subscriptions", [("customer", "fcus_01ARZ3NDEKTSV4RRFFQ69G5FAV")]), 404, "customer_not_found")
        expectError(sim.get("/v1/subscriptions/fsub_01ARZ3NDEKTSV4RRFFQ69G5FAV"), 404, "subscription_not_found")
        expectError(sim.get("/v1/checkout/sessions", [("subscription", "fsub_nope")]), 404, "subscription_not_found")
        expectError(sim.request(.PUT, "/v1/subscriptions/\(first)"), 405, "method_not_allowed")
    }

    @Test(arguments: [
        // (line items as price keys, extra fields, status, code)
        (["ONE_TIME"], #"{}"#, 400, "price_not_recurring"),
        (["GYM", "YEARLY"], #"{}"#, 400, "recurring_interval_mismatch"),
        (["GYM", "VITAMINS"], #"{}"#, 422, "product_not_lmn_eligible"),
        (["GYM"], #"{"capture_method": "manual"}"#, 422, "manual_capture_not_supported"),
        (["GYM"], #"{"subscription_data": {"trial_period_days": -1}}"#, 400, "invalid_request"),
        (["GYM"], #"{"subscription_data": 7}"#, 400, "invalid_request"),
    ])
    func checkoutRules(items: [String], extra: String, status: Int, code: String) {
        let sim = Sim()
        let prices = ["ONE_TIME": sim.price(2499, "letter_of_medical_necessity"), "GYM": sim.recurringPrice(4900),
                      "YEARLY": sim.recurringPrice(40_000, interval: "yearly"),
                      "VITAMINS": sim.recurringPrice(1500, eligibility: "auto_substantiation", name: "Vitamins")]
        var fields = parsed(extra)?.objectValue ?? JSONObject()
        fields["mode"] = "subscription"
        fields["line_items"] = .array(items.map { ["price": .string(prices[$0] ?? ""), "quantity": 1] })
        let response = sim.post("/v1/checkout/sessions", .object(["checkout_session": .object(fields)]))
        expectError(response, status, code)
        #expect(sim.unwrap(sim.get("/v1/subscriptions"), "subscriptions").arrayValue?.isEmpty == true)
    }

    @Test(arguments: [
        (#"{"subscription": {"items": [{"price": "GYM"}], "default_payment_method": "PM"}}"#, 400, "customer_required"),
        (#"{"subscription": {"customer": "CUS", "default_payment_method": "PM"}}"#, 400, "invalid_request"),
        (#"{"subscription": {"customer": "CUS", "items": [], "default_payment_method": "PM"}}"#, 400, "invalid_request"),
        (#"{"subscription": {"customer": "CUS", "items": [{"price": "GYM", "quantity": 0}], "default_payment_method": "PM"}}"#, 400, "invalid_request"),
        (#"{"subscription": {"customer": "CUS", "items": [{"price": "GYM"}]}}"#, 400, "payment_method_required"),
        (#"{"subscription": {"customer": "CUS", "items": [{"price": "ONE_TIME"}], "default_payment_method": "PM"}}"#, 400, "price_not_recurring"),
        (#"{"subscription": {"customer": "CUS", "items": [{"price": "GYM"}], "default_payment_method": "PM", "trial_period_days": -3}}"#, 400, "invalid_request"),
        (#"{"subscription": {"customer": "fcus_01ARZ3NDEKTSV4RRFFQ69G5FAV", "items": [{"price": "GYM"}], "default_payment_method": "PM"}}"#, 404, "customer_not_found"),
        (#"{"subscription": {"customer": "CUS", "items": [{"price": "fprice_01ARZ3NDEKTSV4RRFFQ69G5FAV"}], "default_payment_method": "PM"}}"#, 404, "price_not_found"),
        (#"{"subscription": {"customer": "CUS", "items": [{"price": "GYM"}], "default_payment_method": "fpm_01ARZ3NDEKTSV4RRFFQ69G5FAV"}}"#, 404, "payment_method_not_found"),
        (#"{"subscription": {"customer": "CUS", "items": [{"price": "GYM"}], "default_payment_method": "OTHER_PM"}}"#, 422, "payment_method_customer_mismatch"),
        (#"{"subscription": {"customer": "CUS", "items": [{"price": "GYM"}], "default_payment_method": "UNSAVED_PM"}}"#, 422, "payment_method_not_off_session"),
        (#"{"subscription": {"customer": "NO_LETTER", "items": [{"price": "GYM"}], "default_payment_method": "NO_LETTER_PM"}}"#, 422, "letter_of_medical_necessity_required"),
        (#"{"subscription": {"customer": "CUS", "items": [{"price": "GYM"}], "default_payment_method": "DECLINING_PM"}}"#, 402, "card_declined"),
    ])
    func apiCreateRules(body: String, status: Int, code: String) {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let oneTime = sim.price(2499, "letter_of_medical_necessity")
        let (_, customer, method) = sim.savedCard(price: gym, lmn: true)
        let (_, _, otherMethod) = sim.savedCard(price: gym, lmn: true)
        // An unsaved card of the same customer: pay a session of theirs without setup_future_use.
        let unsavedSession = sim.session([(oneTime, 1)], ["customer": .string(customer)])
        _ = sim.pay(unsavedSession, card: "5555555555554444", ["card_kind": "credit"])
        let methods = sim.unwrap(sim.get("/v1/customers/\(customer)/payment_methods"), "payment_methods").arrayValue ?? []
        let unsaved = methods.first { $0["off_session"] == false }?["payment_method_id"]?.stringValue ?? ""
        // A customer whose saved HSA card never ran a consultation: their letter is missing.
        let thermo = sim.price(1000)
        let (_, noLetter, noLetterMethod) = sim.savedCard(price: thermo)
        // A saved card that declines every off-session charge.
        let (_, _, declining) = sim.savedCard(price: gym, card: "4000000000000341", lmn: true)
        let declinerCustomer = sim.unwrap(sim.get("/v1/payment_intents"), "payment_intents")[0]?["customer"]?.stringValue ?? ""
        let text = body.replacingOccurrences("NO_LETTER_PM", noLetterMethod).replacingOccurrences("NO_LETTER", noLetter)
            .replacingOccurrences("OTHER_PM", otherMethod).replacingOccurrences("UNSAVED_PM", unsaved)
            .replacingOccurrences("DECLINING_PM", declining)
            .replacingOccurrences("\"CUS\"", code == "card_declined" ? "\"\(declinerCustomer)\"" : "\"\(customer)\"")
            .replacingOccurrences("ONE_TIME", oneTime).replacingOccurrences("GYM", gym).replacingOccurrences("\"PM\"", "\"\(method)\"")
        let before = sim.unwrap(sim.get("/v1/subscriptions"), "subscriptions").arrayValue?.count
        expectError(sim.post("/v1/subscriptions", parsed(text)), status, code)
        #expect(sim.unwrap(sim.get("/v1/subscriptions"), "subscriptions").arrayValue?.count == before)
    }

    @Test func apiCreateNeedsAnUnexpiredLetterForABenefitCard() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let (_, customer, method) = sim.savedCard(price: gym, lmn: true)
        sim.advance(366 * 86_400)
        let body: JSON = ["subscription": ["customer": .string(customer), "items": [["price": .string(gym)]], "default_payment_method": .string(method)]]
        expectError(sim.post("/v1/subscriptions", body), 422, "letter_of_medical_necessity_expired")
    }

    @Test func eventsForASubscriptionFindItsPeriods() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900, interval: "daily")
        let (_, id) = subscribe(sim, price: gym)
        sim.advance(86_400)
        let types = sim.events([("object", id)])
        #expect(types.filter { $0 == "customer.subscription.updated" }.count == 2)  // activated, renewed
        #expect(types.contains("customer.subscription.created"))
    }

    @Test func patchRules() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let (_, id) = subscribe(sim, price: gym)
        expectError(sim.patch("/v1/subscriptions/\(id)", ["subscription": ["items": []]]), 400, "invalid_request")
        expectError(sim.patch("/v1/subscriptions/\(id)", ["subscription": ["cancel_at_period_end": "yes"]]), 400, "invalid_request")
        expectError(sim.patch("/v1/subscriptions/\(id)", ["subscription": ["default_payment_method": "fpm_01ARZ3NDEKTSV4RRFFQ69G5FAV"]]), 404, "payment_method_not_found")
        expectError(sim.patch("/v1/subscriptions/\(id)", nil), 400, "invalid_request")
        expectError(sim.patch("/v1/subscriptions/fsub_01ARZ3NDEKTSV4RRFFQ69G5FAV", ["subscription": [:]]), 404, "subscription_not_found")
        let open = sim.unwrap(sim.checkout([(gym, 1)], ["mode": "subscription"]), "checkout_session")
        let incomplete = open["subscription"]?.stringValue ?? ""
        expectError(sim.patch("/v1/subscriptions/\(incomplete)", ["subscription": ["cancel_at_period_end": true]]), 422, "subscription_not_renewing")
        expectError(sim.patch("/v1/subscriptions/\(incomplete)", ["subscription": ["default_payment_method": "fpm_x"]]), 422, "subscription_not_renewing")
    }

    @Test func atMost500LiveSubscriptionsPerCustomer() {
        let sim = Sim()
        let gym = sim.recurringPrice(100, interval: "yearly")
        let (_, customer, method) = sim.savedCard(price: gym, lmn: true)
        let body: JSON = ["subscription": ["customer": .string(customer), "items": [["price": .string(gym)]],
                                           "default_payment_method": .string(method), "trial_period_days": 10]]
        var last = ""
        for _ in 0..<500 { last = sim.unwrap(sim.post("/v1/subscriptions", body), "subscription")["subscription_id"]?.stringValue ?? "" }
        expectError(sim.post("/v1/subscriptions", body), 422, "subscription_limit_reached")
        expectError(sim.checkout([(gym, 1)], ["mode": "subscription", "customer": .string(customer)]), 422, "subscription_limit_reached")
        // Canceled ones do not count.
        sim.request(.DELETE, "/v1/subscriptions/\(last)")
        sim.advance(11 * 86_400)
        #expect(sim.post("/v1/subscriptions", body).status == 200)
    }
}

extension Sim {
    @discardableResult
    func request(_ method: HTTPMethod, _ path: String) -> APIResponse { flex.handle(APIRequest(method, path)) }
}

/// 2026-03-01T00:00:04Z in epoch seconds: the third period's start in the monthly renewal test.
private let march1 = 1_772_323_204
