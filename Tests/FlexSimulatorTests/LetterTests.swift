// Consumer letters (docs/flex-api.md §2.12): every approved consultation issues a letter per product,
// readable by ID and per order (the checkout session whose consultation issued it).
import FlexAPI
import FlexSimulator
import Testing

@Suite struct LetterTests {
    /// A paid payment-mode session for an LMN product, approved at the consultation.
    func lmnOrder(_ sim: Sim) -> (session: String, product: String, customer: String) {
        let product = sim.product("CPAP machine", "letter_of_medical_necessity")
        let price = sim.unwrap(sim.post("/v1/prices", ["price": ["product": .string(product), "unit_amount": 50000]]), "price")["price_id"]?.stringValue ?? ""
        let session = sim.session([(price, 1)])
        let paid = sim.unwrap(sim.pay(session, ["card_kind": "hsa", "lmn": "approved"]), "checkout_session")
        return (session, product, paid["customer"]?.stringValue ?? "")
    }

    @Test func aPaidLMNOrderHasItsLetter() {
        let sim = Sim()
        let order = lmnOrder(sim)
        let response = sim.get("/v1/consumer/orders/\(order.session)/letters")
        let letters = sim.unwrap(response, "letters")
        #expect(letters.arrayValue?.count == 1)
        let letter = letters[0] ?? .null
        let id = letter["letter_id"]?.stringValue ?? ""
        #expect(id.hasPrefix("flmn_"))
        #expect(letter["product"]?.stringValue == order.product)
        #expect(letter["customer"]?.stringValue == order.customer)
        #expect(letter["checkout_session"]?.stringValue == order.session)
        #expect(letter["status"]?["status"] == "approved")
        #expect(letter["url"]?.stringValue == "https://checkout.withflex.com/letters/\(id).pdf")
        // The letter by ID is unwrapped (doc) and the same object.
        let single = sim.get("/v1/consumer/letters/\(id)")
        #expect(single.status == 200)
        #expect(single.body == letter)
    }

    @Test func aReimbursementIntakeIssuesOneLetterPerProduct() {
        let sim = Sim()
        let cpap = sim.product("CPAP machine", "letter_of_medical_necessity")
        let mask = sim.product("CPAP mask", "letter_of_medical_necessity")
        let open = sim.post("/v1/checkout/sessions", ["checkout_session": ["mode": "reimbursement",
                                                                          "line_items": [["product": .string(cpap)], ["product": .string(mask)]]]])
        let id = sim.unwrap(open, "checkout_session")["checkout_session_id"]?.stringValue ?? ""
        _ = sim.post("/_sim/checkout/sessions/\(id)/pay", ["payment": ["lmn": "approved"]])
        let letters = sim.unwrap(sim.get("/v1/consumer/orders/\(id)/letters"), "letters").arrayValue ?? []
        #expect(letters.map { $0["product"]?.stringValue ?? "" } == [cpap, mask])
        #expect(Set(letters.map { $0["letter_id"]?.stringValue ?? "" }).count == 2)
    }

    @Test func aLetterExpiresAfterTwelveMonths() {
        let sim = Sim()
        let order = lmnOrder(sim)
        let id = sim.unwrap(sim.get("/v1/consumer/orders/\(order.session)/letters"), "letters")[0]?["letter_id"]?.stringValue ?? ""
        sim.advance(365 * 86_400)
        #expect(sim.get("/v1/consumer/letters/\(id)").body["status"]?["status"] == "expired")
    }

    @Test func anOrderWithoutAConsultationHasNoLetters() {
        let sim = Sim()
        let session = sim.session([(sim.price(2499), 1)])
        _ = sim.pay(session)
        #expect(sim.unwrap(sim.get("/v1/consumer/orders/\(session)/letters"), "letters") == [])
    }

    @Test(arguments: [
        ("/v1/consumer/letters/flmn_01KDX00000000000000000000A", 404, "letter_not_found"),
        ("/v1/consumer/letters/fcs_01KDX00000000000000000000A", 404, "letter_not_found"),
        ("/v1/consumer/orders/fcs_01KDX00000000000000000000A/letters", 404, "order_not_found"),
        ("/v1/consumer/orders/junk/letters", 404, "order_not_found"),
    ])
    func unknownIDs(path: String, status: Int, code: String) {
        expectError(Sim().get(path), status, code)
    }

    @Test func readOnly() {
        let sim = Sim()
        expectError(sim.post("/v1/consumer/letters/flmn_01KDX00000000000000000000A"), 405, "method_not_allowed")
        expectError(sim.post("/v1/consumer/orders/fcs_01KDX00000000000000000000A/letters"), 405, "method_not_allowed")
    }
}
