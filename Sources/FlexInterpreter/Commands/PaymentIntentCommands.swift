// payment_intent get, payment_intents, refunds: /v1/payment_intents and /v1/refunds.
import FlexAPI

enum PaymentIntentCommands {
    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        switch arguments.command {
        case .paymentIntentGet:
            let id = try arguments.positionalID(0, prefix: "fpi_")
            return APIRequest(.GET, "/v1/payment_intents/" + PercentEncoding.segment(id), query: try CommandRequests.query([], arguments))
        case .paymentIntentList:
            return APIRequest(.GET, "/v1/payment_intents", query: try CommandRequests.query(
                [("customer", try arguments.id("customer", prefix: "fcus_")),
                 ("checkout_session", try arguments.id("checkout", prefix: "fcs_")),
                 ("limit", try CommandRequests.limit(arguments))], arguments))
        default: // .refundList
            return APIRequest(.GET, "/v1/refunds", query: try CommandRequests.query(
                [("payment_intent", try arguments.id("payment_intent", prefix: "fpi_")),
                 ("limit", try CommandRequests.limit(arguments))], arguments))
        }
    }
}
