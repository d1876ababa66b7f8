// Webhook events in Flex's envelope; each keeps a copy of its object as it was when it happened.
import FlexAPI

enum EventType: String {
    case customerCreated = "customer.created"
    case customerUpdated = "customer.updated"
    case customerDeleted = "customer.deleted"
    case paymentIntentCreated = "payment_intent.created"
    case paymentIntentSucceeded = "payment_intent.succeeded"
    case paymentIntentCanceled = "payment_intent.canceled"
    case checkoutSessionCompleted = "checkout.session.completed"
    case checkoutSessionExpired = "checkout.session.expired"
    case refundCreated = "refund.created"
    case chargeRefunded = "charge.refunded"
    case refundUpdated = "refund.updated"
    case chargeRefundUpdated = "charge.refund.updated"
    case subscriptionCreated = "customer.subscription.created"
    case subscriptionUpdated = "customer.subscription.updated"
    case subscriptionDeleted = "customer.subscription.deleted"
    case consultationApproved = "consultation.approved"
    case consultationExpired = "consultation.expired"
    case customerConsultationAttached = "customer.consultation.attached"
    case invoiceCreated = "invoice.created"
    case invoicePaid = "invoice.paid"
    case invoicePaymentSucceeded = "invoice.payment_succeeded"
    case invoicePaymentFailed = "invoice.payment_failed"
    case disputeCreated = "charge.dispute.created"
    case disputeFundsWithdrawn = "charge.dispute.funds_withdrawn"
    case disputeUpdated = "charge.dispute.updated"
    case disputeFundsReinstated = "charge.dispute.funds_reinstated"
    case disputeClosed = "charge.dispute.closed"
}

/// Value copies (arrays inside are shared copy-on-write), far smaller than rendered JSON. Boxed
/// (`indirect`) so an event costs only what its own object needs, not the largest case's size.
indirect enum EventObject {
    case customer(Customer)
    case session(CheckoutSession)
    case paymentIntent(PaymentIntent)
    case refund(Refund)
    case subscription(Subscription)
    case consultation(Consultation)
    case invoice(Invoice)
    case dispute(Dispute)
}

struct Event {
    var id: ULID
    var type: EventType
    var dt: Int
    var object: EventObject
}

extension State {
    /// `GET /_sim/events?type=T&object=ID`, oldest first. `object` matches the event's object ID or
    /// any ID the object refers to (so `events for S` also lists S's payment intents and refunds).
    func listEvents(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let type = request.queryValue("type")
        let objectID = request.queryValue("object")
        var result: [JSON] = []
        for event in events {
            // Both spellings of the completion event are in Flex's docs (flex-api.md §4).
            if let type, type != event.type.rawValue,
               !(type == "checkout_session.completed" && event.type == .checkoutSessionCompleted) { continue }
            let rendered = render(event.object)
            if let objectID, !refersTo(rendered, objectID) { continue }
            result.append(object([
                "event_id": .string(event.id.id(.event)),
                "event_type": .string(event.type.rawValue),
                "event_dt": .integer(event.dt),
                "object": rendered,
            ]))
        }
        return ok("events", .array(result))
    }

    func refersTo(_ rendered: JSON, _ id: String) -> Bool {
        guard case .object(let fields) = rendered else { return false }
        for entry in fields {
            if case .string(let text) = entry.value, text == id { return true }
        }
        return false
    }

    func render(_ object: EventObject) -> JSON {
        switch object {
        case .customer(let customer): render(customer)
        case .session(let session): render(session)
        case .paymentIntent(let intent): render(intent)
        case .refund(let refund): render(refund)
        case .subscription(let subscription): render(subscription)
        case .consultation(let consultation): render(consultation)
        case .invoice(let invoice): render(invoice)
        case .dispute(let dispute): render(dispute)
        }
    }
}
