// Coupons, promo codes, shipping rates and tax: every validation rule, and their effect on sessions.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct DiscountTests {
    func coupon(_ sim: Sim, _ fields: String) -> APIResponse {
        sim.post("/v1/coupons", parsed(#"{"coupon": {\#(fields)}}"#))
    }

    func couponID(_ sim: Sim, _ fields: String) -> String {
        sim.unwrap(coupon(sim, fields), "coupon")["coupon_id"]?.stringValue ?? ""
    }

    @Test func createGetAndList() {
        let sim = Sim()
        let product = sim.product()
        let created = sim.unwrap(coupon(sim, #""name": "Spring", "percent_off": 12.5, "duration": "repeating", "duration_in_months": 3, "max_redemptions": 2, "applies_to": {"products": ["\#(product)"]}, "metadata": {"k": "v"}"#), "coupon")
        #expect(created.objectValue?.keys == ["coupon_id", "amount_off", "percent_off", "applies_to", "duration", "duration_in_months", "name",
                                              "max_redemptions", "times_redeemed", "valid", "metadata", "created_at", "test_mode"])
        #expect(created["coupon_id"]?.stringValue?.hasPrefix("fcoup_") == true)
        #expect(created["percent_off"] == .decimal("12.5"))
        #expect(created["amount_off"] == .null)
        #expect(created["applies_to"]?["products"] == [.string(product)])
        #expect(created["times_redeemed"] == 0)
        #expect(created["valid"] == true)
        #expect(created["test_mode"] == true)
        let id = created["coupon_id"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.get("/v1/coupons/\(id)"), "coupon") == created)
        _ = couponID(sim, #""amount_off": 500"#)
        let list = sim.unwrap(sim.get("/v1/coupons", [("limit", "1")]), "coupons").arrayValue ?? []
        #expect(list.count == 1)
        #expect(list.first?["amount_off"] == 500)
        #expect(list.first?["duration"] == "once")
        expectError(sim.get("/v1/coupons/fcoup_1234567890"), 404, "coupon_not_found")
        expectError(sim.patch("/v1/coupons", nil), 405, "method_not_allowed")
    }

    @Test(arguments: [
        (#""name": "none""#, "invalid_request"),
        (#""amount_off": 100, "percent_off": 10"#, "invalid_request"),
        (#""amount_off": 0"#, "invalid_request"),
        (#""amount_off": -5"#, "invalid_request"),
        (#""amount_off": 1.5"#, "invalid_request"),
        (#""amount_off": "100""#, "invalid_request"),
        (#""amount_off": 100000000"#, "amount_too_large"),
        (#""percent_off": 0"#, "invalid_request"),
        (#""percent_off": 0.0"#, "invalid_request"),
        (#""percent_off": 100.01"#, "invalid_request"),
        (#""percent_off": 101"#, "invalid_request"),
        (#""percent_off": -10"#, "invalid_request"),
        (#""percent_off": 12.34567"#, "invalid_request"),
        (#""percent_off": 1e1"#, "invalid_request"),
        (#""percent_off": "10""#, "invalid_request"),
        (#""amount_off": 100, "duration": "weekly""#, "invalid_request"),
        (#""amount_off": 100, "duration": "repeating""#, "invalid_request"),
        (#""amount_off": 100, "duration": "repeating", "duration_in_months": 0"#, "invalid_request"),
        (#""amount_off": 100, "duration": "once", "duration_in_months": 3"#, "invalid_request"),
        (#""amount_off": 100, "duration_in_months": 3"#, "invalid_request"),
        (#""amount_off": 100, "max_redemptions": 0"#, "invalid_request"),
        (#""amount_off": 100, "applies_to": {"products": [5]}"#, "invalid_request"),
        (#""amount_off": 100, "applies_to": []"#, "invalid_request"),
        (#""amount_off": 100, "metadata": 3"#, "invalid_request"),
        (#""amount_off": 100, "name": 3"#, "invalid_request"),
    ])
    func couponValidation(fields: String, code: String) {
        let sim = Sim()
        let response = coupon(sim, fields)
        expectError(response, 400, code)
    }

    @Test func couponValidationNamesTheField() {
        let sim = Sim()
        #expect(coupon(sim, #""percent_off": 150"#).body["error"]?["message"]?.stringValue?.contains("coupon.percent_off") == true)
        #expect(coupon(sim, #""amount_off": 1, "duration": "repeating""#).body["error"]?["message"]?.stringValue?.contains("coupon.duration_in_months") == true)
        expectError(coupon(sim, #""amount_off": 1, "applies_to": {"products": ["fprod_nope"]}"#), 404, "product_not_found")
        expectError(sim.post("/v1/coupons", parsed(#"{"amount_off": 1}"#)), 400, "invalid_request")
        // Valid edges: 100%, four decimal places, trailing zeros, forever.
        for fields in [#""percent_off": 100"#, #""percent_off": 0.0001"#, #""percent_off": 12.50000"#, #""amount_off": 1, "duration": "forever""#] {
            #expect(coupon(sim, fields).status == 200, "\(fields)")
        }
    }

    @Test func percentOffRoundsHalfUpOnTheCart() {
        let sim = Sim()
        let price = sim.price(999)
        // 12.5% of 999 = 124.875 → 125; of 2 × 999 = 249.75 → 250.
        let percent = couponID(sim, #""percent_off": 12.5"#)
        let one = sim.unwrap(sim.checkout([(price, 1)], ["discounts": [["coupon": .string(percent)]]]), "checkout_session")
        #expect(one["total_details"]?["amount_discount"] == 125)
        #expect(one["amount_subtotal"] == 999)
        #expect(one["amount_total"] == 874)
        #expect(one["discounts"]?.arrayValue?.first?["coupon"]?.stringValue == percent)
        // 0.5 cents exactly rounds up: 50% of 1 cent.
        let half = couponID(sim, #""percent_off": 50"#)
        let cent = sim.unwrap(sim.checkout([(sim.price(1), 1)], ["discounts": [["coupon": .string(half)]]]), "checkout_session")
        #expect(cent["amount_total"] == 0)
        // 33.3333% of 1000 = 333.333 → 333.
        let third = couponID(sim, #""percent_off": 33.3333"#)
        #expect(sim.unwrap(sim.checkout([(sim.price(1000), 1)], ["discounts": [["coupon": .string(third)]]]), "checkout_session")["amount_total"] == 667)
    }

    @Test func amountOffSpreadsOverTheLinesItAppliesTo() {
        let sim = Sim()
        let thermo = sim.price(1000)
        let mug = sim.price(2000, "not_eligible", name: "Mug")
        let bandage = sim.price(500, name: "Bandage")
        // 100 off 3500: shares 28.57…, 57.14…, 14.28… → 28, 57, 14, and the leftover cent to the largest remainder (0.57).
        let off = couponID(sim, #""amount_off": 100"#)
        let id = sim.session([(thermo, 1), (mug, 1), (bandage, 1)], ["discounts": [["coupon": .string(off)]]])
        let items = sim.unwrap(sim.get("/v1/checkout/sessions/\(id)/line_items"), "line_items").arrayValue ?? []
        #expect(items.map { $0["amount_discount"] } == [29, 57, 14])
        #expect(items.map { $0["amount_total"] } == [971, 1943, 486])
        // The HSA/FSA card pays the eligible lines after their discount; the split card the rest.
        let paid = sim.unwrap(sim.pay(id, ["card_kind": "hsa", "split_card": "5555555555554444"]), "checkout_session")
        #expect(paid["amount_total"] == 3400)
        let intents = (paid["payment_intents"]?.arrayValue ?? []).map { sim.unwrap(sim.get("/v1/payment_intents/\($0.stringValue ?? "")"), "payment_intent")["amount"] }
        #expect(intents == [1457, 1943])
        // applies_to limits the discount; more than the lines is capped at them.
        let product = sim.unwrap(sim.get("/v1/prices/\(mug)"), "price")["product"]?.stringValue ?? ""
        let mugOnly = couponID(sim, #""amount_off": 5000, "applies_to": {"products": ["\#(product)"]}"#)
        let capped = sim.unwrap(sim.checkout([(thermo, 1), (mug, 1)], ["discounts": [["coupon": .string(mugOnly)]]]), "checkout_session")
        #expect(capped["total_details"]?["amount_discount"] == 2000)
        #expect(capped["amount_total"] == 1000)
        expectError(sim.checkout([(thermo, 1)], ["discounts": [["coupon": .string(mugOnly)]]]), 422, "coupon_not_applicable")
    }

    @Test func maxRedemptionsCountsPaidSessionsOnly() {
        let sim = Sim()
        let price = sim.price(1000)
        let limited = couponID(sim, #""amount_off": 100, "max_redemptions": 1"#)
        let first = sim.session([(price, 1)], ["discounts": [["coupon": .string(limited)]]])
        // An unpaid session redeems nothing yet.
        #expect(sim.unwrap(sim.get("/v1/coupons/\(limited)"), "coupon")["times_redeemed"] == 0)
        let second = sim.session([(price, 1)], ["discounts": [["coupon": .string(limited)]]])
        _ = sim.pay(first)
        let coupon = sim.unwrap(sim.get("/v1/coupons/\(limited)"), "coupon")
        #expect(coupon["times_redeemed"] == 1)
        #expect(coupon["valid"] == false)
        expectError(sim.checkout([(price, 1)], ["discounts": [["coupon": .string(limited)]]]), 422, "coupon_max_redemptions")
        // A session made before the limit was reached can still be paid (Stripe checks at creation).
        #expect(sim.pay(second).status == 200)
    }

    @Test(arguments: [
        (#"[{"coupon": "C"}, {"coupon": "C"}]"#, 400, "invalid_request"),
        (#"[{}]"#, 400, "invalid_request"),
        (#"[{"coupon": "C", "promo_code": "X"}]"#, 400, "invalid_request"),
        (#"["C"]"#, 400, "invalid_request"),
        (#"{"coupon": "C"}"#, 400, "invalid_request"),
        (#"[{"coupon": "fcoup_nope"}]"#, 404, "coupon_not_found"),
        (#"[{"promo_code": "NOPE"}]"#, 404, "promo_code_not_found"),
        (#"[{"promo_code": "fpromo_nope"}]"#, 404, "promo_code_not_found"),
        (#"[{"coupon_data": {"amount_off": 0}}]"#, 400, "invalid_request"),
        (#"[{"coupon_data": {"percent_off": 10, "amount_off": 10}}]"#, 400, "invalid_request"),
    ])
    func sessionDiscountErrors(discounts: String, status: Int, code: String) {
        let sim = Sim()
        let price = sim.price(1000)
        let coupon = couponID(sim, #""amount_off": 100"#)
        let body = #"{"checkout_session": {"line_items": [{"price": "P", "quantity": 1}], "discounts": D}}"#
            .replacingOccurrences("D", discounts).replacingOccurrences("\"C\"", "\"\(coupon)\"").replacingOccurrences("\"P\"", "\"\(price)\"")
        expectError(sim.post("/v1/checkout/sessions", parsed(body)), status, code)
    }

    @Test func inlineCouponDataAndAllowPromotionCodes() {
        let sim = Sim()
        let price = sim.price(2000)
        let inline = sim.unwrap(sim.checkout([(price, 1)], ["discounts": [["coupon_data": ["amount_off": 300, "name": "Welcome"]]]]), "checkout_session")
        #expect(inline["amount_total"] == 1700)
        #expect(inline["discounts"]?.arrayValue?.first?["coupon"] == .null)
        let allowed = sim.unwrap(sim.checkout([(price, 1)], ["allow_promotion_codes": true]), "checkout_session")
        #expect(allowed["allow_promotion_codes"] == true)
        #expect(allowed["amount_total"] == 2000)
        let coupon = couponID(sim, #""amount_off": 100"#)
        expectError(sim.checkout([(price, 1)], ["allow_promotion_codes": true, "discounts": [["coupon": .string(coupon)]]]), 400, "invalid_request")
        expectError(sim.checkout([(price, 1)], ["allow_promotion_codes": "yes"]), 400, "invalid_request")
        // A plain session has none of these fields (they appear with a discount, shipping or tax).
        let plain = sim.unwrap(sim.checkout([(price, 1)]), "checkout_session")
        #expect(plain["discounts"] == nil)
    }

    func promo(_ sim: Sim, _ fields: String) -> APIResponse {
        sim.post("/v1/promo_codes", parsed(#"{"promo_code": {\#(fields)}}"#))
    }

    @Test func promoCodes() {
        let sim = Sim()
        let price = sim.price(1000)
        let coupon = couponID(sim, #""percent_off": 10"#)
        let created = sim.unwrap(promo(sim, #""coupon_id": "\#(coupon)", "code": "SPRING10", "metadata": {"a": "b"}"#), "promo_code")
        #expect(created.objectValue?.keys == ["promo_code_id", "code", "coupon", "max_redemptions", "times_redeemed", "created_at",
                                              "customer", "active", "metadata", "test_mode"])
        #expect(created["promo_code_id"]?.stringValue?.hasPrefix("fpromo_") == true)
        #expect(created["coupon"]?["coupon_id"]?.stringValue == coupon)
        #expect(created["active"] == true)
        let id = created["promo_code_id"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.get("/v1/promo_codes/\(id)"), "promo_code") == created)
        #expect(sim.unwrap(sim.get("/v1/promo_codes", [("code", "spring10")]), "promo_codes").arrayValue?.count == 1)
        #expect(sim.unwrap(sim.get("/v1/promo_codes", [("coupon", coupon), ("active", "false")]), "promo_codes").arrayValue?.count == 0)
        // Shoppers type codes in any case; the session records the promo code and its coupon.
        let session = sim.unwrap(sim.checkout([(price, 1)], ["discounts": [["promo_code": "spring10"]]]), "checkout_session")
        #expect(session["amount_total"] == 900)
        #expect(session["discounts"]?.arrayValue?.first?["promo_code"]?.stringValue == id)
        #expect(session["discounts"]?.arrayValue?.first?["coupon"]?.stringValue == coupon)
        expectError(promo(sim, #""coupon_id": "\#(coupon)", "code": "spring10""#), 400, "promo_code_already_exists")
        // An inactive code may share its text, and cannot be used.
        let inactive = sim.unwrap(promo(sim, #""coupon_id": "\#(coupon)", "code": "OLD", "active": false"#), "promo_code")
        expectError(sim.checkout([(price, 1)], ["discounts": [["promo_code": "OLD"]]]), 422, "promo_code_inactive")
        expectError(sim.checkout([(price, 1)], ["discounts": [["promo_code": inactive["promo_code_id"] ?? .null]]]), 422, "promo_code_inactive")
    }

    @Test func promoCodeLimits() {
        let sim = Sim()
        let price = sim.price(1000)
        let coupon = couponID(sim, #""amount_off": 100"#)
        _ = sim.unwrap(promo(sim, #""coupon_id": "\#(coupon)", "code": "ONCE", "max_redemptions": 1"#), "promo_code")
        let first = sim.session([(price, 1)], ["discounts": [["promo_code": "ONCE"]]])
        _ = sim.pay(first)
        expectError(sim.checkout([(price, 1)], ["discounts": [["promo_code": "ONCE"]]]), 422, "promo_code_max_redemptions")
        let customer = sim.unwrap(sim.post("/v1/customers", parsed(#"{"customer": {"email": "a@example.com"}}"#)), "customer")["customer_id"] ?? .null
        let stranger = sim.unwrap(sim.post("/v1/customers", parsed(#"{"customer": {"email": "b@example.com"}}"#)), "customer")["customer_id"] ?? .null
        _ = sim.unwrap(promo(sim, #""coupon_id": "\#(coupon)", "code": "VIP", "customer": \#(customer.serialized())"#), "promo_code")
        expectError(sim.checkout([(price, 1)], ["discounts": [["promo_code": "VIP"]]]), 422, "promo_code_customer_mismatch")
        expectError(sim.checkout([(price, 1)], ["customer": stranger, "discounts": [["promo_code": "VIP"]]]), 422, "promo_code_customer_mismatch")
        #expect(sim.checkout([(price, 1)], ["customer": customer, "discounts": [["promo_code": "VIP"]]]).status == 200)
    }

    @Test(arguments: [
        (#""code": "X""#, 400, "invalid_request"),
        (#""coupon_id": "C""#, 400, "invalid_request"),
        (#""coupon_id": "C", "code": """#, 400, "invalid_request"),
        (#""coupon_id": "C", "code": "HAS SPACE""#, 400, "invalid_request"),
        (#""coupon_id": "C", "code": "X", "max_redemptions": 0"#, 400, "invalid_request"),
        (#""coupon_id": "C", "code": "X", "active": "no""#, 400, "invalid_request"),
        (#""coupon_id": "fcoup_nope", "code": "X""#, 404, "coupon_not_found"),
        (#""coupon_id": "C", "code": "X", "customer": "fcus_nope""#, 404, "customer_not_found"),
    ])
    func promoCodeValidation(fields: String, status: Int, code: String) {
        let sim = Sim()
        let coupon = couponID(sim, #""amount_off": 100"#)
        expectError(promo(sim, fields.replacingOccurrences("\"C\"", "\"\(coupon)\"")), status, code)
    }

    func rate(_ sim: Sim, _ fields: String) -> APIResponse {
        sim.post("/v1/shipping_rates", parsed(#"{"shipping_rate": {\#(fields)}}"#))
    }

    @Test func shippingRates() {
        let sim = Sim()
        let created = sim.unwrap(rate(sim, #""display_name": "Ground", "amount": 799, "metadata": {"carrier": "ups"}"#), "shipping_rate")
        #expect(created.objectValue?.keys == ["shipping_rate_id", "active", "display_name", "amount", "metadata", "created_at", "test_mode"])
        let id = created["shipping_rate_id"]?.stringValue ?? ""
        #expect(id.hasPrefix("fshr_"))
        #expect(sim.unwrap(sim.get("/v1/shipping_rates/\(id)"), "shipping_rate") == created)
        #expect(rate(sim, #""display_name": "Free", "amount": 0"#).status == 200)
        #expect(sim.unwrap(sim.get("/v1/shipping_rates"), "shipping_rates").arrayValue?.count == 2)
        let price = sim.price(1000)
        let session = sim.unwrap(sim.checkout([(price, 1)], ["shipping_options": ["shipping_rate_id": .string(id)], "shipping_address_collection": true]), "checkout_session")
        #expect(session["total_details"]?["amount_shipping"] == 799)
        #expect(session["amount_subtotal"] == 1000)
        #expect(session["amount_total"] == 1799)
        #expect(session["shipping_options"] == ["shipping_rate_id": .string(id), "shipping_amount": 799, "display_name": "Ground"])
        #expect(session["shipping_address_collection"] == true)
        // Shipping is not HSA/FSA eligible: on a split cart the second card pays it.
        let mug = sim.price(500, "not_eligible", name: "Mug")
        let split = sim.session([(price, 1), (mug, 1)], ["shipping_options": ["shipping_rate_id": .string(id)]])
        let paid = sim.unwrap(sim.pay(split, ["card_kind": "hsa", "split_card": "5555555555554444"]), "checkout_session")
        let intents = (paid["payment_intents"]?.arrayValue ?? []).map { sim.unwrap(sim.get("/v1/payment_intents/\($0.stringValue ?? "")"), "payment_intent")["amount"] }
        #expect(intents == [1000, 1299])
        // Deactivated rates cannot be chosen; the amount never changes.
        let patched = sim.unwrap(sim.patch("/v1/shipping_rates/\(id)", parsed(#"{"shipping_rate": {"active": false, "display_name": "Ground (old)"}}"#)), "shipping_rate")
        #expect(patched["active"] == false)
        expectError(sim.patch("/v1/shipping_rates/\(id)", parsed(#"{"shipping_rate": {"amount": 1}}"#)), 400, "invalid_request")
        expectError(sim.checkout([(price, 1)], ["shipping_options": ["shipping_rate_id": .string(id)]]), 400, "shipping_rate_inactive")
        #expect(sim.unwrap(sim.get("/v1/shipping_rates", [("active", "true")]), "shipping_rates").arrayValue?.count == 1)
        expectError(sim.checkout([(price, 1)], ["shipping_options": ["shipping_rate_id": "fshr_nope"]]), 404, "shipping_rate_not_found")
        expectError(sim.checkout([(price, 1)], ["shipping_options": "fshr_nope"]), 400, "invalid_request")
        expectError(sim.checkout([(price, 1)], ["shipping_options": [:]]), 400, "invalid_request")
        expectError(sim.get("/v1/shipping_rates/fshr_nope"), 404, "shipping_rate_not_found")
    }

    @Test(arguments: [
        (#""amount": 100"#, "invalid_request"),
        (#""display_name": "", "amount": 100"#, "invalid_request"),
        (#""display_name": "X""#, "invalid_request"),
        (#""display_name": "X", "amount": -1"#, "invalid_request"),
        (#""display_name": "X", "amount": 1.5"#, "invalid_request"),
        (#""display_name": "X", "amount": 100000000"#, "amount_too_large"),
        (#""display_name": "X", "amount": 1, "active": 1"#, "invalid_request"),
    ])
    func shippingRateValidation(fields: String, code: String) {
        expectError(rate(Sim(), fields), 400, code)
    }

    @Test func tax() {
        let sim = Sim()
        let price = sim.price(1000)
        let exclusive = sim.unwrap(sim.checkout([(price, 1)], ["tax_rate": ["amount": 83]]), "checkout_session")
        #expect(exclusive["total_details"]?["amount_tax"] == 83)
        #expect(exclusive["amount_total"] == 1083)
        #expect(exclusive["tax_calculation_mode"] == "exclusive")
        #expect(exclusive["tax_rate"] == ["amount": 83])
        let inclusive = sim.unwrap(sim.checkout([(price, 1)], ["tax_rate": ["amount": 83], "tax_calculation_mode": "inclusive"]), "checkout_session")
        #expect(inclusive["total_details"]?["amount_tax"] == 83)
        #expect(inclusive["amount_total"] == 1000)
        expectError(sim.checkout([(price, 1)], ["tax_rate": ["amount": 1001], "tax_calculation_mode": "inclusive"]), 400, "invalid_request")
        expectError(sim.checkout([(price, 1)], ["tax_rate": ["amount": -1]]), 400, "invalid_request")
        expectError(sim.checkout([(price, 1)], ["tax_rate": [:]]), 400, "invalid_request")
        expectError(sim.checkout([(price, 1)], ["tax_rate": 83]), 400, "invalid_request")
        expectError(sim.checkout([(price, 1)], ["tax_calculation_mode": "sometimes"]), 400, "invalid_request")
        expectError(sim.checkout([(price, 1)], ["tax_rate": ["amount": 99_999_999]]), 400, "amount_too_large")
        // Everything together: 1000 - 100 + 500 shipping + 83 tax.
        let coupon = couponID(sim, #""amount_off": 100"#)
        let ship = sim.unwrap(rate(sim, #""display_name": "Ground", "amount": 500"#), "shipping_rate")["shipping_rate_id"] ?? .null
        let all = sim.unwrap(sim.checkout([(price, 1)], ["tax_rate": ["amount": 83], "discounts": [["coupon": .string(coupon)]], "shipping_options": ["shipping_rate_id": ship]]), "checkout_session")
        #expect(all["total_details"] == ["amount_discount": 100, "amount_tax": 83, "amount_shipping": 500])
        #expect(all["amount_total"] == 1483)
        // Off-session charges take the adjusted total too.
        let (_, customer, method) = sim.savedCard(price: price)
        let charged = sim.unwrap(sim.checkout([(price, 1)], ["mode": "off_session", "customer": customer.json, "payment_method": method.json, "tax_rate": ["amount": 83]]), "checkout_session")
        #expect(charged["amount_received"] == 1083)
    }
}

extension DiscountTests {
    /// Confirm charges the eligible lines after their discount share; shipping and tax are not eligible.
    @Test func confirmChargesTheDiscountedEligiblePart() {
        let sim = Sim()
        let thermo = sim.price(1000)
        let (_, customer, method) = sim.savedCard(price: thermo)
        let mug = sim.price(1000, "not_eligible", name: "Mug")
        let coupon = couponID(sim, #""amount_off": 200"#)
        let ship = sim.unwrap(rate(sim, #""display_name": "Ground", "amount": 500"#), "shipping_rate")["shipping_rate_id"] ?? .null
        let id = sim.session([(thermo, 1), (mug, 1)], ["customer": customer.json, "discounts": [["coupon": .string(coupon)]],
                                                       "shipping_options": ["shipping_rate_id": ship], "tax_rate": ["amount": 50]])
        let confirmed = sim.unwrap(sim.post("/v1/checkout/sessions/\(id)/confirm", parsed(#"{"checkout_session": {"payment_method": "\#(method)"}}"#), key: "c"), "checkout_session")
        #expect(confirmed["amount_total"] == 2350)
        #expect(confirmed["amount_received"] == 900)
    }
}

extension String {
    var json: JSON { .string(self) }
}
