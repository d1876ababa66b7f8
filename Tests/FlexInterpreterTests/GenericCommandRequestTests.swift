// The generic builder: table entries with no code of their own send the wire shapes Flex
// documents (path placeholders, wrappers, dotted fields, flags, defaults, query filters).
import FlexAPI
@testable import FlexInterpreter
import Testing

private func key(_ n: Int) -> [HTTPHeader] { [HTTPHeader("Idempotency-Key", "flex-42-\(n)")] }

@Suite struct GenericCommandRequestTests {
    static let cases: [(script: String, expected: [APIRequest])] = [
        ("customer delete fcus_A", [APIRequest(.DELETE, "/v1/customers/fcus_A")]),
        ("payment_method get fpm_P customer fcus_C", [APIRequest(.GET, "/v1/customers/fcus_C/payment_methods/fpm_P")]),
        ("subscription get fsub_S", [APIRequest(.GET, "/v1/subscriptions/fsub_S")]),
        ("subscriptions customer fcus_C status \"active\"",
         [APIRequest(.GET, "/v1/subscriptions", query: [QueryItem("customer", "fcus_C"), QueryItem("status", "active")])]),
        ("subscription update fsub_S items [fprice_A x3] proration \"always_invoice\"",
         [APIRequest(.PATCH, "/v1/subscriptions/fsub_S", body: ["subscription": [
            "items": [["price": "fprice_A", "quantity": 3]], "proration_behavior": "always_invoice"]])]),
        ("subscription cancel fsub_S", [APIRequest(.DELETE, "/v1/subscriptions/fsub_S")]),
        ("coupon create percent_off 20 duration \"once\"",
         [APIRequest(.POST, "/v1/coupons", headers: key(1), body: ["coupon": ["percent_off": 20, "duration": "once"]])]),
        ("promo_code create coupon fcoup_C code \"SAVE20\"",
         [APIRequest(.POST, "/v1/promo_codes", headers: key(1), body: ["promo_code": ["coupon_id": "fcoup_C", "code": "SAVE20"]])]),
        ("webhook create url \"https://x.example/h\" events [\"checkout.session.completed\"]",
         [APIRequest(.POST, "/v1/webhooks", headers: key(1), body: ["webhook": [
            "url": "https://x.example/h", "events": ["checkout.session.completed"]]])]),
        ("webhook delete fwh_W", [APIRequest(.DELETE, "/v1/webhooks/fwh_W")]),
        ("payment_link create items [fprice_A x1]",
         [APIRequest(.POST, "/v1/payment_links", headers: key(1), body: ["payment_link": ["line_items": [["price": "fprice_A", "quantity": 1]]]])]),
        ("invoices subscription fsub_S limit 2", [APIRequest(.GET, "/v1/invoices", query: [QueryItem("subscription", "fsub_S"), QueryItem("limit", "2")])]),
        ("dispute evidence fdp_D text \"winning\"",
         [APIRequest(.POST, "/v1/disputes/fdp_D", headers: key(1), body: ["dispute": ["evidence": ["uncategorized_text": "winning"]]])]),
        ("dispute close fdp_D", [APIRequest(.POST, "/v1/disputes/fdp_D/close", headers: key(1))]),
        ("dispute resolve fdp_D won", [APIRequest(.POST, "/_sim/disputes/fdp_D/resolve", headers: key(1), body: ["dispute": ["status": "won"]])]),
        ("refund settle fre_R", [APIRequest(.POST, "/_sim/refunds/fre_R/settle", headers: key(1), body: ["refund": [:]])]),
        ("setup_intent create checkout fcs_S", [APIRequest(.POST, "/v1/setup_intents", headers: key(1), body: ["setup_intent": ["checkout_session": "fcs_S"]])]),
        ("balance_transactions", [APIRequest(.GET, "/v1/balance_transactions")]),
        ("events type \"checkout.session.completed\"", [APIRequest(.GET, "/v1/events", query: [QueryItem("type", "checkout.session.completed")])]),
        ("webhook deliveries webhook fwh_W", [APIRequest(.GET, "/_sim/webhooks/deliveries", query: [QueryItem("webhook", "fwh_W")])]),
        ("checkout items [fprice_A] setup_future_use \"off_session\" client_reference_id \"order-7\" metadata {k: \"v\"}",
         [APIRequest(.POST, "/v1/checkout/sessions", headers: key(1), body: ["checkout_session": [
            "mode": "payment", "line_items": [["price": "fprice_A", "quantity": 1]], "setup_future_use": "off_session",
            "client_reference_id": "order-7", "metadata": ["k": "v"]]])]),
        ("checkout mode reimbursement items [fprod_G, {product: fprod_H, quantity: 2}]",
         [APIRequest(.POST, "/v1/checkout/sessions", headers: key(1), body: ["checkout_session": [
            "mode": "reimbursement", "line_items": [["product": "fprod_G", "quantity": 1], ["product": "fprod_H", "quantity": 2]]]])]),
        ("checkout items [{price_data: {product: fprod_G, unit_amount: 500}} x2]",
         [APIRequest(.POST, "/v1/checkout/sessions", headers: key(1), body: ["checkout_session": [
            "mode": "payment", "line_items": [["price_data": ["product": "fprod_G", "unit_amount": 500], "quantity": 2]]]])]),
        ("product create name \"T\" gtin \"0001\" metadata {k: \"v\"}",
         [APIRequest(.POST, "/v1/products", headers: key(1), body: ["product": ["name": "T", "gtin": "0001", "metadata": ["k": "v"]]])]),
        ("customer get \"a/b\"", [APIRequest(.GET, "/v1/customers/a%2Fb")]),
    ]

    @Test(arguments: cases)
    func buildsTheWireRequest(script: String, expected: [APIRequest]) async {
        let (sent, result) = await requests(script)
        #expect(result.err == "")
        #expect(sent == expected)
    }

    @Test func aProductInReimbursementModeMayBeGivenByItsPrice() async {
        let (sent, _) = await requests("let p = {price_id: \"fprice_A\", product: \"fprod_G\"}\ncheckout mode reimbursement items [p]")
        #expect(sent.first?.body?["checkout_session"]?["line_items"] == [["product": "fprod_G", "quantity": 1]])
    }
}
