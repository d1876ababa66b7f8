// Playing the shopper (`POST /_sim/checkout/sessions/{id}/pay`): cards, split carts, LMN, completion.
import FlexAPI

extension State {
    /// The LMN consultation fee Flex records on the session (charged to the merchant, not the shopper).
    static let letterFee = 1500
    /// How long a manual-capture authorization holds (Stripe's 7 days; docs/flex-api.md §3.5).
    static let holdLifetime = 7 * 86_400

    mutating func paySession(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try sessions.position(of: id)
        var session = sessions[position]
        try requireOpen(session)
        let body = try BodyReader.wrapped(request.body, "payment")
        if session.mode == .reimbursement { return try runIntake(position, body) }
        let (card, splitCard) = try readPaymentCards(body)
        // A setup session has no cart to judge by; Flex saves benefit cards for later HSA/FSA charges.
        let defaultKind: CardKind = session.hsaFsaEligible || session.mode == .setup ? .hsa : .credit
        let kind = try body.choice("card_kind", CardKind.allCases.map(\.rawValue)).flatMap(CardKind.init) ?? defaultKind
        let lmn = try body.choice("lmn", ["approved", "denied"])
        let email = try body.string("email")
        let promotion = try body.string("promo_code").map { code throws(APIFailure) in try redeemPromotionCode(code, session, id) }
        let consultation = try checkCardsFit(session, id, kind: kind, hasSplitCard: splitCard != nil, lmn: lmn)

        // Charge the cards (a setup or trial session verifies the card the same way); a decline
        // changes nothing (the shopper may try another card).
        if let code = chargeDeclineCode(card, offSession: false) { throw declined(card, code) }
        if let splitCard, let code = chargeDeclineCode(splitCard, offSession: false) { throw declined(splitCard, code) }

        let time = tick()
        if let (adjustments, items) = promotion {
            session.lineItems = items
            session.adjustments = adjustments
            session.amountTotal = adjustments.total(of: session.amountSubtotal)
            session.eligibleAmount = min(items.eligibleTotal, session.amountTotal)
            recordRedemption(position, adjustments)
        }
        let customer = payingCustomer(&session, email: email, at: time)
        if !consultation.isEmpty {
            let fee = Fee(id: newID(), amount: State.letterFee, applied: true)
            session.fees.append(fee)
            issueLetters(consultation, customer: customer, session: position, fee: fee.id, at: time)
        }

        // A subscription's card is charged off-session every period, so it is always saved.
        let save = session.info.setupFutureUse == "off_session" || session.mode == .subscription
        let method = paymentMethod(for: card, kind: kind, customer: customer, save: save, at: time)
        if session.mode == .setup || (session.mode == .subscription && session.amountTotal == 0) {
            // Setup, or a subscription's free trial: the card is saved, nothing is charged.
            if let subscription = session.subscription { activateSubscription(subscription, customer: customer, paymentMethod: method, at: time) }
            session.setupIntent?.paymentMethod = method
            finishPayment(&session, at: time)
            sessions[position] = session
            return ok("checkout_session", render(session))
        }
        let payment = SessionPayment(customer: customer, method: method, kind: kind, splitCard: splitCard, letterFee: !consultation.isEmpty)
        return charge(&session, position, payment, at: time)
    }

    /// `payment.card` and the optional `payment.split_card`, each a valid card number.
    func readPaymentCards(_ body: BodyReader) throws(APIFailure) -> (card: Card, splitCard: Card?) {
        let cardText = try body.requiredString("card")
        guard let card = Card(cardText) else {
            throw APIFailure(400, "invalid_card_number", "payment.card \"\(cardText)\" is not a valid card number (12-19 digits passing the Luhn check)")
        }
        guard let splitText = try body.string("split_card") else { return (card, nil) }
        guard let splitCard = Card(splitText) else {
            throw APIFailure(400, "invalid_card_number", "payment.split_card \"\(splitText)\" is not a valid card number")
        }
        return (card, splitCard)
    }

    /// What the cards may pay for (docs/flex-api.md §3.1): eligibility, split cart, then letters. Returns
    /// the products whose letters the shopper's consultation issues.
    func checkCardsFit(_ session: CheckoutSession, _ id: String, kind: CardKind, hasSplitCard: Bool, lmn: String?) throws(APIFailure) -> [Int] {
        let isSetup = session.mode == .setup
        try Rules.eligibility(card: kind, cartIsEligible: session.hsaFsaEligible, isSetup: isSetup, session: id)
        try Rules.splitCart(card: kind, isSplitCart: session.isSplitCart, hasSplitCard: hasSplitCard, isSetup: isSetup, session: id) {
            ineligibleItems(session.lineItems)
        }
        // Nothing is bought in a setup session, and a credit card needs no letter.
        guard kind.isBenefitCard, !isSetup else { return [] }
        let needing = letterProducts(session.lineItems, customer: session.customer).filter { $0.state != .valid }.map(\.product)
        return try Rules.letterOfMedicalNecessity(needing: needing, consultation: lmn, describe: { productNames($0) })
    }

    /// The session's customer, or a new one made from the payment's email (or the session's default).
    mutating func payingCustomer(_ session: inout CheckoutSession, email: String?, at time: Int) -> Int {
        if let existing = session.customer { return existing }
        let defaultEmail = session.info.defaults?["email"]?.stringValue
        let created = Customer(id: newID(), email: email ?? defaultEmail, created: time)
        let customer = customers.insert(created, id: created.id)
        emit(.customerCreated, .customer(created))
        session.customer = customer
        return customer
    }

    /// The charge itself: a subscription's invoice, the main payment intent and a split card's
    /// one, then completion (or `paid`, for manual capture).
    mutating func charge(_ session: inout CheckoutSession, _ position: Int, _ payment: SessionPayment, at time: Int) -> APIResponse {
        // A subscription's first charge is invoiced before it is made (Invoices.swift).
        let invoice = session.subscription.map { subscription in
            openInvoice(subscription, customer: payment.customer, amount: session.amountTotal, reason: "subscription_create", periodStart: time,
                        periodEnd: State.periodEnd(from: time, anchor: time, interval: subscriptions[subscription].interval,
                                                   count: subscriptions[subscription].intervalCount), at: time)
        }
        let splitting = payment.kind.isBenefitCard && session.isSplitCart
        let primaryAmount = splitting ? session.eligibleAmount : session.amountTotal
        let primary = createPaymentIntent(session: position, customer: payment.customer, paymentMethod: payment.method, amount: primaryAmount,
                                          capture: session.captureMethod, role: "primary", at: time)
        if payment.letterFee { paymentIntents[primary].letterFeeAmount = State.letterFee }
        session.paymentIntents = [primary]
        if splitting, let splitCard = payment.splitCard {
            let splitMethod = paymentMethod(for: splitCard, kind: .credit, customer: payment.customer, save: false, at: time)
            let second = createPaymentIntent(session: position, customer: payment.customer, paymentMethod: splitMethod,
                                             amount: session.amountTotal - session.eligibleAmount,
                                             capture: session.captureMethod, role: "split", at: time)
            session.paymentIntents.append(second)
        }
        if let subscription = session.subscription {
            activateSubscription(subscription, customer: payment.customer, paymentMethod: payment.method, at: time)
        }
        // A paid invoice is announced before the session completes, so checkout.session.completed
        // stays the last event of a checkout (and its copy of the session names the invoice).
        finishPayment(&session, at: time, announce: invoice == nil)
        sessions[position] = session
        if let invoice, session.status == .complete {
            payInvoice(invoice, session: position, at: time)
            emit(.checkoutSessionCompleted, .session(sessions[position]))
        }
        return ok("checkout_session", render(sessions[position]))
    }

    /// After authorization: automatic capture completes the session; manual capture stops at `paid`.
    /// `announce: false` (a subscription period the simulator charged) skips checkout.session.completed.
    mutating func finishPayment(_ session: inout CheckoutSession, at time: Int, announce: Bool = true) {
        if session.captureMethod == .manual {
            session.status = .paid
            session.holdExpires = time + State.holdLifetime
            return
        }
        for intent in session.paymentIntents {
            paymentIntents[intent].amountReceived = paymentIntents[intent].amount
            paymentIntents[intent].amountCapturable = 0
            paymentIntents[intent].status = .succeeded
            emit(.paymentIntentSucceeded, .paymentIntent(paymentIntents[intent]))
        }
        session.amountReceived = session.amountTotal
        session.status = .complete
        if announce { emit(.checkoutSessionCompleted, .session(session)) }
        // Stripe's dispute test cards: the payment succeeds, then the bank disputes all of it.
        for intent in session.paymentIntents {
            guard let reason = Card.disputes[paymentMethods[paymentIntents[intent].paymentMethod].card.number],
                  let position = sessions.position(of: session.id) else { continue }
            openDispute(&session, position, intent: intent, amount: paymentIntents[intent].refundable, reason: reason, at: time)
        }
    }
}
