// What a session adds to its cart: discounts (coupon, promo code, inline coupon_data), shipping
// (a shipping rate) and tax (`tax_rate`, `tax_calculation_mode`); docs/flex-api.md §2.1, §2.9, §2.10.
import FlexAPI

/// Decided once when the session is made and never changed; a class so the many copies of a
/// session (events, snapshots) share it. Sessions without any of these fields carry nil.
final class SessionAdjustments: Sendable {
    let coupon: Int?
    /// `discounts[0].coupon_data`: a one-off coupon that is not stored (and counts no redemptions).
    let inlineCoupon: Coupon?
    let promoCode: Int?
    let discount: Int
    let shippingRate: Int?
    let shipping: Int
    let taxRateAmount: Int?
    let taxMode: String?
    let allowPromotionCodes: Bool
    let shippingAddressCollection: Bool

    init(coupon: Int?, inlineCoupon: Coupon?, promoCode: Int?, discount: Int, shippingRate: Int?, shipping: Int,
         taxRateAmount: Int?, taxMode: String?, allowPromotionCodes: Bool, shippingAddressCollection: Bool) {
        self.coupon = coupon
        self.inlineCoupon = inlineCoupon
        self.promoCode = promoCode
        self.discount = discount
        self.shippingRate = shippingRate
        self.shipping = shipping
        self.taxRateAmount = taxRateAmount
        self.taxMode = taxMode
        self.allowPromotionCodes = allowPromotionCodes
        self.shippingAddressCollection = shippingAddressCollection
    }

    /// Exclusive tax is added on top; inclusive tax is already inside the prices (only reported).
    var addedTax: Int { taxMode == "inclusive" ? 0 : (taxRateAmount ?? 0) }
    var tax: Int { taxRateAmount ?? 0 }

    /// What the shopper pays for a cart of `subtotal`: less the discount, plus shipping and exclusive tax.
    func total(of subtotal: Int) -> Int { subtotal - discount + shipping + addedTax }
}

extension State {
    static let adjustmentKeys = ["discounts", "allow_promotion_codes", "shipping_options", "shipping_address_collection",
                                 "tax_rate", "tax_calculation_mode"]

    /// Reads the adjustment fields of a create body, writes each line's discount into `items`, and
    /// returns nil when the body has none of them. Checks every rule before anything is stored.
    func readAdjustments(_ body: BodyReader, _ items: inout [LineItem], subtotal: Int, customer: Int?) throws(APIFailure) -> SessionAdjustments? {
        guard State.adjustmentKeys.contains(where: body.has) else { return nil }
        let allowPromotionCodes = try body.bool("allow_promotion_codes") ?? false
        let collectAddress = try body.bool("shipping_address_collection") ?? false

        var coupon: Int?
        var inline: Coupon?
        var promo: Int?
        if let discounts = try body.array("discounts"), !discounts.isEmpty {
            guard discounts.count == 1 else { throw .invalid("\(body.name("discounts")) takes one discount, not \(discounts.count)") }
            if allowPromotionCodes {
                throw .invalid("give \(body.name("discounts")) or \(body.name("allow_promotion_codes")), not both")
            }
            guard case .object(let fields) = discounts[0] else { throw .invalid("\(body.name("discounts"))[0] must be an object") }
            let entry = BodyReader(fields, path: body.name("discounts") + "[0]")
            let given = ["coupon", "promo_code", "coupon_data"].filter(entry.has)
            guard given.count == 1 else {
                throw .invalid("\(body.name("discounts"))[0] needs exactly one of coupon, promo_code, coupon_data")
            }
            if let couponID = try entry.string("coupon") {
                coupon = try coupons.position(of: couponID)
            } else if let code = try entry.string("promo_code") {
                let position = try promoCodeForSession(code, customer: customer)
                promo = position
                coupon = promoCodes[position].coupon
            } else if let data = try entry.objectValue("coupon_data") {
                inline = try readCoupon(BodyReader(data, path: entry.name("coupon_data")))
            } else {
                throw .invalid("\(body.name("discounts"))[0].\(given[0]) must not be null")
            }
            if let coupon { try requireRedeemable(coupons[coupon]) }
        }
        let applied = coupon.map { coupons[$0] } ?? inline
        var discount = 0
        if let applied {
            let shares = try discountShares(applied, items)
            for index in items.indices { items[index].discount = shares[index] }
            discount = shares.reduce(0, +)
        }

        var rate: Int?
        if let options = try body.objectValue("shipping_options") {
            let reader = BodyReader(options, path: body.name("shipping_options"))
            let position = try shippingRates.position(of: try reader.requiredString("shipping_rate_id"))
            guard shippingRates[position].active else {
                throw APIFailure(400, "shipping_rate_inactive",
                                 "\(body.name("shipping_options")).shipping_rate_id \(shippingRates[position].id.id(.shippingRate)) is not active")
            }
            rate = position
        }
        var taxAmount: Int?
        if let taxRate = try body.objectValue("tax_rate") {
            let reader = BodyReader(taxRate, path: body.name("tax_rate"))
            guard let amount = try reader.integer("amount") else { throw .invalid("\(body.name("tax_rate")).amount is required (cents)") }
            guard amount >= 0 else { throw .invalid("\(body.name("tax_rate")).amount must be an integer >= 0 (cents), not \(amount)") }
            taxAmount = amount
        }
        let mode = try body.choice("tax_calculation_mode", ["exclusive", "inclusive"]) ?? (taxAmount == nil ? nil : "exclusive")

        let adjustments = SessionAdjustments(
            coupon: coupon, inlineCoupon: inline, promoCode: promo, discount: discount,
            shippingRate: rate, shipping: rate.map { shippingRates[$0].amount } ?? 0,
            taxRateAmount: taxAmount, taxMode: mode, allowPromotionCodes: allowPromotionCodes,
            shippingAddressCollection: collectAddress)
        let before = subtotal - discount + adjustments.shipping
        if mode == "inclusive", adjustments.tax > before {
            throw .invalid("\(body.name("tax_rate")).amount \(adjustments.tax) is more than the \(before) it is said to be included in")
        }
        // Each part is at most the maximum, so the sum cannot overflow.
        guard adjustments.tax <= State.maximumAmount, before + adjustments.addedTax <= State.maximumAmount else {
            throw APIFailure(400, "amount_too_large", "the session total is above the maximum of \(State.maximumAmount) cents")
        }
        return adjustments
    }

    /// The promo code a session names by ID (`fpromo_…`) or by its text (any case), with its rules.
    func promoCodeForSession(_ text: String, customer: Int?, field: String = "checkout_session.discounts[0].promo_code") throws(APIFailure) -> Int {
        let position: Int
        if text.hasPrefix(ObjectKind.promoCode.prefix) {
            position = try promoCodes.position(of: text)
        } else if let found = activePromoCode(text) ?? promoCodes.objects.indices.last(where: { promoCodes[$0].code.uppercased() == text.uppercased() }) {
            position = found
        } else {
            throw APIFailure(404, "promo_code_not_found", "\(field): no promo code \"\(text)\"")
        }
        let promo = promoCodes[position]
        let id = promo.id.id(.promoCode)
        guard promo.active else { throw APIFailure(422, "promo_code_inactive", "promo code \(promo.code) (\(id)) is not active") }
        if let limit = promo.maxRedemptions, timesRedeemed(promo.sessions) >= limit {
            throw APIFailure(422, "promo_code_max_redemptions", "promo code \(promo.code) (\(id)) has been redeemed \(limit) times, its max_redemptions")
        }
        if let owner = promo.customer, owner != customer {
            throw APIFailure(422, "promo_code_customer_mismatch",
                             "promo code \(promo.code) (\(id)) is only for customer \(customers[owner].id.id(.customer)); give checkout_session.customer")
        }
        return position
    }

    /// `promo_code` in the pay body: the shopper types a code on the hosted page of a session made
    /// with `allow_promotion_codes: true` (docs/flex-api.md §2.9, inferred). The code's rules are the
    /// ones a create body's `discounts` gets; the result is the session's adjustments and lines with
    /// the discount, applied by the caller only once the payment goes through. Payment mode only: a
    /// subscription's discount would have to follow the coupon's duration over renewals.
    func redeemPromotionCode(_ code: String, _ session: CheckoutSession, _ id: String) throws(APIFailure) -> (SessionAdjustments, [LineItem]) {
        guard let adjustments = session.adjustments, adjustments.allowPromotionCodes else {
            throw APIFailure(422, "promotion_codes_not_allowed",
                             "checkout session \(id) was not made with allow_promotion_codes: true, so its page takes no promo code")
        }
        guard session.mode == .payment else {
            throw APIFailure(422, "promotion_codes_not_allowed",
                             "payment.promo_code is simulated for mode payment only; checkout session \(id) is mode \(session.mode.rawValue)")
        }
        let promo = try promoCodeForSession(code, customer: session.customer, field: "payment.promo_code")
        let coupon = coupons[promoCodes[promo].coupon]
        try requireRedeemable(coupon)
        var items = session.lineItems
        let shares = try discountShares(coupon, items)
        for index in items.indices { items[index].discount = shares[index] }
        let redeemed = SessionAdjustments(
            coupon: promoCodes[promo].coupon, inlineCoupon: nil, promoCode: promo, discount: shares.reduce(0, +),
            shippingRate: adjustments.shippingRate, shipping: adjustments.shipping, taxRateAmount: adjustments.taxRateAmount,
            taxMode: adjustments.taxMode, allowPromotionCodes: true, shippingAddressCollection: adjustments.shippingAddressCollection)
        return (redeemed, items)
    }

    /// A coupon still valid: not redeemed `max_redemptions` times yet (doc §2.9).
    func requireRedeemable(_ coupon: Coupon) throws(APIFailure) {
        guard isValid(coupon) else {
            throw APIFailure(422, "coupon_max_redemptions",
                             "coupon \(coupon.id.id(.coupon)) has been redeemed \(timesRedeemed(coupon.sessions)) times, its max_redemptions")
        }
    }

    /// The coupon's discount spread over the lines it applies to, in proportion to their amounts:
    /// each line gets the floor of its share, then the leftover cents go one each to the lines with
    /// the largest remainders (cart order breaks ties). The shares always sum to the discount.
    func discountShares(_ coupon: Coupon, _ items: [LineItem]) throws(APIFailure) -> [Int] {
        let applies = items.map { coupon.appliesTo.isEmpty || coupon.appliesTo.contains($0.product) }
        let applicable = zip(items, applies).reduce(0) { $0 + ($1.1 ? $1.0.amount : 0) }
        guard applicable > 0 else {
            throw APIFailure(422, "coupon_not_applicable",
                             "the coupon applies to none of the cart's products (applies_to.products: \(productNames(coupon.appliesTo)))")
        }
        let total = State.discount(coupon, on: applicable)
        var shares = [Int](repeating: 0, count: items.count)
        var remainders: [(remainder: Int, index: Int)] = []
        var given = 0
        for index in items.indices where applies[index] {
            // amount ≤ 99,999,999 and total ≤ amount: the product fits in 64 bits.
            let exact = items[index].amount * total
            shares[index] = exact / applicable
            given += shares[index]
            remainders.append((exact % applicable, index))
        }
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        for entry in remainders.prefix(total - given) { shares[entry.index] += 1 }
        return shares
    }

    /// Counts the session against its coupon and promo code (redeemed once it is paid).
    mutating func recordRedemption(_ position: Int, _ adjustments: SessionAdjustments?) {
        guard let adjustments else { return }
        if let coupon = adjustments.coupon { coupons[coupon].sessions.append(position) }
        if let promo = adjustments.promoCode { promoCodes[promo].sessions.append(position) }
    }

    func totalDetails(_ session: CheckoutSession) -> JSON {
        guard let adjustments = session.adjustments else { return State.zeroTotals }
        return object([
            "amount_discount": .integer(adjustments.discount),
            "amount_tax": .integer(adjustments.tax),
            "amount_shipping": .integer(adjustments.shipping),
        ])
    }

    /// The session fields these adjustments answer for; appended after the existing ones.
    func adjustmentFields(_ session: CheckoutSession) -> [JSONObject.Entry] {
        let adjustments = session.adjustments
        var discounts: [JSON] = []
        if let adjustments, adjustments.discount > 0 || adjustments.coupon != nil || adjustments.inlineCoupon != nil {
            discounts.append(object([
                "coupon": adjustments.coupon.map { .string(coupons[$0].id.id(.coupon)) } ?? .null,
                "promo_code": adjustments.promoCode.map { .string(promoCodes[$0].id.id(.promoCode)) } ?? .null,
                "amount_discount": .integer(adjustments.discount),
            ]))
        }
        let shipping: JSON = adjustments?.shippingRate.map { position in
            object([
                "shipping_rate_id": .string(shippingRates[position].id.id(.shippingRate)),
                "shipping_amount": .integer(adjustments?.shipping ?? 0),
                "display_name": .string(shippingRates[position].displayName),
            ])
        } ?? .null
        return [
            JSONObject.Entry(key: "allow_promotion_codes", value: .bool(adjustments?.allowPromotionCodes ?? false)),
            JSONObject.Entry(key: "discounts", value: .array(discounts)),
            JSONObject.Entry(key: "shipping_options", value: shipping),
            JSONObject.Entry(key: "shipping_address_collection", value: .bool(adjustments?.shippingAddressCollection ?? false)),
            JSONObject.Entry(key: "tax_rate", value: adjustments?.taxRateAmount.map { object(["amount": .integer($0)]) } ?? .null),
            JSONObject.Entry(key: "tax_calculation_mode", value: adjustments?.taxMode.json ?? .null),
        ]
    }
}
