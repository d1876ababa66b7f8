// Shipping rates (docs/flex-api.md §2.10): create, get, list; a session's `shipping_options` names one.
import FlexAPI

struct ShippingRate {
    var id: ULID
    var displayName: String
    var amount: Int
    var active: Bool
    var metadata: JSON?
    var created: Int
}

extension State {
    /// `POST /v1/shipping_rates` `{"shipping_rate": {display_name, amount, metadata}}`.
    mutating func createShippingRate(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "shipping_rate")
        let name = try body.requiredString("display_name")
        guard let amount = try body.integer("amount") else { throw .invalid("shipping_rate.amount is required (cents)") }
        // Free shipping is a rate of 0; a negative rate would be a discount in disguise.
        guard amount >= 0 else { throw .invalid("shipping_rate.amount must be an integer >= 0 (cents), not \(amount)") }
        guard amount <= State.maximumAmount else {
            throw APIFailure(400, "amount_too_large", "shipping_rate.amount \(amount) is above the maximum of \(State.maximumAmount) cents")
        }
        let rate = ShippingRate(id: ULID(high: 0, low: 0), displayName: name, amount: amount,
                                active: try body.bool("active") ?? true, metadata: try body.metadata(), created: 0)
        return insertAndAnswer(rate, into: \.shippingRates)
    }

    /// `PATCH /v1/shipping_rates/{id}` (inferred, like products): `display_name`, `active`, `metadata`;
    /// the amount never changes, so sessions already made keep meaning what they said.
    mutating func updateShippingRate(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try shippingRates.position(of: id)
        let body = try BodyReader.wrapped(request.body, "shipping_rate")
        var rate = shippingRates[position]
        if body.has("amount") { throw .invalid("shipping_rate.amount cannot change; create a new shipping rate") }
        if body.has("display_name") { rate.displayName = try body.requiredString("display_name") }
        if body.has("active") { rate.active = try body.bool("active") ?? rate.active }
        if body.has("metadata") { rate.metadata = try body.metadata() }
        return updateAndAnswer(rate, at: position, in: \.shippingRates)
    }

    func listShippingRates(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let active = try Pagination.activeFilter(request)
        return try list(\.shippingRates, request) { active == nil || $0.active == active }
    }

    func render(_ rate: ShippingRate) -> JSON {
        object([
            "shipping_rate_id": .string(rate.id.id(.shippingRate)),
            "active": .bool(rate.active),
            "display_name": .string(rate.displayName),
            "amount": .integer(rate.amount),
            "metadata": rate.metadata ?? .object(JSONObject()),
            "created_at": .string(Clock.iso(rate.created)),
            "test_mode": true,
        ])
    }
}
