// Customers, products and prices: creation, reads, updates, and every validation error.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct CatalogTests {
    @Test func customerCreateGetUpdateList() {
        let sim = Sim()
        let body = parsed(#"{"customer": {"email": "ada@example.com", "first_name": "Ada", "unknown_field": 1, "shipping": {"line1": "1 Main St", "city": "Austin"}, "metadata": {"crm": "42"}}}"#)
        let created = sim.unwrap(sim.post("/v1/customers", body), "customer")
        let id = created["customer_id"]?.stringValue ?? ""
        #expect(created.objectValue?.keys.first == "customer_id")
        #expect(id.hasPrefix("fcus_") && id.count == 5 + 26)
        #expect(created["email"] == "ada@example.com")
        #expect(created["created_at"] == "2026-01-01T00:00:01Z")
        #expect(created["test_mode"] == true)
        #expect(created["shipping"]?["shipping_address_id"]?.stringValue?.hasPrefix("fsh_") == true)
        #expect(created["unknown_field"] == nil)
        #expect(sim.unwrap(sim.get("/v1/customers/\(id)"), "customer") == created)

        let updated = sim.unwrap(sim.patch("/v1/customers/\(id)", ["customer": ["last_name": "Lovelace", "email": nil]]), "customer")
        #expect(updated["last_name"] == "Lovelace")
        #expect(updated["first_name"] == "Ada")
        #expect(updated["email"] == .null)

        sim.post("/v1/customers", ["customer": ["email": "bob@example.com"]])
        let all = sim.unwrap(sim.get("/v1/customers"), "customers").arrayValue ?? []
        #expect(all.count == 2)
        #expect(all.first?["email"] == "bob@example.com")  // newest first
        let filtered = sim.unwrap(sim.get("/v1/customers", [("email", "bob@example.com")]), "customers").arrayValue ?? []
        #expect(filtered.count == 1)
        #expect(sim.events() == ["customer.created", "customer.updated", "customer.created"])
    }

    @Test(arguments: [
        ("", "body"), (#"{"email": "a@b.co"}"#, "wrapper"), (#"{"customer": "x"}"#, "must be an object"),
        (#"{"customer": {"email": 5}}"#, "customer.email"), (#"{"customer": {"shipping": "x"}}"#, "customer.shipping"),
        (#"{"customer": {"metadata": 3}}"#, "customer.metadata"), (#"{"customer": {"shipping": {"city": true}}}"#, "shipping.city"),
    ])
    func customerValidation(body: String, fragment: String) {
        let response = Sim().post("/v1/customers", parsed(body))
        expectError(response, 400, "invalid_request")
        #expect(response.body["error"]?["message"]?.stringValue?.contains(fragment) == true)
    }

    @Test func unknownObjectsAre404WithTheirOwnCode() {
        let sim = Sim()
        expectError(sim.get("/v1/customers/fcus_01ARZ3NDEKTSV4RRFFQ69G5FAV"), 404, "customer_not_found")
        expectError(sim.get("/v1/customers/fprod_01ARZ3NDEKTSV4RRFFQ69G5FAV"), 404, "customer_not_found")
        expectError(sim.patch("/v1/customers/fcus_x", ["customer": [:]]), 404, "customer_not_found")
        expectError(sim.get("/v1/products/fprod_x"), 404, "product_not_found")
        expectError(sim.get("/v1/prices/fprice_x"), 404, "price_not_found")
        expectError(sim.get("/v1/checkout/sessions/fcs_x"), 404, "checkout_session_not_found")
        expectError(sim.get("/v1/payment_intents/fpi_x"), 404, "payment_intent_not_found")
        expectError(sim.get("/v1/refunds/fre_x"), 404, "refund_not_found")
        expectError(sim.get("/v1/captures/fcap_x"), 404, "capture_not_found")
        expectError(sim.get("/v1/customers/fcus_x/payment_methods"), 404, "customer_not_found")
    }

    @Test func productDefaultsToNotEligible() {
        let sim = Sim()
        let product = sim.unwrap(sim.post("/v1/products", ["product": ["name": "Mug"]]), "product")
        #expect(product["hsa_fsa_eligibility"] == "not_eligible")
        #expect(product["active"] == true)
        #expect(product.objectValue?.keys.first == "product_id")
    }

    @Test(arguments: ["not_eligible", "auto_substantiation", "private_label", "vision", "prescription", "letter_of_medical_necessity", "service"])
    func productEligibilityKinds(kind: String) {
        let sim = Sim()
        let product = sim.unwrap(sim.post("/v1/products", ["product": ["name": "X", "hsa_fsa_eligibility": .string(kind)]]), "product")
        #expect(product["hsa_fsa_eligibility"] == .string(kind))
    }

    @Test(arguments: [
        (#"{"product": {}}"#, "product.name is required"), (#"{"product": {"name": ""}}"#, "product.name is required"),
        (#"{"product": {"name": 3}}"#, "product.name must be a string"),
        (#"{"product": {"name": "X", "hsa_fsa_eligibility": "maybe"}}"#, "hsa_fsa_eligibility must be one of"),
        (#"{"name": "X"}"#, "wrapper"),
    ])
    func productValidation(body: String, fragment: String) {
        let response = Sim().post("/v1/products", parsed(body))
        expectError(response, 400, "invalid_request")
        #expect(response.body["error"]?["message"]?.stringValue?.contains(fragment) == true, "\(response.body.serialized())")
    }

    @Test func productListFiltersAndUpdate() {
        let sim = Sim()
        let first = sim.product("A")
        _ = sim.product("B")
        let updated = sim.unwrap(sim.patch("/v1/products/\(first)", ["product": ["active": false, "description": "old"]]), "product")
        #expect(updated["active"] == false)
        let active = sim.unwrap(sim.get("/v1/products", [("active", "true")]), "products").arrayValue ?? []
        #expect(active.map { $0["name"] } == ["B"])
        let all = sim.unwrap(sim.get("/v1/products"), "products").arrayValue ?? []
        #expect(all.map { $0["name"] } == ["B", "A"])
    }

    @Test func priceCreateGetListUpdate() {
        let sim = Sim()
        let product = sim.product("Thermo", "auto_substantiation")
        let body = parsed(#"{"price": {"product": "P", "unit_amount": 2499, "description": "one"}}"#.replacingOccurrences("\"P\"", "\"\(product)\""))
        let price = sim.unwrap(sim.post("/v1/prices", body), "price")
        let id = price["price_id"]?.stringValue ?? ""
        #expect(price.objectValue?.keys.first == "price_id")
        #expect(price["unit_amount"] == 2499)
        #expect(price["type"] == "one_time")
        #expect(price["recurring"] == .null)
        #expect(price["hsa_fsa_eligibility"] == "auto_substantiation")
        #expect(price["product"] == .string(product))
        #expect(sim.unwrap(sim.get("/v1/prices/\(id)"), "price") == price)
        let updated = sim.unwrap(sim.post("/v1/prices/\(id)", ["price": ["active": false, "unit_amount": 1]]), "price")
        #expect(updated["active"] == false)
        #expect(updated["unit_amount"] == 2499)  // only description/active/metadata change
        let recurringBody = parsed(#"{"price": {"product": "P", "unit_amount": 999, "recurring": {"interval": "monthly"}}}"#.replacingOccurrences("\"P\"", "\"\(product)\""))
        let recurring = sim.unwrap(sim.post("/v1/prices", recurringBody), "price")
        #expect(recurring["type"] == "recurring")
        #expect(recurring["recurring"]?["interval_count"] == 1)
        let list = sim.unwrap(sim.get("/v1/prices", [("product", product)]), "prices").arrayValue ?? []
        #expect(list.count == 2)
        #expect(sim.unwrap(sim.get("/v1/prices", [("active", "false")]), "prices").arrayValue?.count == 1)
    }

    @Test(arguments: [
        (#"{"price": {"unit_amount": 100}}"#, 400, "invalid_request"),
        (#"{"price": {"product": "PRODUCT"}}"#, 400, "invalid_request"),
        (#"{"price": {"product": "PRODUCT", "unit_amount": -1}}"#, 400, "invalid_request"),
        (#"{"price": {"product": "PRODUCT", "unit_amount": "100"}}"#, 400, "invalid_request"),
        (#"{"price": {"product": "PRODUCT", "unit_amount": 1.5}}"#, 400, "invalid_request"),
        (#"{"price": {"product": "PRODUCT", "unit_amount": 100000000}}"#, 400, "amount_too_large"),
        (#"{"price": {"product": "PRODUCT", "unit_amount": 1, "recurring": {"interval": "hourly"}}}"#, 400, "invalid_request"),
        (#"{"price": {"product": "PRODUCT", "unit_amount": 1, "recurring": {"interval": "daily", "interval_count": 0}}}"#, 400, "invalid_request"),
        (#"{"price": {"product": "fprod_01ARZ3NDEKTSV4RRFFQ69G5FAV", "unit_amount": 1}}"#, 404, "product_not_found"),
        (#"{"product": "PRODUCT"}"#, 400, "invalid_request"),
    ])
    func priceValidation(body: String, status: Int, code: String) {
        let sim = Sim()
        let product = sim.product()
        let response = sim.post("/v1/prices", parsed(body.replacingOccurrences("PRODUCT", product)))
        expectError(response, status, code)
    }

    @Test func routing404And405() {
        let sim = Sim()
        expectError(sim.get("/v1/nope"), 404, "not_found")
        expectError(sim.get("/v2/customers"), 404, "not_found")
        expectError(sim.get("/v1/customers/fcus_x/extra/more"), 404, "not_found")
        expectError(sim.get("/_sim/nope"), 404, "not_found")
        let wrong = sim.flex.handle(APIRequest(.DELETE, "/v1/customers"))
        expectError(wrong, 405, "method_not_allowed")
        expectError(sim.post("/v1/payment_intents", [:]), 405, "method_not_allowed")
        expectError(sim.patch("/v1/prices/fprice_x", [:]), 405, "method_not_allowed")
        expectError(sim.get("/_sim/reset"), 405, "method_not_allowed")
        #expect(sim.get("/v1/products/processing_status").body["pending_classification"] == 0)
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
