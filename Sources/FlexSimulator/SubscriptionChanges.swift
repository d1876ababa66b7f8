// Changing a subscription's items with PATCH (docs/flex-api.md §2.8 documents the update, not its body):
// Stripe's shape `items: [{id, quantity?, price? | price_data?, deleted?} | {price | price_data, quantity?}]`
// and `proration_behavior` `always_invoice` (Flex's example value) or `none`.
import FlexAPI

/// What a PATCH's `items` would make of a subscription, checked but not applied yet.
struct SubscriptionItemChange {
    /// The new item list; added items carry no ID until the change is applied.
    var items: [SubscriptionItem]
    /// Σ unit_amount × quantity of the new list: what the next periods cost.
    var amount: Int
    /// Per item that costs more than before: the rest of the current period's share of the
    /// difference, charged now (always_invoice on an active subscription).
    var increases: [LineItem]
    /// The same for items that cost less (or are gone): given back now.
    var credit: Int
}

extension State {
    static let prorationBehaviors = ["always_invoice", "none"]

    /// Reads `items` against `subscription` and checks the resulting list with the rules a new
    /// subscription gets (recurring prices, one interval, the same interval as now, LMN products,
    /// letters on an HSA/FSA card). Stores inline prices: the caller runs inside `withInlinePrices`.
    mutating func readItemChange(_ subscription: Subscription, _ body: BodyReader, prorate: Bool) throws(APIFailure) -> SubscriptionItemChange {
        guard let elements = try body.array("items"), !elements.isEmpty else {
            throw .invalid("subscription.items must list at least one change: {\"id\": \"fsubi_…\", \"quantity\": 2}, {\"id\": …, \"deleted\": true} or {\"price\": \"fprice_…\"}")
        }
        var items = subscription.items
        var named = Set<ULID>()
        for (index, element) in elements.enumerated() {
            let name = "subscription.items[\(index)]"
            guard case .object(let fields) = element else { throw .invalid("\(name) must be an object") }
            let reader = BodyReader(fields, path: name)
            guard let itemID = try reader.string("id") else {
                if try reader.bool("deleted") == true { throw .invalid("\(name).deleted needs the id of the item to delete") }
                let price = try readItemPrice(reader)
                let quantity = try readQuantity(reader, name, required: false)
                items.append(SubscriptionItem(id: ULID(high: 0, low: 0), price: price, quantity: quantity, created: 0, updated: 0))
                continue
            }
            guard let ulid = ULID.parse(itemID, as: .subscriptionItem), let slot = items.firstIndex(where: { $0.id == ulid }) else {
                throw APIFailure(400, "subscription_item_not_found", "\(name).id \(itemID) is not an item of subscription \(subscription.id.id(.subscription))")
            }
            guard named.insert(ulid).inserted else { throw .invalid("\(name).id \(itemID) is changed twice; give one entry per item") }
            if try reader.bool("deleted") == true {
                guard !reader.has("quantity"), !reader.has("price"), !reader.has("price_data") else {
                    throw .invalid("\(name) deletes the item; it cannot also change its quantity or price")
                }
                items.remove(at: slot)
                continue
            }
            if reader.has("price") || reader.has("price_data") { items[slot].price = try readItemPrice(reader) }
            if reader.has("quantity") { items[slot].quantity = try readQuantity(reader, name, required: true) }
        }
        guard !items.isEmpty else {
            throw .invalid("subscription.items would leave the subscription with no items; cancel it instead (DELETE /v1/subscriptions/{id})")
        }
        let lines = items.map(lineItem)
        let terms = try subscriptionTerms(lines, field: "subscription.items")
        guard terms.interval == subscription.interval, terms.count == subscription.intervalCount else {
            throw APIFailure(400, "recurring_interval_mismatch",
                             "the new items bill every \(terms.count) \(terms.interval), but subscription \(subscription.id.id(.subscription)) bills every \(subscription.intervalCount) \(subscription.interval); cancel it and create a new one")
        }
        var amount = 0
        for line in lines {
            let (sum, overflow) = amount.addingReportingOverflow(line.amount)
            guard !overflow, sum <= State.maximumAmount else {
                throw APIFailure(400, "amount_too_large", "subscription.items: one period would cost more than the maximum of \(State.maximumAmount) cents")
            }
            amount = sum
        }
        // Renewals charge the default card off-session: on an HSA/FSA card every LMN product
        // needs a valid letter (docs/flex-api.md §3.3), so a change that renewals would fail on is refused now.
        if let customer = subscription.customer, let method = subscription.defaultPaymentMethod, paymentMethods[method].kind.isBenefitCard {
            try requireLetters(lines, customer: customer)
        }
        var change = SubscriptionItemChange(items: items, amount: amount, increases: [], credit: 0)
        if prorate { prorations(subscription, into: &change) }
        return change
    }

    /// A subscription item as a line item of one period (overflow was checked when it was read).
    func lineItem(_ item: SubscriptionItem) -> LineItem {
        let price = prices[item.price]
        let (amount, overflow) = price.unitAmount.multipliedReportingOverflow(by: item.quantity)
        return LineItem(id: ULID(high: 0, low: 0), price: item.price, product: price.product, quantity: item.quantity,
                        amount: overflow ? Int.max : amount, eligibility: products[price.product].eligibility)
    }

    /// Splits the change in each item's period cost into what is charged and what is given back
    /// for the rest of the current period, each prorated by the seconds left of it.
    func prorations(_ subscription: Subscription, into change: inout SubscriptionItemChange) {
        guard let start = subscription.currentPeriodStart, let end = subscription.currentPeriodEnd else { return }
        let time = requestTime
        guard end > time, end > start else { return }
        func prorated(_ amount: Int) -> Int { State.prorate(amount, remaining: end - time, of: end - start) }
        for item in change.items {
            let old = subscription.items.first { $0.id == item.id && item.id != ULID(high: 0, low: 0) }
            let before = old.map { lineItem($0).amount } ?? 0
            var line = lineItem(item)
            if line.amount > before {
                line.amount = prorated(line.amount - before)
                if line.amount > 0 { change.increases.append(line) }
            } else {
                change.credit += prorated(before - line.amount)
            }
        }
        for old in subscription.items where !change.items.contains(where: { $0.id == old.id }) {
            change.credit += prorated(lineItem(old).amount)
        }
    }

    /// `amount × remaining / length`, rounded half up, without overflow: amounts are at most
    /// $999,999.99 and periods at most the clock's range, whose product can pass 2^63.
    static func prorate(_ amount: Int, remaining: Int, of length: Int) -> Int {
        precondition(amount >= 0 && remaining >= 0 && length > 0 && remaining <= length)
        let product = UInt(amount).multipliedFullWidth(by: UInt(remaining) * 2)
        let doubledLength = UInt(length) * 2
        let (sum, carry) = product.low.addingReportingOverflow(UInt(length))
        let (quotient, _) = doubledLength.dividingFullWidth((product.high + (carry ? 1 : 0), sum))
        return Int(quotient)
    }

    /// Applies a checked change at `time`: the new items (added ones get IDs), the prorated
    /// increase invoiced and charged on the default card, the prorated decrease refunded from
    /// this period's payments.
    mutating func applyItemChange(_ change: SubscriptionItemChange, to position: Int, at time: Int) {
        var items = change.items
        for index in items.indices {
            if items[index].id == ULID(high: 0, low: 0) {
                items[index].id = newID()
                items[index].created = time
                items[index].updated = time
            } else if let old = subscriptions[position].items.first(where: { $0.id == items[index].id }),
                      old.price != items[index].price || old.quantity != items[index].quantity {
                items[index].updated = time
            }
        }
        subscriptions[position].items = items
        subscriptions[position].amount = change.amount
        let charge = change.increases.reduce(0) { $0 + $1.amount }
        if charge > 0, let customer = subscriptions[position].customer {
            let invoice = openInvoice(position, customer: customer, amount: charge, reason: "subscription_update",
                                      periodStart: time, periodEnd: subscriptions[position].currentPeriodEnd ?? time, at: time)
            recordBillingPayment(position, invoice: invoice, items: change.increases, amount: charge, at: time)
        }
        if change.credit > 0 { refundPeriodPayments(position, upTo: change.credit, at: time) }
    }

    /// Gives back up to `credit` from the current period's paid invoices, newest first, as refunds
    /// (Flex has no customer balance to hold a credit; docs/flex-api.md §2.8 has none).
    mutating func refundPeriodPayments(_ position: Int, upTo credit: Int, at time: Int) {
        let periodStart = subscriptions[position].currentPeriodStart ?? 0
        var left = credit
        for invoice in invoices.objects.indices.reversed() where left > 0 {
            let paid = invoices[invoice]
            guard paid.subscription == position, paid.status == .paid, paid.periodStart >= periodStart,
                  let sessionPosition = paid.session else { continue }
            var session = sessions[sessionPosition]
            for intent in session.paymentIntents where left > 0 {
                let take = min(left, paymentIntents[intent].refundable)
                guard take > 0 else { continue }
                makeRefund(&session, sessionPosition, intent: intent, amount: take, reason: "requested_by_customer", metadata: nil, at: time)
                left -= take
            }
            sessions[sessionPosition] = session
        }
    }
}
