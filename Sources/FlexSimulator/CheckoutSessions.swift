// Checkout sessions: create (payment and off_session), get, list, line items, expiry, rendering.
import FlexAPI

enum SessionStatus: String, CaseIterable {
    case open, paid, complete, canceled, expired
}

enum SessionMode: String {
    case payment
    case offSession = "off_session"
    case subscription, setup, reimbursement
}

enum CaptureMethod: String {
    case automatic, manual
}

struct LineItem {
    var id: ULID
    /// nil on reimbursement sessions, whose items name products only (docs/flex-api.md §2.1).
    var price: Int?
    var product: Int
    var quantity: Int
    /// unit_amount × quantity, checked for overflow when the session was made.
    var amount: Int
    /// The product's eligibility when the session was made (later product edits do not change a cart).
    var eligibility: Eligibility
    var refunded: Int = 0
    /// This line's share of the session's discount (SessionAdjustments.swift).
    var discount = 0
    /// How much of that share refunds have taken back with `amount_discount` (Refunds.swift).
    var discountReturned = 0

    /// What the line costs the shopper: its amount, its share of the discount taken off.
    var total: Int { amount - discount }
    /// What a refund can still take from this line.
    var refundable: Int { total - refunded }
    /// What a refund that names its discount (`amount_discount`) can still take, counted before
    /// the discount: the amount less what refunds paid back and the discount they took back.
    var grossLeft: Int { amount - refunded - discountReturned }
}

extension [LineItem] {
    /// What the HSA/FSA card pays of these lines: the eligible ones, after their discount shares.
    var eligibleTotal: Int { reduce(0) { $0 + ($1.eligibility.isEligible ? $1.total : 0) } }
}

struct Fee {
    var id: ULID
    var amount: Int
    var applied: Bool
}

/// The create-time fields of a session that never change. A class so copies of a session (one
/// per event, per snapshot) share one instance instead of carrying five strings each.
final class SessionInfo: Sendable {
    let setupFutureUse: String?
    let successURL: String?
    let cancelURL: String?
    let clientReferenceID: String?
    let defaults: JSON?
    let metadata: JSON?

    init(setupFutureUse: String?, successURL: String?, cancelURL: String?, clientReferenceID: String?, defaults: JSON?, metadata: JSON?) {
        self.setupFutureUse = setupFutureUse
        self.successURL = successURL
        self.cancelURL = cancelURL
        self.clientReferenceID = clientReferenceID
        self.defaults = defaults
        self.metadata = metadata
    }
}

struct CheckoutSession {
    var id: ULID
    var status: SessionStatus
    var mode: SessionMode
    var captureMethod: CaptureMethod
    var lineItems: [LineItem]
    var amountSubtotal: Int
    var amountTotal: Int
    var amountReceived = 0
    var amountRefunded = 0
    /// Held by disputes that are open or lost (Disputes.swift).
    var amountDisputed = 0
    /// Σ of eligible line items: what an HSA/FSA card pays on a split cart.
    var eligibleAmount: Int
    var customer: Int?
    var paymentIntents: [Int] = []
    var refunds: [Int] = []
    var disputes: [Int] = []
    /// The `amount_shipping` / `amount_tax` portions refunded so far (Refunds.swift).
    var shippingRefunded = 0
    var taxRefunded = 0
    var captures: [Int] = []
    var fees: [Fee] = []
    /// What the merchant sent and never changes, shared by every copy (events, snapshots).
    var info: SessionInfo
    var created: Int
    var expires: Int
    /// When the authorization of a `paid` (manual capture) session lapses.
    var holdExpires: Int?
    /// The subscription this session starts (mode subscription) or pays a period of.
    var subscription: Int?
    /// A subscription period charged by the simulator itself: no shopper, no redirect.
    var isBillingRecord = false
    /// Discount, shipping and tax; nil for a plain cart.
    var adjustments: SessionAdjustments? = nil
    /// Mode setup only: the session's setup intent (SetupIntents.swift).
    var setupIntent: SetupIntent? = nil
    /// The subscription invoice this session paid (Invoices.swift).
    var invoice: Int? = nil

    /// What refunds can still take: received, less refunded and disputed.
    var refundable: Int { amountReceived - amountRefunded - amountDisputed }
    var hsaFsaEligible: Bool { lineItems.contains { $0.eligibility.isEligible } }
    var letterRequired: Bool { lineItems.contains { $0.eligibility.needsLetter } }
    var isSplitCart: Bool { hsaFsaEligible && lineItems.contains { !$0.eligibility.isEligible } }
}

extension State {
    /// Sessions stay open this long (docs/flex-api.md §3.4: Stripe's and the 3p mock's default).
    static let sessionLifetime = 86_400
    static let modes = ["payment", "off_session", "subscription", "setup", "reimbursement"]
    /// No tax, shipping or discounts yet; built once and shared by every rendering.
    static let zeroTotals = object(["amount_discount": 0, "amount_tax": 0, "amount_shipping": 0])

    mutating func createSession(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "checkout_session")
        let modeText = try body.choice("mode", State.modes) ?? "payment"
        let mode = SessionMode(rawValue: modeText) ?? .payment
        var (items, subtotal) = try readSessionItems(body, mode: mode)
        let captureText = try body.choice("capture_method", ["automatic", "manual"])
        let capture = CaptureMethod(rawValue: captureText ?? "automatic") ?? .automatic
        if capture == .manual && mode != .payment && mode != .offSession {
            throw APIFailure(422, "manual_capture_not_supported",
                             "checkout_session.capture_method manual is only for modes payment and off_session; mode \(modeText) has nothing to hold")
        }
        let subscriptionTerms = mode == .subscription ? try readSubscriptionData(body, items) : nil
        // Setup sessions exist to save a card for later off-session charges (docs/flex-api.md §3.3).
        let setupFutureUse = try body.choice("setup_future_use", ["off_session", "on_session"]) ?? (mode == .setup ? "off_session" : nil)
        let successURL = try body.string("success_url")
        let cancelURL = try body.string("cancel_url")
        let reference = try body.string("client_reference_id")
        let metadata = try body.metadata()
        let defaults = try body.objectValue("defaults").map(JSON.object)

        var customer: Int?
        var offSession: OffSessionCharge?
        if mode == .offSession {
            offSession = try validateOffSession(body, items)
            customer = offSession?.customer
        } else if let customerID = try body.string("customer") {
            customer = try customerPosition(customerID)
        }
        if mode == .subscription, let customer { try requireSubscriptionRoom(customer) }
        let adjustments = try readAdjustments(body, &items, subtotal: subtotal, customer: customer)
        let total = adjustments?.total(of: subtotal) ?? subtotal
        if let offSession { try chargeOffSession(offSession) }

        let time = tick()
        for index in items.indices { items[index].id = newID() }
        let eligible = items.eligibleTotal
        // A trial's first invoice is $0 (Stripe): the shopper saves a card and pays at the trial's end.
        let free = (subscriptionTerms?.trialDays ?? 0) > 0 || mode == .reimbursement
        let due = free ? 0 : total
        var session = CheckoutSession(
            id: newID(), status: .open, mode: mode, captureMethod: capture,
            lineItems: items, amountSubtotal: free ? 0 : subtotal, amountTotal: due, eligibleAmount: min(eligible, due),
            customer: customer,
            info: SessionInfo(setupFutureUse: setupFutureUse, successURL: successURL, cancelURL: cancelURL,
                              clientReferenceID: reference, defaults: defaults, metadata: metadata),
            created: time, expires: time + State.sessionLifetime)
        session.adjustments = adjustments
        if mode == .setup { session.setupIntent = SetupIntent() }
        let position = sessions.insert(session, id: session.id)
        if let subscriptionTerms {
            sessions[position].subscription = createIncompleteSubscription(
                session: position, items: items, terms: subscriptionTerms, amount: subtotal, metadata: metadata, at: time)
        }
        recordRedemption(position, adjustments)
        if let offSession {
            let intent = createPaymentIntent(session: position, customer: offSession.customer,
                                             paymentMethod: offSession.paymentMethod, amount: total,
                                             capture: capture, role: "primary", at: time)
            session.paymentIntents = [intent]
            finishPayment(&session, at: time)
            sessions[position] = session
        } else {
            expiryQueue.append(position)
        }
        return ok("checkout_session", render(sessions[position]))
    }

    /// The cart by mode: none for setup, reimbursement items, or priced line items.
    mutating func readSessionItems(_ body: BodyReader, mode: SessionMode) throws(APIFailure) -> ([LineItem], Int) {
        switch mode {
        case .setup:
            // A setup session saves a card and charges nothing, so it has nothing to sell (Stripe).
            if let elements = try body.array("line_items"), !elements.isEmpty {
                throw .invalid("checkout_session.line_items must be empty in mode setup: a setup session saves a card and charges nothing")
            }
            return ([], 0)
        case .reimbursement:
            return try readReimbursementItems(body)
        default:
            return try readLineItems(body)
        }
    }

    /// A subscription checkout's billing terms: its prices' interval, and `subscription_data.trial_period_days`.
    func readSubscriptionData(_ body: BodyReader, _ items: [LineItem]) throws(APIFailure) -> (interval: String, count: Int, trialDays: Int) {
        var terms = try self.subscriptionTerms(items, field: "line_items")
        if let data = try body.objectValue("subscription_data") {
            let reader = BodyReader(data, path: body.name("subscription_data"))
            if let days = try reader.integer("trial_period_days") {
                guard days >= 0 else { throw .invalid("checkout_session.subscription_data.trial_period_days must be >= 0, not \(days)") }
                terms.trialDays = days
            }
        }
        return terms
    }

    /// Reads and checks `line_items` (or the subscription API's `items`), with overflow-checked
    /// amounts; IDs are assigned by the caller. Each item names a `price` or defines one with
    /// `price_data`, which stores an inline price: call it inside `withInlinePrices`.
    mutating func readLineItems(_ body: BodyReader, key: String = "line_items", quantityRequired: Bool = true) throws(APIFailure) -> ([LineItem], Int) {
        guard let elements = try body.array(key), !elements.isEmpty else {
            throw .invalid("\(key) is required: give at least one {\"price\": \"fprice_…\", \"quantity\": 1}")
        }
        var items: [LineItem] = []
        items.reserveCapacity(elements.count)
        var subtotal = 0
        for (index, element) in elements.enumerated() {
            let name = "\(key)[\(index)]"
            guard case .object(let fields) = element else { throw .invalid("\(name) must be an object") }
            let item = BodyReader(fields, path: name)
            let position = try readItemPrice(item)
            let quantity = try readQuantity(item, name, required: quantityRequired)
            let price = prices[position]
            let (amount, overflow) = price.unitAmount.multipliedReportingOverflow(by: quantity)
            let (sum, overflow2) = subtotal.addingReportingOverflow(amount)
            guard !overflow, !overflow2, sum <= State.maximumAmount else {
                throw APIFailure(400, "amount_too_large", "\(name): the cart total is above the maximum of \(State.maximumAmount) cents")
            }
            subtotal = sum
            items.append(LineItem(id: ULID(high: 0, low: 0), price: position, product: price.product, quantity: quantity, amount: amount,
                                  eligibility: products[price.product].eligibility))
        }
        return (items, subtotal)
    }

    /// The price a line item or subscription item buys: an active `price`, or a new inline one from
    /// `price_data` (exactly one of the two, as in Stripe).
    mutating func readItemPrice(_ item: BodyReader) throws(APIFailure) -> Int {
        let priceID = try item.string("price")
        let data = try item.objectValue("price_data")
        switch (priceID, data) {
        case (let priceID?, nil):
            let position = try prices.position(of: priceID)
            guard prices[position].active else { throw APIFailure(400, "price_inactive", "\(item.name("price")) \(priceID) is not active") }
            return position
        case (nil, let data?):
            return try insertInlinePrice(BodyReader(data, path: item.name("price_data")))
        case (.some, .some):
            throw .invalid("\(item.path) has both price and price_data; give one of them")
        case (nil, nil):
            throw .invalid("\(item.name("price")) is required (or price_data: {product, unit_amount, recurring?})")
        }
    }

    func readQuantity(_ item: BodyReader, _ name: String, required: Bool) throws(APIFailure) -> Int {
        guard let quantityValue = item.value("quantity") else {
            if required { throw .invalid("\(name).quantity is required") }
            return 1
        }
        guard case .integer(let quantity) = quantityValue else {
            throw .invalid("\(name).quantity must be an integer, not \(quantityValue.serialized())")
        }
        guard quantity >= 1 else { throw .invalid("\(name).quantity must be at least 1, not \(quantity)") }
        return quantity
    }

    func listSessions(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        var status: SessionStatus?
        if let text = request.queryValue("status") {
            guard let value = SessionStatus(rawValue: text) else {
                throw .invalid("status must be one of open, paid, complete, canceled, expired, not \"\(text)\"")
            }
            status = value
        }
        var customer: Int?
        if let id = request.queryValue("customer") { customer = try customerPosition(id) }
        var intent: Int?
        if let id = request.queryValue("payment_intent") { intent = try paymentIntents.position(of: id) }
        let reference = request.queryValue("client_reference_id")
        var subscription: Int?
        if let id = request.queryValue("subscription") { subscription = try subscriptions.position(of: id) }
        let since = try Pagination.intervalStart(request, now: now)
        return try list(\.sessions, request) { session in
            (status == nil || session.status == status) && (customer == nil || session.customer == customer)
                && (since == nil || session.created >= since ?? 0)
                && (subscription == nil || session.subscription == subscription)
                && (intent == nil || session.paymentIntents.contains(intent ?? -1))
                && (reference == nil || session.info.clientReferenceID == reference)
        }
    }

    func listLineItems(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let session = sessions[try sessions.position(of: id)]
        // Cart order, not newest first: a cart reads top to bottom.
        return try page(Array(session.lineItems.indices), request, kind: .lineItem, as: "line_items", id: { session.lineItems[$0].id }) {
            render(session.lineItems[$0])
        }
    }

    /// `POST /_sim/checkout/sessions/{id}/expire`: the shopper never came back.
    mutating func expireSession(_ id: String) throws(APIFailure) -> APIResponse {
        let position = try sessions.position(of: id)
        try requireOpen(sessions[position])
        _ = tick()
        expire(position, at: now)
        return ok("checkout_session", render(sessions[position]))
    }

    /// The documented errors for acting on a session that is no longer open.
    func requireOpen(_ session: CheckoutSession) throws(APIFailure) {
        let id = session.id.id(.session)
        switch session.status {
        case .open: return
        case .paid, .complete:
            throw APIFailure(400, "checkout_session_already_processed", "checkout session \(id) is already \(session.status.rawValue)")
        case .expired:
            throw APIFailure(400, "checkout_session_expired", "checkout session \(id) expired at \(Clock.iso(session.expires))")
        case .canceled:
            throw APIFailure(400, "checkout_session_canceled", "checkout session \(id) was canceled")
        }
    }

    mutating func expire(_ position: Int, at time: Int) {
        sessions[position].status = .expired
        events.append(Event(id: newID(), type: .checkoutSessionExpired, dt: time, object: .session(sessions[position])))
        if let subscription = sessions[position].subscription { expireSubscription(subscription, at: time) }
    }

    /// The oldest session still open; sessions that left `open` some other way are skipped.
    mutating func nextOpenSession() -> Int? {
        let sessions = self.sessions
        return expiryQueue.first { sessions[$0].status == .open }
    }

    /// The `expires_at` of the oldest session still open.
    mutating func nextExpiry() -> Int? { nextOpenSession().map { sessions[$0].expires } }

    /// Expires the session `nextExpiry` named, at its own `expires_at`.
    mutating func expireNext() {
        guard let position = nextOpenSession() else { return }
        expire(position, at: sessions[position].expires)
    }

    func render(_ session: CheckoutSession) -> JSON {
        let id = session.id.id(.session)
        let primary = session.paymentIntents.first.map { JSON.string(paymentIntents[$0].id.id(.paymentIntent)) } ?? .null
        let rendered = object([
            "checkout_session_id": .string(id),
            "status": .string(session.status.rawValue),
            "mode": .string(session.mode.rawValue),
            "amount_subtotal": .integer(session.amountSubtotal),
            "amount_total": .integer(session.amountTotal),
            "amount_received": .integer(session.amountReceived),
            "amount_refunded": .integer(session.amountRefunded),
            "amount_disputed": .integer(session.amountDisputed),
            "total_details": totalDetails(session),
            "redirect_url": session.mode == .offSession || session.isBillingRecord ? .null : .string(checkoutBaseURL + "/pay/c/" + id),
            "success_url": session.info.successURL.json,
            "cancel_url": session.info.cancelURL.json,
            "capture_method": .string(session.captureMethod.rawValue),
            "setup_future_use": session.info.setupFutureUse.json,
            "client_reference_id": session.info.clientReferenceID.json,
            "customer": session.customer.map { .string(customers[$0].id.id(.customer)) } ?? .null,
            "defaults": session.info.defaults ?? .null,
            "hsa_fsa_eligible": .bool(session.hsaFsaEligible),
            "letter_of_medical_necessity_required": .bool(session.letterRequired),
            "split_cart": .bool(session.isSplitCart),
            "payment_intent": primary,
            "payment_intents": .array(session.paymentIntents.map { .string(paymentIntents[$0].id.id(.paymentIntent)) }),
            "setup_intent": session.setupIntent == nil ? .null : .string(session.id.id(.setupIntent)),
            "subscription": session.subscription.map { .string(subscriptions[$0].id.id(.subscription)) } ?? .null,
            "invoice": session.invoice.map { .string(invoices[$0].id.id(.invoice)) } ?? .null,
            "captures": .array(session.captures.map { render(captures[$0]) }),
            "refunds": .array(session.refunds.map { render(refunds[$0]) }),
            "disputes": .array(session.disputes.map { render(disputes[$0]) }),
            "fees": .array(session.fees.map(render)),
            "created_at": .integer(session.created),
            "expires_at": .integer(session.expires),
            "metadata": session.info.metadata ?? .object(JSONObject()),
            "test_mode": true,
        ])
        // Only sessions made with a discount, shipping or tax carry those fields.
        guard session.adjustments != nil, case .object(let fields) = rendered else { return rendered }
        return .object(JSONObject(fields.entries + adjustmentFields(session)))
    }

    func render(_ item: LineItem) -> JSON {
        let price = item.price.map { prices[$0] }
        let product = products[item.product]
        return object([
            "line_item_id": .string(item.id.id(.lineItem)),
            "amount_discount": .integer(item.discount),
            "amount_subtotal": .integer(item.amount),
            "amount_tax": 0,
            "amount_total": .integer(item.total),
            "amount_shipping": 0,
            "amount_refunded": .integer(item.refunded),
            "description": .string(price?.description ?? product.name),
            "price": price.map(render) ?? .null,
            "product": .string(product.id.id(.product)),
            "quantity": .integer(item.quantity),
            "eligibility": .string(item.eligibility.rawValue),
            "shipping_rate": .null,
        ])
    }

    func render(_ fee: Fee) -> JSON {
        object([
            "fee_id": .string(fee.id.id(.fee)),
            "amount": .integer(fee.amount),
            "name": "Letter of medical necessity",
            "description": "Telehealth consultation for a letter of medical necessity",
            "fee_type": "lmn_consultation",
            "applied": .bool(fee.applied),
        ])
    }
}

extension State {
    /// Whether a refund or capture body's `{price | product}` names this line item.
    func matches(_ item: LineItem, price priceID: String?, product productID: String?) -> Bool {
        if let priceID, let price = item.price, prices[price].id.id(.price) == priceID { return true }
        if let productID, products[item.product].id.id(.product) == productID { return true }
        return false
    }
}
