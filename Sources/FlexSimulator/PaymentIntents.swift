// Payment intents: made by sessions (one per card), read with get and list.
import FlexAPI

enum PaymentIntentStatus: String {
    /// Automatic capture between creation and success (the created event shows it).
    case processing
    case requiresCapture = "requires_capture"
    case succeeded
    case canceled
}

struct PaymentIntent {
    var id: ULID
    var session: Int
    var customer: Int
    var paymentMethod: Int
    var amount: Int
    var amountCapturable: Int
    var amountReceived: Int
    var amountRefunded = 0
    /// Held by disputes that are open or lost (Disputes.swift).
    var amountDisputed = 0
    var status: PaymentIntentStatus
    var captureMethod: CaptureMethod
    /// `primary` (the HSA/FSA or only card) or `split` (the second card of a split cart).
    var role: String
    var letterFeeAmount = 0
    var created: Int
}

extension PaymentIntent {
    /// What a refund or a dispute can still take.
    var refundable: Int { amountReceived - amountRefunded - amountDisputed }
}

extension State {
    /// A new intent: manual capture waits authorized (`requires_capture`); automatic ones are
    /// `processing` until `finishPayment` captures them.
    mutating func createPaymentIntent(session: Int, customer: Int, paymentMethod: Int, amount: Int,
                                      capture: CaptureMethod, role: String, at time: Int) -> Int {
        let intent = PaymentIntent(id: newID(), session: session, customer: customer, paymentMethod: paymentMethod,
                                   amount: amount, amountCapturable: capture == .manual ? amount : 0, amountReceived: 0,
                                   status: capture == .manual ? .requiresCapture : .processing, captureMethod: capture, role: role, created: time)
        let position = paymentIntents.insert(intent, id: intent.id)
        emit(.paymentIntentCreated, .paymentIntent(intent))
        return position
    }

    /// `POST /v1/payment_intents/{id}/cancel`: releases one authorization (docs/flex-api.md §2.5). When it
    /// was the session's last open authorization the session ends: `canceled` if nothing was
    /// captured, else `complete` with what was.
    mutating func cancelPaymentIntent(_ id: String) throws(APIFailure) -> APIResponse {
        let position = try paymentIntents.position(of: id)
        guard paymentIntents[position].status == .requiresCapture else {
            throw APIFailure(422, "payment_intent_unexpected_state",
                             "payment intent \(id) is \(paymentIntents[position].status.rawValue); only requires_capture can be canceled")
        }
        _ = tick()
        let intent = paymentIntents[position]
        paymentIntents[position].amountCapturable = 0
        paymentIntents[position].status = intent.amountReceived > 0 ? .succeeded : .canceled
        emit(intent.amountReceived > 0 ? .paymentIntentSucceeded : .paymentIntentCanceled, .paymentIntent(paymentIntents[position]))
        var session = sessions[intent.session]
        if session.status == .paid, session.paymentIntents.allSatisfy({ paymentIntents[$0].status != .requiresCapture }) {
            session.holdExpires = nil
            if session.amountReceived > 0 {
                session.status = .complete
                emit(.checkoutSessionCompleted, .session(session))
            } else {
                session.status = .canceled
            }
            sessions[intent.session] = session
        }
        return ok("payment_intent", render(paymentIntents[position]))
    }

    func listPaymentIntents(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        var customer: Int?
        if let id = request.queryValue("customer") { customer = try customerPosition(id) }
        var session: Int?
        if let id = request.queryValue("checkout_session") { session = try sessions.position(of: id) }
        let since = try Pagination.intervalStart(request, now: now)
        return try list(\.paymentIntents, request) { intent in
            (customer == nil || intent.customer == customer) && (session == nil || intent.session == session)
                && (since == nil || intent.created >= since ?? 0)
        }
    }

    func render(_ intent: PaymentIntent) -> JSON {
        object([
            "payment_intent_id": .string(intent.id.id(.paymentIntent)),
            "amount": .integer(intent.amount),
            "amount_capturable": .integer(intent.amountCapturable),
            "amount_received": .integer(intent.amountReceived),
            "amount_refunded": .integer(intent.amountRefunded),
            "application_fee_amount": .null,
            "customer": .string(customers[intent.customer].id.id(.customer)),
            "checkout_session": .string(sessions[intent.session].id.id(.session)),
            "status": .string(intent.status.rawValue),
            "latest_charge": .null,
            "created_at": .string(Clock.iso(intent.created)),
            "invoice": .null,
            "capture_method": .string(intent.captureMethod.rawValue),
            "client_secret": .null,
            "metadata": .object(JSONObject()),
            "payment_method": .string(paymentMethods[intent.paymentMethod].id.id(.paymentMethod)),
            "payment_card_type": .string(intent.role),
            "letter_fee_amount": .integer(intent.letterFeeAmount),
            "last_payment_error": .null,
            "test_mode": true,
        ])
    }
}
