// customer create/get/update, customers, payment_methods of: /v1/customers.
import FlexAPI

enum CustomerCommands {
    static let fieldClauses = ["email", "first_name", "last_name", "phone"]

    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        switch arguments.command {
        case .customerCreate:
            return APIRequest(.POST, "/v1/customers", body: try CommandRequests.wrapped("customer", try body(arguments), arguments))
        case .customerGet:
            let id = try arguments.positionalID(0, prefix: "fcus_")
            return APIRequest(.GET, "/v1/customers/" + PercentEncoding.segment(id), query: try CommandRequests.query([], arguments))
        case .customerUpdate:
            let id = try arguments.positionalID(0, prefix: "fcus_")
            return APIRequest(.PATCH, "/v1/customers/" + PercentEncoding.segment(id),
                              body: try CommandRequests.wrapped("customer", try body(arguments), arguments))
        case .customerList:
            return APIRequest(.GET, "/v1/customers", query: try CommandRequests.query(
                [("email", try arguments.string("email")), ("limit", try CommandRequests.limit(arguments))], arguments))
        default: // .paymentMethodsOf
            let id = try arguments.positionalID(0, prefix: "fcus_")
            return APIRequest(.GET, "/v1/customers/" + PercentEncoding.segment(id) + "/payment_methods",
                              query: try CommandRequests.query([("limit", try CommandRequests.limit(arguments))], arguments))
        }
    }

    static func body(_ arguments: CommandArguments) throws -> JSONObject {
        var body = JSONObject()
        for name in fieldClauses {
            if let value = try arguments.string(name) { body[name] = .string(value) }
        }
        return body
    }
}
