// refund, capture, cancel, reauth: POST /v1/checkout/sessions/{id}/<action>.
import FlexAPI

enum SessionActionCommands {
    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        let id = try arguments.positionalID(0, prefix: "fcs_")
        let base = "/v1/checkout/sessions/" + PercentEncoding.segment(id)
        switch arguments.command {
        case .refund:
            var body = JSONObject()
            if let amount = try arguments.money("amount") { body["amount"] = .integer(amount) }
            if let items = try arguments.lineItems("items", quantities: false) { body["line_items"] = .array(items) }
            if let reason = try arguments.string("reason") { body["reason"] = .string(reason) }
            return APIRequest(.POST, base + "/refund", body: try CommandRequests.wrapped("checkout_session", body, arguments))
        case .capture:
            var body = JSONObject()
            if let amount = try arguments.money("amount") { body["amount_to_capture"] = .integer(amount) }
            if arguments.has("final") { body["final_capture"] = true }
            return APIRequest(.POST, base + "/capture", body: try CommandRequests.wrapped("checkout_session", body, arguments))
        case .cancel:
            return APIRequest(.POST, base + "/cancel", body: try CommandRequests.optionalBody("checkout_session", arguments))
        default: // .reauth
            return APIRequest(.POST, base + "/reauth", body: try CommandRequests.optionalBody("checkout_session", arguments))
        }
    }
}
