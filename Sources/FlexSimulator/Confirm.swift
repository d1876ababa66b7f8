// `POST /v1/checkout/sessions/{id}/confirm` (docs/flex-api.md §3.4 "Confirm endpoint"): the merchant
// charges the HSA/FSA-eligible part of an open session to one saved payment method, no shopper.
import FlexAPI

extension State {
    /// Stripe's minimum charge, which Flex's confirm page names: below it nothing is charged.
    static let minimumCharge = 50

    /// Body `{"checkout_session": {"payment_method": "fpm_…", "customer"?: "fcus_…", "capture_method"?}}`
    /// (path and body are inferred: docs/flex-api.md open question 12). Checked in the order of the
    /// documented error list: key, session, state, capture method, customer, payment method.
    mutating func confirmSession(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        // The doc makes the key mandatory here only: a retry must never charge twice.
        guard let key = request.header("Idempotency-Key"), !key.isEmpty else {
            throw APIFailure(400, "idempotency_key_required",
                             "POST /v1/checkout/sessions/\(id)/confirm requires an Idempotency-Key header (retry with the same key)")
        }
        let position = try sessions.position(of: id)
        var session = sessions[position]
        try requireOpen(session)
        let body = try BodyReader.optionalWrapped(request.body, "checkout_session")
        let requested = try body.choice("capture_method", ["automatic", "manual"])
        if requested == "manual" || session.captureMethod == .manual {
            let source = requested == "manual" ? "checkout_session.capture_method" : "checkout session \(id) (capture_method manual)"
            throw APIFailure(422, "manual_capture_not_supported", "confirm charges at once: \(source) must be automatic")
        }
        var customer = session.customer
        if let customerID = try body.string("customer") {
            let given = try customerPosition(customerID)
            if let existing = customer, existing != given {
                throw APIFailure(422, "customer_mismatch",
                                 "checkout_session.customer \(customerID) is not the session's customer \(customers[existing].id.id(.customer))")
            }
            customer = given
        }
        guard let methodID = try body.string("payment_method") else {
            throw APIFailure(400, "payment_method_required", "checkout_session.payment_method is required: the saved card to charge")
        }
        guard let ulid = ULID.parse(methodID, as: .paymentMethod), let method = paymentMethods.position(of: ulid) else {
            throw .notFound(.paymentMethod, methodID)
        }
        let owner = paymentMethods[method].customer
        if let customer, customer != owner {
            throw APIFailure(422, "payment_method_customer_mismatch",
                             "payment_method \(methodID) belongs to \(customers[owner].id.id(.customer)), not to \(customers[customer].id.id(.customer))")
        }
        // Charging without the shopper is an off-session charge: the card must have been saved for it.
        guard paymentMethods[method].offSession else {
            throw APIFailure(422, "payment_method_not_off_session",
                             "payment_method \(methodID) was not saved for off-session use (pay a session with setup_future_use: \"off_session\" first)")
        }

        let eligible = confirmableAmount(session, customer: owner)
        let card = paymentMethods[method].card
        if eligible >= State.minimumCharge, let code = chargeDeclineCode(card, offSession: true) {
            // Declines are terminal (doc): the session stays open, nothing is stored.
            throw declined(card, code)
        }
        let time = tick()
        session.customer = owner
        if eligible >= State.minimumCharge {
            let intent = createPaymentIntent(session: position, customer: owner, paymentMethod: method, amount: eligible,
                                             capture: .automatic, role: "primary", at: time)
            paymentIntents[intent].amountReceived = eligible
            paymentIntents[intent].status = .succeeded
            emit(.paymentIntentSucceeded, .paymentIntent(paymentIntents[intent]))
            session.paymentIntents = [intent]
            session.amountReceived = eligible
        }
        // Processed either way: the merchant collects the rest (amount_total - amount_received) itself.
        session.status = .complete
        emit(.checkoutSessionCompleted, .session(session))
        sessions[position] = session

        guard case .object(var rendered) = render(session) else { return ok("checkout_session", render(session)) }
        // The doc returns the payment intent expanded (an object), or null when nothing was charged.
        rendered["payment_intent"] = session.paymentIntents.first.map { render(paymentIntents[$0]) } ?? .null
        return ok("checkout_session", .object(rendered))
    }

    /// The eligible portion: lines whose product is HSA/FSA eligible (after their discount share),
    /// except letter-of-medical-necessity lines without a valid letter for this customer (no
    /// consultation runs here). Shipping and tax are not eligible.
    func confirmableAmount(_ session: CheckoutSession, customer: Int) -> Int {
        var sum = 0
        for item in session.lineItems where item.eligibility.isEligible {
            if item.eligibility.needsLetter && letter(customer: customer, product: item.product) != .valid { continue }
            sum += item.total
        }
        return sum
    }
}
