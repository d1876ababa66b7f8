// Every command builds exactly the wire request of docs/flex-api.md / docs/architecture.md.
import FlexAPI
@testable import FlexInterpreter
import Testing

private func key(_ n: Int) -> [HTTPHeader] { [HTTPHeader("Idempotency-Key", "flex-42-\(n)")] }

@Suite struct CommandRequestTests {
    static let cases: [(script: String, expected: [APIRequest])] = [
        ("customer create email \"a@b.co\" first_name \"Ada\" last_name \"L\" phone \"+15555550100\"",
         [APIRequest(.POST, "/v1/customers", headers: key(1),
                     body: ["customer": ["email": "a@b.co", "first_name": "Ada", "last_name": "L", "phone": "+15555550100"]])]),
        ("customer get fcus_A", [APIRequest(.GET, "/v1/customers/fcus_A")]),
        ("customer update fcus_A email \"x@y.z\"", [APIRequest(.PATCH, "/v1/customers/fcus_A", body: ["customer": ["email": "x@y.z"]])]),
        ("customers email \"a@b.co\" limit 5", [APIRequest(.GET, "/v1/customers", query: [QueryItem("email", "a@b.co"), QueryItem("limit", "5")])]),
        ("payment_methods of fcus_A limit 2", [APIRequest(.GET, "/v1/customers/fcus_A/payment_methods", query: [QueryItem("limit", "2")])]),
        ("product create name \"T\" eligible upc \"0123\" description \"d\"",
         [APIRequest(.POST, "/v1/products", headers: key(1),
                     body: ["product": ["name": "T", "hsa_fsa_eligibility": "auto_substantiation", "upc_code": "0123", "description": "d"]])]),
        ("product create name \"V\" vision", [APIRequest(.POST, "/v1/products", headers: key(1), body: ["product": ["name": "V", "hsa_fsa_eligibility": "vision"]])]),
        ("product get fprod_A", [APIRequest(.GET, "/v1/products/fprod_A")]),
        ("products limit 1", [APIRequest(.GET, "/v1/products", query: [QueryItem("limit", "1")])]),
        ("product \"T\" lmn price $24.99",
         [APIRequest(.POST, "/v1/products", headers: key(1), body: ["product": ["name": "T", "hsa_fsa_eligibility": "letter_of_medical_necessity"]]),
          APIRequest(.POST, "/v1/prices", headers: key(2), body: ["price": ["product": "fprod_P1", "unit_amount": 2499]])]),
        ("price create product fprod_A amount $5 recurring monthly",
         [APIRequest(.POST, "/v1/prices", headers: key(1),
                     body: ["price": ["product": "fprod_A", "unit_amount": 500, "recurring": ["interval": "monthly", "interval_count": 1]]])]),
        ("price get fprice_A", [APIRequest(.GET, "/v1/prices/fprice_A")]),
        ("prices product fprod_A", [APIRequest(.GET, "/v1/prices", query: [QueryItem("product", "fprod_A")])]),
        ("checkout items [fprice_A x2, fprice_B] customer fcus_C save_card success \"s\" cancel \"c\" capture manual reference \"order-7\" fields { metadata: {k: \"v\"} }",
         [APIRequest(.POST, "/v1/checkout/sessions", headers: key(1), body: ["checkout_session": [
            "mode": "payment", "line_items": [["price": "fprice_A", "quantity": 2], ["price": "fprice_B", "quantity": 1]],
            "customer": "fcus_C", "setup_future_use": "off_session", "success_url": "s", "cancel_url": "c",
            "capture_method": "manual", "client_reference_id": "order-7", "metadata": ["k": "v"]]])]),
        ("checkout create items [fprice_A] mode subscription payment_method fpm_P",
         [APIRequest(.POST, "/v1/checkout/sessions", headers: key(1), body: ["checkout_session": [
            "mode": "subscription", "line_items": [["price": "fprice_A", "quantity": 1]], "payment_method": "fpm_P"]])]),
        ("charge customer fcus_C with fpm_P items [fprice_A x1] reference \"r\"",
         [APIRequest(.POST, "/v1/checkout/sessions", headers: key(1), body: ["checkout_session": [
            "mode": "off_session", "line_items": [["price": "fprice_A", "quantity": 1]], "customer": "fcus_C",
            "payment_method": "fpm_P", "client_reference_id": "r"]])]),
        ("checkout get fcs_S", [APIRequest(.GET, "/v1/checkout/sessions/fcs_S")]),
        ("checkouts status open customer fcus_C limit 3",
         [APIRequest(.GET, "/v1/checkout/sessions", query: [QueryItem("status", "open"), QueryItem("customer", "fcus_C"), QueryItem("limit", "3")])]),
        ("line_items of fcs_S", [APIRequest(.GET, "/v1/checkout/sessions/fcs_S/line_items")]),
        ("refund fcs_S amount $5", [APIRequest(.POST, "/v1/checkout/sessions/fcs_S/refund", headers: key(1), body: ["checkout_session": ["amount": 500]])]),
        ("refund fcs_S items [fprice_A]",
         [APIRequest(.POST, "/v1/checkout/sessions/fcs_S/refund", headers: key(1), body: ["checkout_session": ["line_items": [["price": "fprice_A"]]]])]),
        ("refund fcs_S", [APIRequest(.POST, "/v1/checkout/sessions/fcs_S/refund", headers: key(1), body: ["checkout_session": [:]])]),
        ("capture fcs_S amount $3 final",
         [APIRequest(.POST, "/v1/checkout/sessions/fcs_S/capture", headers: key(1), body: ["checkout_session": ["amount_to_capture": 300, "final_capture": true]])]),
        ("capture fcs_S", [APIRequest(.POST, "/v1/checkout/sessions/fcs_S/capture", headers: key(1), body: ["checkout_session": [:]])]),
        ("cancel fcs_S", [APIRequest(.POST, "/v1/checkout/sessions/fcs_S/cancel", headers: key(1))]),
        ("reauth fcs_S", [APIRequest(.POST, "/v1/checkout/sessions/fcs_S/reauth", headers: key(1))]),
        ("payment_intent get fpi_X", [APIRequest(.GET, "/v1/payment_intents/fpi_X")]),
        ("payment_intents customer fcus_C checkout fcs_S limit 2",
         [APIRequest(.GET, "/v1/payment_intents", query: [QueryItem("customer", "fcus_C"), QueryItem("checkout_session", "fcs_S"), QueryItem("limit", "2")])]),
        ("refunds payment_intent fpi_X", [APIRequest(.GET, "/v1/refunds", query: [QueryItem("payment_intent", "fpi_X")])]),
        ("api POST \"/v1/things?x=1\" {a: 1}", [APIRequest(.POST, "/v1/things", query: [QueryItem("x", "1")], headers: key(1), body: ["a": 1])]),
        ("api GET \"/v1/customers\"", [APIRequest(.GET, "/v1/customers")]),
        ("api GET \"/v1/x?=&a\"", [APIRequest(.GET, "/v1/x", query: [QueryItem("", ""), QueryItem("a", "")])]),
        ("pay fcs_S with card \"4242 4242 4242 4242\" hsa split card \"5555 5555 5555 4444\" lmn approved email \"e@x.co\"",
         [APIRequest(.POST, "/_sim/checkout/sessions/fcs_S/pay", headers: key(1), body: ["payment": [
            "card": "4242424242424242", "card_kind": "hsa", "split_card": "5555555555554444", "lmn": "approved", "email": "e@x.co"]])]),
        ("pay fcs_S with card \"4000 0000 0000 9995\"",
         [APIRequest(.POST, "/_sim/checkout/sessions/fcs_S/pay", headers: key(1), body: ["payment": ["card": "4000000000009995"]])]),
        ("expire fcs_S", [APIRequest(.POST, "/_sim/checkout/sessions/fcs_S/expire", headers: key(1))]),
        ("clock", [APIRequest(.GET, "/_sim/clock")]),
        ("clock advance 1h", [APIRequest(.POST, "/_sim/clock/advance", headers: key(1), body: ["clock": ["seconds": 3600]])]),
        ("clock set \"2026-01-02T00:00:00Z\"", [APIRequest(.POST, "/_sim/clock/set", headers: key(1), body: ["clock": ["now": "2026-01-02T00:00:00Z"]])]),
        ("fail next 2 requests with 503 code \"boom\"",
         [APIRequest(.POST, "/_sim/faults", headers: key(1), body: ["fault": ["kind": "request", "count": 2, "status": 503, "code": "boom"]])]),
        ("fail next requests with 500", [APIRequest(.POST, "/_sim/faults", headers: key(1), body: ["fault": ["kind": "request", "count": 1, "status": 500]])]),
        ("decline next charges with insufficient_funds",
         [APIRequest(.POST, "/_sim/faults", headers: key(1), body: ["fault": ["kind": "decline", "count": 1, "decline_code": "insufficient_funds"]])]),
        ("events type \"customer.created\" for fcus_C",
         [APIRequest(.GET, "/_sim/events", query: [QueryItem("type", "customer.created"), QueryItem("object", "fcus_C")])]),
        ("sim reset", [APIRequest(.POST, "/_sim/reset", headers: key(1))]),
        ("sim seed 7", [APIRequest(.POST, "/_sim/seed", headers: key(1), body: ["sim": ["seed": 7]])]),
        ("sim snapshot before", [APIRequest(.POST, "/_sim/snapshots", headers: key(1), body: ["snapshot": ["name": "before"]])]),
        ("sim restore before", [APIRequest(.POST, "/_sim/snapshots/before/restore", headers: key(1))]),
    ]

    @Test(arguments: cases)
    func buildsTheWireRequest(script: String, expected: [APIRequest]) async {
        let (sent, result) = await requests(script)
        #expect(result.err == "")
        #expect(sent == expected)
    }

    @Test func objectsStandInForTheirIDs() async {
        let (sent, result) = await requests("""
        let pm = {payment_method_id: "fpm_P", customer: "fcus_C"}
        let price = {price_id: "fprice_A", unit_amount: 5}
        charge customer pm with pm items [price x2]
        """)
        #expect(result.err == "")
        #expect(sent == [APIRequest(.POST, "/v1/checkout/sessions", headers: key(1), body: ["checkout_session": [
            "mode": "off_session", "line_items": [["price": "fprice_A", "quantity": 2]], "customer": "fcus_C", "payment_method": "fpm_P"]])])
    }

    @Test func aCartCanBeAListValue() async {
        let (sent, _) = await requests("let cart = [fprice_A, {price: fprice_B, quantity: 3}]\ncheckout items cart")
        #expect(sent.first?.body?["checkout_session"]?["line_items"] == [["price": "fprice_A", "quantity": 1], ["price": "fprice_B", "quantity": 3]])
    }

    @Test func anIDOfTheWrongKindIsAnError() async {
        let result = await run("let x = fprice_A\ncustomer get x", backend: RecordingBackend())
        #expect(result.code == 3)
        #expect(result.err.contains("error: expected a customer ID (fcus_…), got fprice_A, a price ID"))
    }

    @Test func responsesAreUnwrapped() async {
        let backend = RecordingBackend { _ in APIResponse(status: 200, body: ["customers": [["customer_id": "fcus_1"]]]) }
        let result = await run("let l = customers\nprint l[0].id, len(l)", backend: backend)
        #expect(result.out == "fcus_1 1\n")
    }

    @Test func simulatorCommandsFailClearlyElsewhere() async {
        let backend = RecordingBackend { _ in .error(status: 404, code: "not_found", message: "no route") }
        let result = await run("expire fcs_S", backend: backend)
        #expect(result.code == 3)
        #expect(result.err == "test.flex:1:1: error: 'expire' drives the simulator only\n")
    }

    @Test func transportErrorsAreRuntimeErrors() async {
        let result = await run("customer get fcus_A", backend: UnreachableBackend())
        #expect(result.code == 3)
        #expect(result.err.contains("error: no response from the API: connection refused"))
        let caught = await run("expect error: customer get fcus_A", backend: UnreachableBackend())
        #expect(caught.code == 3)
    }
}
