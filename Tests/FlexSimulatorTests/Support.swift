// Shared helpers for simulator tests: terse requests and fixtures (products, prices, paid sessions).
import FlexAPI
import FlexSimulator
import Testing

struct Sim {
    let flex: SimulatedFlex

    init(seed: UInt64 = 42) { flex = SimulatedFlex(seed: seed) }

    @discardableResult
    func post(_ path: String, _ body: JSON? = nil, key: String? = nil) -> APIResponse {
        flex.handle(APIRequest(.POST, path, headers: key.map { [HTTPHeader("Idempotency-Key", $0)] } ?? [], body: body))
    }

    @discardableResult
    func patch(_ path: String, _ body: JSON?) -> APIResponse { flex.handle(APIRequest(.PATCH, path, body: body)) }

    func get(_ path: String, _ query: [(String, String)] = []) -> APIResponse {
        flex.handle(APIRequest(.GET, path, query: query.map { QueryItem($0.0, $0.1) }))
    }

    /// The object inside a one-key response (`{"customer": {...}}`).
    func unwrap(_ response: APIResponse, _ key: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSON {
        #expect(response.status == 200, "status \(response.status): \(response.body.serialized())", sourceLocation: sourceLocation)
        return response.body[key] ?? .null
    }

    func product(_ name: String = "Thermometer", _ eligibility: String = "auto_substantiation") -> String {
        let response = post("/v1/products", ["product": ["name": .string(name), "hsa_fsa_eligibility": .string(eligibility)]])
        return unwrap(response, "product")["product_id"]?.stringValue ?? ""
    }

    /// A product with one price; returns the price ID.
    func price(_ amount: Int, _ eligibility: String = "auto_substantiation", name: String = "Thermometer") -> String {
        let product = product(name, eligibility)
        let response = post("/v1/prices", ["price": ["product": .string(product), "unit_amount": .integer(amount)]])
        return unwrap(response, "price")["price_id"]?.stringValue ?? ""
    }

    func items(_ pairs: [(String, Int)]) -> JSON {
        .array(pairs.map { ["price": .string($0.0), "quantity": .integer($0.1)] })
    }

    func checkout(_ pairs: [(String, Int)], _ extra: [String: JSON] = [:]) -> APIResponse {
        var fields: JSONObject = ["line_items": items(pairs), "success_url": "https://shop.example/ok"]
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { fields[key] = value }
        return post("/v1/checkout/sessions", .object(["checkout_session": .object(fields)]))
    }

    func session(_ pairs: [(String, Int)], _ extra: [String: JSON] = [:]) -> String {
        unwrap(checkout(pairs, extra), "checkout_session")["checkout_session_id"]?.stringValue ?? ""
    }

    func pay(_ session: String, card: String = "4242424242424242", _ extra: [String: JSON] = [:]) -> APIResponse {
        var payment: JSONObject = ["card": .string(card)]
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { payment[key] = value }
        return post("/_sim/checkout/sessions/\(session)/pay", .object(["payment": .object(payment)]))
    }

    /// A completed on-session checkout that saved an HSA card: (session, customer, payment method).
    func savedCard(price: String, card: String = "4242424242424242", lmn: Bool = false) -> (String, String, String) {
        let id = session([(price, 1)], ["setup_future_use": "off_session"])
        let paid = unwrap(pay(id, card: card, lmn ? ["card_kind": "hsa", "lmn": "approved"] : ["card_kind": "hsa"]), "checkout_session")
        let customer = paid["customer"]?.stringValue ?? ""
        let methods = unwrap(get("/v1/customers/\(customer)/payment_methods"), "payment_methods")
        let method = methods.arrayValue?.first?["payment_method_id"]?.stringValue ?? ""
        return (id, customer, method)
    }

    @discardableResult
    func advance(_ seconds: Int) -> APIResponse {
        post("/_sim/clock/advance", .object(["clock": .object(["seconds": .integer(seconds)])]))
    }

    func events(_ query: [(String, String)] = []) -> [String] {
        (unwrap(get("/_sim/events", query), "events").arrayValue ?? []).compactMap { $0["event_type"]?.stringValue }
    }
}

/// Asserts a Flex error response with this status and code.
func expectError(_ response: APIResponse, _ status: Int, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response.status == status, "body: \(response.body.serialized())", sourceLocation: sourceLocation)
    #expect(response.body["error"]?["code"]?.stringValue == code, "body: \(response.body.serialized())", sourceLocation: sourceLocation)
    #expect(response.body["error"]?["message"]?.stringValue?.isEmpty == false, sourceLocation: sourceLocation)
}

/// JSON from text (test tables are easier to read, and to type-check, as JSON text); "" is no body.
func parsed(_ text: String) -> JSON? {
    text.isEmpty ? nil : try? JSON.parse(text)
}
