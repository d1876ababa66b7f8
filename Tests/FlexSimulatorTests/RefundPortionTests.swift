// Refunds of carts with a discount, shipping and tax: a line item refunds what it paid (its share
// of the discount taken off), and `amount_shipping` / `amount_tax` refund the parts no line holds.
// A manual capture of a line takes the same net amount.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct RefundPortionTests {
    /// A paid session of two $10.00 lines with a $10.00 coupon (split $5.00 / $5.00), $7.00
    /// shipping and $1.50 exclusive tax: (sim, session ID, first price, second price).
    func paidCart(card: String = "4242424242424242") -> (Sim, String, String, String) {
        let sim = Sim()
        let first = sim.price(1000, name: "A")
        let second = sim.price(1000, name: "B")
        let coupon = sim.unwrap(sim.post("/v1/coupons", ["coupon": ["name": "ten", "amount_off": 1000, "duration": "once"]]), "coupon")
        let rate = sim.unwrap(sim.post("/v1/shipping_rates", ["shipping_rate": ["display_name": "Ground", "amount": 700]]), "shipping_rate")
        let id = sim.session([(first, 1), (second, 1)], [
            "discounts": [["coupon": coupon["coupon_id"] ?? .null]],
            "shipping_options": ["shipping_rate_id": rate["shipping_rate_id"] ?? .null], "shipping_address_collection": true,
            "tax_rate": ["amount": 150], "tax_calculation_mode": "exclusive",
        ])
        let paid = sim.unwrap(sim.pay(id, card: card, ["card_kind": "hsa"]), "checkout_session")
        #expect(paid["amount_total"] == 1850)
        return (sim, id, first, second)
    }

    func refund(_ sim: Sim, _ id: String, _ fields: JSONObject) -> APIResponse {
        sim.post("/v1/checkout/sessions/\(id)/refund", .object(["checkout_session": .object(fields)]))
    }

    @Test func aLineRefundsWhatItPaidAfterTheDiscount() {
        let (sim, id, first, second) = paidCart()
        let one = sim.unwrap(refund(sim, id, ["line_items": [["price": .string(first)]]]), "checkout_session")
        #expect(one["amount_refunded"] == 500)
        let two = sim.unwrap(refund(sim, id, ["line_items": [["price": .string(second)]]]), "checkout_session")
        #expect(two["amount_refunded"] == 1000)
        expectError(refund(sim, id, ["line_items": [["price": .string(first), "amount_to_refund": 1]]]), 422, "refund_amount_too_large")
    }

    @Test func shippingAndTaxPortionsGoWithTheLinesOrAlone() {
        let (sim, id, first, _) = paidCart()
        let preview = sim.unwrap(sim.post("/v1/checkout/sessions/\(id)/refund_allocation", ["checkout_session": [
            "line_items": [["price": .string(first)]], "amount_shipping": 700, "amount_tax": 75,
        ]]), "allocations")
        #expect(preview[0]?["amount"] == 1275)
        let withLines = sim.unwrap(refund(sim, id, ["line_items": [["price": .string(first)]], "amount_shipping": 700, "amount_tax": 75]), "checkout_session")
        #expect(withLines["amount_refunded"] == 1275)
        #expect(withLines["refunds"]?.arrayValue?.count == 1)
        expectError(refund(sim, id, ["amount_shipping": 1]), 422, "refund_amount_too_large")  // all the shipping is back
        expectError(refund(sim, id, ["amount_tax": 76]), 422, "refund_amount_too_large")
        let alone = sim.unwrap(refund(sim, id, ["amount_tax": 75]), "checkout_session")
        #expect(alone["amount_refunded"] == 1350)
    }

    @Test(arguments: [
        (#"{"amount_discount": 100}"#, 400, "invalid_request"),
        (#"{"amount": 100, "amount_tax": 10}"#, 400, "invalid_request"),
        (#"{"amount_shipping": -1}"#, 400, "invalid_request"),
        (#"{"amount_shipping": "all"}"#, 400, "invalid_request"),
        (#"{"amount_shipping": 701}"#, 422, "refund_amount_too_large"),
        (#"{"amount_tax": 151}"#, 422, "refund_amount_too_large"),
    ])
    func portionRules(body: String, status: Int, code: String) {
        let (sim, id, _, _) = paidCart()
        expectError(sim.post("/v1/checkout/sessions/\(id)/refund", parsed(#"{"checkout_session": \#(body)}"#)), status, code)
        expectError(sim.post("/v1/checkout/sessions/\(id)/refund_allocation", parsed(#"{"checkout_session": \#(body)}"#)), status, code)
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["amount_refunded"] == 0)
    }

    @Test func aFailedRefundGivesItsPortionsBack() {
        let (sim, id, _, _) = paidCart(card: "4000000000005126")
        #expect(sim.unwrap(refund(sim, id, ["amount_shipping": 700]), "checkout_session")["amount_refunded"] == 700)
        expectError(refund(sim, id, ["amount_shipping": 700]), 422, "refund_amount_too_large")
        sim.advance(3600)  // the refund fails at settlement
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["amount_refunded"] == 0)
        #expect(sim.unwrap(refund(sim, id, ["amount_shipping": 700]), "checkout_session")["amount_refunded"] == 700)
    }

    @Test func aLineCapturesWhatItCostsAfterTheDiscount() {
        let sim = Sim()
        let first = sim.price(1000, name: "A")
        let second = sim.price(1000, name: "B")
        let coupon = sim.unwrap(sim.post("/v1/coupons", ["coupon": ["name": "ten", "amount_off": 1000, "duration": "once"]]), "coupon")
        let id = sim.session([(first, 1), (second, 1)], ["discounts": [["coupon": coupon["coupon_id"] ?? .null]], "capture_method": "manual"])
        _ = sim.pay(id, ["card_kind": "hsa"])
        let captured = sim.unwrap(sim.post("/v1/checkout/sessions/\(id)/capture", ["checkout_session": ["line_items": [["price": .string(first)]]]]),
                                  "checkout_session")
        #expect(captured["amount_received"] == 500)
    }
}
