// Webhook events in Flex's envelope; each keeps a copy of its object as it was when it happened.
import FlexAPI

enum EventType: String, CaseIterable {
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
        for event in events where matches(event, type: type) {
            // Rendered once: the object filter reads the same rendering the list returns.
            let rendered = render(event)
            if let objectID, !refersTo(rendered["object"] ?? .null, objectID) { continue }
            result.append(rendered)
        }
        return ok("events", .array(result))
    }

    /// `GET /v1/events` (the Events tag of docs/flex-api.md §2.12; its endpoints were not captured, so
    /// this is Stripe's list): the same events and filters as `/_sim/events`, newest first and
    /// paginated like every other list.
    func listAPIEvents(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let type = request.queryValue("type")
        let objectID = request.queryValue("object")
        let positions = events.indices.reversed().filter { position in
            matches(events[position], type: type) && (objectID.map { refersTo(render(events[position].object), $0) } ?? true)
        }
        return try page(positions, request, kind: .event, as: "events", id: { events[$0].id }) { render(events[$0]) }
    }

    /// `GET /v1/events/{id}`. A scan: IDs within one virtual second are not in creation order (their
    /// low bits are random), and reading one event is rare enough not to keep an index for it.
    func getEvent(_ id: String) throws(APIFailure) -> APIResponse {
        guard let ulid = ULID.parse(id, as: .event), let event = events.first(where: { $0.id == ulid }) else {
            throw .notFound(.event, id)
        }
        return ok("event", render(event))
    }

    /// The `type` filter. Both spellings of the completion event are in Flex's docs (docs/flex-api.md §4).
    func matches(_ event: Event, type: String?) -> Bool {
        guard let type else { return true }
        return type == event.type.rawValue || (type == "checkout_session.completed" && event.type == .checkoutSessionCompleted)
    }

    /// Flex's webhook envelope (docs/flex-api.md §4).
    func render(_ event: Event) -> JSON {
        object([
            "event_id": .string(event.id.id(.event)),
            "event_type": .string(event.type.rawValue),
            "event_dt": .integer(event.dt),
            "object": render(event.object),
        ])
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
