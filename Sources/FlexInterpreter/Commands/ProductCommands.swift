// product create, and the `product S ELIGIBILITY price M` sugar's first half: POST /v1/products.
import FlexAPI
import FlexLanguage

enum ProductCommands {
    /// The clauses this builder reads itself; the others set their Flex field through the table.
    static let handled: Set<String> = Set(["name", "upc", "description", "price"] + CommandTable.eligibilityWords)

    /// POST /v1/products. For the sugar the name is the positional and `fields` go to the product.
    static func productRequest(_ arguments: CommandArguments) throws -> APIRequest {
        var body = JSONObject()
        if arguments.command == .productWithPrice {
            body["name"] = .string(try arguments.positionalString(0, what: "a product name"))
        } else if let name = try arguments.string("name") {
            body["name"] = .string(name)
        }
        for word in CommandTable.eligibilityWords where arguments.has(word) {
            body["hsa_fsa_eligibility"] = .string(CommandTable.eligibilityValues[word] ?? word)
            break
        }
        if let upc = try arguments.string("upc") { body["upc_code"] = .string(upc) }
        if let description = try arguments.string("description") { body["description"] = .string(description) }
        try CommandRequests.setTableFields(&body, arguments, handled: handled)
        return APIRequest(.POST, "/v1/products", body: try CommandRequests.wrapped("product", body, arguments))
    }
}
