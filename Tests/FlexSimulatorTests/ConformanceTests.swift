// The conformance corpus (fixtures/conformance/*.json): each documented example of Flex's pages,
// its IDs filled from one setup, sent to the simulator; the status and every documented field's
// presence and type are checked (docs/testing.md, "Conformance corpus").
import FlexAPI
import FlexSimulator
import Foundation
import Testing

@Suite struct ConformanceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/conformance")

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    /// The objects the examples name, made the way a shop makes them, by ID placeholder:
    /// `complete_session` (two products, a $4.00 coupon, $5.00 shipping, $3.50 tax, paid by an HSA
    /// card), `product_a`/`price_a` ($30.00), `product_b` ($20.00), `payment_intent`, `refund`,
    /// `open_session`, `authorized_session` (manual capture, paid), `captured_session` and `capture`;
    /// `customer` (the paying shopper), `coupon` and `shipping_rate` (the session's), `payment_link`.
    static func setUp(_ sim: Sim) -> [String: String] {
        var ids: [String: String] = [:]
        let productA = sim.product("Thermometer A")
        let productB = sim.product("Thermometer B")
        let priceA = sim.unwrap(sim.post("/v1/prices", ["price": ["product": .string(productA), "unit_amount": 3000]]), "price")
        let priceB = sim.unwrap(sim.post("/v1/prices", ["price": ["product": .string(productB), "unit_amount": 2000]]), "price")
        ids["product_a"] = productA
        ids["product_b"] = productB
        ids["price_a"] = priceA["price_id"]?.stringValue
        let coupon = sim.unwrap(sim.post("/v1/coupons", ["coupon": ["name": "four", "amount_off": 400, "duration": "once"]]), "coupon")
        let rate = sim.unwrap(sim.post("/v1/shipping_rates", ["shipping_rate": ["display_name": "Ground", "amount": 500]]), "shipping_rate")
        let pairs = [(ids["price_a"] ?? "", 1), (priceB["price_id"]?.stringValue ?? "", 1)]
        let complete = sim.session(pairs, [
            "discounts": [["coupon": coupon["coupon_id"] ?? .null]],
            "shipping_options": ["shipping_rate_id": rate["shipping_rate_id"] ?? .null], "shipping_address_collection": true,
            "tax_rate": ["amount": 350], "tax_calculation_mode": "exclusive",
        ])
        let paid = sim.unwrap(sim.pay(complete, ["card_kind": "hsa"]), "checkout_session")
        ids["complete_session"] = complete
        ids["payment_intent"] = paid["payment_intent"]?.stringValue
        ids["customer"] = paid["customer"]?.stringValue
        ids["coupon"] = coupon["coupon_id"]?.stringValue
        ids["shipping_rate"] = rate["shipping_rate_id"]?.stringValue
        let link = sim.unwrap(sim.post("/v1/payment_links", ["payment_link": ["line_items": [["price": .string(ids["price_a"] ?? ""), "quantity": 1]]]]),
                              "payment_link")
        ids["payment_link"] = link["payment_link_id"]?.stringValue
        let refund = sim.unwrap(sim.post("/v1/refunds", ["refund": ["payment_intent_id": paid["payment_intent"] ?? .null, "amount": 100]]), "refund")
        ids["refund"] = refund["refund_id"]?.stringValue
        ids["open_session"] = sim.session([(ids["price_a"] ?? "", 1)])
        let authorized = sim.session([(ids["price_a"] ?? "", 1)], ["capture_method": "manual"])
        _ = sim.pay(authorized)
        ids["authorized_session"] = authorized
        let captured = sim.session([(ids["price_a"] ?? "", 1)], ["capture_method": "manual"])
        _ = sim.pay(captured)
        let capturedSession = sim.unwrap(sim.post("/v1/checkout/sessions/\(captured)/capture",
                                                  ["checkout_session": ["amount_to_capture": 1000]]), "checkout_session")
        ids["captured_session"] = captured
        ids["capture"] = capturedSession["captures"]?[0]?["capture_id"]?.stringValue
        return ids
    }

    static func filled(_ text: String, _ ids: [String: String]) -> String {
        var result = text
        for (name, id) in ids { result = result.replacingOccurrences(of: "{\(name)}", with: id) }
        return result
    }

    static func filled(_ json: JSON, _ ids: [String: String]) -> JSON {
        switch json {
        case .string(let text): return .string(filled(text, ids))
        case .array(let elements): return .array(elements.map { filled($0, ids) })
        case .object(let object): return .object(JSONObject(object.entries.map { .init(key: $0.key, value: filled($0.value, ids)) }))
        default: return json
        }
    }

    /// The value at a documented path such as `prices[0].product.name`; nil when absent.
    static func value(at path: String, in json: JSON) -> JSON? {
        var current: JSON? = json
        for part in path.split(separator: ".") {
            var name = Substring(part)
            var indexes: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                indexes.insert(Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) ?? -1, at: 0)
                name = name[..<open]
            }
            current = current?[String(name)]
            for index in indexes {
                guard let elements = current?.arrayValue, elements.indices.contains(index) else { return nil }
                current = elements[index]
            }
        }
        return current
    }

    static func hasType(_ value: JSON, _ type: String) -> Bool {
        let parts = type.split(separator: "|")
        if value == .null { return parts.contains("null") }
        switch value {
        case .string: return parts.contains("string")
        case .integer: return parts.contains("integer")
        case .bool: return parts.contains("boolean")
        case .object: return parts.contains("object")
        case .array: return parts.contains("array")
        default: return false
        }
    }

    /// What the example's request gets from a freshly set-up simulator. A `body_text` that is not
    /// JSON never reaches the simulator: `flex serve` answers it 400 invalid_request, which is what
    /// this returns after checking that it really does not parse.
    static func answer(_ example: JSON) -> APIResponse? {
        let sim = Sim()
        let ids = setUp(sim)
        guard let method = example["method"]?.stringValue.flatMap(HTTPMethod.init(rawValue:)),
              let path = example["path"]?.stringValue else { return nil }
        var query: [QueryItem] = []
        for entry in example["query"]?.objectValue ?? JSONObject() {
            query.append(QueryItem(entry.key, filled(entry.value.stringValue ?? "", ids)))
        }
        var body = example["body"].map { filled($0, ids) }
        if let text = example["body_text"]?.stringValue {
            do {
                body = try JSON.parse(filled(text, ids))
            } catch {
                return APIResponse(status: 400, body: ["error": ["code": "invalid_request", "message": .string("the request body is not valid JSON: \(error)")]])
            }
        }
        return sim.flex.handle(APIRequest(method, filled(path, ids), query: query, body: body))
    }

    @Test func theCorpusHasAnExampleForEveryGap() {
        #expect(Self.files.count >= 25)
        for name in ["update-capture.json", "list-prices-expanded.json", "refund-guide-line-items.json", "off-session-guide-invalid-body.json"] {
            #expect(Self.files.contains(name), "fixtures/conformance/\(name) is missing")
        }
    }

    @Test(arguments: files)
    func example(_ file: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
        let example = try JSON.parse(text)
        #expect(example["page"]?.stringValue?.hasPrefix("https://docs.withflex.com/") == true, "\(file): no page")
        let response = try #require(Self.answer(example), "\(file): no method or path")
        #expect(response.status == example["status"]?.integerValue, "\(file): \(response.status) \(response.body.serialized())")
        if let code = example["error_code"]?.stringValue {
            #expect(response.body["error"]?["code"]?.stringValue == code, "\(file): \(response.body.serialized())")
        }
        for entry in example["response"]?.objectValue ?? JSONObject() {
            let type = entry.value.stringValue ?? ""
            guard let value = Self.value(at: entry.key, in: response.body) else {
                Issue.record("\(file): \(entry.key) is missing from \(response.body.serialized())")
                continue
            }
            #expect(Self.hasType(value, type), "\(file): \(entry.key) is \(value.serialized()), not \(type)")
        }
    }
}
