// Disputes (chargebacks). Flex documents the `charge.dispute.*` events, the sessions' `disputes` and
// `amount_disputed`, and a Disputes tag whose endpoints docs/flex-api.md did not capture (§2.12), so the
// shape and the lifecycle are Stripe's: opened by the card's bank (here a test card or a /_sim
// request), answered with evidence, then won or lost.
import FlexAPI

enum DisputeStatus: String {
    case needsResponse = "needs_response"
    case underReview = "under_review"
    case won, lost

    var isOpen: Bool { self == .needsResponse || self == .underReview }
}

struct Dispute {
    var id: ULID
    var session: Int
    var paymentIntent: Int
    var amount: Int
    var reason: String
    var status: DisputeStatus
    var evidence: JSONObject = JSONObject()
    var metadata: JSON?
    var created: Int
    var evidenceDueBy: Int
    /// When it was won or lost.
    var closed: Int?
}

extension State {
    /// Stripe's dispute fee in the US, taken from the balance with the disputed amount and kept
    /// whatever the outcome.
    static let disputeFee = 1500
    /// Time to answer before the dispute is lost by default (inferred; Stripe's deadlines are 7-21 days).
    static let disputeResponseWindow = 7 * 86_400
    static let disputeReasons = ["bank_cannot_process", "check_returned", "credit_not_processed", "customer_initiated",
                                 "debit_not_authorized", "duplicate", "fraudulent", "general", "incorrect_account_details",
                                 "insufficient_funds", "product_not_received", "product_unacceptable", "subscription_canceled",
                                 "unrecognized"]

    /// Opens a dispute of `amount` on `intent` at `time`: the money and the fee leave the balance
    /// at once (`charge.dispute.created`, `charge.dispute.funds_withdrawn`).
    @discardableResult
    mutating func openDispute(_ session: inout CheckoutSession, _ position: Int, intent: Int, amount: Int,
                              reason: String, at time: Int) -> Int {
        let dispute = Dispute(id: newID(), session: position, paymentIntent: intent, amount: amount, reason: reason,
                              status: .needsResponse, created: time,
                              evidenceDueBy: min(time + State.disputeResponseWindow, Clock.latest))
        let disputePosition = disputes.insert(dispute, id: dispute.id)
        disputeQueue.append(disputePosition)
        paymentIntents[intent].amountDisputed += amount
        session.amountDisputed += amount
        session.disputes.append(disputePosition)
        emit(.disputeCreated, .dispute(dispute))
        emit(.disputeFundsWithdrawn, .dispute(dispute))
        return disputePosition
    }

    /// `POST /_sim/checkout/sessions/{id}/dispute` `{"dispute": {amount?, reason?, payment_intent?}}`:
    /// the shopper's bank disputes a payment of the session (its first payment intent unless one is
    /// named), for what is left of it by default.
    mutating func disputeSession(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try sessions.position(of: id)
        let body = try BodyReader.optionalWrapped(request.body, "dispute")
        var session = sessions[position]
        guard session.amountReceived > 0 else {
            throw APIFailure(422, "checkout_session_not_complete",
                             "checkout session \(id) is \(session.status.rawValue): there is no payment to dispute yet")
        }
        var intent = session.paymentIntents.first ?? 0
        if let intentID = try body.string("payment_intent") {
            intent = try paymentIntents.position(of: intentID)
            guard session.paymentIntents.contains(intent) else {
                throw .invalid("dispute.payment_intent \(intentID) is not a payment of checkout session \(id)")
            }
        }
        let left = paymentIntents[intent].refundable
        guard left > 0 else {
            throw APIFailure(422, "dispute_amount_too_large",
                             "payment intent \(paymentIntents[intent].id.id(.paymentIntent)) has nothing left to dispute: it is refunded or disputed in full")
        }
        let amount = try body.integer("amount") ?? left
        guard amount >= 1 else { throw .invalid("dispute.amount must be an integer >= 1, not \(amount)") }
        guard amount <= left else {
            throw APIFailure(422, "dispute_amount_too_large",
                             "dispute.amount \(amount) is more than the \(left) of payment intent \(paymentIntents[intent].id.id(.paymentIntent)) not refunded or disputed yet")
        }
        let reason = try body.choice("reason", State.disputeReasons) ?? "fraudulent"
        let time = tick()
        let dispute = openDispute(&session, position, intent: intent, amount: amount, reason: reason, at: time)
        sessions[position] = session
        return ok("dispute", render(disputes[dispute]))
    }

    func listDisputes(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let session = try request.queryValue("checkout_session").map { id throws(APIFailure) in try sessions.position(of: id) }
        let intent = try request.queryValue("payment_intent").map { id throws(APIFailure) in try paymentIntents.position(of: id) }
        var status: DisputeStatus?
        if let text = request.queryValue("status") {
            guard let value = DisputeStatus(rawValue: text) else {
                throw .invalid("status must be one of needs_response, under_review, won, lost, not \"\(text)\"")
            }
            status = value
        }
        return try list(\.disputes, request) { dispute in
            (session == nil || dispute.session == session) && (intent == nil || dispute.paymentIntent == intent)
                && (status == nil || dispute.status == status)
        }
    }

    /// `POST /v1/disputes/{id}` `{"dispute": {evidence?, submit?, metadata?}}`: evidence is merged
    /// field by field; `submit` (default true, as Stripe) sends it to the bank: `under_review`. As in
    /// Stripe's test mode, evidence whose `uncategorized_text` is `winning_evidence` or
    /// `losing_evidence` decides the dispute at once.
    mutating func updateDispute(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try disputes.position(of: id)
        let body = try BodyReader.wrapped(request.body, "dispute")
        var dispute = disputes[position]
        try requireOpen(dispute)
        guard dispute.status == .needsResponse else {
            throw APIFailure(422, "dispute_already_submitted", "dispute \(id) is under review: its evidence was submitted and can no longer change")
        }
        let evidence = try body.objectValue("evidence")
        let submit = try body.bool("submit") ?? true
        if body.has("metadata") { dispute.metadata = try body.metadata() }
        let time = tick()
        for entry in evidence?.entries ?? [] { dispute.evidence[entry.key] = entry.value }
        if submit { dispute.status = .underReview }
        disputes[position] = dispute
        emit(.disputeUpdated, .dispute(dispute))
        if submit, case .string(let text)? = dispute.evidence["uncategorized_text"] {
            if text == "winning_evidence" { closeDispute(position, won: true, at: time) }
            if text == "losing_evidence" { closeDispute(position, won: false, at: time) }
        }
        return ok("dispute", render(disputes[position]))
    }

    /// `POST /v1/disputes/{id}/close`: the merchant accepts the dispute, which is lost.
    mutating func acceptDispute(_ id: String) throws(APIFailure) -> APIResponse {
        let position = try disputes.position(of: id)
        try requireOpen(disputes[position])
        closeDispute(position, won: false, at: tick())
        return ok("dispute", render(disputes[position]))
    }

    /// `POST /_sim/disputes/{id}/resolve` `{"dispute": {"status": "won" | "lost"}}`: the bank decides.
    mutating func resolveDispute(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try disputes.position(of: id)
        let body = try BodyReader.wrapped(request.body, "dispute")
        guard let outcome = try body.choice("status", ["won", "lost"]) else { throw .invalid("dispute.status is required: won or lost") }
        try requireOpen(disputes[position])
        closeDispute(position, won: outcome == "won", at: tick())
        return ok("dispute", render(disputes[position]))
    }

    func requireOpen(_ dispute: Dispute) throws(APIFailure) {
        guard dispute.status.isOpen else {
            throw APIFailure(422, "dispute_closed", "dispute \(dispute.id.id(.dispute)) is \(dispute.status.rawValue) and cannot change")
        }
    }

    /// Won: the money comes back (`charge.dispute.funds_reinstated`), the fee does not. Lost: the
    /// money stays gone. Either way `charge.dispute.closed`.
    mutating func closeDispute(_ position: Int, won: Bool, at time: Int) {
        var dispute = disputes[position]
        dispute.status = won ? .won : .lost
        dispute.closed = time
        disputes[position] = dispute
        if won {
            paymentIntents[dispute.paymentIntent].amountDisputed -= dispute.amount
            sessions[dispute.session].amountDisputed -= dispute.amount
            events.append(Event(id: newID(), type: .disputeFundsReinstated, dt: time, object: .dispute(dispute)))
        }
        events.append(Event(id: newID(), type: .disputeClosed, dt: time, object: .dispute(dispute)))
    }

    /// The oldest dispute still waiting for evidence; answered or closed ones are skipped.
    mutating func nextUnansweredDispute() -> Int? {
        let disputes = self.disputes
        return disputeQueue.first { disputes[$0].status == .needsResponse }
    }

    /// The response deadline of the oldest dispute still waiting for evidence.
    mutating func nextDisputeDeadline() -> Int? { nextUnansweredDispute().map { disputes[$0].evidenceDueBy } }

    /// No evidence by the deadline: the dispute is lost (Stripe's default).
    mutating func loseNextUnansweredDispute() {
        guard let position = nextUnansweredDispute() else { return }
        closeDispute(position, won: false, at: disputes[position].evidenceDueBy)
    }

    func render(_ dispute: Dispute) -> JSON {
        object([
            "dispute_id": .string(dispute.id.id(.dispute)),
            "amount": .integer(dispute.amount),
            "checkout_session": .string(sessions[dispute.session].id.id(.session)),
            "payment_intent": .string(paymentIntents[dispute.paymentIntent].id.id(.paymentIntent)),
            "reason": .string(dispute.reason),
            "status": .string(dispute.status.rawValue),
            "evidence": .object(dispute.evidence),
            "evidence_due_by": .string(Clock.iso(dispute.evidenceDueBy)),
            "is_charge_refundable": false,
            "closed_at": dispute.closed.map { .string(Clock.iso($0)) } ?? .null,
            "metadata": dispute.metadata ?? .object(JSONObject()),
            "created_at": .string(Clock.iso(dispute.created)),
            "test_mode": true,
        ])
    }
}
