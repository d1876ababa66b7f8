// Subscription invoices (docs/flex-api.md §4 `invoice.*` events, §2.8 `latest_invoice`): one per
// subscription charge — the first payment and every renewal — made just before the charge and
// settled by it, so a webhook consumer sees Stripe's order: invoice.created → payment_intent.created
// → payment_intent.succeeded → invoice.paid → invoice.payment_succeeded (or invoice.payment_failed).
// A trial's start charges nothing and makes no invoice (its first invoice is the trial's end).
import FlexAPI

enum InvoiceStatus: String, CaseIterable {
    /// Made, not yet charged (between invoice.created and the charge) or its charge failed.
    case open
    case paid
}

struct Invoice {
    var id: ULID
    var subscription: Int
    var customer: Int
    var amount: Int
    var status: InvoiceStatus
    /// `subscription_create` for the first charge, `subscription_cycle` for renewals (Stripe's words).
    var billingReason: String
    var periodStart: Int
    var periodEnd: Int
    /// The checkout session that paid it (the shopper's, or the simulator's billing record).
    var session: Int?
    var paymentIntent: Int?
    var created: Int
    var paidAt: Int?
}

extension State {
    /// Makes an open invoice for one period of `subscription` and announces it (invoice.created).
    mutating func openInvoice(_ subscription: Int, customer: Int, amount: Int, reason: String,
                              periodStart: Int, periodEnd: Int, at time: Int) -> Int {
        let invoice = Invoice(id: newID(), subscription: subscription, customer: customer, amount: amount, status: .open,
                              billingReason: reason, periodStart: periodStart, periodEnd: periodEnd, created: time)
        let position = invoices.insert(invoice, id: invoice.id)
        subscriptions[subscription].latestInvoice = position
        emit(.invoiceCreated, .invoice(invoice))
        return position
    }

    /// The charge succeeded: invoice.paid, then invoice.payment_succeeded (Stripe's order).
    mutating func payInvoice(_ position: Int, session: Int, at time: Int) {
        invoices[position].status = .paid
        invoices[position].paidAt = time
        invoices[position].session = session
        invoices[position].paymentIntent = sessions[session].paymentIntents.first
        sessions[session].invoice = position
        emit(.invoicePaid, .invoice(invoices[position]))
        emit(.invoicePaymentSucceeded, .invoice(invoices[position]))
    }

    /// The charge failed (a decline or a missing letter): the invoice stays open.
    mutating func failInvoice(_ position: Int) {
        emit(.invoicePaymentFailed, .invoice(invoices[position]))
    }

    /// `GET /v1/invoices?subscription=&customer=&status=` (inferred, like the other lists), newest first.
    func listInvoices(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        var subscription: Int?
        if let id = request.queryValue("subscription") { subscription = try subscriptions.position(of: id) }
        var customer: Int?
        if let id = request.queryValue("customer") { customer = try customerPosition(id) }
        var status: InvoiceStatus?
        if let text = request.queryValue("status") {
            guard let value = InvoiceStatus(rawValue: text) else { throw .invalid("status must be open or paid, not \"\(text)\"") }
            status = value
        }
        return try list(\.invoices, request) { invoice in
            (subscription == nil || invoice.subscription == subscription) && (customer == nil || invoice.customer == customer)
                && (status == nil || invoice.status == status)
        }
    }

    func render(_ invoice: Invoice) -> JSON {
        let paid = invoice.status == .paid ? invoice.amount : 0
        return object([
            "invoice_id": .string(invoice.id.id(.invoice)),
            "subscription": .string(subscriptions[invoice.subscription].id.id(.subscription)),
            "customer": .string(customers[invoice.customer].id.id(.customer)),
            "status": .string(invoice.status.rawValue),
            "billing_reason": .string(invoice.billingReason),
            "amount_due": .integer(invoice.amount),
            "amount_paid": .integer(paid),
            "amount_remaining": .integer(invoice.amount - paid),
            "checkout_session": invoice.session.map { .string(sessions[$0].id.id(.session)) } ?? .null,
            "payment_intent": invoice.paymentIntent.map { .string(paymentIntents[$0].id.id(.paymentIntent)) } ?? .null,
            "period_start": .string(Clock.iso(invoice.periodStart)),
            "period_end": .string(Clock.iso(invoice.periodEnd)),
            "paid_at": invoice.paidAt.map { .string(Clock.iso($0)) } ?? .null,
            "created_at": .string(Clock.iso(invoice.created)),
            "test_mode": true,
        ])
    }
}
