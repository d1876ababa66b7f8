// What the HSA/FSA rules read from the state: letters on file, item names, off-session checks, declines.
import FlexAPI

/// The customer and saved card an off-session checkout charges.
struct OffSessionCharge {
    var customer: Int
    var paymentMethod: Int
}

extension State {
    /// A letter is valid for 12 months (docs/flex-api.md §3.2), counted as 365 days of virtual time.
    static let letterLifetime = 365 * 86_400

    enum LetterState { case valid, missing, expired }

    func letter(customer: Int?, product: Int) -> LetterState {
        guard let customer, let approved = letters[LetterKey(customer: Int32(truncatingIfNeeded: customer), product: Int32(truncatingIfNeeded: product))] else {
            return .missing
        }
        return now < approved + State.letterLifetime ? .valid : .expired
    }

    /// LMN products of the cart (each once, cart order) with the state of the customer's letter.
    func letterProducts(_ items: [LineItem], customer: Int?) -> [(product: Int, state: LetterState)] {
        guard items.contains(where: { $0.eligibility.needsLetter }) else { return [] }
        var seen = Set<Int>()
        var result: [(Int, LetterState)] = []
        for item in items where item.eligibility.needsLetter {
            let product = item.product
            if seen.insert(product).inserted { result.append((product, letter(customer: customer, product: product))) }
        }
        return result
    }

    func productNames(_ positions: [Int]) -> String {
        positions.map { "\(products[$0].name) (\(products[$0].id.id(.product)))" }.joined(separator: ", ")
    }

    func ineligibleItems(_ items: [LineItem]) -> [String] {
        items.enumerated().compactMap { index, item in
            guard !item.eligibility.isEligible else { return nil }
            let product = products[item.product]
            return "line_items[\(index)] \(product.name) (\(item.price.map { prices[$0].id.id(.price) } ?? product.id.id(.product)))"
        }
    }

    /// The customer's letters for every LMN product of `items` (Rules.lettersOnFile).
    func requireLetters(_ items: [LineItem], customer: Int) throws(APIFailure) {
        let letters = letterProducts(items, customer: customer)
        try Rules.lettersOnFile(missing: letters.filter { $0.state == .missing }.map(\.product),
                                expired: letters.filter { $0.state == .expired }.map(\.product),
                                customer: customers[customer].id.id(.customer), describe: { productNames($0) })
    }

    /// docs/flex-api.md §3.3, in order; each violation has its own code and names the field or item.
    func validateOffSession(_ body: BodyReader, _ items: [LineItem]) throws(APIFailure) -> OffSessionCharge {
        let customerID = try Rules.offSessionCustomer(try body.string("customer"))
        let methodID = try Rules.offSessionPaymentMethod(try body.string("payment_method"))
        let customer = try customerPosition(customerID)
        let method = try savedPaymentMethod(methodID, of: customer, field: "payment_method")
        try Rules.offSessionCart(ineligibleItems: ineligibleItems(items))
        try requireLetters(items, customer: customer)
        return OffSessionCharge(customer: customer, paymentMethod: method)
    }

    /// The off-session card is charged before anything is stored: a decline leaves no session behind.
    mutating func chargeOffSession(_ charge: OffSessionCharge) throws(APIFailure) {
        let card = paymentMethods[charge.paymentMethod].card
        if let declineCode = chargeDeclineCode(card, offSession: true) { throw declined(card, declineCode) }
    }

    /// The decline code for charging `card` now, or nil when it succeeds. An injected decline
    /// (`decline next`) is used up first.
    mutating func chargeDeclineCode(_ card: Card, offSession: Bool) -> String? {
        if let code = faults.takeDecline() { return code }
        if let code = Card.declines[card.number] { return code }
        if offSession, let code = Card.offSessionDeclines[card.number] { return code }
        return nil
    }

    func declined(_ card: Card, _ declineCode: String) -> APIFailure {
        APIFailure(402, "card_declined", "the card ending in \(card.last4) was declined (\(declineCode))", declineCode: declineCode)
    }
}
