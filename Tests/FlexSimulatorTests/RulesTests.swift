// The HSA/FSA rules by name, called directly with small inputs: each happy path, each error.
import FlexAPI
@testable import FlexSimulator
import Testing

@Suite struct RulesTests {
    /// Runs a rule and returns the code of the Flex error it throws, or nil when it passes.
    func failure<T>(_ rule: () throws(APIFailure) -> T) -> String? {
        do throws(APIFailure) {
            _ = try rule()
            return nil
        } catch {
            return error.code
        }
    }

    func names(_ products: [Int]) -> String { products.map { "product \($0)" }.joined(separator: ", ") }

    @Test func eligibility() {
        #expect(failure { () throws(APIFailure) in try Rules.eligibility(card: .hsa, cartIsEligible: true, isSetup: false, session: "fcs_1") } == nil)
        #expect(failure { () throws(APIFailure) in try Rules.eligibility(card: .credit, cartIsEligible: false, isSetup: false, session: "fcs_1") } == nil)
        #expect(failure { () throws(APIFailure) in try Rules.eligibility(card: .fsa, cartIsEligible: false, isSetup: true, session: "fcs_1") } == nil)
        #expect(failure { () throws(APIFailure) in try Rules.eligibility(card: .fsa, cartIsEligible: false, isSetup: false, session: "fcs_1") }
            == "no_eligible_items")
    }

    @Test func eligibilityNamesTheSession() {
        do throws(APIFailure) {
            try Rules.eligibility(card: .hsa, cartIsEligible: false, isSetup: false, session: "fcs_42")
            Issue.record("an ineligible cart passed")
        } catch {
            #expect(error.status == 422)
            #expect(error.message.contains("fcs_42"))
        }
    }

    @Test(arguments: [
        // card, split cart, split card given, setup → expected error code
        (CardKind.hsa, true, true, false, nil),
        (CardKind.hsa, false, false, false, nil),
        (CardKind.credit, true, false, false, nil),
        (CardKind.hsa, false, false, true, nil),
        (CardKind.hsa, true, false, false, "split_card_required"),
        (CardKind.fsa, false, true, false, "split_card_not_applicable"),
        (CardKind.credit, true, true, false, "split_card_not_applicable"),
        (CardKind.hsa, false, true, true, "split_card_not_applicable"),
    ] as [(CardKind, Bool, Bool, Bool, String?)])
    func splitCart(card: CardKind, isSplitCart: Bool, hasSplitCard: Bool, isSetup: Bool, expected: String?) {
        let code = failure { () throws(APIFailure) in
            try Rules.splitCart(card: card, isSplitCart: isSplitCart, hasSplitCard: hasSplitCard, isSetup: isSetup, session: "fcs_1") {
                ["line_items[1] Candy (fprice_1)"]
            }
        }
        #expect(code == expected)
    }

    @Test func splitCartNamesTheIneligibleItems() {
        do throws(APIFailure) {
            try Rules.splitCart(card: .hsa, isSplitCart: true, hasSplitCard: false, isSetup: false, session: "fcs_1") {
                ["line_items[1] Candy (fprice_1)"]
            }
            Issue.record("a split cart without a split card passed")
        } catch {
            #expect(error.message.contains("line_items[1] Candy (fprice_1)"))
        }
    }

    @Test func letterOfMedicalNecessity() {
        #expect(failure { () throws(APIFailure) in try Rules.letterOfMedicalNecessity(needing: [], consultation: nil, describe: names) } == nil)
        #expect(failure { () throws(APIFailure) in try Rules.letterOfMedicalNecessity(needing: [3], consultation: nil, describe: names) }
            == "letter_of_medical_necessity_required")
        #expect(failure { () throws(APIFailure) in try Rules.letterOfMedicalNecessity(needing: [3], consultation: "denied", describe: names) }
            == "letter_of_medical_necessity_denied")
        let issued = try? Rules.letterOfMedicalNecessity(needing: [3, 5], consultation: "approved", describe: names)
        #expect(issued == [3, 5])
        #expect((try? Rules.letterOfMedicalNecessity(needing: [], consultation: "approved", describe: names)) == [])
    }

    @Test func lettersOnFile() {
        #expect(failure { () throws(APIFailure) in try Rules.lettersOnFile(missing: [], expired: [], customer: "fcus_1", describe: names) } == nil)
        #expect(failure { () throws(APIFailure) in try Rules.lettersOnFile(missing: [1], expired: [2], customer: "fcus_1", describe: names) }
            == "letter_of_medical_necessity_required")
        #expect(failure { () throws(APIFailure) in try Rules.lettersOnFile(missing: [], expired: [2], customer: "fcus_1", describe: names) }
            == "letter_of_medical_necessity_expired")
    }

    @Test func offSession() {
        #expect((try? Rules.offSessionCustomer("fcus_1")) == "fcus_1")
        #expect(failure { () throws(APIFailure) in try Rules.offSessionCustomer(nil) } == "customer_required")
        #expect((try? Rules.offSessionPaymentMethod("fpm_1")) == "fpm_1")
        #expect(failure { () throws(APIFailure) in try Rules.offSessionPaymentMethod(nil) } == "payment_method_required")
        #expect(failure { () throws(APIFailure) in try Rules.offSessionCart(ineligibleItems: []) } == nil)
        #expect(failure { () throws(APIFailure) in try Rules.offSessionCart(ineligibleItems: ["line_items[0] Candy (fprice_1)"]) }
            == "split_cart_not_allowed")
    }
}
