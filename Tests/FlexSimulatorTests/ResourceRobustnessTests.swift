// The newer resources answer junk (any method, body, query) with a Flex error, never a trap.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct ResourceRobustnessTests {
    static let bodies: [JSON?] = RobustnessTests.junkBodies + [
        ["coupon": ["amount_off": .integer(Int.max), "percent_off": .decimal("99999999999999999999.5"), "duration_in_months": .integer(Int.min)]],
        ["coupon": ["percent_off": .decimal("1e999"), "applies_to": ["products": [nil, 1, "fprod_"]]]],
        ["promo_code": ["coupon_id": [:], "code": .string(String(repeating: "A", count: 10_000)), "max_redemptions": .integer(Int.min)]],
        ["shipping_rate": ["display_name": "x", "amount": .integer(Int.max)]],
        ["webhook": ["url": .string("https://" + String(repeating: "a", count: 5_000)), "events": [nil, [:]]]],
        ["payment_link": ["line_items": [["price": "fprice_", "quantity": .integer(Int.max)]], "after_completion": ["type": "redirect", "redirect": 1]]],
        ["visit": ["email": 1]],
        ["checkout_session": ["payment_method": "fpm_", "payment_methods": [["payment_method_id": "fpm_", "amount": .integer(Int.max)], nil],
                              "amount": .integer(Int.max), "discounts": [["coupon_data": ["amount_off": .integer(Int.max)]]],
                              "tax_rate": ["amount": .integer(Int.max)], "shipping_options": ["shipping_rate_id": 1]]],
    ]

    static let paths = [
        "/v1/checkout/sessions/fcs_X/refund_allocation", "/v1/checkout/sessions/fcs_X/capture_allocation",
        "/v1/checkout/sessions/fcs_X/confirm", "/v1/coupons", "/v1/coupons/fcoup_X", "/v1/promo_codes", "/v1/promo_codes/fpromo_X",
        "/v1/shipping_rates", "/v1/shipping_rates/fshr_X", "/v1/balance_transactions", "/v1/balance_transactions/fbt_X",
        "/v1/webhooks", "/v1/webhooks/fwh_X", "/v1/payment_links", "/v1/payment_links/fplink_X", "/_sim/payment_links/fplink_X/visit",
        "/v1/checkout/sessions",
    ]

    @Test func junkNeverTraps() {
        let sim = Sim()
        let price = sim.price(100)
        let complete = sim.session([(price, 1)])
        _ = sim.pay(complete)
        let authorized = sim.session([(price, 1)], ["capture_method": "manual"])
        _ = sim.pay(authorized)
        let open = sim.session([(price, 1)])
        let queries: [[QueryItem]] = [[], [QueryItem("limit", "100"), QueryItem("offset", "9223372036854775807")],
                                      [QueryItem("type", ""), QueryItem("reporting_category", "x"), QueryItem("active", "")],
                                      [QueryItem("starting_after", "fbt_"), QueryItem("balance_transaction_id", "fbt_X")]]
        var count = 0
        for path in ResourceRobustnessTests.paths {
            for id in path.contains("fcs_X") ? [complete, authorized, open] : [open] {
                let concrete = path.replacingOccurrences("fcs_X", id)
                for method in HTTPMethod.allCases {
                    for body in ResourceRobustnessTests.bodies {
                        for query in queries {
                            let response = sim.flex.handle(APIRequest(method, concrete, query: query,
                                                                      headers: [HTTPHeader("Idempotency-Key", "k\(count)")], body: body))
                            if !response.isSuccess { #expect(response.body["error"]?["code"]?.stringValue != nil) }
                            count += 1
                        }
                    }
                }
            }
        }
        #expect(count > 5_000)
        #expect(sim.get("/v1/balance_transactions").status == 200)
    }

    @Test(arguments: ["/v1/promo_codes", "/v1/shipping_rates", "/v1/payment_links"])
    func activeFilterMustBeABoolean(path: String) {
        let sim = Sim()
        expectError(sim.get(path, [("active", "maybe")]), 400, "invalid_request")
        #expect(sim.get(path, [("active", "true")]).status == 200)
    }

    @Test(arguments: [
        ("/v1/coupons/fcoup_01KDX00000000000000000000A", "coupon_not_found"),
        ("/v1/promo_codes/fpromo_01KDX00000000000000000000A", "promo_code_not_found"),
        ("/v1/shipping_rates/fshr_01KDX00000000000000000000A", "shipping_rate_not_found"),
        ("/v1/balance_transactions/fbt_01KDX00000000000000000000A", "balance_transaction_not_found"),
        ("/v1/webhooks/fwh_01KDX00000000000000000000A", "webhook_not_found"),
        ("/v1/payment_links/fplink_01KDX00000000000000000000A", "payment_link_not_found"),
        // The right body with another object's prefix is unknown too.
        ("/v1/coupons/fpromo_01KDX00000000000000000000A", "coupon_not_found"),
    ])
    func unknownIDs(path: String, code: String) {
        expectError(Sim().get(path), 404, code)
    }

    @Test(arguments: ["/v1/coupons", "/v1/promo_codes", "/v1/shipping_rates", "/v1/balance_transactions", "/v1/webhooks", "/v1/payment_links"])
    func listsPageLikeEveryOther(path: String) {
        let sim = Sim()
        expectError(sim.get(path, [("limit", "101")]), 400, "invalid_request")
        expectError(sim.get(path, [("offset", "-1")]), 400, "invalid_request")
        expectError(sim.get(path, [("starting_after", "x"), ("ending_before", "y")]), 400, "invalid_request")
        expectError(sim.flex.handle(APIRequest(.PUT, path)), 405, "method_not_allowed")
    }
}
