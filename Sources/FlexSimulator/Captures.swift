// Manual capture: capture (partial or final), cancel and reauth of `paid` sessions; capture reads.
import FlexAPI

struct Capture {
    struct Item {
        var id: ULID
        var paymentIntent: Int
        var amount: Int
    }

    var id: ULID
    var session: Int
    var amount: Int
    var items: [Item]
    var metadata: JSON?
    var created: Int
}

extension State {
    func requireAuthorized(_ session: CheckoutSession, _ action: String) throws(APIFailure) {
        guard session.status == .paid else {
            throw APIFailure(422, "checkout_session_not_authorized",
                             "cannot \(action) checkout session \(session.id.id(.session)): it is \(session.status.rawValue), not paid (authorized with capture_method manual)")
        }
    }

    /// The amount a capture (or its preview) asks for: `amount_to_capture`, `amount`, or the sum of
    /// its `line_items` (each `amount_to_capture`, else the whole line after its discount share); nil
    /// when none is given.
    func requestedCaptureAmount(_ body: BodyReader, _ session: CheckoutSession, _ id: String) throws(APIFailure) -> Int? {
        var amount = try body.integer("amount_to_capture")
        if amount == nil { amount = try body.integer("amount") }
        if amount == nil, let items = try body.array("line_items") {
            var sum = 0
            for (index, element) in items.enumerated() {
                let name = "checkout_session.line_items[\(index)]"
                guard case .object(let fields) = element else { throw .invalid("\(name) must be an object") }
                let reader = BodyReader(fields, path: name)
                let priceID = try reader.string("price")
                let productID = try reader.string("product")
                guard let item = session.lineItems.first(where: { matches($0, price: priceID, product: productID) }) else { throw APIFailure(400, "line_item_not_found", "\(name) is not a line item of checkout session \(id)") }
                let (next, overflow) = sum.addingReportingOverflow(try reader.integer("amount_to_capture") ?? item.total)
                guard !overflow else { throw APIFailure(400, "amount_too_large", "\(name): the capture total overflows") }
                sum = next
            }
            amount = sum
        }
        return amount
    }

    /// What every capture must satisfy, checked the same way by the preview.
    func checkCaptureAmount(_ wanted: Int, capturable: Int, _ session: CheckoutSession, _ id: String) throws(APIFailure) {
        guard wanted >= 1 else { throw .invalid("the amount to capture must be an integer >= 1, not \(wanted)") }
        guard wanted <= capturable else {
            throw APIFailure(422, "capture_amount_too_large", "cannot capture \(wanted): only \(capturable) is authorized and not yet captured")
        }
        if let hold = session.holdExpires, now >= hold {
            throw APIFailure(422, "authorization_expired",
                             "the authorization of checkout session \(id) expired at \(Clock.iso(hold)); reauth it first")
        }
    }

    /// `POST …/capture` `{"checkout_session": {amount_to_capture | amount | line_items, final_capture}}`.
    mutating func captureSession(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try sessions.position(of: id)
        var session = sessions[position]
        try requireAuthorized(session, "capture")
        let body = try BodyReader.optionalWrapped(request.body, "checkout_session")
        let final = try body.bool("final_capture") ?? false
        let capturable = session.paymentIntents.reduce(0) { $0 + paymentIntents[$1].amountCapturable }
        let wanted = try requestedCaptureAmount(body, session, id) ?? capturable
        try checkCaptureAmount(wanted, capturable: capturable, session, id)

        let time = tick()
        var items: [Capture.Item] = []
        var left = wanted
        for intent in session.paymentIntents where left > 0 {
            let take = min(left, paymentIntents[intent].amountCapturable)
            guard take > 0 else { continue }
            paymentIntents[intent].amountCapturable -= take
            paymentIntents[intent].amountReceived += take
            items.append(Capture.Item(id: newID(), paymentIntent: intent, amount: take))
            left -= take
        }
        let capture = Capture(id: newID(), session: position, amount: wanted, items: items,
                              metadata: try body.metadata("capture_metadata"), created: time)
        session.captures.append(captures.insert(capture, id: capture.id))
        session.amountReceived += wanted
        if final || wanted == capturable {
            for intent in session.paymentIntents {
                paymentIntents[intent].amountCapturable = 0
                if paymentIntents[intent].amountReceived > 0 {
                    paymentIntents[intent].status = .succeeded
                    emit(.paymentIntentSucceeded, .paymentIntent(paymentIntents[intent]))
                } else {
                    paymentIntents[intent].status = .canceled
                    emit(.paymentIntentCanceled, .paymentIntent(paymentIntents[intent]))
                }
            }
            session.status = .complete
            session.holdExpires = nil
            emit(.checkoutSessionCompleted, .session(session))
        }
        sessions[position] = session
        return ok("checkout_session", render(session))
    }

    /// `POST …/cancel`: releases the authorization; the session ends `canceled`.
    mutating func cancelSession(_ id: String) throws(APIFailure) -> APIResponse {
        let position = try sessions.position(of: id)
        var session = sessions[position]
        try requireAuthorized(session, "cancel")
        _ = tick()
        for intent in session.paymentIntents {
            paymentIntents[intent].amountCapturable = 0
            if paymentIntents[intent].amountReceived > 0 {
                paymentIntents[intent].status = .succeeded
            } else {
                paymentIntents[intent].status = .canceled
                emit(.paymentIntentCanceled, .paymentIntent(paymentIntents[intent]))
            }
        }
        session.status = .canceled
        session.holdExpires = nil
        sessions[position] = session
        return ok("checkout_session", render(session))
    }

    /// `POST …/reauth`: a fresh authorization, so the hold lasts another 7 days from now.
    mutating func reauthSession(_ id: String) throws(APIFailure) -> APIResponse {
        let position = try sessions.position(of: id)
        try requireAuthorized(sessions[position], "reauth")
        let time = tick()
        sessions[position].holdExpires = time + State.holdLifetime
        return ok("checkout_session", render(sessions[position]))
    }

    /// `PATCH /v1/captures/{id}` `{"capture": {"metadata": {...}}}` (docs/flex-api.md §2.7): only the
    /// metadata changes; the amounts are the money's record and stay as captured.
    mutating func updateCapture(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try captures.position(of: id)
        let body = try BodyReader.wrapped(request.body, "capture")
        var capture = captures[position]
        if body.has("metadata") { capture.metadata = try body.metadata() }
        return updateAndAnswer(capture, at: position, in: \.captures)
    }

    func listCaptures(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        var session: Int?
        if let id = request.queryValue("checkout_session") { session = try sessions.position(of: id) }
        return try list(\.captures, request) { session == nil || $0.session == session }
    }

    func render(_ capture: Capture) -> JSON {
        object([
            "capture_id": .string(capture.id.id(.capture)),
            "checkout_session": .string(sessions[capture.session].id.id(.session)),
            "amount_captured": .integer(capture.amount),
            "amount_shipping_captured": 0,
            "amount_discount_captured": 0,
            "amount_tax_captured": 0,
            "created_at": .string(Clock.iso(capture.created)),
            "items": .array(capture.items.map { item in
                object([
                    "capture_item_id": .string(item.id.id(.captureItem)),
                    "amount_captured": .integer(item.amount),
                    "created_at": .string(Clock.iso(capture.created)),
                    "price": .null,
                    "payment_intent": .string(paymentIntents[item.paymentIntent].id.id(.paymentIntent)),
                    "test_mode": true,
                ])
            }),
            "metadata": capture.metadata ?? .object(JSONObject()),
            "test_mode": true,
        ])
    }
}
