// Webhook endpoint registration and payment links (with the simulator's visit route).
import FlexAPI
import FlexSimulator
import Testing

@Suite struct WebhookAndLinkTests {
    func webhook(_ sim: Sim, _ fields: String) -> APIResponse {
        sim.post("/v1/webhooks", parsed(#"{"webhook": {\#(fields)}}"#))
    }

    @Test func registerListGetDelete() {
        let sim = Sim()
        let created = sim.unwrap(webhook(sim, #""url": "https://shop.example/hooks", "events": ["checkout.session.completed", "refund.created", "refund.created"]"#), "webhook")
        #expect(created.objectValue?.keys == ["webhook_id", "url", "events", "secret", "active", "metadata", "created_at", "test_mode"])
        #expect(created["events"] == ["checkout.session.completed", "refund.created"])
        let secret = created["secret"]?.stringValue ?? ""
        #expect(secret.hasPrefix("fwhsec_"))
        #expect(secret.count == "fwhsec_".count + 32)
        // Deterministic: the same requests give the same secret.
        let again = Sim()
        #expect(again.unwrap(webhook(again, #""url": "https://shop.example/hooks", "events": ["checkout.session.completed", "refund.created", "refund.created"]"#), "webhook")["secret"]?.stringValue == secret)
        let id = created["webhook_id"]?.stringValue ?? ""
        #expect(id.hasPrefix("fwh_"))
        #expect(sim.unwrap(sim.get("/v1/webhooks/\(id)"), "webhook") == created)
        #expect(webhook(sim, #""url": "http://localhost:8080/hook", "events": ["checkout_session.completed"]"#).status == 200)
        #expect(sim.unwrap(sim.get("/v1/webhooks"), "webhooks").arrayValue?.count == 2)
        let deleted = sim.unwrap(sim.flex.handle(APIRequest(.DELETE, "/v1/webhooks/\(id)")), "webhook")
        #expect(deleted["deleted"] == true)
        expectError(sim.get("/v1/webhooks/\(id)"), 404, "webhook_not_found")
        expectError(sim.flex.handle(APIRequest(.DELETE, "/v1/webhooks/\(id)")), 404, "webhook_not_found")
        #expect(sim.unwrap(sim.get("/v1/webhooks"), "webhooks").arrayValue?.count == 1)
        expectError(sim.patch("/v1/webhooks/\(id)", nil), 405, "method_not_allowed")
    }

    @Test(arguments: [
        #""events": ["refund.created"]"#,
        #""url": "", "events": ["refund.created"]"#,
        #""url": "ftp://shop.example", "events": ["refund.created"]"#,
        #""url": "http://shop.example/hook", "events": ["refund.created"]"#,
        #""url": "http://localhost.shop.example/hook", "events": ["refund.created"]"#,
        #""url": "https://", "events": ["refund.created"]"#,
        #""url": "https://shop.example/a b", "events": ["refund.created"]"#,
        #""url": "https://shop.example""#,
        #""url": "https://shop.example", "events": []"#,
        #""url": "https://shop.example", "events": "refund.created""#,
        #""url": "https://shop.example", "events": [3]"#,
        #""url": "https://shop.example", "events": ["refund.made"]"#,
        #""url": 5, "events": ["refund.created"]"#,
    ])
    func webhookValidation(fields: String) {
        expectError(webhook(Sim(), fields), 400, "invalid_request")
    }

    func link(_ sim: Sim, _ fields: String) -> APIResponse {
        sim.post("/v1/payment_links", parsed(#"{"payment_link": {\#(fields)}}"#))
    }

    @Test func linksMakeASessionPerVisit() {
        let sim = Sim()
        let price = sim.price(2000)
        let rate = sim.unwrap(sim.post("/v1/shipping_rates", parsed(#"{"shipping_rate": {"display_name": "Ground", "amount": 500}}"#)), "shipping_rate")["shipping_rate_id"]?.stringValue ?? ""
        let created = sim.unwrap(link(sim, #""label": "Thermometer", "line_items": [{"price": "\#(price)", "quantity": 1}], "shipping_options": {"shipping_rate_id": "\#(rate)"}, "tax_rate": {"amount": 100}, "allow_promotion_codes": true, "payment_intent_data": {"capture_method": "manual"}, "after_completion": {"type": "redirect", "redirect": {"url": "https://shop.example/thanks"}}, "origin": "shopify", "metadata": {"campaign": "spring"}"#), "payment_link")
        let id = created["payment_link_id"]?.stringValue ?? ""
        #expect(id.hasPrefix("fplink_"))
        #expect(created["url"]?.stringValue == "https://checkout.withflex.com/pay/l/\(id)")
        #expect(created["active"] == true)
        #expect(created["origin"] == "shopify")
        #expect(sim.unwrap(sim.get("/v1/payment_links/\(id)"), "payment_link") == created)
        let visit = sim.unwrap(sim.post("/_sim/payment_links/\(id)/visit", parsed(#"{"visit": {"client_reference_id": "order-1", "email": "a@example.com"}}"#)), "checkout_session")
        #expect(visit["status"] == "open")
        #expect(visit["amount_total"] == 2600)
        #expect(visit["capture_method"] == "manual")
        #expect(visit["success_url"] == "https://shop.example/thanks")
        #expect(visit["client_reference_id"] == "order-1")
        #expect(visit["defaults"]?["email"] == "a@example.com")
        #expect(visit["allow_promotion_codes"] == true)
        #expect(visit["metadata"]?["campaign"] == "spring")
        let second = sim.unwrap(sim.post("/_sim/payment_links/\(id)/visit"), "checkout_session")
        #expect(second["checkout_session_id"] != visit["checkout_session_id"])
        #expect(second["client_reference_id"] == .null)
        #expect(sim.unwrap(sim.get("/v1/payment_links/\(id)"), "payment_link")["checkout_sessions"]?.arrayValue?.count == 2)
        // Deactivated links make no sessions; the cart cannot change.
        let off = sim.unwrap(sim.patch("/v1/payment_links/\(id)", parsed(#"{"payment_link": {"active": false}}"#)), "payment_link")
        #expect(off["active"] == false)
        expectError(sim.post("/_sim/payment_links/\(id)/visit"), 422, "payment_link_inactive")
        expectError(sim.patch("/v1/payment_links/\(id)", parsed(#"{"payment_link": {"line_items": []}}"#)), 400, "invalid_request")
        #expect(sim.unwrap(sim.get("/v1/payment_links", [("active", "true")]), "payment_links").arrayValue?.count == 0)
        #expect(sim.unwrap(sim.get("/v1/payment_links"), "payment_links").arrayValue?.count == 1)
        expectError(sim.get("/v1/payment_links/fplink_nope"), 404, "payment_link_not_found")
        expectError(sim.post("/_sim/payment_links/fplink_nope/visit"), 404, "payment_link_not_found")
        // A visit whose price was deactivated fails like the session would.
        let other = sim.unwrap(link(sim, #""line_items": [{"price": "\#(price)", "quantity": 2}]"#), "payment_link")["payment_link_id"]?.stringValue ?? ""
        _ = sim.post("/v1/prices/\(price)", parsed(#"{"price": {"active": false}}"#))
        expectError(sim.post("/_sim/payment_links/\(other)/visit"), 400, "price_inactive")
        #expect(sim.unwrap(sim.get("/v1/payment_links/\(other)"), "payment_link")["checkout_sessions"] == [])
    }

    @Test(arguments: [
        (#""label": "no items""#, 400, "invalid_request"),
        (#""line_items": [{"price": "P", "quantity": 0}]"#, 400, "invalid_request"),
        (#""line_items": [{"price": "fprice_nope", "quantity": 1}]"#, 404, "price_not_found"),
        (#""line_items": [{"price": "P", "quantity": 1}], "mode": "subscription""#, 400, "unsupported_mode"),
        (#""line_items": [{"price": "P", "quantity": 1}], "mode": "weird""#, 400, "invalid_request"),
        (#""line_items": [{"price": "P", "quantity": 1}], "setup_future_use": "always""#, 400, "invalid_request"),
        (#""line_items": [{"price": "P", "quantity": 1}], "shipping_options": {"shipping_rate_id": "fshr_nope"}"#, 404, "shipping_rate_not_found"),
        (#""line_items": [{"price": "P", "quantity": 1}], "tax_rate": {"amount": -1}"#, 400, "invalid_request"),
        (#""line_items": [{"price": "P", "quantity": 1}], "allow_promotion_codes": "yes""#, 400, "invalid_request"),
        (#""line_items": [{"price": "P", "quantity": 1}], "payment_intent_data": {"capture_method": "later"}"#, 400, "invalid_request"),
        (#""line_items": [{"price": "P", "quantity": 1}], "after_completion": {"type": "redirect"}"#, 400, "invalid_request"),
        (#""line_items": [{"price": "P", "quantity": 1}], "after_completion": {"type": "teleport"}"#, 400, "invalid_request"),
        (#""line_items": [{"price": "P", "quantity": 1}], "discounts": [{"coupon": "x"}]"#, 400, "invalid_request"),
    ])
    func linkValidation(fields: String, status: Int, code: String) {
        let sim = Sim()
        let price = sim.price(1000)
        expectError(link(sim, fields.replacingOccurrences("\"P\"", "\"\(price)\"")), status, code)
    }
}
