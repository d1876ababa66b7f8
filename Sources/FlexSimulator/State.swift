// Everything the simulated Flex knows, as value types, so a snapshot is a plain copy.
import FlexAPI

/// Objects of one kind in creation order, with an ID index. Lists walk the array backwards
/// (newest first); references between objects are array positions, which never change.
struct Store<Object> {
    var objects: [Object] = []
    var index: [ULID: Int] = [:]

    var count: Int { objects.count }

    @discardableResult
    mutating func insert(_ object: Object, id: ULID) -> Int {
        let position = objects.count
        objects.append(object)
        index[id] = position
        return position
    }

    func position(of id: ULID) -> Int? { index[id] }

    /// The position of the object a request names by its ID text; 404 in Flex's shape when the
    /// text is no ID of `kind` or names nothing.
    func position(of id: String, as kind: ObjectKind) throws(APIFailure) -> Int {
        guard let ulid = ULID.parse(id, as: kind), let position = index[ulid] else { throw .notFound(kind, id) }
        return position
    }

    /// Takes back the last `count` objects (a request that failed after storing them).
    mutating func removeLast(_ count: Int, id: (Object) -> ULID) {
        for object in objects.suffix(count) { index[id(object)] = nil }
        objects.removeLast(count)
    }

    subscript(position: Int) -> Object {
        get { objects[position] }
        set { objects[position] = newValue }
    }
}

struct State {
    var seed: UInt64
    /// Virtual epoch seconds; moves one second per state-changing request and on clock commands.
    var now: Int
    var ids: IDGenerator

    var customers = Store<Customer>()
    var products = Store<Product>()
    var prices = Store<Price>()
    var sessions = Store<CheckoutSession>()
    var paymentMethods = Store<PaymentMethod>()
    var paymentIntents = Store<PaymentIntent>()
    var refunds = Store<Refund>()
    var captures = Store<Capture>()
    var subscriptions = Store<Subscription>()
    var consultations = Store<Consultation>()
    /// The first consultation that has not expired yet (DueWork).
    var consultationHead = 0
    /// Subscriptions that charge at the end of their period (Subscriptions.swift).
    var renewing: [Int] = []
    var coupons = Store<Coupon>()
    var promoCodes = Store<PromoCode>()
    var shippingRates = Store<ShippingRate>()
    var webhooks = Store<Webhook>()
    var paymentLinks = Store<PaymentLink>()
    var methodIndex: [PaymentMethodKey: Int] = [:]
    var events: [Event] = []
    /// Approved letters of medical necessity: (customer, product) → approval time.
    var letters: [LetterKey: Int] = [:]
    /// The same approvals as objects, one per consultation and product (Letters.swift).
    var letterObjects = Store<Letter>()
    var invoices = Store<Invoice>()
    var faults = Faults()
    var idempotency = Idempotency()
    /// Open sessions, by `expires_at`.
    var expiryQueue = DueQueue()
    /// Pending refunds, by settle time (Refunds.swift).
    var refundQueue = DueQueue()
    var disputes = Store<Dispute>()
    /// Disputes waiting for evidence, by deadline (Disputes.swift).
    var disputeQueue = DueQueue()

    /// Where a session's `redirect_url` points: Flex's own page, or a `flex serve`'s (its checkout page).
    var checkoutBaseURL: String

    init(seed: UInt64, checkoutBaseURL: String = State.flexCheckoutBaseURL) {
        self.seed = seed
        self.checkoutBaseURL = checkoutBaseURL
        now = Clock.start
        ids = IDGenerator(seed: seed)
    }

    /// Moves the clock one second for a request that changes state, and returns the new time.
    /// Called only after validation passed, so a rejected request leaves the clock alone.
    mutating func tick() -> Int {
        if now < Clock.latest { now += 1 }
        return now
    }

    /// The time `tick()` will give the request being handled when it succeeds: for what a handler
    /// makes or computes before its checks are done (inline prices, prorations).
    var requestTime: Int { now < Clock.latest ? now + 1 : now }

    mutating func newID() -> ULID { ids.next(at: now) }

    mutating func emit(_ type: EventType, _ object: EventObject) {
        events.append(Event(id: newID(), type: type, dt: now, object: object))
    }
}

struct LetterKey: Hashable {
    var customer: Int32
    var product: Int32
}
