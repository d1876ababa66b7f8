// Subscriptions (docs/flex-api.md §2.8): made by `mode: "subscription"` checkouts or `POST /v1/subscriptions`,
// read, updated, canceled at period end, and renewed on the virtual clock.
import FlexAPI

enum SubscriptionStatus: String, CaseIterable {
    case incomplete
    case incompleteExpired = "incomplete_expired"
    case trialing, active
    case pastDue = "past_due"
    case canceled, unpaid, paused

    /// Counted against the 500-per-customer limit ("active or scheduled", docs/flex-api.md §2.8).
    var isLive: Bool { self != .canceled && self != .incompleteExpired }
    /// Charged at the end of each period.
    var renews: Bool { self == .trialing || self == .active || self == .pastDue }
}

struct SubscriptionItem {
    var id: ULID
    var price: Int
    var quantity: Int
    var created: Int
    /// When its price or quantity last changed (SubscriptionChanges.swift).
    var updated: Int
}

struct Subscription {
    var id: ULID
    var customer: Int?
    var items: [SubscriptionItem]
    var status: SubscriptionStatus
    /// What one period costs: Σ unit_amount × quantity (checked against the maximum when made).
    var amount: Int
    var interval: String
    var intervalCount: Int
    /// Trial days still to give when the first payment happens (checkout) — 0 for none.
    var trialDays: Int
    var defaultPaymentMethod: Int?
    var cancelAtPeriodEnd = false
    /// How an item change bills the rest of the period: `always_invoice` (Flex's example value) or `none`.
    var prorationBehavior = "always_invoice"
    var currentPeriodStart: Int?
    var currentPeriodEnd: Int?
    /// Day of month (and time) billing is anchored to, so Jan 31 → Feb 28 → Mar 31 does not drift.
    var anchor: Int?
    var trialStart: Int?
    var trialEnd: Int?
    var canceledAt: Int?
    var metadata: JSON?
    /// The checkout session that started it (nil when made through the API).
    var session: Int?
    /// The invoice of the latest charge (Invoices.swift); nil before the first one.
    var latestInvoice: Int? = nil
    var created: Int
    var updated: Int
}

extension State {
    /// docs/flex-api.md §2.8: at most 500 active or scheduled subscriptions per customer.
    static let subscriptionLimit = 500
    static let subscriptionStatuses = SubscriptionStatus.allCases.map(\.rawValue)

    // MARK: rules shared by checkout and the API

    /// The recurring terms of a cart: every price recurring, one interval, LMN products only
    /// (docs/flex-api.md §2.8), each violation naming its line item.
    func subscriptionTerms(_ items: [LineItem], field: String) throws(APIFailure) -> (interval: String, count: Int, trialDays: Int) {
        var terms: (interval: String, count: Int)?
        var trial = 0
        for (index, item) in items.enumerated() {
            let name = "\(field)[\(index)]"
            guard let pricePosition = item.price else { throw .invalid("\(name).price is required in a subscription") }
            let price = prices[pricePosition]
            let product = products[price.product]
            guard let recurring = price.recurring else {
                throw APIFailure(400, "price_not_recurring",
                                 "\(name).price \(price.id.id(.price)) is a one-time price; a subscription needs recurring prices")
            }
            if let terms, terms != (recurring.interval, recurring.intervalCount) {
                throw APIFailure(400, "recurring_interval_mismatch",
                                 "\(name).price \(price.id.id(.price)) bills every \(recurring.intervalCount) \(recurring.interval), but \(field)[0] every \(terms.count) \(terms.interval); one subscription has one billing interval")
            }
            terms = (recurring.interval, recurring.intervalCount)
            guard item.eligibility.needsLetter else {
                throw APIFailure(422, "product_not_lmn_eligible",
                                 "\(name): \(product.name) (\(product.id.id(.product))) is \(item.eligibility.rawValue); subscriptions are only for letter_of_medical_necessity products")
            }
            trial = max(trial, recurring.trialPeriodDays ?? price.trialPeriodDays ?? 0)
        }
        guard let terms else { throw .invalid("\(field) is required") }
        return (terms.interval, terms.count, trial)
    }

    func requireSubscriptionRoom(_ customer: Int) throws(APIFailure) {
        let live = subscriptions.objects.reduce(0) { $0 + ($1.customer == customer && $1.status.isLive ? 1 : 0) }
        guard live < State.subscriptionLimit else {
            throw APIFailure(422, "subscription_limit_reached",
                             "customer \(customers[customer].id.id(.customer)) already has \(State.subscriptionLimit) active or scheduled subscriptions")
        }
    }

    /// The end of a period that starts at `start`, on the calendar for months and years.
    static func periodEnd(from start: Int, anchor: Int, interval: String, count: Int) -> Int {
        switch interval {
        case "daily": return min(start + count * 86_400, Clock.latest)
        case "weekly": return min(start + count * 7 * 86_400, Clock.latest)
        default:
            let months = interval == "yearly" ? 12 * count : count
            let (year, month, _) = Clock.civil(fromDays: start / 86_400)
            let (_, _, anchorDay) = Clock.civil(fromDays: anchor / 86_400)
            let total = year * 12 + (month - 1) + months
            let (newYear, newMonth) = (total / 12, total % 12 + 1)
            guard newYear <= 9999 else { return Clock.latest }
            let day = min(anchorDay, Clock.daysIn(newMonth, newYear))
            return Clock.days(fromCivil: newYear, newMonth, day) * 86_400 + anchor % 86_400
        }
    }

    /// Starts the first period at `time`: trialing for `trialDays`, else active (just paid).
    mutating func startPeriods(_ subscription: inout Subscription, at time: Int) {
        subscription.anchor = time
        subscription.currentPeriodStart = time
        if subscription.trialDays > 0 {
            subscription.status = .trialing
            subscription.trialStart = time
            subscription.trialEnd = min(time + subscription.trialDays * 86_400, Clock.latest)
            subscription.currentPeriodEnd = subscription.trialEnd
            // Later periods are anchored to the end of the trial, as the first charge is.
            subscription.anchor = subscription.trialEnd
        } else {
            subscription.status = .active
            subscription.currentPeriodEnd = State.periodEnd(from: time, anchor: time, interval: subscription.interval,
                                                            count: subscription.intervalCount)
        }
        subscription.updated = time
    }

    // MARK: checkout (mode subscription)

    /// A subscription session's subscription, made `incomplete` with the session (docs/flex-api.md §2.8:
    /// "new subscriptions start incomplete"); the first payment makes it active or trialing.
    mutating func createIncompleteSubscription(session: Int, items: [LineItem], terms: (interval: String, count: Int, trialDays: Int),
                                               amount: Int, metadata: JSON?, at time: Int) -> Int {
        let subscription = Subscription(
            id: newID(), customer: sessions[session].customer,
            items: items.map { SubscriptionItem(id: newID(), price: $0.price ?? 0, quantity: $0.quantity, created: time, updated: time) },
            status: .incomplete, amount: amount, interval: terms.interval, intervalCount: terms.count,
            trialDays: terms.trialDays, metadata: metadata, session: session, created: time, updated: time)
        let position = subscriptions.insert(subscription, id: subscription.id)
        emit(.subscriptionCreated, .subscription(subscription))
        return position
    }

    /// The shopper paid (or, with a trial, saved the card for) a subscription session.
    mutating func activateSubscription(_ position: Int, customer: Int, paymentMethod: Int, at time: Int) {
        var subscription = subscriptions[position]
        subscription.customer = customer
        subscription.defaultPaymentMethod = paymentMethod
        startPeriods(&subscription, at: time)
        subscriptions[position] = subscription
        renewing.append(position)
        emit(.subscriptionUpdated, .subscription(subscription))
    }

    /// The session of an incomplete subscription expired unpaid: so does the subscription.
    mutating func expireSubscription(_ position: Int, at time: Int) {
        guard subscriptions[position].status == .incomplete else { return }
        subscriptions[position].status = .incompleteExpired
        subscriptions[position].updated = time
        events.append(Event(id: newID(), type: .subscriptionUpdated, dt: time, object: .subscription(subscriptions[position])))
    }

    // MARK: renewal on the virtual clock

    /// The earliest period end among renewing subscriptions (few per run, so a scan is enough).
    mutating func nextRenewal() -> Int? {
        guard !renewing.isEmpty else { return nil }
        renewing.removeAll { !subscriptions[$0].status.renews }
        var earliest: Int?
        for position in renewing {
            if let end = subscriptions[position].currentPeriodEnd, end < (earliest ?? .max) { earliest = end }
        }
        return earliest
    }

    /// Ends the due period of the subscription `nextRenewal` found: cancels it when asked to,
    /// else charges the default payment method off-session for the next period. The clock is set
    /// back to the period end meanwhile, so IDs, `created_at`s and `event_dt`s carry that time.
    mutating func renewNext() {
        guard let position = renewing.min(by: { (subscriptions[$0].currentPeriodEnd ?? .max) < (subscriptions[$1].currentPeriodEnd ?? .max) }),
              let time = subscriptions[position].currentPeriodEnd else { return }
        let present = now
        now = time
        defer { now = present }
        var subscription = subscriptions[position]
        if subscription.cancelAtPeriodEnd {
            subscription.status = .canceled
            subscription.canceledAt = time
            subscription.updated = time
            subscriptions[position] = subscription
            emit(.subscriptionDeleted, .subscription(subscription))
            return
        }
        let paid = chargeSubscription(position, at: time)
        subscription = subscriptions[position]
        subscription.currentPeriodStart = time
        subscription.currentPeriodEnd = State.periodEnd(from: time, anchor: subscription.anchor ?? time,
                                                        interval: subscription.interval, count: subscription.intervalCount)
        if paid {
            subscription.status = .active
        } else {
            // One failed period makes it past_due; a second in a row stops the charges (Stripe's
            // default after its retries: unpaid).
            subscription.status = subscription.status == .pastDue ? .unpaid : .pastDue
        }
        subscription.updated = time
        subscriptions[position] = subscription
        emit(.subscriptionUpdated, .subscription(subscription))
    }

    /// Charges one period off-session; false when the charge failed: a decline, or an HSA/FSA card
    /// whose letter of medical necessity is missing or expired (docs/flex-api.md §3.2, §3.3).
    mutating func chargeSubscription(_ position: Int, at time: Int) -> Bool {
        let subscription = subscriptions[position]
        guard let customer = subscription.customer, let method = subscription.defaultPaymentMethod else { return false }
        // The invoice is for the period this charge starts; a failed charge leaves it open.
        let end = State.periodEnd(from: time, anchor: subscription.anchor ?? time, interval: subscription.interval,
                                  count: subscription.intervalCount)
        let invoice = openInvoice(position, customer: customer, amount: subscription.amount, reason: "subscription_cycle",
                                  periodStart: time, periodEnd: end, at: time)
        let paymentMethod = paymentMethods[method]
        if paymentMethod.kind.isBenefitCard,
           letterProducts(periodItems(subscription), customer: customer).contains(where: { $0.state != .valid }) {
            failInvoice(invoice)
            return false
        }
        if chargeDeclineCode(paymentMethod.card, offSession: true) != nil {
            failInvoice(invoice)
            return false
        }
        recordPeriodPayment(position, invoice: invoice, at: time)
        return true
    }

    /// One period's items as line items (IDs assigned by the caller when they are kept).
    func periodItems(_ subscription: Subscription) -> [LineItem] { subscription.items.map(lineItem) }

    /// A period paid: recorded as a complete checkout session of the subscription (mode
    /// subscription, no shopper, so no redirect_url and no checkout.session.completed), which the
    /// `subscription` list filter finds (docs/flex-api.md §2.1) and which refunds like any session.
    mutating func recordPeriodPayment(_ position: Int, invoice: Int, at time: Int) {
        recordBillingPayment(position, invoice: invoice, items: periodItems(subscriptions[position]),
                             amount: subscriptions[position].amount, at: time)
    }

    /// A charge of the subscription's default card for `items` (Σ `amount`), recorded as a billing
    /// session that pays `invoice`: a period, or the prorated part of an item change.
    mutating func recordBillingPayment(_ position: Int, invoice: Int, items: [LineItem], amount: Int, at time: Int) {
        let subscription = subscriptions[position]
        guard let customer = subscription.customer, let method = subscription.defaultPaymentMethod else { return }
        var items = items
        for index in items.indices { items[index].id = newID() }
        var session = CheckoutSession(
            id: newID(), status: .open, mode: .subscription, captureMethod: .automatic, lineItems: items,
            amountSubtotal: amount, amountTotal: amount, eligibleAmount: amount,
            customer: customer,
            info: SessionInfo(setupFutureUse: nil, successURL: nil, cancelURL: nil, clientReferenceID: nil, defaults: nil, metadata: nil),
            created: time, expires: time + State.sessionLifetime)
        session.subscription = position
        session.isBillingRecord = true
        let sessionPosition = sessions.insert(session, id: session.id)
        session.paymentIntents = [createPaymentIntent(session: sessionPosition, customer: customer, paymentMethod: method,
                                                      amount: amount, capture: .automatic, role: "primary", at: time)]
        finishPayment(&session, at: time, announce: false)
        sessions[sessionPosition] = session
        payInvoice(invoice, session: sessionPosition, at: time)
    }

    // MARK: /v1/subscriptions

    /// `POST /v1/subscriptions` `{"subscription": {customer, items: [{price, quantity?}],
    /// default_payment_method, trial_period_days?, cancel_at_period_end?, metadata?}}`: a subscription
    /// on a customer's saved card, charged at once (or trialing). A declined first charge stores nothing
    /// (402, like an off-session checkout).
    mutating func createSubscription(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "subscription")
        guard let customerID = try body.string("customer") else {
            throw APIFailure(400, "customer_required", "subscription.customer is required")
        }
        let (items, amount) = try readLineItems(body, key: "items", quantityRequired: false)
        let terms = try subscriptionTerms(items, field: "subscription.items")
        guard let methodID = try body.string("default_payment_method") else {
            throw APIFailure(400, "payment_method_required", "subscription.default_payment_method is required (a saved card of the customer)")
        }
        let trialOverride = try body.integer("trial_period_days")
        if let trialOverride, trialOverride < 0 { throw .invalid("subscription.trial_period_days must be >= 0, not \(trialOverride)") }
        let cancelAtPeriodEnd = try body.bool("cancel_at_period_end") ?? false
        let prorationBehavior = try body.choice("proration_behavior", State.prorationBehaviors) ?? "always_invoice"
        let metadata = try body.metadata()
        let customer = try customerPosition(customerID)
        let method = try savedPaymentMethod(methodID, of: customer, field: "subscription.default_payment_method")
        if paymentMethods[method].kind.isBenefitCard {
            try requireLetters(items, customer: customer)
        }
        try requireSubscriptionRoom(customer)
        let trialDays = trialOverride ?? terms.trialDays
        if trialDays == 0, let code = chargeDeclineCode(paymentMethods[method].card, offSession: true) {
            throw declined(paymentMethods[method].card, code)
        }

        let time = tick()
        var subscription = Subscription(
            id: newID(), customer: customer,
            items: items.map { SubscriptionItem(id: newID(), price: $0.price ?? 0, quantity: $0.quantity, created: time, updated: time) },
            status: .incomplete, amount: amount, interval: terms.interval, intervalCount: terms.count,
            trialDays: trialDays, defaultPaymentMethod: method, cancelAtPeriodEnd: cancelAtPeriodEnd,
            metadata: metadata, created: time, updated: time)
        subscription.prorationBehavior = prorationBehavior
        startPeriods(&subscription, at: time)
        let position = subscriptions.insert(subscription, id: subscription.id)
        renewing.append(position)
        emit(.subscriptionCreated, .subscription(subscription))
        if trialDays == 0 {
            let invoice = openInvoice(position, customer: customer, amount: amount, reason: "subscription_create",
                                      periodStart: time, periodEnd: subscriptions[position].currentPeriodEnd ?? time, at: time)
            recordPeriodPayment(position, invoice: invoice, at: time)
        }
        return ok("subscription", render(subscriptions[position]))
    }

    /// A saved card of `customer` usable off-session: the checks of docs/flex-api.md §3.3.
    func savedPaymentMethod(_ id: String, of customer: Int, field: String) throws(APIFailure) -> Int {
        guard let ulid = ULID.parse(id, as: .paymentMethod), let method = paymentMethods.position(of: ulid) else {
            throw .notFound(.paymentMethod, id)
        }
        guard paymentMethods[method].customer == customer else {
            throw APIFailure(422, "payment_method_customer_mismatch",
                             "\(field) \(id) belongs to \(customers[paymentMethods[method].customer].id.id(.customer)), not to \(customers[customer].id.id(.customer))")
        }
        guard paymentMethods[method].offSession else {
            throw APIFailure(422, "payment_method_not_off_session",
                             "\(field) \(id) was not saved for off-session use (pay a session with setup_future_use: \"off_session\" first)")
        }
        return method
    }

    /// Every LMN product of `items` needs a valid letter of `customer` (HSA/FSA cards only).
    func listSubscriptions(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        var customer: Int?
        if let id = request.queryValue("customer") { customer = try customerPosition(id) }
        var status: SubscriptionStatus?
        if let text = request.queryValue("status") {
            guard let value = SubscriptionStatus(rawValue: text) else {
                throw .invalid("status must be one of \(State.subscriptionStatuses.joined(separator: ", ")), not \"\(text)\"")
            }
            status = value
        }
        return try list(\.subscriptions, request) { subscription in
            (customer == nil || subscription.customer == customer) && (status == nil || subscription.status == status)
        }
    }

    /// `PATCH /v1/subscriptions/{id}` `{"subscription": {metadata?, cancel_at_period_end?, default_payment_method?,
    /// proration_behavior?, items?}}` (items: SubscriptionChanges.swift).
    mutating func updateSubscription(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try subscriptions.position(of: id)
        let body = try BodyReader.wrapped(request.body, "subscription")
        var subscription = subscriptions[position]
        try requireNotEnded(subscription)
        if let behavior = try body.choice("proration_behavior", State.prorationBehaviors) { subscription.prorationBehavior = behavior }
        if body.has("metadata") { subscription.metadata = try body.metadata() }
        if let flag = try body.bool("cancel_at_period_end") {
            guard subscription.status.renews || !flag else {
                throw APIFailure(422, "subscription_not_renewing",
                                 "subscription \(id) is \(subscription.status.rawValue): it has no period to cancel at the end of")
            }
            subscription.cancelAtPeriodEnd = flag
        }
        if let methodID = try body.string("default_payment_method") {
            guard let customer = subscription.customer else {
                throw APIFailure(422, "subscription_not_renewing",
                                 "subscription \(id) has no customer yet (its checkout is unpaid); pay the checkout session first")
            }
            subscription.defaultPaymentMethod = try savedPaymentMethod(methodID, of: customer, field: "subscription.default_payment_method")
        }
        var change: SubscriptionItemChange?
        if body.has("items") {
            guard subscription.customer != nil else {
                throw APIFailure(422, "subscription_not_renewing",
                                 "subscription \(id) is incomplete: its items are its checkout session's; pay or expire that session first")
            }
            // Only a paid, running period is prorated: a trial or an unpaid period has nothing to adjust.
            let prorate = subscription.prorationBehavior == "always_invoice" && subscription.status == .active
            change = try readItemChange(subscription, body, prorate: prorate)
            if let change, !change.increases.isEmpty, let method = subscription.defaultPaymentMethod,
               let code = chargeDeclineCode(paymentMethods[method].card, offSession: true) {
                throw declined(paymentMethods[method].card, code)
            }
        }
        let time = tick()
        subscription.updated = time
        subscriptions[position] = subscription
        if let change { applyItemChange(change, to: position, at: time) }
        emit(.subscriptionUpdated, .subscription(subscriptions[position]))
        return ok("subscription", render(subscriptions[position]))
    }

    /// `DELETE /v1/subscriptions/{id}`: cancels at the end of the current period, with no further
    /// charges (docs/flex-api.md §2.8). One with no period to wait for ends now: `incomplete` (its
    /// checkout session expires with it) and `unpaid` (nothing is charged any more).
    mutating func cancelSubscription(_ id: String) throws(APIFailure) -> APIResponse {
        let position = try subscriptions.position(of: id)
        var subscription = subscriptions[position]
        try requireNotEnded(subscription)
        if subscription.status.renews {
            guard !subscription.cancelAtPeriodEnd else { return ok("subscription", render(subscription)) }
            subscription.cancelAtPeriodEnd = true
            subscription.updated = tick()
            subscriptions[position] = subscription
            emit(.subscriptionUpdated, .subscription(subscription))
            return ok("subscription", render(subscription))
        }
        let time = tick()
        subscription.status = .canceled
        subscription.canceledAt = time
        subscription.updated = time
        subscriptions[position] = subscription
        emit(.subscriptionDeleted, .subscription(subscription))
        if let session = subscription.session, sessions[session].status == .open {
            expire(session, at: time)
        }
        return ok("subscription", render(subscription))
    }

    func requireNotEnded(_ subscription: Subscription) throws(APIFailure) {
        guard subscription.status.isLive else {
            throw APIFailure(422, "subscription_canceled",
                             "subscription \(subscription.id.id(.subscription)) is \(subscription.status.rawValue) and cannot change")
        }
    }

    func render(_ subscription: Subscription) -> JSON {
        let iso: (Int?) -> JSON = { $0.map { .string(Clock.iso($0)) } ?? .null }
        return object([
            "subscription_id": .string(subscription.id.id(.subscription)),
            "created_at": .string(Clock.iso(subscription.created)),
            "items": .array(subscription.items.map { item in
                object([
                    "subscription_item_id": .string(item.id.id(.subscriptionItem)),
                    "quantity": .integer(item.quantity),
                    "price": render(prices[item.price]),
                    "created_at": .string(Clock.iso(item.created)),
                    "updated_at": .string(Clock.iso(item.updated)),
                    "test_mode": true,
                ])
            }),
            "latest_invoice": subscription.latestInvoice.map { .string(invoices[$0].id.id(.invoice)) } ?? .null,
            "customer": subscription.customer.map { .string(customers[$0].id.id(.customer)) } ?? .null,
            "status": .string(subscription.status.rawValue),
            "amount": .integer(subscription.amount),
            "cancel_at_period_end": .bool(subscription.cancelAtPeriodEnd),
            "cancel_at": subscription.cancelAtPeriodEnd ? iso(subscription.currentPeriodEnd) : .null,
            "canceled_at": iso(subscription.canceledAt),
            "current_period_start": iso(subscription.currentPeriodStart),
            "current_period_end": iso(subscription.currentPeriodEnd),
            "trial_start": iso(subscription.trialStart),
            "trial_end": iso(subscription.trialEnd),
            "default_payment_method": subscription.defaultPaymentMethod.map { .string(paymentMethods[$0].id.id(.paymentMethod)) } ?? .null,
            "client_secret": .null,
            "proration_behavior": .string(subscription.prorationBehavior),
            "metadata": subscription.metadata ?? .object(JSONObject()),
            "test_mode": true,
        ])
    }
}
