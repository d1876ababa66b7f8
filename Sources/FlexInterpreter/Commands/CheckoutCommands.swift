// checkout (create), checkout get, checkouts, line_items of, charge: /v1/checkout/sessions.
import FlexAPI

enum CheckoutCommands {
    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        switch arguments.command {
        case .checkoutCreate:
            var body = JSONObject()
            body["mode"] = .string(try arguments.string("mode") ?? "payment")
            body["line_items"] = .array(try arguments.lineItems("items") ?? [])
            if let customer = try arguments.id("customer", prefix: "fcus_") { body["customer"] = .string(customer) }
            if let method = try arguments.id("payment_method", prefix: "fpm_") { body["payment_method"] = .string(method) }
            if arguments.has("save_card") { body["setup_future_use"] = "off_session" }
            if let url = try arguments.string("success") { body["success_url"] = .string(url) }
            if let url = try arguments.string("cancel") { body["cancel_url"] = .string(url) }
            if let capture = try arguments.string("capture") { body["capture_method"] = .string(capture) }
            if let reference = try arguments.string("reference") { body["client_reference_id"] = .string(reference) }
            return APIRequest(.POST, "/v1/checkout/sessions", body: try CommandRequests.wrapped("checkout_session", body, arguments))
        case .charge:
            var body = JSONObject()
            body["mode"] = "off_session"
            body["line_items"] = .array(try arguments.lineItems("items") ?? [])
            if let customer = try arguments.id("customer", prefix: "fcus_") { body["customer"] = .string(customer) }
            if let method = try arguments.id("with", prefix: "fpm_") { body["payment_method"] = .string(method) }
            if let url = try arguments.string("success") { body["success_url"] = .string(url) }
            if let reference = try arguments.string("reference") { body["client_reference_id"] = .string(reference) }
            return APIRequest(.POST, "/v1/checkout/sessions", body: try CommandRequests.wrapped("checkout_session", body, arguments))
        case .checkoutGet:
            let id = try arguments.positionalID(0, prefix: "fcs_")
            return APIRequest(.GET, "/v1/checkout/sessions/" + PercentEncoding.segment(id), query: try CommandRequests.query([], arguments))
        case .checkoutList:
            return APIRequest(.GET, "/v1/checkout/sessions", query: try CommandRequests.query(
                [("status", try arguments.string("status")), ("customer", try arguments.id("customer", prefix: "fcus_")),
                 ("limit", try CommandRequests.limit(arguments))], arguments))
        default: // .lineItemsOf
            let id = try arguments.positionalID(0, prefix: "fcs_")
            return APIRequest(.GET, "/v1/checkout/sessions/" + PercentEncoding.segment(id) + "/line_items",
                              query: try CommandRequests.query([], arguments))
        }
    }
}
