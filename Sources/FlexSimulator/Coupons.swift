// Coupons (docs/flex-api.md §2.9): create, get, list; the discount a coupon gives, in exact integer cents.
import FlexAPI

enum CouponDuration: String, CaseIterable {
    case once, repeating, forever
}

struct Coupon {
    var id: ULID
    var name: String?
    var amountOff: Int?
    /// percent_off in ten-thousandths of a percent (12.5% = 125_000; 100% = 1_000_000), so the
    /// discount is computed with integers only; `percentText` keeps the number as it was sent.
    var percentOff: Int?
    var percentText: JSON?
    var duration: CouponDuration
    var durationInMonths: Int?
    var maxRedemptions: Int?
    /// Products the coupon is limited to (positions); empty = the whole cart.
    var appliesTo: [Int]
    var metadata: JSON?
    var created: Int
    /// Sessions made with this coupon; the `paid`/`complete` ones count as redemptions.
    var sessions: [Int] = []
}

extension State {
    static let percentScale = 10_000
    static let fullPercent = 100 * percentScale

    /// `POST /v1/coupons` `{"coupon": {name, amount_off | percent_off, duration, duration_in_months,
    /// max_redemptions, applies_to: {products}, metadata}}`.
    mutating func createCoupon(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let coupon = try readCoupon(try BodyReader.wrapped(request.body, "coupon"))
        return insertAndAnswer(coupon, into: \.coupons)
    }

    /// Every rule of a coupon body; also used for a session's inline `discounts[].coupon_data`.
    func readCoupon(_ body: BodyReader) throws(APIFailure) -> Coupon {
        let name = try body.string("name")
        let amountOff = try body.integer("amount_off")
        let percent = try readPercent(body, "percent_off")
        switch (amountOff, percent) {
        case (nil, nil): throw .invalid("\(body.name("amount_off")) or \(body.name("percent_off")) is required")
        case (.some, .some): throw .invalid("give \(body.name("amount_off")) or \(body.name("percent_off")), not both")
        default: break
        }
        if let amountOff {
            guard amountOff >= 1 else { throw .invalid("\(body.name("amount_off")) must be a positive integer (cents), not \(amountOff)") }
            guard amountOff <= State.maximumAmount else {
                throw APIFailure(400, "amount_too_large", "\(body.name("amount_off")) \(amountOff) is above the maximum of \(State.maximumAmount) cents")
            }
        }
        let duration = try body.choice("duration", CouponDuration.allCases.map(\.rawValue)).flatMap(CouponDuration.init) ?? .once
        let months = try body.integer("duration_in_months")
        if duration == .repeating {
            guard let months else { throw .invalid("\(body.name("duration_in_months")) is required when duration is repeating") }
            guard months >= 1 else { throw .invalid("\(body.name("duration_in_months")) must be an integer >= 1, not \(months)") }
        } else if months != nil {
            throw .invalid("\(body.name("duration_in_months")) is only allowed when duration is repeating, not \(duration.rawValue)")
        }
        let maxRedemptions = try body.integer("max_redemptions")
        if let maxRedemptions, maxRedemptions < 1 {
            throw .invalid("\(body.name("max_redemptions")) must be an integer >= 1, not \(maxRedemptions)")
        }
        var appliesTo: [Int] = []
        if let applies = try body.objectValue("applies_to") {
            let reader = BodyReader(applies, path: body.name("applies_to"))
            for (index, element) in (try reader.array("products") ?? []).enumerated() {
                guard case .string(let productID) = element else { throw .invalid("\(reader.name("products"))[\(index)] must be a product ID") }
                let product = try products.position(of: productID)
                if !appliesTo.contains(product) { appliesTo.append(product) }
            }
        }
        return Coupon(id: ULID(high: 0, low: 0), name: name, amountOff: amountOff, percentOff: percent?.scaled, percentText: percent?.text,
                      duration: duration, durationInMonths: months, maxRedemptions: maxRedemptions, appliesTo: appliesTo,
                      metadata: try body.metadata(), created: 0)
    }

    /// A percentage in (0, 100] with at most 4 decimal places, read exactly from the JSON text.
    func readPercent(_ body: BodyReader, _ key: String) throws(APIFailure) -> (scaled: Int, text: JSON)? {
        guard let value = body.value(key) else { return nil }
        let message = "\(body.name(key)) must be a number greater than 0 and at most 100 (up to 4 decimal places)"
        let scaled: Int
        switch value {
        case .integer(let whole):
            guard whole >= 1, whole <= 100 else { throw .invalid("\(message), not \(whole)") }
            scaled = whole * State.percentScale
        case .decimal(let text):
            guard let parsed = State.scaledDecimal(text, places: 4) else { throw .invalid("\(message), not \(text)") }
            guard parsed > 0, parsed <= State.fullPercent else { throw .invalid("\(message), not \(text)") }
            scaled = parsed
        default:
            throw .invalid("\(message), not \(value.serialized())")
        }
        return (scaled, value)
    }

    /// `"12.5"` → 125_000 with `places` 4; nil for signs, exponents, too many places or huge values.
    static func scaledDecimal(_ text: String, places: Int) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let wholeText = parts.first, !wholeText.isEmpty, wholeText.count <= 6,
              wholeText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let whole = Int(wholeText) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            // Trailing zeros beyond `places` change nothing ("12.50000" is 12.5).
            let significant = digits.reversed().drop(while: { $0 == "0" }).reversed()
            guard significant.count <= places else { return nil }
            fraction = Int(String(significant) + String(repeating: "0", count: places - significant.count)) ?? 0
        }
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        return whole * scale + fraction
    }

    func listCoupons(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        return try list(\.coupons, request)
    }

    /// Redemptions are sessions that were paid with the coupon; computed, so nothing else must
    /// remember to count them (an abandoned or expired session redeems nothing).
    func timesRedeemed(_ sessionPositions: [Int]) -> Int {
        sessionPositions.reduce(0) { count, position in
            let status = sessions[position].status
            return count + (status == .paid || status == .complete ? 1 : 0)
        }
    }

    /// `valid` (doc field): false once `max_redemptions` sessions have been paid with it.
    func isValid(_ coupon: Coupon) -> Bool {
        guard let limit = coupon.maxRedemptions else { return true }
        return timesRedeemed(coupon.sessions) < limit
    }

    /// The discount on `applicable` cents: `amount_off` capped at the amount, or `percent_off`
    /// rounded half up to the cent (amount × percent / 100 in integers; never a Double).
    static func discount(_ coupon: Coupon, on applicable: Int) -> Int {
        if let amountOff = coupon.amountOff { return min(amountOff, applicable) }
        guard let percent = coupon.percentOff else { return 0 }
        // applicable ≤ 99,999,999 and percent ≤ 1,000,000: the product fits easily in 64 bits.
        return min((applicable * percent + State.fullPercent / 2) / State.fullPercent, applicable)
    }

    func render(_ coupon: Coupon) -> JSON {
        object([
            "coupon_id": .string(coupon.id.id(.coupon)),
            "amount_off": coupon.amountOff.map(JSON.integer) ?? .null,
            "percent_off": coupon.percentText ?? .null,
            "applies_to": coupon.appliesTo.isEmpty ? .null
                : object(["products": .array(coupon.appliesTo.map { .string(products[$0].id.id(.product)) })]),
            "duration": .string(coupon.duration.rawValue),
            "duration_in_months": coupon.durationInMonths.map(JSON.integer) ?? .null,
            "name": coupon.name.json,
            "max_redemptions": coupon.maxRedemptions.map(JSON.integer) ?? .null,
            "times_redeemed": .integer(timesRedeemed(coupon.sessions)),
            "valid": .bool(isValid(coupon)),
            "metadata": coupon.metadata ?? .object(JSONObject()),
            "created_at": .string(Clock.iso(coupon.created)),
            "test_mode": true,
        ])
    }
}
