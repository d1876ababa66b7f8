// The shopper redeeming a promo code on the hosted page (`promo_code` in the pay body) of a session
// made with `allow_promotion_codes: true`, and every rule that refuses one.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct PromotionCodeRedemptionTests {
    /// A promo code `code` for a new coupon of `couponFields`; returns the promo code's ID.
    func promo(_ sim: Sim, _ code: String, _ couponFields: String = #""amount_off": 300"#, _ promoFields: String = "") -> String {
        let coupon = sim.unwrap(sim.post("/v1/coupons", parsed(#"{"coupon": {"name": "c", "duration": "once", \#(couponFields)}}"#)), "coupon")
        let extra = promoFields.isEmpty ? "" : ", " + promoFields
        let body = parsed(#"{"promo_code": {"coupon_id": "\#(coupon["coupon_id"]?.stringValue ?? "")", "code": "\#(code)"\#(extra)}}"#)
        return sim.unwrap(sim.post("/v1/promo_codes", body), "promo_code")["promo_code_id"]?.stringValue ?? ""
    }

    @Test func aCodeTypedAtPaymentDiscountsTheCart() {
        let sim = Sim()
        let thermo = sim.price(1000)
        let mug = sim.price(2000, "not_eligible", name: "Mug")
        let id = promo(sim, "SPRING")
        let session = sim.session([(thermo, 1), (mug, 1)], ["allow_promotion_codes": true])
        let paid = sim.unwrap(sim.pay(session, ["card_kind": "hsa", "split_card": "5555555555554444", "promo_code": "spring"]), "checkout_session")
        #expect(paid["amount_subtotal"] == 3000)
        #expect(paid["amount_total"] == 2700)
        #expect(paid["amount_received"] == 2700)
        #expect(paid["total_details"]?["amount_discount"] == 300)
        #expect(paid["discounts"]?[0]?["promo_code"]?.stringValue == id)
        // The discount is spread over the lines (100 and 200), so each card pays its lines net.
        let intents = (paid["payment_intents"]?.arrayValue ?? []).map { sim.unwrap(sim.get("/v1/payment_intents/\($0.stringValue ?? "")"), "payment_intent")["amount"] }
        #expect(intents == [900, 1800])
        #expect(sim.unwrap(sim.get("/v1/promo_codes/\(id)"), "promo_code")["times_redeemed"] == 1)
    }

    @Test func aDeclinedPaymentRedeemsNothing() {
        let sim = Sim()
        let id = promo(sim, "ONCE", #""amount_off": 300"#, #""max_redemptions": 1"#)
        let session = sim.session([(sim.price(1000), 1)], ["allow_promotion_codes": true])
        expectError(sim.pay(session, card: "4000000000009995", ["card_kind": "hsa", "promo_code": "ONCE"]), 402, "card_declined")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(session)"), "checkout_session")["amount_total"] == 1000)
        #expect(sim.unwrap(sim.get("/v1/promo_codes/\(id)"), "promo_code")["times_redeemed"] == 0)
        #expect(sim.unwrap(sim.pay(session, ["card_kind": "hsa", "promo_code": "ONCE"]), "checkout_session")["amount_total"] == 700)
        let again = sim.session([(sim.price(1000), 1)], ["allow_promotion_codes": true])
        expectError(sim.pay(again, ["card_kind": "hsa", "promo_code": "ONCE"]), 422, "promo_code_max_redemptions")
    }

    @Test func refusedCodes() {
        let sim = Sim()
        let price = sim.price(1000)
        _ = promo(sim, "SPRING")
        let plain = sim.session([(price, 1)])
        expectError(sim.pay(plain, ["card_kind": "hsa", "promo_code": "SPRING"]), 422, "promotion_codes_not_allowed")
        let allowed = sim.session([(price, 1)], ["allow_promotion_codes": true])
        expectError(sim.pay(allowed, ["card_kind": "hsa", "promo_code": "WINTER"]), 404, "promo_code_not_found")
        let customer = sim.unwrap(sim.post("/v1/customers", ["customer": ["email": "vip@example.com"]]), "customer")["customer_id"] ?? .null
        _ = promo(sim, "VIP", #""amount_off": 100"#, #""customer": "\#(customer.stringValue ?? "")""#)
        expectError(sim.pay(allowed, ["card_kind": "hsa", "promo_code": "VIP"]), 422, "promo_code_customer_mismatch")
        let gym = sim.recurringPrice(4900)
        let subscription = sim.session([(gym, 1)], ["mode": "subscription", "allow_promotion_codes": true])
        expectError(sim.pay(subscription, ["card_kind": "hsa", "lmn": "approved", "promo_code": "SPRING"]), 422, "promotion_codes_not_allowed")
        expectError(sim.pay(allowed, ["card_kind": "hsa", "promo_code": 7]), 400, "invalid_request")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(allowed)"), "checkout_session")["status"] == "open")
    }
}
