// Refunds of complete sessions (full, `amount`, per line item), the /v1/refunds reads, and their
// settlement on the virtual clock: pending at first, then succeeded or failed.
import FlexAPI

enum RefundStatus: String {
    case pending, succeeded, failed
}

struct Refund {
    /// One line item's share of a refund, given back to the line if the refund fails.
    struct Line {
        var item: Int
        var amount: Int
        /// The line's discount share this refund took back (`amount_discount`), also given back on failure.
        var discount = 0
    }

    var id: ULID
    var session: Int
    var paymentIntent: Int
    var amount: Int
    var reason: String
    var metadata: JSON?
    var created: Int
    var status: RefundStatus = .pending
    /// When the refund settles by itself (created + `refundSettlement`).
    var settles: Int
    /// When it did settle (by the clock or the `/_sim/` settle route); nil while pending.
    var settled: Int?
    /// Decided when the refund is made (the card that paid decides), applied at settlement.
    var willFail: Bool
    var lines: [Line] = []
    /// The `amount_shipping` and `amount_tax` portions it refunds (part of `amount`).
    var shipping = 0
    var tax = 0
    /// The acquirer reference number, once the refund succeeded.
    var referenceID: String?
    var failureReason: String?
}

/// One line item's part of a refund being read: the item, the card slot that paid it, the amount.
struct RefundLine {
    var item: Int
    var slot: Int
    /// The money this line gives back (after `discount`).
    var amount: Int
    /// The part of the line's discount share `amount_discount` takes back from it.
    var discount = 0
}

extension State {
    /// What a refund (or its preview) starts from: a complete session, its body, and the amount or
    /// the line items asked for (not both; neither means everything left).
    func refundRequest(_ id: String, _ request: APIRequest) throws(APIFailure)
        -> (position: Int, body: BodyReader, amount: Int?, items: [JSON]?) {
        let position = try sessions.position(of: id)
        let session = sessions[position]
        guard session.status == .complete else {
            throw APIFailure(422, "checkout_session_not_complete",
                             "checkout session \(id) is \(session.status.rawValue); only complete sessions can be refunded")
        }
        let body = try BodyReader.optionalWrapped(request.body, "checkout_session")
        let amount = try body.integer("amount")
        let items = try body.array("line_items")
        if amount != nil && items != nil { throw .invalid("give checkout_session.amount or checkout_session.line_items, not both") }
        return (position, body, amount, items)
    }

    /// What refunds of `session` can still take; 422 when nothing is left: `charge_disputed` when
    /// disputes hold what refunds did not take (a disputed payment is settled by its dispute).
    func refundableAmount(_ session: CheckoutSession, _ id: String) throws(APIFailure) -> Int {
        guard session.refundable > 0 else {
            if session.amountDisputed > 0 {
                throw APIFailure(422, "charge_disputed",
                                 "checkout session \(id) has nothing left to refund: \(session.amountDisputed) of its \(session.amountReceived) is disputed and \(session.amountRefunded) refunded")
            }
            throw APIFailure(422, "already_refunded", "checkout session \(id) has nothing left to refund (\(session.amountRefunded) of \(session.amountReceived) refunded)")
        }
        return session.refundable
    }

    /// The line items a refund body names, read as the refund and its preview both read them: each
    /// line's amount (default: all it has left — what it paid, its discount share taken off, less
    /// earlier refunds) and the card slot that paid it. With `discount` (the body's `amount_discount`)
    /// each `amount_to_refund` counts before the discount, as the refund guide's example reads
    /// (docs/simulator.md), and `takeDiscount` takes the discount off the lines.
    func readRefundLines(_ items: [JSON], _ session: CheckoutSession, _ id: String, discount: Int? = nil) throws(APIFailure) -> [RefundLine] {
        let gross = discount != nil
        var itemLeft = session.lineItems.map { gross ? $0.grossLeft : $0.refundable }
        var lines: [RefundLine] = []
        for (index, element) in items.enumerated() {
            let name = "checkout_session.line_items[\(index)]"
            let (reader, candidates) = try lineItemMatches(element, name, session, id)
            guard let item = candidates.first(where: { itemLeft[$0] > 0 }) ?? candidates.first else {
                let priceID = try reader.string("price")
                let productID = try reader.string("product")
                let named = priceID ?? productID ?? ""
                throw APIFailure(400, "line_item_not_found", "\(name): \(named) is not in checkout session \(id)")
            }
            if reader.has("amount_to_refund"), let given = try reader.integer("amount_to_refund"), given < 1 {
                throw .invalid("\(name).amount_to_refund must be an integer >= 1, not \(given)")
            }
            let wanted = try reader.integer("amount_to_refund") ?? itemLeft[item]
            guard wanted >= 1, wanted <= itemLeft[item] else {
                throw APIFailure(422, "refund_amount_too_large",
                                 "\(name): \(wanted) is more than the \(itemLeft[item]) left to refund on that line item" + (gross ? " before its discount" : ""))
            }
            itemLeft[item] -= wanted
            // Split carts: eligible lines were paid by the primary (HSA/FSA) card, others by the second.
            let slot = session.paymentIntents.count > 1 && !session.lineItems[item].eligibility.isEligible ? 1 : 0
            lines.append(RefundLine(item: item, slot: slot, amount: wanted))
        }
        guard let discount else { return lines }
        return try takeDiscount(discount, from: lines, session)
    }

    /// `amount_discount` spread over the named lines in order, each giving up to the discount share
    /// it still carries; what each line then gives back must be at least 1 and at most what its
    /// shopper paid and was not refunded. 422 when the lines carry less discount than asked.
    func takeDiscount(_ discount: Int, from lines: [RefundLine], _ session: CheckoutSession) throws(APIFailure) -> [RefundLine] {
        var lines = lines
        var shareLeft = session.lineItems.map { $0.discount - $0.discountReturned }
        var paidLeft = session.lineItems.map(\.refundable)
        var left = discount
        for index in lines.indices {
            let item = lines[index].item
            let name = "checkout_session.line_items[\(index)]"
            let take = min(left, shareLeft[item], lines[index].amount)
            shareLeft[item] -= take
            left -= take
            lines[index].discount = take
            lines[index].amount -= take
            guard lines[index].amount >= 1 else {
                throw APIFailure(422, "refund_amount_too_large", "\(name): nothing is left to give back once \(take) of discount is taken off")
            }
            guard lines[index].amount <= paidLeft[item] else {
                throw APIFailure(422, "refund_amount_too_large",
                                 "\(name): \(lines[index].amount) after \(take) of discount is more than the \(paidLeft[item]) paid and not refunded on that line item; raise checkout_session.amount_discount to its discount share")
            }
            paidLeft[item] -= lines[index].amount
        }
        guard left == 0 else {
            throw APIFailure(422, "refund_amount_too_large",
                             "checkout_session.amount_discount \(discount) is more than the \(discount - left) of discount the named line items still carry")
        }
        return lines
    }

    /// `amount_shipping` and `amount_tax` (docs/flex-api.md §2.6, "portions to refund"): parts of the
    /// session's shipping and exclusive tax, which belong to no line item, added to a line-item
    /// refund (or refunded alone). Each is at most what the session charged for it and has not
    /// refunded. `amount_discount` (nil when absent) is the part of the named lines' discount the
    /// refund takes off; it needs `line_items` (`takeDiscount` checks it against them).
    func readRefundPortions(_ body: BodyReader, _ session: CheckoutSession, amount: Int?, hasLines: Bool) throws(APIFailure)
        -> (shipping: Int, tax: Int, discount: Int?) {
        let discount = body.has("amount_discount") ? try body.integer("amount_discount") : nil
        if let discount {
            guard discount >= 0 else { throw .invalid("checkout_session.amount_discount must be an integer >= 0, not \(discount)") }
            guard hasLines else {
                throw .invalid("checkout_session.amount_discount is taken off line items: give it with checkout_session.line_items")
            }
        }
        let shipping = try body.integer("amount_shipping") ?? 0
        let tax = try body.integer("amount_tax") ?? 0
        guard shipping != 0 || tax != 0 else { return (0, 0, discount) }
        if amount != nil {
            throw .invalid("checkout_session.amount is a total; give amount_shipping and amount_tax with line_items, or alone")
        }
        let shippingLeft = (session.adjustments?.shipping ?? 0) - session.shippingRefunded
        let taxLeft = (session.adjustments?.addedTax ?? 0) - session.taxRefunded
        for (field, value, left) in [("amount_shipping", shipping, shippingLeft), ("amount_tax", tax, taxLeft)] {
            guard value >= 0 else { throw .invalid("checkout_session.\(field) must be an integer >= 0, not \(value)") }
            guard value <= left else {
                throw APIFailure(422, "refund_amount_too_large", "checkout_session.\(field) \(value) is more than the \(left) of it left to refund")
            }
        }
        return (shipping, tax, discount)
    }

    /// `POST /v1/checkout/sessions/{id}/refund` with `{"checkout_session": {amount | line_items,
    /// amount_shipping?, amount_tax?, amount_discount?, reason?, refund_metadata?}}`.
    mutating func refundSession(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let (position, body, amount, items) = try refundRequest(id, request)
        var session = sessions[position]
        let reason = try body.choice("reason", ["duplicate", "fraudulent", "requested_by_customer"]) ?? "requested_by_customer"
        let metadata = try body.metadata("refund_metadata")
        let remaining = try refundableAmount(session, id)

        let portions = try readRefundPortions(body, session, amount: amount, hasLines: items != nil)
        // Allocations: (payment intent slot, amount, line item, its discount taken back).
        var allocations: [(intent: Int, amount: Int, item: Int?, discount: Int)] = []
        var intentLeft = session.paymentIntents.map { paymentIntents[$0].refundable }
        var lump: Int
        if let items {
            for line in try readRefundLines(items, session, id, discount: portions.discount) {
                guard line.amount <= intentLeft[line.slot] else {
                    throw APIFailure(422, "refund_amount_too_large", "a line item's \(line.amount) is more than the \(intentLeft[line.slot]) left on its payment")
                }
                intentLeft[line.slot] -= line.amount
                allocations.append((line.slot, line.amount, line.item, line.discount))
            }
            lump = portions.shipping + portions.tax
        } else {
            lump = portions.shipping + portions.tax > 0 ? portions.shipping + portions.tax : amount ?? remaining
            guard lump >= 1 else { throw .invalid("checkout_session.amount must be an integer >= 1, not \(lump)") }
        }
        let total = allocations.reduce(lump) { $0 + $1.amount }
        guard total <= remaining else {
            throw APIFailure(422, "refund_amount_too_large", "the refund of \(total) is more than the \(remaining) left to refund")
        }
        // What belongs to no line: primary (HSA/FSA) payment first, then the second card.
        for slot in intentLeft.indices where lump > 0 {
            let take = min(lump, intentLeft[slot])
            if take > 0 { allocations.append((slot, take, nil, 0)); lump -= take }
        }
        guard lump == 0 else {
            throw APIFailure(422, "refund_amount_too_large", "the cards of checkout session \(id) have \(lump) less left than this refund asks for")
        }

        let time = tick()
        // One refund object per payment intent touched.
        var perIntent: [Int: Int] = [:]
        var linesPerIntent: [Int: [Refund.Line]] = [:]
        var order: [Int] = []
        for allocation in allocations {
            if perIntent[allocation.intent] == nil { order.append(allocation.intent) }
            perIntent[allocation.intent, default: 0] += allocation.amount
            if let item = allocation.item {
                session.lineItems[item].refunded += allocation.amount
                session.lineItems[item].discountReturned += allocation.discount
                linesPerIntent[allocation.intent, default: []].append(Refund.Line(item: item, amount: allocation.amount, discount: allocation.discount))
            }
        }
        for slot in order {
            let refund = makeRefund(&session, position, intent: session.paymentIntents[slot], amount: perIntent[slot] ?? 0,
                                    lines: linesPerIntent[slot] ?? [], reason: reason, metadata: metadata, at: time)
            // The shipping and tax portions are recorded on the first refund, which a failure gives back.
            if slot == order[0] {
                refunds[refund].shipping = portions.shipping
                refunds[refund].tax = portions.tax
            }
        }
        session.shippingRefunded += portions.shipping
        session.taxRefunded += portions.tax
        sessions[position] = session
        return ok("checkout_session", render(session))
    }

    /// Records one `pending` refund of `amount` on `intent` (already checked against every cap).
    /// The amount counts as refunded at once, so a second refund cannot promise the same money;
    /// it is given back if the refund fails at settlement.
    @discardableResult
    mutating func makeRefund(_ session: inout CheckoutSession, _ position: Int, intent: Int, amount: Int,
                             lines: [Refund.Line] = [], reason: String, metadata: JSON?, at time: Int) -> Int {
        let card = paymentMethods[paymentIntents[intent].paymentMethod].card
        let refund = Refund(id: newID(), session: position, paymentIntent: intent, amount: amount,
                            reason: reason, metadata: metadata, created: time,
                            settles: min(time + State.refundSettlement, Clock.latest),
                            willFail: Card.refundFailures.contains(card.number), lines: lines)
        let refundPosition = refunds.insert(refund, id: refund.id)
        refundQueue.append(refundPosition)
        paymentIntents[intent].amountRefunded += amount
        session.amountRefunded += amount
        session.refunds.append(refundPosition)
        emit(.refundCreated, .refund(refund))
        emit(.chargeRefunded, .paymentIntent(paymentIntents[intent]))
        return refundPosition
    }

    /// `POST /v1/refunds` `{"refund": {payment_intent_id, amount?, reason?, metadata?}}`: the direct
    /// refund API (docs/flex-api.md §2.6), with the same rules as refunding the session.
    mutating func createRefund(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "refund")
        guard let intentID = try body.string("payment_intent_id") else { throw .invalid("refund.payment_intent_id is required") }
        let amount = try body.integer("amount")
        let reason = try body.choice("reason", ["duplicate", "fraudulent", "requested_by_customer"]) ?? "requested_by_customer"
        let metadata = try body.metadata()
        let intent = try paymentIntents.position(of: intentID)
        let position = paymentIntents[intent].session
        var session = sessions[position]
        guard session.status == .complete else {
            throw APIFailure(422, "checkout_session_not_complete",
                             "checkout session \(session.id.id(.session)) of \(intentID) is \(session.status.rawValue); only complete sessions can be refunded")
        }
        let left = min(paymentIntents[intent].refundable, try refundableAmount(session, session.id.id(.session)))
        guard left > 0 else {
            let disputed = paymentIntents[intent].amountDisputed > 0
            throw APIFailure(422, disputed ? "charge_disputed" : "already_refunded",
                             "payment intent \(intentID) has nothing left to refund" + (disputed ? ": the rest is disputed" : ""))
        }
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
        let position = try refunds.position(of: id)
        let body = try BodyReader.wrapped(request.body, "refund")
        var refund = refunds[position]
        if let reason = try body.choice("reason", ["duplicate", "fraudulent", "requested_by_customer"]) { refund.reason = reason }
        if body.has("metadata") { refund.metadata = try body.metadata() }
        return updateAndAnswer(refund, at: position, in: \.refunds)
    }

    func listRefunds(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        var intent: Int?
        if let id = request.queryValue("payment_intent") { intent = try paymentIntents.position(of: id) }
        if let status = request.queryValue("status"), !["pending", "requires_action", "succeeded", "failed", "canceled"].contains(status) {
            throw .invalid("status must be one of pending, requires_action, succeeded, failed, canceled")
        }
        // Only pending, succeeded and failed ever occur; the other documented statuses match nothing.
        let status = request.queryValue("status")
        return try list(\.refunds, request) { refund in
            (status == nil || refund.status.rawValue == status) && (intent == nil || refund.paymentIntent == intent)
        }
    }

    func render(_ refund: Refund) -> JSON {
        object([
            "refund_id": .string(refund.id.id(.refund)),
            "payment_intent_id": .string(paymentIntents[refund.paymentIntent].id.id(.paymentIntent)),
            "checkout_session_id": .string(sessions[refund.session].id.id(.session)),
            "amount": .integer(refund.amount),
            "created_at": .string(Clock.iso(refund.created)),
            "status": .string(refund.status.rawValue),
            "reason": .string(refund.reason),
            "failure_reason": refund.failureReason.json,
            "metadata": refund.metadata ?? .object(JSONObject()),
            "reference_id": refund.referenceID.json,
            "reference_type": "acquirer_reference_number",
            "reference_status": .string(refund.referenceStatus),
            "test_mode": true,
        ])
    }
}

extension Refund {
    /// docs/flex-api.md §2.6: the reference number is "filled later": pending while the refund is,
    /// available once it succeeded, unavailable when it failed (there is none).
    var referenceStatus: String {
        switch status {
        case .pending: "pending"
        case .succeeded: "available"
        case .failed: "unavailable"
        }
    }
}

extension State {
    /// How long a refund stays `pending` on the virtual clock. Long enough that the one-second tick
    /// of ordinary requests never settles a refund inside a script (that takes 3,600 writes); short
    /// enough that `clock advance 1h` is a natural step in a story. Flex documents the pending →
    /// succeeded/failed states but no delay (docs/flex-api.md §3.6).
    static let refundSettlement = 3600
    static let refundFailureReasons = ["expired_or_canceled_card", "lost_or_stolen_card", "unknown"]

    /// The oldest pending refund; refunds settled early by `/_sim/refunds/{id}/settle` are skipped.
    mutating func nextPendingRefund() -> Int? {
        let refunds = self.refunds
        return refundQueue.first { refunds[$0].status == .pending }
    }

    /// The settle time of the oldest pending refund.
    mutating func nextRefundSettlement() -> Int? { nextPendingRefund().map { refunds[$0].settles } }

    /// Settles the refund `nextRefundSettlement` named, at its own settle time.
    mutating func settleNextRefund() {
        guard let position = nextPendingRefund() else { return }
        let refund = refunds[position]
        settle(position, failed: refund.willFail, reason: refund.willFail ? "expired_or_canceled_card" : nil, at: refund.settles)
    }

    /// pending → succeeded (reference number available) or failed (the money goes back to what the
    /// session, the payment intent and the line items have left to refund).
    mutating func settle(_ position: Int, failed: Bool, reason: String?, at time: Int) {
        var refund = refunds[position]
        refund.settled = time
        if failed {
            refund.status = .failed
            refund.failureReason = reason ?? "unknown"
            paymentIntents[refund.paymentIntent].amountRefunded -= refund.amount
            sessions[refund.session].amountRefunded -= refund.amount
            for line in refund.lines {
                sessions[refund.session].lineItems[line.item].refunded -= line.amount
                sessions[refund.session].lineItems[line.item].discountReturned -= line.discount
            }
            sessions[refund.session].shippingRefunded -= refund.shipping
            sessions[refund.session].taxRefunded -= refund.tax
        } else {
            refund.status = .succeeded
            refund.referenceID = State.acquirerReference(refund.id)
        }
        refunds[position] = refund
        events.append(Event(id: newID(), type: .refundUpdated, dt: time, object: .refund(refund)))
        events.append(Event(id: newID(), type: .chargeRefundUpdated, dt: time, object: .refund(refund)))
    }

    /// A 23-digit acquirer reference number derived from the refund's ID, so it is reproducible.
    static func acquirerReference(_ id: ULID) -> String {
        let low = String(id.low % 10_000_000_000_000_000_000)
        let high = String(id.high % 100)
        return "74" + String(repeating: "0", count: 2 - high.count) + high + String(repeating: "0", count: 19 - low.count) + low
    }

    /// `POST /_sim/refunds/{id}/settle` `{"refund": {"status"?: "succeeded"|"failed", "failure_reason"?}}`:
    /// settles a pending refund now instead of waiting for the clock. Without a status the card
    /// decides, as it would at settlement (4000 0000 0000 5126 fails).
    mutating func settleRefund(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try refunds.position(of: id)
        let body = try BodyReader.optionalWrapped(request.body, "refund")
        let status = try body.choice("status", ["succeeded", "failed"])
        let reason = try body.choice("failure_reason", State.refundFailureReasons)
        let refund = refunds[position]
        guard refund.status == .pending else {
            throw APIFailure(422, "refund_not_pending", "refund \(id) is already \(refund.status.rawValue); only pending refunds settle")
        }
        if reason != nil && status != "failed" && !(status == nil && refund.willFail) {
            throw .invalid("refund.failure_reason is only for a refund that fails (give refund.status \"failed\")")
        }
        let failed = status.map { $0 == "failed" } ?? refund.willFail
        let time = tick()
        settle(position, failed: failed, reason: reason ?? (refund.willFail ? "expired_or_canceled_card" : nil), at: time)
        return ok("refund", render(refunds[position]))
    }
}
