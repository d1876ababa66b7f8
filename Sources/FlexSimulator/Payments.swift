// Playing the shopper (`POST /_sim/checkout/sessions/{id}/pay`): cards, split carts, LMN, completion.
import FlexAPI

extension State {
    /// The LMN consultation fee Flex records on the session (charged to the merchant, not the shopper).
    static let letterFee = 1500
    /// How long a manual-capture authorization holds (Stripe's 7 days; flex-api.md §3.5).
    static let holdLifetime = 7 * 86_400

    mutating func paySession(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try sessions.position(of: id)
        var session = sessions[position]
        try requireOpen(session)
        let body = try BodyReader.wrapped(request.body, "payment")
        if session.mode == .reimbursement { return try runIntake(position, body) }
        let cardText = try body.requiredString("card")
        guard let card = Card(cardText) else {
            throw APIFailure(400, "invalid_card_number", "payment.card \"\(cardText)\" is not a valid card number (12-19 digits passing the Luhn check)")
        }
        var splitCard: Card?
        if let splitText = try body.string("split_card") {
            guard let parsed = Card(splitText) else {
                throw APIFailure(400, "invalid_card_number", "payment.split_card \"\(splitText)\" is not a valid card number")
            }
            splitCard = parsed
        }
        // A setup session has no cart to judge by; Flex saves benefit cards for later HSA/FSA charges.
        let defaultKind: CardKind = session.hsaFsaEligible || session.mode == .setup ? .hsa : .credit
        let kind = try body.choice("card_kind", CardKind.allCases.map(\.rawValue)).flatMap(CardKind.init) ?? defaultKind
        let lmn = try body.choice("lmn", ["approved", "denied"])
        let email = try body.string("email")
        let promotion = try body.string("promo_code").map { code throws(APIFailure) in try redeemPromotionCode(code, session, id) }

        // What the card may pay for (flex-api.md §3.1).
        var consultation: [Int] = []
        if session.mode == .setup {
            // Nothing is bought, so the cart rules (eligibility, split cart, letters) do not apply.
            if splitCard != nil { throw APIFailure(422, "split_card_not_applicable", "split_card is only for split carts; setup session \(id) charges nothing") }
        } else if kind.isBenefitCard {
            guard session.hsaFsaEligible else {
                throw APIFailure(422, "no_eligible_items",
                                 "no item of checkout session \(id) is HSA/FSA eligible: pay with card_kind credit")
            }
            if session.isSplitCart {
                guard splitCard != nil else {
                    throw APIFailure(422, "split_card_required",
                                     "split cart: an \(kind.rawValue) card cannot pay for \(ineligibleItems(session.lineItems).joined(separator: ", ")); give split_card, a regular card for that part")
                }
            } else if splitCard != nil {
                throw APIFailure(422, "split_card_not_applicable", "split_card is only for split carts; every item of \(id) is eligible")
            }
            let needed = letterProducts(session.lineItems, customer: session.customer).filter { $0.state != .valid }.map(\.product)
            if !needed.isEmpty {
                switch lmn {
                case nil:
                    throw APIFailure(422, "letter_of_medical_necessity_required",
                                     "\(productNames(needed)) needs a letter of medical necessity: the shopper's consultation must answer lmn approved or denied")
                case "denied":
                    throw APIFailure(422, "letter_of_medical_necessity_denied",
                                     "the consultation denied a letter of medical necessity for \(productNames(needed)); pay with card_kind credit instead")
                default:
                    consultation = needed
                }
            }
        } else if splitCard != nil {
            throw APIFailure(422, "split_card_not_applicable", "split_card is only for an hsa or fsa main card on a split cart")
        }

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
        let customer: Int
        if let existing = session.customer {
            customer = existing
        } else {
            let defaultEmail = session.info.defaults?["email"]?.stringValue
            let created = Customer(id: newID(), email: email ?? defaultEmail, created: time)
            customer = customers.insert(created, id: created.id)
            emit(.customerCreated, .customer(created))
            session.customer = customer
        }
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
        // A subscription's first charge is invoiced before it is made (Invoices.swift).
        let invoice = session.subscription.map { subscription in
            openInvoice(subscription, customer: customer, amount: session.amountTotal, reason: "subscription_create", periodStart: time,
                        periodEnd: State.periodEnd(from: time, anchor: time, interval: subscriptions[subscription].interval,
                                                   count: subscriptions[subscription].intervalCount), at: time)
        }
        let splitting = kind.isBenefitCard && session.isSplitCart
        let primaryAmount = splitting ? session.eligibleAmount : session.amountTotal
        let primary = createPaymentIntent(session: position, customer: customer, paymentMethod: method, amount: primaryAmount,
                                          capture: session.captureMethod, role: "primary", at: time)
        if !consultation.isEmpty { paymentIntents[primary].letterFeeAmount = State.letterFee }
        session.paymentIntents = [primary]
        if splitting, let splitCard {
            let splitMethod = paymentMethod(for: splitCard, kind: .credit, customer: customer, save: false, at: time)
            let second = createPaymentIntent(session: position, customer: customer, paymentMethod: splitMethod,
                                             amount: session.amountTotal - session.eligibleAmount,
                                             capture: session.captureMethod, role: "split", at: time)
            session.paymentIntents.append(second)
        }
        if let subscription = session.subscription { activateSubscription(subscription, customer: customer, paymentMethod: method, at: time) }
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
