// A Flex error on its way out: status, code, message (and a decline code for card errors).
import FlexAPI

struct APIFailure: Error, Sendable {
    var status: Int
    var code: String
    var message: String
    var declineCode: String? = nil

    init(_ status: Int, _ code: String, _ message: String, declineCode: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.declineCode = declineCode
    }

    static func invalid(_ message: String) -> APIFailure { APIFailure(400, "invalid_request", message) }

    static func notFound(_ kind: ObjectKind, _ id: String) -> APIFailure {
        APIFailure(404, "\(kind.noun)_not_found", "no such \(kind.noun.replacingUnderscores()): \(id)")
    }

    var response: APIResponse {
        var error: JSONObject = ["code": .string(code), "message": .string(message)]
        if let declineCode { error["decline_code"] = .string(declineCode) }
        return APIResponse(status: status, body: .object(["error": .object(error)]))
    }
}

extension ObjectKind {
    /// The singular wire name: `customer`, `checkout_session`, `payment_intent`.
    var noun: String {
        switch self {
        case .customer: "customer"
        case .product: "product"
        case .price: "price"
        case .session: "checkout_session"
        case .paymentMethod: "payment_method"
        case .paymentIntent: "payment_intent"
        case .refund: "refund"
        case .capture: "capture"
        case .captureItem: "capture_item"
        case .event: "event"
        case .lineItem: "line_item"
        case .fee: "fee"
        case .shippingAddress: "shipping_address"
        case .subscription: "subscription"
        case .subscriptionItem: "subscription_item"
        case .consultation: "consultation"
        case .coupon: "coupon"
        case .promoCode: "promo_code"
        case .shippingRate: "shipping_rate"
        case .balanceTransaction: "balance_transaction"
        case .webhook: "webhook"
        case .paymentLink: "payment_link"
        case .setupIntent: "setup_intent"
        case .letter: "letter"
        case .invoice: "invoice"
        case .webhookDelivery: "webhook_delivery"
        case .dispute: "dispute"
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
