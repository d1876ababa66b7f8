// Balance transactions (docs/flex-api.md §2.11): one per movement of money, derived from the charges,
// captures, refunds and disputes already stored, so no other code path has to remember to write them.
import FlexAPI

struct BalanceTransaction {
    enum Source {
        /// An automatic-capture payment intent, charged in full when it was paid.
        case charge(intent: Int)
        /// One item of a manual capture (capture position, item index).
        case capture(capture: Int, item: Int)
        case refund(Int)
        /// A refund that failed gives its money back to the balance (Stripe's `refund_failure`).
        case refundFailure(Int)
        /// A dispute takes the disputed amount and the dispute fee.
        case dispute(Int)
        /// A won dispute gives the amount back (not the fee).
        case disputeReinstatement(Int)
    }

    var id: ULID
    var source: Source
    var intent: Int
    /// Positive for money in, negative for refunds and disputes.
    var amount: Int
    var fee: Int
    var created: Int
    var availableOn: Int

    /// `reporting_category` and `type`, by source.
    var category: String {
        switch source {
        case .charge, .capture: "charge"
        case .refund: "refund"
        case .refundFailure: "refund_failure"
        case .dispute, .disputeReinstatement: "dispute"
        }
    }

    var type: String {
        switch source {
        case .charge, .capture: "payment"
        case .refund: "payment_refund"
        case .refundFailure: "refund_failure"
        case .dispute, .disputeReinstatement: "adjustment"
        }
    }
}

extension State {
    /// Card money becomes available two days after the charge (Stripe's standard US schedule;
    /// Flex documents `available_on` but not the delay). Refunds leave the balance at once.
    static let availabilityDelay = 2 * 86_400
    static let reportingCategories = ["charge", "refund", "refund_failure", "dispute", "payout", "adjustment", "fee"]
    static let balanceTypes = ["payment", "payment_refund", "refund_failure", "adjustment", "payout", "charge", "refund"]

    /// A balance transaction's ID is its source's ULID with the random bits scrambled: stable
    /// across requests and snapshots, distinct from the source's own ID, and still time-ordered.
    static func balanceID(_ source: ULID) -> ULID {
        ULID(high: source.high, low: source.low ^ 0x5BD1_E995_9E37_79B9)
    }

    /// The ID of a failed refund's reversal: scrambled differently from the refund's own entry.
    static func reversalID(_ refund: ULID) -> ULID {
        ULID(high: refund.high, low: refund.low ^ 0xC2B2_AE3D_27D4_EB4F)
    }

    /// Every balance transaction, oldest first: by time, then charges before refunds, then position.
    func balanceTransactions() -> [BalanceTransaction] {
        var result: [BalanceTransaction] = []
        for position in paymentIntents.objects.indices {
            let intent = paymentIntents[position]
            guard intent.captureMethod == .automatic, intent.amountReceived > 0 else { continue }
            result.append(BalanceTransaction(id: State.balanceID(intent.id), source: .charge(intent: position), intent: position,
                                             amount: intent.amountReceived, fee: intent.letterFeeAmount,
                                             created: intent.created, availableOn: intent.created + State.availabilityDelay))
        }
        var feeCharged = Set<Int>()
        for position in captures.objects.indices {
            let capture = captures[position]
            for (index, item) in capture.items.enumerated() {
                // The letter fee is taken once per payment intent, from its first capture.
                let fee = feeCharged.insert(item.paymentIntent).inserted ? paymentIntents[item.paymentIntent].letterFeeAmount : 0
                result.append(BalanceTransaction(id: State.balanceID(item.id), source: .capture(capture: position, item: index),
                                                 intent: item.paymentIntent, amount: item.amount, fee: fee,
                                                 created: capture.created, availableOn: capture.created + State.availabilityDelay))
            }
        }
        for position in refunds.objects.indices {
            let refund = refunds[position]
            result.append(BalanceTransaction(id: State.balanceID(refund.id), source: .refund(position), intent: refund.paymentIntent,
                                             amount: -refund.amount, fee: 0, created: refund.created, availableOn: refund.created))
            if refund.status == .failed, let settled = refund.settled {
                result.append(BalanceTransaction(id: State.reversalID(refund.id), source: .refundFailure(position),
                                                 intent: refund.paymentIntent, amount: refund.amount, fee: 0,
                                                 created: settled, availableOn: settled))
            }
        }
        for position in disputes.objects.indices {
            let dispute = disputes[position]
            result.append(BalanceTransaction(id: State.balanceID(dispute.id), source: .dispute(position), intent: dispute.paymentIntent,
                                             amount: -dispute.amount, fee: State.disputeFee, created: dispute.created,
                                             availableOn: dispute.created))
            if dispute.status == .won, let closed = dispute.closed {
                result.append(BalanceTransaction(id: State.reversalID(dispute.id), source: .disputeReinstatement(position),
                                                 intent: dispute.paymentIntent, amount: dispute.amount, fee: 0,
                                                 created: closed, availableOn: closed))
            }
        }
        // Stable sort: within one second, the order above (intents, captures, refunds, disputes by position).
        return result.enumerated().sorted { a, b in
            a.element.created != b.element.created ? a.element.created < b.element.created : a.offset < b.offset
        }.map(\.element)
    }

    /// `GET /v1/balance_transactions`: filters `balance_transaction_id`, `payout_id`,
    /// `reporting_category`, `type` (doc), plus `checkout_session`, `payment_intent` (inferred).
    func listBalanceTransactions(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let category = request.queryValue("reporting_category")
        if let category, !State.reportingCategories.contains(category) {
            throw .invalid("reporting_category must be one of \(State.reportingCategories.joined(separator: ", ")), not \"\(category)\"")
        }
        let type = request.queryValue("type")
        if let type, !State.balanceTypes.contains(type) {
            throw .invalid("type must be one of \(State.balanceTypes.joined(separator: ", ")), not \"\(type)\"")
        }
        var session: Int?
        if let id = request.queryValue("checkout_session") { session = try sessions.position(of: id) }
        var intent: Int?
        if let id = request.queryValue("payment_intent") { intent = try paymentIntents.position(of: id) }
        let wanted = request.queryValue("balance_transaction_id").flatMap { ULID.parse($0, as: .balanceTransaction) }
        let unknownID = request.queryValue("balance_transaction_id") != nil && wanted == nil
        // Payouts are not simulated: no transaction has a payout, so a payout_id filter matches none.
        let payout = request.queryValue("payout_id") != nil

        let all = balanceTransactions()
        var positions: [Int] = []
        for position in all.indices.reversed() {
            let transaction = all[position]
            if unknownID || payout { break }
            if let wanted, transaction.id != wanted { continue }
            if let category, category != transaction.category { continue }
            if let type, type != transaction.type { continue }
            if let session, paymentIntents[transaction.intent].session != session { continue }
            if let intent, transaction.intent != intent { continue }
            positions.append(position)
        }
        return try page(positions, request, kind: .balanceTransaction, as: "balance_transactions", id: { all[$0].id }) { render(all[$0]) }
    }

    /// `GET /v1/balance_transactions/{id}` (inferred; every other resource has one).
    func getBalanceTransaction(_ id: String) throws(APIFailure) -> APIResponse {
        guard let ulid = ULID.parse(id, as: .balanceTransaction),
              let transaction = balanceTransactions().first(where: { $0.id == ulid }) else {
            throw .notFound(.balanceTransaction, id)
        }
        return ok("balance_transaction", render(transaction))
    }

    func render(_ transaction: BalanceTransaction) -> JSON {
        let intent = paymentIntents[transaction.intent]
        let session = sessions[intent.session]
        let method = paymentMethods[intent.paymentMethod]
        let source: String = switch transaction.source {
        case .charge: intent.id.id(.paymentIntent)
        case .capture(let capture, _): captures[capture].id.id(.capture)
        case .refund(let refund), .refundFailure(let refund): refunds[refund].id.id(.refund)
        case .dispute(let dispute), .disputeReinstatement(let dispute): disputes[dispute].id.id(.dispute)
        }
        let isDispute = transaction.category == "dispute"
        return object([
            "balance_transaction_id": .string(transaction.id.id(.balanceTransaction)),
            "amount": .integer(transaction.amount),
            "fee": .integer(transaction.fee),
            "net": .integer(transaction.amount - transaction.fee),
            "status": now >= transaction.availableOn ? "available" : "pending",
            "available_on": .string(Clock.iso(transaction.availableOn)),
            "created_at": .string(Clock.iso(transaction.created)),
            "exchange_rate": .null,
            "reporting_category": .string(transaction.category),
            "checkout_session_id": .string(session.id.id(.session)),
            "client_reference_id": session.info.clientReferenceID.json,
            "source_id": .string(source),
            "type": .string(transaction.type),
            "flex_payment_intent_id": .string(intent.id.id(.paymentIntent)),
            "payout_id": .null,
            "test_mode": true,
            "mid": .null,
            "currency": "usd",
            "metadata": .object(JSONObject()),
            "transaction_fee_amount": 0,
            "interchange_fee_amount": 0,
            "lmn_fee_amount": .integer(isDispute ? 0 : transaction.fee),
            "dispute_fee_amount": .integer(isDispute ? transaction.fee : 0),
            "card_type": .string(method.kind.rawValue),
            "card_network": .string(method.card.brand),
        ])
    }
}
