// Payment methods: made by the shopper paying (no create endpoint); listed per customer.
import FlexAPI

struct PaymentMethod {
    var id: ULID
    var customer: Int
    var card: Card
    var kind: CardKind
    /// Saved for off-session charges (the session asked for `setup_future_use: "off_session"`).
    var offSession: Bool
    var created: Int
}

/// One saved method per customer, card and kind: paying twice with a card reuses it.
struct PaymentMethodKey: Hashable {
    var customer: Int
    var card: Card
    var kind: CardKind
}

extension State {
    /// The customer's existing method for this card, or a new one; saving only ever turns on.
    mutating func paymentMethod(for card: Card, kind: CardKind, customer: Int, save: Bool, at time: Int) -> Int {
        let key = PaymentMethodKey(customer: customer, card: card, kind: kind)
        if let existing = methodIndex[key] {
            if save { paymentMethods[existing].offSession = true }
            return existing
        }
        let method = PaymentMethod(id: newID(), customer: customer, card: card, kind: kind, offSession: save, created: time)
        let position = paymentMethods.insert(method, id: method.id)
        methodIndex[key] = position
        return position
    }

    func listPaymentMethods(customer id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let customer = try customerPosition(id)
        return try list(\.paymentMethods, request) { $0.customer == customer }
    }

    func getPaymentMethod(customer id: String, _ methodID: String) throws(APIFailure) -> APIResponse {
        let customer = try customerPosition(id)
        guard let ulid = ULID.parse(methodID, as: .paymentMethod), let position = paymentMethods.position(of: ulid),
              paymentMethods[position].customer == customer else {
            throw .notFound(.paymentMethod, methodID)
        }
        return ok("payment_method", render(paymentMethods[position]))
    }

    func render(_ method: PaymentMethod) -> JSON {
        let customer = customers[method.customer]
        let name = [customer.firstName, customer.lastName].compactMap { $0 }.joined(separator: " ")
        return object([
            "payment_method_id": .string(method.id.id(.paymentMethod)),
            "billing_details": object([
                "address": .null, "email": customer.email.json, "name": name.isEmpty ? .null : .string(name), "phone": customer.phone.json,
            ]),
            "customer": .string(customer.id.id(.customer)),
            "metadata": .object(JSONObject()),
            "card": object([
                "brand": .string(method.card.brand), "country": "US", "exp_month": 12, "exp_year": 2030,
                "funding": .string(method.card.funding), "last4": .string(method.card.last4),
                "card_kind": .string(method.kind.rawValue),
            ]),
            "created_at": .string(Clock.iso(method.created)),
            "test_mode": true,
            "off_session": .bool(method.offSession),
        ])
    }
}
