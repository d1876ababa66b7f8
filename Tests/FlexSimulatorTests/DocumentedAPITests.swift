// The gaps the walk through Flex's docs index found (issue 17): the refund guide's amount_discount,
// Update Capture, and the expand parameters; each with the inputs it refuses.
import FlexAPI
import Foundation
import FlexSimulator
import Testing

@Suite struct DocumentedAPITests {
    func refund(_ sim: Sim, _ id: String, _ fields: JSONObject, preview: Bool = false) -> APIResponse {
        sim.post("/v1/checkout/sessions/\(id)/" + (preview ? "refund_allocation" : "refund"), .object(["checkout_session": .object(fields)]))
    }

    /// Two $10.00 lines with a $10.00 coupon ($5.00 off each), $7.00 shipping, $1.50 tax: $18.50 paid.
    func discountedCart(card: String = "4242424242424242") -> (Sim, String, String, String) {
        RefundPortionTests().paidCart(card: card)
    }

    @Test func theRefundGuidesLineItemRefundWithEveryPortion() {
        let (sim, id, first, second) = discountedCart()
        let body: JSONObject = [
            "line_items": [["price": .string(first), "amount_to_refund": 1000], ["price": .string(second), "amount_to_refund": 1000]],
            "amount_tax": 150, "amount_shipping": 700, "amount_discount": 1000,
            "refund_metadata": ["OrderNo": "ORDER123"],
        ]
        #expect(sim.unwrap(refund(sim, id, body, preview: true), "allocations")[0]?["amount"] == 1850)
        let session = sim.unwrap(refund(sim, id, body), "checkout_session")
        #expect(session["amount_refunded"] == 1850)
        let refundID = session["refunds"]?[0]?.stringValue ?? session["refunds"]?[0]?["refund_id"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.get("/v1/refunds/\(refundID)"), "refund")["metadata"]?["OrderNo"] == "ORDER123")
        // Everything is back, the discount too: nothing is left to refund.
        expectError(refund(sim, id, ["line_items": [["price": .string(first)]], "amount_discount": 0]), 422, "already_refunded")
    }

    @Test func aZeroDiscountOnAnUndiscountedCartIsAccepted() {
        let sim = Sim()
        let price = sim.price(2500)
        let id = sim.session([(price, 1)])
        _ = sim.pay(id)
        let session = sim.unwrap(refund(sim, id, ["line_items": [["price": .string(price), "amount_to_refund": 2000]],
                                                  "amount_discount": 0, "amount_tax": 0, "amount_shipping": 0]), "checkout_session")
        #expect(session["amount_refunded"] == 2000)
    }

    @Test(arguments: [
        // Gross 1000 with no discount taken off is more than the 500 the line paid.
        (#"{"line_items": [{"price": "A", "amount_to_refund": 1000}], "amount_discount": 0}"#, 422, "refund_amount_too_large"),
        // Line A carries only 500 of discount.
        (#"{"line_items": [{"price": "A", "amount_to_refund": 1000}], "amount_discount": 600}"#, 422, "refund_amount_too_large"),
        // Before its discount line A has 1000, not 1001.
        (#"{"line_items": [{"price": "A", "amount_to_refund": 1001}], "amount_discount": 500}"#, 422, "refund_amount_too_large"),
        // Nothing would be given back.
        (#"{"line_items": [{"price": "A", "amount_to_refund": 500}], "amount_discount": 500}"#, 422, "refund_amount_too_large"),
        (#"{"line_items": [{"price": "A"}], "amount_discount": -1}"#, 400, "invalid_request"),
        (#"{"line_items": [{"price": "A"}], "amount_discount": "all"}"#, 400, "invalid_request"),
        (#"{"amount": 100, "amount_discount": 10}"#, 400, "invalid_request"),
        (#"{"amount_discount": 10}"#, 400, "invalid_request"),
    ])
    func discountRules(body: String, status: Int, code: String) {
        let (sim, id, first, _) = discountedCart()
        let text = #"{"checkout_session": \#(body.replacingOccurrences(of: "\"A\"", with: "\"\(first)\""))}"#
        expectError(sim.post("/v1/checkout/sessions/\(id)/refund", parsed(text)), status, code)
        expectError(sim.post("/v1/checkout/sessions/\(id)/refund_allocation", parsed(text)), status, code)
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["amount_refunded"] == 0)
    }

    @Test func aFailedRefundGivesItsDiscountBack() {
        let (sim, id, first, _) = discountedCart(card: "4000000000005126")
        let body: JSONObject = ["line_items": [["price": .string(first), "amount_to_refund": 1000]], "amount_discount": 500]
        #expect(sim.unwrap(refund(sim, id, body), "checkout_session")["amount_refunded"] == 500)
        expectError(refund(sim, id, body), 422, "refund_amount_too_large")
        sim.advance(3600)  // the refund fails at settlement
        #expect(sim.unwrap(refund(sim, id, body), "checkout_session")["amount_refunded"] == 500)
    }

    /// A manual-capture session captured once: (sim, capture ID).
    func captured() -> (Sim, String) {
        let sim = Sim()
        let id = sim.session([(sim.price(5000), 1)], ["capture_method": "manual"])
        _ = sim.pay(id)
        let session = sim.unwrap(sim.post("/v1/checkout/sessions/\(id)/capture", nil), "checkout_session")
        return (sim, session["captures"]?[0]?["capture_id"]?.stringValue ?? "")
    }

    @Test func updateCaptureChangesItsMetadata() {
        let (sim, capture) = captured()
        let updated = sim.unwrap(sim.patch("/v1/captures/\(capture)", ["capture": ["metadata": ["shipment": "7"]]]), "capture")
        #expect(updated["metadata"]?["shipment"] == "7")
        #expect(updated["amount_captured"] == 5000)
        #expect(sim.unwrap(sim.get("/v1/captures/\(capture)"), "capture")["metadata"]?["shipment"] == "7")
        expectError(sim.patch("/v1/captures/\(capture)", ["metadata": ["a": "b"]]), 400, "invalid_request")
        expectError(sim.patch("/v1/captures/\(capture)", ["capture": ["metadata": 7]]), 400, "invalid_request")
        expectError(sim.patch("/v1/captures/fcap_01KDX00000000000000000000A", ["capture": ["metadata": [:]]]), 404, "capture_not_found")
        expectError(sim.post("/v1/captures/\(capture)", ["capture": ["metadata": [:]]]), 405, "method_not_allowed")
    }

    @Test func expandProductOnPrices() {
        let sim = Sim()
        let price = sim.price(1200)
        let listed = sim.unwrap(sim.get("/v1/prices", [("expand_product", "true")]), "prices")
        #expect(listed[0]?["product"]?["name"] == "Thermometer")
        #expect(sim.unwrap(sim.get("/v1/prices/\(price)", [("expand", "product")]), "price")["product"]?["product_id"]?.stringValue?.hasPrefix("fprod_") == true)
        #expect(sim.unwrap(sim.get("/v1/prices/\(price)", [("expand_product", "false")]), "price")["product"]?.stringValue?.hasPrefix("fprod_") == true)
        #expect(sim.unwrap(sim.get("/v1/prices/\(price)"), "price")["product"]?.stringValue?.hasPrefix("fprod_") == true)
    }

    @Test func expandCustomerAndPaymentIntentOnSessions() {
        let sim = Sim()
        let id = sim.session([(sim.price(1200), 1)])
        _ = sim.pay(id)
        let session = sim.unwrap(sim.get("/v1/checkout/sessions", [("expand_customer", "true"), ("expand", "payment_intent, invoice")]), "checkout_sessions")[0]
        #expect(session?["customer"]?["customer_id"]?.stringValue?.hasPrefix("fcus_") == true)
        #expect(session?["payment_intent"]?["amount"] == 1200)
        #expect(session?["invoice"] == .null)
        let intent = sim.unwrap(sim.get("/v1/payment_intents", [("expand_customer", "true")]), "payment_intents")[0]
        #expect(intent?["customer"]?["email"] != nil)
    }

    @Test(arguments: [
        ("expand_product", "yes", "invalid_request"),
        ("expand", "nothing", "invalid_expand"),
        ("expand", "product.name", "invalid_expand"),
        ("expand_customer", "true", "invalid_expand"),  // a price has no customer
    ])
    func badExpansionsAreRefused(name: String, value: String, code: String) {
        let sim = Sim()
        _ = sim.price(1200)
        expectError(sim.get("/v1/prices", [(name, value)]), 400, code)
    }

    @Test func aWriteWithABadExpansionChangesNothing() {
        let sim = Sim()
        let product = sim.product()
        let before = sim.unwrap(sim.get("/v1/prices"), "prices").arrayValue?.count
        let request = APIRequest(.POST, "/v1/prices", query: [QueryItem("expand_customer", "true")],
                                 body: ["price": ["product": .string(product), "unit_amount": 100]])
        expectError(sim.flex.handle(request), 400, "invalid_expand")
        #expect(sim.unwrap(sim.get("/v1/prices"), "prices").arrayValue?.count == before)
        let good = APIRequest(.POST, "/v1/prices", query: [QueryItem("expand_product", "true")],
                              body: ["price": ["product": .string(product), "unit_amount": 100]])
        #expect(sim.unwrap(sim.flex.handle(good), "price")["product"]?["product_id"] == .string(product))
    }

    @Test func theIntervalFilterKeepsTheLastDays() {
        let sim = Sim()
        let price = sim.price(1000)
        _ = sim.session([(price, 1)])
        sim.advance(3 * 86_400)
        let recent = sim.session([(price, 1)])
        let sessions = sim.unwrap(sim.get("/v1/checkout/sessions", [("interval", "1")]), "checkout_sessions").arrayValue ?? []
        #expect(sessions.map { $0["checkout_session_id"]?.stringValue } == [recent])
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions", [("interval", "4")]), "checkout_sessions").arrayValue?.count == 2)
        #expect(sim.unwrap(sim.get("/v1/payment_intents", [("interval", "0")]), "payment_intents").arrayValue?.count == 0)
        expectError(sim.get("/v1/checkout/sessions", [("interval", "-1")]), 400, "invalid_request")
        expectError(sim.get("/v1/payment_intents", [("interval", "month")]), 400, "invalid_request")
    }

    @Test func productsFilterOnMetadata() {
        let sim = Sim()
        let tagged = sim.unwrap(sim.post("/v1/products", ["product": ["name": "A", "metadata": ["sku": "T-1", "aisle": "4"]]]), "product")
        _ = sim.post("/v1/products", ["product": ["name": "B", "metadata": ["sku": "T-2"]]])
        let found = sim.unwrap(sim.get("/v1/products", [("metadata[sku]", "T-1"), ("metadata[aisle]", "4")]), "products").arrayValue ?? []
        #expect(found.map { $0["product_id"] } == [tagged["product_id"]])
        #expect(sim.unwrap(sim.get("/v1/products", [("metadata[sku]", "T-1"), ("metadata[aisle]", "5")]), "products").arrayValue?.count == 0)
        expectError(sim.get("/v1/products", [("metadata[]", "x")]), 400, "invalid_request")
        expectError(sim.get("/v1/products", [("metadata", "x")]), 400, "invalid_request")
    }
}
