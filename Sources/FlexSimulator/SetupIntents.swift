// Setup intents (docs/flex-api.md §2.12): the card-saving half of a `mode: "setup"` checkout session.
// Every setup session owns exactly one, made with the session; its ID is the session's ULID under
// `fseti_`, so adding setup intents drew no extra IDs from the seeded generator (every other ID a
// seed produced before stays the same) and the intent is found from its ID in O(1).
import FlexAPI

struct SetupIntent {
    /// `partner_id` from `POST /v1/setup_intents`; Flex does not say what it names (doc lists it only).
    var partnerID: String?
    var metadata: JSON?
    /// The card the shopper saved when paying the session; nil until then.
    var paymentMethod: Int?
}

enum SetupIntentStatus: String {
    case requiresPaymentMethod = "requires_payment_method"
    case succeeded, canceled
}

extension State {
    /// `POST /v1/setup_intents` `{"setup_intent": {partner_id, checkout_session, metadata}}` (doc):
    /// attaches to a setup session. The session already made its intent, so this returns that
    /// intent, recording `partner_id` and `metadata` when given (inferred: one intent per session,
    /// as Stripe's setup-mode Checkout has).
    mutating func createSetupIntent(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "setup_intent")
        let sessionID = try body.requiredString("checkout_session")
        let partnerID = try body.string("partner_id")
        let metadata = try body.metadata()
        let position = try sessions.position(of: sessionID)
        guard var intent = sessions[position].setupIntent else {
            throw APIFailure(422, "setup_intent_not_applicable",
                             "setup_intent.checkout_session \(sessionID) is in mode \(sessions[position].mode.rawValue); only a mode setup session saves a card through a setup intent")
        }
        if partnerID != nil || metadata != nil {
            if let partnerID { intent.partnerID = partnerID }
            if let metadata { intent.metadata = metadata }
            _ = tick()
            sessions[position].setupIntent = intent
        }
        return ok("setup_intent", renderSetupIntent(position))
    }

    func setupIntentPosition(_ id: String) throws(APIFailure) -> Int {
        guard let ulid = ULID.parse(id, as: .setupIntent), let position = sessions.position(of: ulid),
              sessions[position].setupIntent != nil else {
            throw .notFound(.setupIntent, id)
        }
        return position
    }

    func getSetupIntent(_ id: String) throws(APIFailure) -> APIResponse {
        ok("setup_intent", renderSetupIntent(try setupIntentPosition(id)))
    }

    /// `GET /v1/setup_intents?customer=&status=` (inferred, like the other lists), newest first.
    func listSetupIntents(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let customer = request.queryValue("customer")
        let status = request.queryValue("status")
        if let status, SetupIntentStatus(rawValue: status) == nil {
            throw .invalid("status must be requires_payment_method, succeeded or canceled, not \"\(status)\"")
        }
        let positions = Pagination.newestFirst(sessions) { session in
            guard session.setupIntent != nil else { return false }
            if let status, setupIntentStatus(session).rawValue != status { return false }
            if let customer, session.customer.map({ customers[$0].id.id(.customer) }) != customer { return false }
            return true
        }
        return try page(positions, request, kind: .setupIntent, as: "setup_intents", id: { sessions[$0].id }, render: renderSetupIntent)
    }

    /// Follows the session (Stripe): open → requires_payment_method, complete → succeeded,
    /// expired or canceled → canceled.
    func setupIntentStatus(_ session: CheckoutSession) -> SetupIntentStatus {
        switch session.status {
        case .open: .requiresPaymentMethod
        case .paid, .complete: .succeeded
        case .expired, .canceled: .canceled
        }
    }

    func renderSetupIntent(_ position: Int) -> JSON {
        let session = sessions[position]
        let intent = session.setupIntent ?? SetupIntent()
        let id = session.id.id(.setupIntent)
        return object([
            "setup_intent_id": .string(id),
            // Stripe's shape (`seti_…_secret_…`); derived from the ID so it costs no generator draw.
            "client_secret": .string(id + "_secret_" + String(session.id.low, radix: 36)),
            "checkout_session": .string(session.id.id(.session)),
            "customer": session.customer.map { .string(customers[$0].id.id(.customer)) } ?? .null,
            "description": .null,
            "payment_method": intent.paymentMethod.map { .string(paymentMethods[$0].id.id(.paymentMethod)) } ?? .null,
            "partner_id": intent.partnerID.json,
            "metadata": intent.metadata ?? .object(JSONObject()),
            // An integer like its session's created_at (docs/flex-api.md §1.4 leaves it undocumented).
            "created_at": .integer(session.created),
            "test_mode": true,
            "status": .string(setupIntentStatus(session).rawValue),
            "usage": "off_session",
            "subscription_id": .null,
        ])
    }
}
