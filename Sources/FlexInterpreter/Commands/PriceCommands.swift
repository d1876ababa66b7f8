// price create/get, prices, and the `product … price M` sugar's second half: /v1/prices.
import FlexAPI

enum PriceCommands {
    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        switch arguments.command {
        case .priceCreate:
            var body = JSONObject()
            if let product = try arguments.id("product", prefix: "fprod_") { body["product"] = .string(product) }
            if let amount = try arguments.money("amount") { body["unit_amount"] = .integer(amount) }
            if let interval = try arguments.string("recurring") {
                body["recurring"] = ["interval": .string(interval), "interval_count": 1]
            }
            if let description = try arguments.string("description") { body["description"] = .string(description) }
            return APIRequest(.POST, "/v1/prices", body: try CommandRequests.wrapped("price", body, arguments))
        case .priceGet:
            let id = try arguments.positionalID(0, prefix: "fprice_")
            return APIRequest(.GET, "/v1/prices/" + PercentEncoding.segment(id), query: try CommandRequests.query([], arguments))
        default: // .priceList
            return APIRequest(.GET, "/v1/prices", query: try CommandRequests.query(
                [("product", try arguments.id("product", prefix: "fprod_")), ("limit", try CommandRequests.limit(arguments))], arguments))
        }
    }

    /// The sugar's price: `{"price": {"product": id, "unit_amount": M}}` (its `fields` went to the product).
    static func priceRequest(productID: String, _ arguments: CommandArguments) throws -> APIRequest {
        var body = JSONObject()
        body["product"] = .string(productID)
        if let amount = try arguments.money("price") { body["unit_amount"] = .integer(amount) }
        return APIRequest(.POST, "/v1/prices", body: .object(["price": .object(body)]))
    }
}
