// Refunds of complete sessions (full, `amount`, per line item), and the /v1/refunds reads.
import FlexAPI

struct Refund {
    var id: ULID
    var session: Int
    var paymentIntent: Int
    var amount: Int
    var reason: String
    var metadata: JSON?
    var created: Int
}

extension State {
    /// `POST /v1/checkout/sessions/{id}/refund` with `{"checkout_session": {amount | line_items, …}}`.
    mutating func refundSession(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try sessionPosition(id)
        var session = sessions[position]
        guard session.status == .complete else {
            throw APIFailure(422, "checkout_session_not_complete",
                             "checkout session \(id) is \(session.status.rawValue); only complete sessions can be refunded")
        }
        let body = try BodyReader.optionalWrapped(request.body, "checkout_session")
        let amount = try body.integer("amount")
        let items = try body.array("line_items")
        if amount != nil && items != nil { throw .invalid("give checkout_session.amount or checkout_session.line_items, not both") }
        let reason = try body.choice("reason", ["duplicate", "fraudulent", "requested_by_customer"]) ?? "requested_by_customer"
        let metadata = try body.metadata("refund_metadata")
        let remaining = session.amountReceived - session.amountRefunded
        guard remaining > 0 else {
            throw APIFailure(422, "already_refunded", "checkout session \(id) has nothing left to refund (\(session.amountRefunded) of \(session.amountReceived) refunded)")
        }

        // Allocations: (payment intent, amount, line item).
        var allocations: [(intent: Int, amount: Int, item: Int?)] = []
        var intentLeft = session.paymentIntents.map { paymentIntents[$0].amountReceived - paymentIntents[$0].amountRefunded }
        if let items {
            var itemLeft = session.lineItems.map { $0.amount - $0.refunded }
            var total = 0
            for (index, element) in items.enumerated() {
                let name = "checkout_session.line_items[\(index)]"
                guard case .object(let fields) = element else { throw .invalid("\(name) must be an object") }
                let reader = BodyReader(fields, path: name)
                let priceID = try reader.string("price")
                let productID = try reader.string("product")
                guard priceID != nil || productID != nil else {
                    throw APIFailure(400, "line_item_not_found", "\(name) needs a price or a product")
                }
                let matches = session.lineItems.indices.filter { item in
                    let price = prices[session.lineItems[item].price]
                    return (priceID != nil && price.id.id(.price) == priceID) || (productID != nil && products[price.product].id.id(.product) == productID)
                }
                guard let item = matches.first(where: { itemLeft[$0] > 0 }) ?? matches.first else {
                    throw APIFailure(400, "line_item_not_found", "\(name): \(priceID ?? productID ?? "") is not in checkout session \(id)")
                }
                let wanted = try reader.integer("amount_to_refund") ?? itemLeft[item]
                guard wanted >= 1 || reader.has("amount_to_refund") == false else {
                    throw .invalid("\(name).amount_to_refund must be an integer >= 1")
                }
                guard wanted >= 1, wanted <= itemLeft[item] else {
                    throw APIFailure(422, "refund_amount_too_large",
                                     "\(name): \(wanted) is more than the \(itemLeft[item]) left to refund on that line item")
                }
                // Split carts: an eligible item was paid by the primary (HSA/FSA) intent, others by the second card.
                let slot = session.paymentIntents.count > 1 && !session.lineItems[item].eligibility.isEligible ? 1 : 0
                guard wanted <= intentLeft[slot] else {
                    throw APIFailure(422, "refund_amount_too_large", "\(name): \(wanted) is more than the \(intentLeft[slot]) left on its payment")
                }
                itemLeft[item] -= wanted
                intentLeft[slot] -= wanted
                total += wanted
                allocations.append((slot, wanted, item))
            }
            guard total <= remaining else {
                throw APIFailure(422, "refund_amount_too_large", "refunds total \(total), more than the \(remaining) left to refund")
            }
        } else {
            let wanted = amount ?? remaining
            guard wanted >= 1 else { throw .invalid("checkout_session.amount must be an integer >= 1, not \(wanted)") }
            guard wanted <= remaining else {
                throw APIFailure(422, "refund_amount_too_large", "checkout_session.amount \(wanted) is more than the \(remaining) left to refund")
            }
            // Primary (HSA/FSA) payment first, then the second card.
            var left = wanted
            for slot in intentLeft.indices where left > 0 {
                let take = min(left, intentLeft[slot])
                if take > 0 { allocations.append((slot, take, nil)); left -= take }
            }
        }

        let time = tick()
        // One refund object per payment intent touched.
        var perIntent: [Int: Int] = [:]
        var order: [Int] = []
        for allocation in allocations {
            if perIntent[allocation.intent] == nil { order.append(allocation.intent) }
            perIntent[allocation.intent, default: 0] += allocation.amount
            if let item = allocation.item { session.lineItems[item].refunded += allocation.amount }
        }
        for slot in order {
            makeRefund(&session, position, intent: session.paymentIntents[slot], amount: perIntent[slot] ?? 0,
                       reason: reason, metadata: metadata, at: time)
        }
        sessions[position] = session
        return ok("checkout_session", render(session))
    }

    /// Records one refund of `amount` on `intent` (already checked against every cap).
    @discardableResult
    mutating func makeRefund(_ session: inout CheckoutSession, _ position: Int, intent: Int, amount: Int,
                             reason: String, metadata: JSON?, at time: Int) -> Int {
        let refund = Refund(id: newID(), session: position, paymentIntent: intent, amount: amount,
                            reason: reason, metadata: metadata, created: time)
        let refundPosition = refunds.insert(refund, id: refund.id)
        paymentIntents[intent].amountRefunded += amount
        session.amountRefunded += amount
        session.refunds.append(refundPosition)
        emit(.refundCreated, .refund(refund))
        emit(.chargeRefunded, .paymentIntent(paymentIntents[intent]))
        return refundPosition
    }

    /// `POST /v1/refunds` `{"refund": {payment_intent_id, amount?, reason?, metadata?}}`: the direct
    /// refund API (flex-api.md §2.6), with the same rules as refunding the session.
    mutating func createRefund(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "refund")
        guard let intentID = try body.string("payment_intent_id") else { throw .invalid("refund.payment_intent_id is required") }
        let amount = try body.integer("amount")
        let reason = try body.choice("reason", ["duplicate", "fraudulent", "requested_by_customer"]) ?? "requested_by_customer"
        let metadata = try body.metadata()
        let intent = try paymentIntentPosition(intentID)
        let position = paymentIntents[intent].session
        var session = sessions[position]
        guard session.status == .complete else {
            throw APIFailure(422, "checkout_session_not_complete",
                             "checkout session \(session.id.id(.session)) of \(intentID) is \(session.status.rawValue); only complete sessions can be refunded")
        }
        let left = min(paymentIntents[intent].amountReceived - paymentIntents[intent].amountRefunded,
                       session.amountReceived - session.amountRefunded)
        guard left > 0 else { throw APIFailure(422, "already_refunded", "payment intent \(intentID) has nothing left to refund") }
        let wanted = amount ?? left
        guard wanted >= 1 else { throw .invalid("refund.amount must be an integer >= 1, not \(wanted)") }
        guard wanted <= left else {
            throw APIFailure(422, "refund_amount_too_large", "refund.amount \(wanted) is more than the \(left) left to refund on \(intentID)")
        }
        let time = tick()
        let refund = makeRefund(&session, position, intent: intent, amount: wanted, reason: reason, metadata: metadata, at: time)
        sessions[position] = session
        return ok("refund", render(refunds[refund]))
    }

    /// `PATCH /v1/refunds/{id}` `{"refund": {reason?, metadata?}}`.
    mutating func updateRefund(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try refundPosition(id)
        let body = try BodyReader.wrapped(request.body, "refund")
        var refund = refunds[position]
        if let reason = try body.choice("reason", ["duplicate", "fraudulent", "requested_by_customer"]) { refund.reason = reason }
        if body.has("metadata") { refund.metadata = try body.metadata() }
        _ = tick()
        refunds[position] = refund
        return ok("refund", render(refund))
    }

    func refundPosition(_ id: String) throws(APIFailure) -> Int {
        guard let ulid = ULID.parse(id, as: .refund), let position = refunds.position(of: ulid) else {
            throw .notFound(.refund, id)
        }
        return position
    }

    func getRefund(_ id: String) throws(APIFailure) -> APIResponse {
        ok("refund", render(refunds[try refundPosition(id)]))
    }

    func listRefunds(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        var intent: Int?
        if let id = request.queryValue("payment_intent") { intent = try paymentIntentPosition(id) }
        if let status = request.queryValue("status"), !["pending", "requires_action", "succeeded", "failed", "canceled"].contains(status) {
            throw .invalid("status must be one of pending, requires_action, succeeded, failed, canceled")
        }
        // Test-mode refunds succeed at once, so any other status filter matches nothing.
        let wantSucceeded = (request.queryValue("status") ?? "succeeded") == "succeeded"
        let positions = Pagination.newestFirst(refunds) { wantSucceeded && (intent == nil || $0.paymentIntent == intent) }
        let page = try Pagination.page(positions, request, kind: .refund) { refunds[$0].id }
        return ok("refunds", .array(page.map { render(refunds[$0]) }))
    }

    func render(_ refund: Refund) -> JSON {
        object([
            "refund_id": .string(refund.id.id(.refund)),
            "payment_intent_id": .string(paymentIntents[refund.paymentIntent].id.id(.paymentIntent)),
            "checkout_session_id": .string(sessions[refund.session].id.id(.session)),
            "amount": .integer(refund.amount),
            "created_at": .string(Clock.iso(refund.created)),
            "status": "succeeded",
            "reason": .string(refund.reason),
            "metadata": refund.metadata ?? .object(JSONObject()),
            "reference_id": .null,
            "reference_type": "acquirer_reference_number",
            "reference_status": "pending",
            "test_mode": true,
        ])
    }
}
