// The HSA/FSA rules as functions of small values, so each is read and tested by its name.
import FlexAPI

/// Each rule throws Flex's error for the first violation, in the order docs/flex-api.md §3.1 and §3.3
/// check them; the state-reading helpers that feed them are in State+Rules.swift.
enum Rules {
    /// Eligibility: an HSA or FSA card pays only for eligible items, so a cart without any is refused.
    /// A credit card may pay for anything, and a setup session buys nothing.
    static func eligibility(card: CardKind, cartIsEligible: Bool, isSetup: Bool, session: String) throws(APIFailure) {
        guard card.isBenefitCard, !isSetup, !cartIsEligible else { return }
        throw APIFailure(422, "no_eligible_items", "no item of checkout session \(session) is HSA/FSA eligible: pay with card_kind credit")
    }

    /// Split cart: when an HSA/FSA card pays for a cart that also holds ineligible items, a regular
    /// `split_card` pays for those; anywhere else a split card is refused. `ineligibleItems` names them.
    static func splitCart(card: CardKind, isSplitCart: Bool, hasSplitCard: Bool, isSetup: Bool, session: String,
                          ineligibleItems: () -> [String]) throws(APIFailure) {
        if isSetup {
            guard !hasSplitCard else {
                throw APIFailure(422, "split_card_not_applicable", "split_card is only for split carts; setup session \(session) charges nothing")
            }
        } else if card.isBenefitCard {
            if isSplitCart {
                guard hasSplitCard else {
                    throw APIFailure(422, "split_card_required",
                                     "split cart: an \(card.rawValue) card cannot pay for \(ineligibleItems().joined(separator: ", ")); give split_card, a regular card for that part")
                }
            } else if hasSplitCard {
                throw APIFailure(422, "split_card_not_applicable", "split_card is only for split carts; every item of \(session) is eligible")
            }
        } else if hasSplitCard {
            throw APIFailure(422, "split_card_not_applicable", "split_card is only for an hsa or fsa main card on a split cart")
        }
    }

    /// Letter of medical necessity at payment: products with no valid letter (`needing`) are paid
    /// with an HSA/FSA card only when the shopper's consultation answers `approved`. Returns the
    /// products whose letters that consultation issues (none when no letter was needed).
    static func letterOfMedicalNecessity(needing: [Int], consultation answer: String?,
                                         describe: ([Int]) -> String) throws(APIFailure) -> [Int] {
        guard !needing.isEmpty else { return [] }
        switch answer {
        case nil:
            throw APIFailure(422, "letter_of_medical_necessity_required",
                             "\(describe(needing)) needs a letter of medical necessity: the shopper's consultation must answer lmn approved or denied")
        case "denied":
            throw APIFailure(422, "letter_of_medical_necessity_denied",
                             "the consultation denied a letter of medical necessity for \(describe(needing)); pay with card_kind credit instead")
        default:
            return needing
        }
    }

    /// Letters without a consultation (off-session charges, subscriptions): every LMN product needs
    /// the customer's letter, present (`missing` lists those without) and not expired.
    static func lettersOnFile(missing: [Int], expired: [Int], customer: String, describe: ([Int]) -> String) throws(APIFailure) {
        guard missing.isEmpty else {
            throw APIFailure(422, "letter_of_medical_necessity_required",
                             "customer \(customer) has no letter of medical necessity for \(describe(missing))")
        }
        guard expired.isEmpty else {
            throw APIFailure(422, "letter_of_medical_necessity_expired",
                             "the letter of medical necessity of customer \(customer) has expired (12 months) for \(describe(expired))")
        }
    }

    /// Off-session: the charge names its customer (the ID as given)…
    static func offSessionCustomer(_ customer: String?) throws(APIFailure) -> String {
        guard let customer else {
            throw APIFailure(400, "customer_required", "checkout_session.customer is required for mode off_session")
        }
        return customer
    }

    /// …and the saved payment method to charge, checked after the customer.
    static func offSessionPaymentMethod(_ paymentMethod: String?) throws(APIFailure) -> String {
        guard let paymentMethod else {
            throw APIFailure(400, "payment_method_required", "checkout_session.payment_method is required for mode off_session")
        }
        return paymentMethod
    }

    /// Off-session: no shopper is there to give a second card, so the whole cart must be eligible.
    static func offSessionCart(ineligibleItems: [String]) throws(APIFailure) {
        guard ineligibleItems.isEmpty else {
            throw APIFailure(422, "split_cart_not_allowed",
                             "off-session charges cannot split the cart: not HSA/FSA eligible: \(ineligibleItems.joined(separator: ", "))")
        }
    }
}
