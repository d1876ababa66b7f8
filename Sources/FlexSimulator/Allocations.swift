// The read-only previews `…/refund_allocation` and `…/capture_allocation` (docs/flex-api.md §2.1, §2.6,
// §3.5): how a refund or capture would split across the session's cards, changing nothing.
import FlexAPI

/// One card's share of a refund or capture: a slot of `session.paymentIntents` and its amount.
struct Allocation {
    var slot: Int
    var amount: Int
}

extension State {
    /// `POST /v1/checkout/sessions/{id}/refund_allocation` `{"checkout_session": {amount | line_items,
    /// payment_methods?}}` → `{"allocations": [{payment_method_id, last4, amount}]}`.
    func previewRefundAllocation(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let (position, body, amount, items) = try refundRequest(id, request)
        let session = sessions[position]
        let remaining = try refundableAmount(session, id)
        let left = session.paymentIntents.map { paymentIntents[$0].refundable }
        let pins = try readPins(body, session, left: left, code: "refund_amount_too_large")

        // The same reading, caps and per-card attribution as the refund itself (Refunds.swift).
        let portions = try readRefundPortions(body, session, amount: amount, hasLines: items != nil)
        var total: Int?
        var natural = [Int](repeating: 0, count: left.count)
        if let items {
            let lines = try readRefundLines(items, session, id, discount: portions.discount)
            for line in lines { natural[line.slot] += line.amount }
            // The portions that belong to no line go primary first, as the refund takes them.
            var lump = portions.shipping + portions.tax
            for slot in natural.indices where lump > 0 {
                let take = min(lump, left[slot] - natural[slot])
                if take > 0 { natural[slot] += take; lump -= take }
            }
            total = lines.reduce(portions.shipping + portions.tax) { $0 + $1.amount }
        } else if portions.shipping + portions.tax > 0 {
            total = portions.shipping + portions.tax
        } else if let amount {
            guard amount >= 1 else { throw .invalid("checkout_session.amount must be an integer >= 1, not \(amount)") }
            total = amount
        } else if pins == nil {
            total = remaining
        }
        let wanted = total ?? pins?.reduce(0) { $0 + $1.amount } ?? 0
        guard wanted <= remaining else {
            throw APIFailure(422, "refund_amount_too_large", "the refund of \(wanted) is more than the \(remaining) left to refund")
        }
        let shares = try allocate(wanted, left: left, pins: pins, natural: items != nil && pins == nil ? natural : nil,
                                  code: "refund_amount_too_large", verb: "refund")
        return allocationsResponse(session, shares)
    }

    /// `POST /v1/checkout/sessions/{id}/capture_allocation`: the capture body (docs/flex-api.md §2.1) plus
    /// `payment_methods`; answers what `…/capture` would take from each card.
    func previewCaptureAllocation(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let session = sessions[try sessions.position(of: id)]
        try requireAuthorized(session, "capture")
        let body = try BodyReader.optionalWrapped(request.body, "checkout_session")
        _ = try body.bool("final_capture")
        let left = session.paymentIntents.map { paymentIntents[$0].amountCapturable }
        let capturable = left.reduce(0, +)
        let pins = try readPins(body, session, left: left, code: "capture_amount_too_large")
        // The same reading and checks of the amount as the capture itself (Captures.swift).
        let wanted = try requestedCaptureAmount(body, session, id) ?? pins?.reduce(0) { $0 + $1.amount } ?? capturable
        try checkCaptureAmount(wanted, capturable: capturable, session, id)
        let shares = try allocate(wanted, left: left, pins: pins, natural: nil, code: "capture_amount_too_large", verb: "capture")
        return allocationsResponse(session, shares)
    }

    /// `line_items[i]` of an action body: the reader and the session's line items it names (by
    /// `price` or `product`), so previews match exactly what refund and capture match.
    func lineItemMatches(_ element: JSON, _ name: String, _ session: CheckoutSession, _ id: String) throws(APIFailure) -> (BodyReader, [Int]) {
        guard case .object(let fields) = element else { throw .invalid("\(name) must be an object") }
        let reader = BodyReader(fields, path: name)
        let priceID = try reader.string("price")
        let productID = try reader.string("product")
        guard priceID != nil || productID != nil else {
            throw APIFailure(400, "line_item_not_found", "\(name) needs a price or a product")
        }
        let named = session.lineItems.indices.filter { matches(session.lineItems[$0], price: priceID, product: productID) }
        return (reader, named)
    }

    /// `payment_methods: [{payment_method_id, amount}]` (docs/flex-api.md §2.6): amounts pinned per card.
    /// Each must be a card of this session, named once, with 1 ≤ amount ≤ what that card has left.
    func readPins(_ body: BodyReader, _ session: CheckoutSession, left: [Int], code: String) throws(APIFailure) -> [Allocation]? {
        guard let elements = try body.array("payment_methods") else { return nil }
        guard !elements.isEmpty else { throw .invalid("checkout_session.payment_methods must not be empty (leave it out for the default split)") }
        var pins: [Allocation] = []
        for (index, element) in elements.enumerated() {
            let name = "checkout_session.payment_methods[\(index)]"
            guard case .object(let fields) = element else { throw .invalid("\(name) must be an object") }
            let reader = BodyReader(fields, path: name)
            let methodID = try reader.requiredString("payment_method_id")
            guard let amount = try reader.integer("amount") else { throw .invalid("\(name).amount is required") }
            guard amount >= 1 else { throw .invalid("\(name).amount must be an integer >= 1, not \(amount)") }
            guard let slot = session.paymentIntents.firstIndex(where: {
                paymentMethods[paymentIntents[$0].paymentMethod].id.id(.paymentMethod) == methodID
                    || paymentMethods[paymentIntents[$0].paymentMethod].id.id(.paymentMethod) == methodID.uppercasedULID()
            }) else {
                throw APIFailure(400, "payment_method_not_in_session",
                                 "\(name).payment_method_id \(methodID) did not pay checkout session \(session.id.id(.session))")
            }
            guard !pins.contains(where: { $0.slot == slot }) else { throw .invalid("\(name): \(methodID) is named twice") }
            guard amount <= left[slot] else {
                throw APIFailure(422, code, "\(name).amount \(amount) is more than the \(left[slot]) left on \(methodID)")
            }
            pins.append(Allocation(slot: slot, amount: amount))
        }
        return pins
    }

    /// Splits `total` over the cards: pinned cards get their pins, the rest goes to the other cards
    /// primary first (refund and capture both take from the HSA/FSA card first). `natural` is a
    /// per-card split already decided by line items.
    func allocate(_ total: Int, left: [Int], pins: [Allocation]?, natural: [Int]?, code: String, verb: String) throws(APIFailure) -> [Int] {
        if let natural {
            for slot in natural.indices where natural[slot] > left[slot] {
                throw APIFailure(422, code, "the line items take \(natural[slot]) from a card that has \(left[slot]) left to \(verb)")
            }
            return natural
        }
        var shares = [Int](repeating: 0, count: left.count)
        var rest = total
        for pin in pins ?? [] {
            shares[pin.slot] = pin.amount
            rest -= pin.amount
        }
        guard rest >= 0 else {
            throw .invalid("checkout_session.payment_methods pin \(total - rest) in all, more than the \(total) to \(verb)")
        }
        for slot in left.indices where rest > 0 && !(pins ?? []).contains(where: { $0.slot == slot }) {
            let take = min(rest, left[slot])
            shares[slot] = take
            rest -= take
        }
        guard rest == 0 else {
            throw APIFailure(422, code, "the pinned cards leave \(rest) of the \(total) to \(verb) that no other card of the session can take")
        }
        return shares
    }

    /// Every card of the session in payment order (primary first), so a split cart always shows
    /// both cards, even one whose share is 0.
    func allocationsResponse(_ session: CheckoutSession, _ shares: [Int]) -> APIResponse {
        let rows: [JSON] = session.paymentIntents.indices.map { slot in
            let method = paymentMethods[paymentIntents[session.paymentIntents[slot]].paymentMethod]
            return object([
                "payment_method_id": .string(method.id.id(.paymentMethod)),
                "last4": .string(method.card.last4),
                "amount": .integer(shares[slot]),
            ])
        }
        return ok("allocations", .array(rows))
    }
}

extension String {
    /// `fpm_01abc…` → `fpm_01ABC…`: IDs are accepted in either case (docs/flex-api.md §1.3).
    func uppercasedULID() -> String {
        guard let underscore = firstIndex(of: "_") else { return self }
        return String(self[...underscore]) + self[index(after: underscore)...].uppercased()
    }
}
