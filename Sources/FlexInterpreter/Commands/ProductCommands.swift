// product create/get, products, and the `product S ELIGIBILITY price M` sugar's first half.
import FlexAPI
import FlexLanguage

enum ProductCommands {
    /// Eligibility words as written → `hsa_fsa_eligibility` values.
    static let eligibilityValues: [(word: String, value: String)] = [
        ("eligible", "auto_substantiation"), ("lmn", "letter_of_medical_necessity"), ("not_eligible", "not_eligible"),
        ("auto_substantiation", "auto_substantiation"), ("letter_of_medical_necessity", "letter_of_medical_necessity"),
        ("private_label", "private_label"), ("vision", "vision"), ("prescription", "prescription"), ("service", "service"),
    ]

    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        switch arguments.command {
        case .productCreate, .productWithPrice:
            return try productRequest(arguments)
        case .productGet:
            let id = try arguments.positionalID(0, prefix: "fprod_")
            return APIRequest(.GET, "/v1/products/" + PercentEncoding.segment(id), query: try CommandRequests.query([], arguments))
        default: // .productList
            return APIRequest(.GET, "/v1/products", query: try CommandRequests.query([("limit", try CommandRequests.limit(arguments))], arguments))
        }
    }

    /// POST /v1/products. For the sugar the name is the positional and `fields` go to the product.
    static func productRequest(_ arguments: CommandArguments) throws -> APIRequest {
        var body = JSONObject()
        if arguments.command == .productWithPrice {
            body["name"] = .string(try arguments.positionalString(0, what: "a product name"))
        } else if let name = try arguments.string("name") {
            body["name"] = .string(name)
        }
        for (word, value) in eligibilityValues where arguments.has(word) {
            body["hsa_fsa_eligibility"] = .string(value)
            break
        }
        if let upc = try arguments.string("upc") { body["upc_code"] = .string(upc) }
        if let description = try arguments.string("description") { body["description"] = .string(description) }
        return APIRequest(.POST, "/v1/products", body: try CommandRequests.wrapped("product", body, arguments))
    }
}
