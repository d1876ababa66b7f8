// Reimbursement mode (docs/flex-api.md §2.1, §3.2): the session names products, not prices; the shopper
// only runs the telehealth intake, which issues letters of medical necessity. Nothing is charged.
import FlexAPI

struct Consultation {
    var id: ULID
    var customer: Int
    var session: Int
    var created: Int
    /// Set when its letters run out (`created` + `letterLifetime`); events keep the copy they had.
    var expired = false
}

extension State {
    /// `line_items: [{product, quantity?}]`: every product must be one a letter makes eligible,
    /// since issuing that letter is all the intake does.
    func readReimbursementItems(_ body: BodyReader) throws(APIFailure) -> ([LineItem], Int) {
        guard let elements = try body.array("line_items"), !elements.isEmpty else {
            throw .invalid("line_items is required: give at least one {\"product\": \"fprod_…\"} in mode reimbursement")
        }
        var items: [LineItem] = []
        for (index, element) in elements.enumerated() {
            let name = "line_items[\(index)]"
            guard case .object(let fields) = element else { throw .invalid("\(name) must be an object") }
            let item = BodyReader(fields, path: name)
            guard let productID = try item.string("product") else {
                throw .invalid("\(name).product is required in mode reimbursement (the intake is about products; no price is charged)")
            }
            let quantity = try readQuantity(item, name, required: false)
            let position = try products.position(of: productID)
            let product = products[position]
            guard product.eligibility.needsLetter else {
                throw APIFailure(422, "letter_of_medical_necessity_not_applicable",
                                 "\(name): \(product.name) (\(productID)) is \(product.eligibility.rawValue); reimbursement is only for letter_of_medical_necessity products")
            }
            items.append(LineItem(id: ULID(high: 0, low: 0), price: nil, product: position, quantity: quantity, amount: 0,
                                  eligibility: product.eligibility))
        }
        return (items, 0)
    }

    /// The shopper's intake on a reimbursement session (`POST /_sim/checkout/sessions/{id}/pay`
    /// with `{"payment": {"lmn": "approved"|"denied", "email"?}}`; no card is needed). Approved: a
    /// consultation (`fcons_`), a letter per product for 12 months, the consultation fee on the
    /// session, and the session completes. Denied: 422, and the session stays open.
    mutating func runIntake(_ position: Int, _ body: BodyReader) throws(APIFailure) -> APIResponse {
        var session = sessions[position]
        let id = session.id.id(.session)
        let products = letterProducts(session.lineItems, customer: nil).map(\.product)
        switch try body.choice("lmn", ["approved", "denied"]) {
        case nil:
            throw APIFailure(422, "letter_of_medical_necessity_required",
                             "reimbursement session \(id) runs the intake for \(productNames(products)): payment.lmn must be approved or denied")
        case "denied":
            throw APIFailure(422, "letter_of_medical_necessity_denied",
                             "the consultation denied a letter of medical necessity for \(productNames(products)); session \(id) stays open")
        default: break
        }
        let email = try body.string("email")
        let time = tick()
        let customer = payingCustomer(&session, email: email, at: time)
        let fee = Fee(id: newID(), amount: State.letterFee, applied: true)
        session.fees.append(fee)
        issueLetters(products, customer: customer, session: position, fee: fee.id, at: time)
        let consultation = Consultation(id: newID(), customer: customer, session: position, created: time)
        consultations.insert(consultation, id: consultation.id)
        emit(.consultationApproved, .consultation(consultation))
        emit(.customerConsultationAttached, .consultation(consultation))
        session.status = .complete
        sessions[position] = session
        emit(.checkoutSessionCompleted, .session(session))
        return ok("checkout_session", render(session))
    }

    /// When the oldest consultation not yet expired runs out. Consultations are made in time order,
    /// so they expire in that order and one position is enough to know where the next one is.
    func nextConsultationExpiry() -> Int? {
        guard consultationHead < consultations.objects.count else { return nil }
        let (time, overflow) = consultations[consultationHead].created.addingReportingOverflow(State.letterLifetime)
        return overflow ? nil : time
    }

    /// `consultation.expired` (docs/flex-api.md §4 names the event; when it fires is inferred): the
    /// consultation's letters are 12 months old, so it is over and a new purchase needs a new one.
    mutating func expireNextConsultation() {
        guard let time = nextConsultationExpiry() else { return }
        consultations[consultationHead].expired = true
        let consultation = consultations[consultationHead]
        consultationHead += 1
        events.append(Event(id: newID(), type: .consultationExpired, dt: time, object: .consultation(consultation)))
    }

    func render(_ consultation: Consultation) -> JSON {
        object([
            "consultation_id": .string(consultation.id.id(.consultation)),
            "consultation_type": "letter_of_medical_necessity",
            "status": consultation.expired ? "expired" : "approved",
            "customer": .string(customers[consultation.customer].id.id(.customer)),
            "checkout_session": .string(sessions[consultation.session].id.id(.session)),
            "created_at": .string(Clock.iso(consultation.created)),
            "test_mode": true,
        ])
    }
}
