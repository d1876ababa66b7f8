// Payment links (docs/flex-api.md §2.12): a reusable URL; each visit makes a new checkout session,
// prefilled from the visit's query (client_reference_id, email, first_name, last_name, phone).
import FlexAPI

struct PaymentLink {
    var id: ULID
    var label: String?
    /// The checkout-session fields every visit starts from, already validated at creation.
    var template: JSONObject
    var afterCompletion: JSON?
    var paymentIntentData: JSON?
    var origin: String?
    var metadata: JSON?
    var active: Bool
    var created: Int
    /// Sessions made by visits, oldest first.
    var sessions: [Int] = []
}

extension State {
    /// The create fields that are also checkout-session fields, copied into every visit's session.
    static let linkSessionKeys = ["line_items", "mode", "setup_future_use", "allow_promotion_codes",
                                  "shipping_address_collection", "shipping_options", "tax_rate", "tax_calculation_mode"]

    /// `POST /v1/payment_links` `{"payment_link": {label, line_items, shipping_address_collection,
    /// shipping_options, metadata, payment_intent_data {capture_method, metadata}, after_completion
    /// {type, redirect {url}}, allow_promotion_codes, origin, tax_rate, mode, setup_future_use}}`.
    /// `line_items` is not in Flex's field list but a link must sell something (inferred, Stripe).
    mutating func createPaymentLink(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "payment_link")
        let label = try body.string("label")
        let mode = try body.choice("mode", State.modes) ?? "payment"
        guard mode == "payment" else {
            throw APIFailure(400, "unsupported_mode", "payment_link.mode \"\(mode)\" is not simulated for payment links; use payment")
        }
        _ = try body.choice("setup_future_use", ["off_session", "on_session"])
        if body.value("discounts") != nil { throw .invalid("payment_link.discounts is not a payment link field; use allow_promotion_codes") }
        // The same checks a session gets, so a visit never fails on what the link was made with.
        // A `price_data` item is only checked here: each visit's session makes its own inline price.
        try withInlinePrices(keptOnSuccess: false) { state throws(APIFailure) in
            var (items, subtotal) = try state.readLineItems(body)
            _ = try state.readAdjustments(body, &items, subtotal: subtotal, customer: nil)
        }
        var paymentIntentData: JSON?
        if let data = try body.objectValue("payment_intent_data") {
            let reader = BodyReader(data, path: body.name("payment_intent_data"))
            _ = try reader.choice("capture_method", ["automatic", "manual"])
            _ = try reader.metadata()
            paymentIntentData = .object(data)
        }
        var afterCompletion: JSON?
        if let after = try body.objectValue("after_completion") {
            let reader = BodyReader(after, path: body.name("after_completion"))
            let type = try reader.choice("type", ["redirect", "hosted_confirmation"]) ?? "hosted_confirmation"
            if type == "redirect" {
                guard let redirect = try reader.objectValue("redirect") else {
                    throw .invalid("\(reader.name("redirect")) {url} is required when after_completion.type is redirect")
                }
                _ = try BodyReader(redirect, path: reader.name("redirect")).requiredString("url")
            }
            afterCompletion = .object(after)
        }
        var template = JSONObject()
        for key in State.linkSessionKeys { if let value = body.value(key) { template[key] = value } }
        if let capture = paymentIntentData?["capture_method"] { template["capture_method"] = capture }
        if let url = afterCompletion?["redirect"]?["url"] { template["success_url"] = url }
        let link = PaymentLink(id: ULID(high: 0, low: 0), label: label, template: template, afterCompletion: afterCompletion,
                               paymentIntentData: paymentIntentData, origin: try body.string("origin"), metadata: try body.metadata(),
                               active: try body.bool("active") ?? true, created: 0)
        return insertAndAnswer(link, into: \.paymentLinks)
    }

    /// `PATCH /v1/payment_links/{id}` (inferred, like products): `active`, `label`, `metadata`; the cart
    /// never changes, so a link keeps selling what its URL was shared for.
    mutating func updatePaymentLink(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try paymentLinks.position(of: id)
        let body = try BodyReader.wrapped(request.body, "payment_link")
        var link = paymentLinks[position]
        for key in State.linkSessionKeys where body.has(key) {
            throw .invalid("\(body.name(key)) cannot change; create a new payment link")
        }
        if body.has("active") { link.active = try body.bool("active") ?? link.active }
        if body.has("label") { link.label = try body.string("label") }
        if body.has("metadata") { link.metadata = try body.metadata() }
        return updateAndAnswer(link, at: position, in: \.paymentLinks)
    }

    func listPaymentLinks(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let active = try Pagination.activeFilter(request)
        return try list(\.paymentLinks, request) { active == nil || $0.active == active }
    }

    /// `POST /_sim/payment_links/{id}/visit` `{"visit": {client_reference_id, email, first_name,
    /// last_name, phone}}` (all optional): the shopper opens the link's URL with those query
    /// parameters, and Flex makes a checkout session for them (doc §2.12).
    mutating func visitPaymentLink(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try paymentLinks.position(of: id)
        let link = paymentLinks[position]
        guard link.active else {
            throw APIFailure(422, "payment_link_inactive", "payment link \(id) is not active; its URL shows no checkout")
        }
        let visit = try BodyReader.optionalWrapped(request.body, "visit")
        var fields = link.template
        var defaults = JSONObject()
        for key in ["email", "first_name", "last_name", "phone"] {
            if let value = try visit.string(key) { defaults[key] = .string(value) }
        }
        if !defaults.isEmpty { fields["defaults"] = .object(defaults) }
        if let reference = try visit.string("client_reference_id") { fields["client_reference_id"] = .string(reference) }
        if let metadata = link.metadata { fields["metadata"] = metadata }
        let response = try withInlinePrices { state throws(APIFailure) in try state.createSession(APIRequest(.POST, "/v1/checkout/sessions", body: .object(["checkout_session": .object(fields)]))) }
        paymentLinks[position].sessions.append(sessions.count - 1)
        return response
    }

    func render(_ link: PaymentLink) -> JSON {
        let id = link.id.id(.paymentLink)
        return object([
            "payment_link_id": .string(id),
            "url": .string("https://checkout.withflex.com/pay/l/" + id),
            "active": .bool(link.active),
            "label": link.label.json,
            "line_items": link.template["line_items"] ?? .array([]),
            "mode": link.template["mode"] ?? "payment",
            "setup_future_use": link.template["setup_future_use"] ?? .null,
            "allow_promotion_codes": link.template["allow_promotion_codes"] ?? false,
            "shipping_address_collection": link.template["shipping_address_collection"] ?? false,
            "shipping_options": link.template["shipping_options"] ?? .null,
            "tax_rate": link.template["tax_rate"] ?? .null,
            "payment_intent_data": link.paymentIntentData ?? .null,
            "after_completion": link.afterCompletion ?? object(["type": "hosted_confirmation"]),
            "origin": link.origin.json,
            "checkout_sessions": .array(link.sessions.map { .string(sessions[$0].id.id(.session)) }),
            "metadata": link.metadata ?? .object(JSONObject()),
            "created_at": .string(Clock.iso(link.created)),
            "test_mode": true,
        ])
    }
}
