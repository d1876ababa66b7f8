// Prices: create, get, list (product, active filters), update by POST (description, active, metadata).
import FlexAPI

struct Price {
    struct Recurring {
        var interval: String
        var intervalCount: Int
        var trialPeriodDays: Int?
    }

    var id: ULID
    var product: Int
    var unitAmount: Int
    var description: String?
    var recurring: Recurring?
    var trialPeriodDays: Int?
    var active: Bool
    var metadata: JSON?
    var created: Int
}

extension State {
    static let intervals = ["daily", "weekly", "monthly", "yearly"]
    /// Stripe's largest charge, $999,999.99: larger amounts are rejected rather than overflowing.
    static let maximumAmount = 99_999_999

    mutating func createPrice(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "price")
        guard let productID = try body.string("product") else { throw .invalid("price.product is required") }
        let terms = try readPriceTerms(body)
        let description = try body.string("description")
        let metadata = try body.metadata()
        let active = try body.bool("active") ?? true
        let product = try products.position(of: productID)
        let price = Price(id: ULID(high: 0, low: 0), product: product, unitAmount: terms.unitAmount, description: description,
                          recurring: terms.recurring, trialPeriodDays: terms.trialPeriodDays, active: active, metadata: metadata, created: 0)
        return insertAndAnswer(price, into: \.prices)
    }

    /// What a price costs and how often: `unit_amount`, `recurring`, `trial_period_days`, checked the
    /// same way for `POST /v1/prices` and a line item's `price_data`.
    func readPriceTerms(_ body: BodyReader) throws(APIFailure) -> (unitAmount: Int, recurring: Price.Recurring?, trialPeriodDays: Int?) {
        guard let unitAmount = try body.integer("unit_amount") else { throw .invalid("\(body.name("unit_amount")) is required (integer cents)") }
        guard unitAmount >= 0 else { throw .invalid("\(body.name("unit_amount")) must be >= 0, not \(unitAmount)") }
        guard unitAmount <= State.maximumAmount else {
            throw APIFailure(400, "amount_too_large", "\(body.name("unit_amount")) \(unitAmount) is above the maximum of \(State.maximumAmount) cents")
        }
        var recurring: Price.Recurring?
        if let recurringObject = try body.objectValue("recurring") {
            let reader = BodyReader(recurringObject, path: body.name("recurring"))
            guard let interval = try reader.choice("interval", State.intervals) else { throw .invalid("\(reader.name("interval")) is required") }
            let count = try reader.integer("interval_count") ?? 1
            guard count >= 1 else { throw .invalid("\(reader.name("interval_count")) must be >= 1") }
            let trial = try reader.integer("trial_period_days")
            if let trial, trial < 0 { throw .invalid("\(reader.name("trial_period_days")) must be >= 0") }
            recurring = Price.Recurring(interval: interval, intervalCount: count, trialPeriodDays: trial)
        }
        let trial = try body.integer("trial_period_days")
        if let trial, trial < 0 { throw .invalid("\(body.name("trial_period_days")) must be >= 0") }
        return (unitAmount, recurring, trial)
    }

    /// A line item's `price_data`: a one-off price stored like any other (so the session, its
    /// refunds and a subscription's renewals read it by position) but `active: false`, so no other
    /// cart can reuse it (Stripe's inline prices). Stored while the body is read, before the checks
    /// that follow it; `withInlinePrices` takes it back when one of those fails.
    mutating func insertInlinePrice(_ data: BodyReader) throws(APIFailure) -> Int {
        guard let productID = try data.string("product") else { throw .invalid("\(data.name("product")) is required") }
        let terms = try readPriceTerms(data)
        let product = try products.position(of: productID)
        // Stamped like the session it belongs to.
        let time = requestTime
        let price = Price(id: ids.next(at: time), product: product, unitAmount: terms.unitAmount, description: nil,
                          recurring: terms.recurring, trialPeriodDays: terms.trialPeriodDays, active: false,
                          metadata: nil, created: time)
        return prices.insert(price, id: price.id)
    }

    /// Runs a handler that may store inline prices (`price_data`). When it fails, those prices and
    /// the IDs they drew are taken back, so a rejected request leaves nothing behind and the next
    /// request gets the IDs it would have got without it. `keptOnSuccess: false` takes them back
    /// in any case: for a body that is only checked now and read again later (a payment link's
    /// line items, which every visit reads again).
    mutating func withInlinePrices<Result>(keptOnSuccess: Bool = true,
                                           _ handler: (inout State) throws(APIFailure) -> Result) throws(APIFailure) -> Result {
        let priceCount = prices.count
        let idsBefore = ids
        func takeBack(_ state: inout State) {
            state.prices.removeLast(state.prices.count - priceCount) { $0.id }
            state.ids = idsBefore
        }
        do {
            let result = try handler(&self)
            if !keptOnSuccess { takeBack(&self) }
            return result
        } catch {
            takeBack(&self)
            throw error
        }
    }

    mutating func updatePrice(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try prices.position(of: id)
        let body = try BodyReader.wrapped(request.body, "price")
        var price = prices[position]
        if body.has("description") { price.description = try body.string("description") }
        if body.has("active") { price.active = try body.bool("active") ?? price.active }
        if body.has("metadata") { price.metadata = try body.metadata() }
        return updateAndAnswer(price, at: position, in: \.prices)
    }

    func listPrices(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        var product: Int?
        if let productID = request.queryValue("product") { product = try products.position(of: productID) }
        let active = try Pagination.activeFilter(request)
        return try list(\.prices, request) { price in
            (product == nil || price.product == product) && (active == nil || price.active == active)
        }
    }

    func render(_ price: Price) -> JSON {
        let product = products[price.product]
        var recurring = JSON.null
        if let r = price.recurring {
            recurring = object(["interval": .string(r.interval), "interval_count": .integer(r.intervalCount),
                                "trial_period_days": r.trialPeriodDays.map(JSON.integer) ?? .null])
        }
        return object([
            "price_id": .string(price.id.id(.price)),
            "description": price.description.json,
            "trial_period_days": price.trialPeriodDays.map(JSON.integer) ?? .null,
            "unit_amount": .integer(price.unitAmount),
            "recurring": recurring,
            "active": .bool(price.active),
            "product": .string(product.id.id(.product)),
            "created_at": .string(Clock.iso(price.created)),
            "type": .string(price.recurring == nil ? "one_time" : "recurring"),
            "metadata": price.metadata ?? .object(JSONObject()),
            "hsa_fsa_eligibility": .string(product.eligibility.rawValue),
            "test_mode": true,
        ])
    }
}
