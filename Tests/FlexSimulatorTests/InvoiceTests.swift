// Subscription invoices: one per charge (first payment and each renewal), `latest_invoice`, the
// invoice.* events in Stripe's order, failed renewals, and the invoice routes' error codes.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct InvoiceTests {
    func subscribe(_ sim: Sim, price: String) -> (JSON, String) {
        let id = sim.session([(price, 1)], ["mode": "subscription"])
        let paid = sim.unwrap(sim.pay(id, ["card_kind": "hsa", "lmn": "approved"]), "checkout_session")
        return (paid, paid["subscription"]?.stringValue ?? "")
    }

    @Test func theFirstPaymentIsAPaidInvoice() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let (session, id) = subscribe(sim, price: gym)
        let invoiceID = sim.subscription(id)["latest_invoice"]?.stringValue ?? ""
        #expect(invoiceID.hasPrefix("finv_"))
        #expect(session["invoice"]?.stringValue == invoiceID)
        let invoice = sim.unwrap(sim.get("/v1/invoices/\(invoiceID)"), "invoice")
        #expect(invoice["status"] == "paid")
        #expect(invoice["billing_reason"] == "subscription_create")
        #expect(invoice["amount_due"] == 4900)
        #expect(invoice["amount_paid"] == 4900)
        #expect(invoice["amount_remaining"] == 0)
        #expect(invoice["subscription"]?.stringValue == id)
        #expect(invoice["customer"] == session["customer"])
        #expect(invoice["checkout_session"] == session["checkout_session_id"])
        #expect(invoice["payment_intent"] == session["payment_intent"])
        #expect(invoice["period_start"] == sim.subscription(id)["current_period_start"])
        #expect(invoice["period_end"] == sim.subscription(id)["current_period_end"])
        // Stripe's order; checkout.session.completed stays last.
        #expect(sim.events().suffix(6) == ["payment_intent.created", "customer.subscription.updated", "payment_intent.succeeded",
                                           "invoice.paid", "invoice.payment_succeeded", "checkout.session.completed"])
        let created = sim.unwrap(sim.get("/_sim/events", [("type", "invoice.created")]), "events")
        #expect(created[0]?["object"]?["status"] == "open")
    }

    @Test func eachRenewalIsANewInvoice() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900, interval: "weekly")
        let (_, id) = subscribe(sim, price: gym)
        let first = sim.subscription(id)["latest_invoice"]
        sim.advance(7 * 86_400)
        let renewed = sim.subscription(id)
        #expect(renewed["latest_invoice"] != first)
        let invoice = sim.unwrap(sim.get("/v1/invoices/\(renewed["latest_invoice"]?.stringValue ?? "")"), "invoice")
        #expect(invoice["billing_reason"] == "subscription_cycle")
        #expect(invoice["status"] == "paid")
        #expect(invoice["period_start"] == renewed["current_period_start"])
        #expect(invoice["period_end"] == renewed["current_period_end"])
        #expect(sim.events().suffix(6) == ["invoice.created", "payment_intent.created", "payment_intent.succeeded",
                                           "invoice.paid", "invoice.payment_succeeded", "customer.subscription.updated"])
        let listed = sim.unwrap(sim.get("/v1/invoices", [("subscription", id)]), "invoices").arrayValue ?? []
        #expect(listed.count == 2)
        #expect(listed.first?["invoice_id"] == renewed["latest_invoice"])  // newest first
    }

    @Test func aDeclinedRenewalLeavesTheInvoiceOpen() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900, interval: "weekly")
        let (_, id) = subscribe(sim, price: gym)
        sim.post("/_sim/faults", ["fault": ["kind": "decline", "count": 1]])
        sim.advance(7 * 86_400)
        let invoice = sim.unwrap(sim.get("/v1/invoices/\(sim.subscription(id)["latest_invoice"]?.stringValue ?? "")"), "invoice")
        #expect(invoice["status"] == "open")
        #expect(invoice["amount_paid"] == 0)
        #expect(invoice["amount_remaining"] == 4900)
        #expect(invoice["payment_intent"] == .null)
        #expect(sim.events().suffix(3) == ["invoice.created", "invoice.payment_failed", "customer.subscription.updated"])
        #expect(sim.unwrap(sim.get("/v1/invoices", [("status", "open")]), "invoices").arrayValue?.count == 1)
    }

    @Test func aTrialStartMakesNoInvoice() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900, trialDays: 7)
        let (_, id) = subscribe(sim, price: gym)
        #expect(sim.subscription(id)["latest_invoice"] == .null)
        #expect(sim.unwrap(sim.get("/v1/invoices"), "invoices") == [])
    }

    @Test func apiCreateInvoicesItsFirstCharge() {
        let sim = Sim()
        let gym = sim.recurringPrice(4900)
        let (_, customer, method) = sim.savedCard(price: gym, lmn: true)
        let created = sim.unwrap(sim.post("/v1/subscriptions", ["subscription": [
            "customer": .string(customer), "items": [["price": .string(gym)]], "default_payment_method": .string(method),
        ]]), "subscription")
        let invoice = sim.unwrap(sim.get("/v1/invoices/\(created["latest_invoice"]?.stringValue ?? "")"), "invoice")
        #expect(invoice["status"] == "paid")
        #expect(invoice["billing_reason"] == "subscription_create")
        #expect(sim.unwrap(sim.get("/v1/invoices", [("customer", customer)]), "invoices").arrayValue?.count == 1)
    }

    @Test(arguments: [
        ("/v1/invoices/finv_01KDX00000000000000000000A", [(String, String)](), 404, "invoice_not_found"),
        ("/v1/invoices/fsub_01KDX00000000000000000000A", [], 404, "invoice_not_found"),
        ("/v1/invoices", [("status", "void")], 400, "invalid_request"),
        ("/v1/invoices", [("subscription", "fsub_01KDX00000000000000000000A")], 404, "subscription_not_found"),
        ("/v1/invoices", [("customer", "fcus_01KDX00000000000000000000A")], 404, "customer_not_found"),
        ("/v1/invoices", [("limit", "0")], 400, "invalid_request"),
    ])
    func rules(path: String, query: [(String, String)], status: Int, code: String) {
        expectError(Sim().get(path, query), status, code)
    }

    @Test func readOnly() {
        expectError(Sim().post("/v1/invoices", ["invoice": [:]]), 405, "method_not_allowed")
    }
}
