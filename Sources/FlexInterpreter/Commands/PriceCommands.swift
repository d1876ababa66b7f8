// price create, and the `product … price M` sugar's second half: POST /v1/prices.
import FlexAPI

enum PriceCommands {
    /// `price create`: `recurring WORD` is `{"interval": WORD, "interval_count": 1}`.
    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        var body = JSONObject()
        if let product = try arguments.id("product", prefix: "fprod_") { body["product"] = .string(product) }
        if let amount = try arguments.money("amount") { body["unit_amount"] = .integer(amount) }
        if let interval = try arguments.string("recurring") {
            body["recurring"] = ["interval": .string(interval), "interval_count": 1]
        }
        if let description = try arguments.string("description") { body["description"] = .string(description) }
        try CommandRequests.setTableFields(&body, arguments, handled: ["product", "amount", "recurring", "description"])
        return APIRequest(.POST, "/v1/prices", body: try CommandRequests.wrapped("price", body, arguments))
    }

    /// The sugar's price: `{"price": {"product": id, "unit_amount": M}}` (its `fields` went to the product).
    static func priceRequest(productID: String, _ arguments: CommandArguments) throws -> APIRequest {
        var body = JSONObject()
        body["product"] = .string(productID)
        if let amount = try arguments.money("price") { body["unit_amount"] = .integer(amount) }
        return APIRequest(.POST, "/v1/prices", body: .object(["price": .object(body)]))
    }
}
