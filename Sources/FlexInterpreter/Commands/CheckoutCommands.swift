// charge (a checkout in mode off_session) and refund (line items without quantities): the two
// checkout-session commands whose wire shape no clause-to-field mapping expresses.
import FlexAPI

enum CheckoutCommands {
    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        if arguments.command == .refund {
            let id = try arguments.positionalID(0, prefix: "fcs_")
            var body = JSONObject()
            if let amount = try arguments.money("amount") { body["amount"] = .integer(amount) }
            if let items = try arguments.lineItems("items", quantities: false) { body["line_items"] = .array(items) }
            if let reason = try arguments.string("reason") { body["reason"] = .string(reason) }
            try CommandRequests.setTableFields(&body, arguments, handled: ["amount", "items", "reason"])
            return APIRequest(.POST, "/v1/checkout/sessions/" + PercentEncoding.segment(id) + "/refund",
                              body: try CommandRequests.wrapped("checkout_session", body, arguments))
        }
        var body = JSONObject()
        body["mode"] = "off_session"
        body["line_items"] = .array(try arguments.lineItems("items") ?? [])
        if let customer = try arguments.id("customer", prefix: "fcus_") { body["customer"] = .string(customer) }
        if let method = try arguments.id("with", prefix: "fpm_") { body["payment_method"] = .string(method) }
        if let url = try arguments.string("success") { body["success_url"] = .string(url) }
        if let reference = try arguments.string("reference") { body["client_reference_id"] = .string(reference) }
        return APIRequest(.POST, "/v1/checkout/sessions", body: try CommandRequests.wrapped("checkout_session", body, arguments))
    }
}
