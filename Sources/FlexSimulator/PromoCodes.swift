// Promo codes (docs/flex-api.md §2.9): a shopper-facing code for a coupon; create, get, list.
import FlexAPI

struct PromoCode {
    var id: ULID
    var coupon: Int
    var code: String
    var maxRedemptions: Int?
    /// Only this customer may use the code (doc field `customer`).
    var customer: Int?
    var active: Bool
    var metadata: JSON?
    var created: Int
    var sessions: [Int] = []
}

extension State {
    /// `POST /v1/promo_codes` `{"promo_code": {coupon_id, code, max_redemptions, customer, metadata}}`.
    mutating func createPromoCode(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "promo_code")
        let couponID = try body.requiredString("coupon_id")
        let code = try body.requiredString("code")
        // Codes are typed by shoppers: keep them to letters, digits, '-' and '_' (Stripe's rule).
        guard code.utf8.count <= 64, code.utf8.allSatisfy({ byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }) else {
            throw .invalid("promo_code.code \"\(code)\" must be 1 to 64 letters, digits, '-' or '_'")
        }
        let maxRedemptions = try body.integer("max_redemptions")
        if let maxRedemptions, maxRedemptions < 1 {
            throw .invalid("promo_code.max_redemptions must be an integer >= 1, not \(maxRedemptions)")
        }
        let active = try body.bool("active") ?? true
        let coupon = try coupons.position(of: couponID)
        var customer: Int?
        if let customerID = try body.string("customer") { customer = try customerPosition(customerID) }
        // Shoppers type the code, so it must name one active promo code, in any letter case.
        if active, let clash = activePromoCode(code) {
            throw APIFailure(400, "promo_code_already_exists",
                             "promo_code.code \"\(code)\" is already the active promo code \(promoCodes[clash].id.id(.promoCode))")
        }
        let promo = PromoCode(id: ULID(high: 0, low: 0), coupon: coupon, code: code, maxRedemptions: maxRedemptions,
                              customer: customer, active: active, metadata: try body.metadata(), created: 0)
        return insertAndAnswer(promo, into: \.promoCodes)
    }

    func activePromoCode(_ code: String) -> Int? {
        let wanted = code.uppercased()
        return promoCodes.objects.indices.last(where: { promoCodes[$0].active && promoCodes[$0].code.uppercased() == wanted })
    }

    /// Filters (inferred, Stripe's): `code` (any case), `coupon`, `active`.
    func listPromoCodes(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let code = request.queryValue("code")?.uppercased()
        var coupon: Int?
        if let id = request.queryValue("coupon") { coupon = try coupons.position(of: id) }
        let active = try Pagination.activeFilter(request)
        return try list(\.promoCodes, request) { promo in
            (code == nil || promo.code.uppercased() == code) && (coupon == nil || promo.coupon == coupon)
                && (active == nil || promo.active == active)
        }
    }

    func render(_ promo: PromoCode) -> JSON {
        object([
            "promo_code_id": .string(promo.id.id(.promoCode)),
            "code": .string(promo.code),
            "coupon": render(coupons[promo.coupon]),
            "max_redemptions": promo.maxRedemptions.map(JSON.integer) ?? .null,
            "times_redeemed": .integer(timesRedeemed(promo.sessions)),
            "created_at": .string(Clock.iso(promo.created)),
            "customer": promo.customer.map { .string(customers[$0].id.id(.customer)) } ?? .null,
            "active": .bool(promo.active),
            "metadata": promo.metadata ?? .object(JSONObject()),
            "test_mode": true,
        ])
    }
}
