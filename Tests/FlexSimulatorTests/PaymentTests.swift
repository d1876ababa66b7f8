// Paying on-session: completion, customers and saved cards, cards and declines, split carts, LMN.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct PaymentTests {
    @Test func payCompletesCreatesCustomerAndSavesCard() {
        let sim = Sim()
        let price = sim.price(2499)
        let id = sim.session([(price, 2)], ["setup_future_use": "off_session"])
        let paid = sim.unwrap(sim.pay(id, card: "4242 4242 4242 4242", ["card_kind": "hsa", "email": "ada@example.com"]), "checkout_session")
        #expect(paid["status"] == "complete")
        #expect(paid["amount_received"] == 4998)
        let customer = paid["customer"]?.stringValue ?? ""
        #expect(customer.hasPrefix("fcus_"))
        #expect(sim.unwrap(sim.get("/v1/customers/\(customer)"), "customer")["email"] == "ada@example.com")
        let intentID = paid["payment_intent"]?.stringValue ?? ""
        let intent = sim.unwrap(sim.get("/v1/payment_intents/\(intentID)"), "payment_intent")
        #expect(intent["status"] == "succeeded")
        #expect(intent["amount_received"] == 4998)
        #expect(intent["customer"] == .string(customer))
        let methods = sim.unwrap(sim.get("/v1/customers/\(customer)/payment_methods"), "payment_methods").arrayValue ?? []
        #expect(methods.count == 1)
        #expect(methods.first?["off_session"] == true)
        #expect(methods.first?["card"]?["last4"] == "4242")
        #expect(methods.first?["card"]?["brand"] == "visa")
        #expect(methods.first?.objectValue?.keys.first == "payment_method_id")
        let methodID = methods.first?["payment_method_id"]?.stringValue ?? ""
        #expect(sim.unwrap(sim.get("/v1/customers/\(customer)/payment_methods/\(methodID)"), "payment_method")["payment_method_id"] == .string(methodID))
        #expect(sim.events() == ["customer.created", "payment_intent.created", "payment_intent.succeeded", "checkout.session.completed"])
        #expect(sim.unwrap(sim.get("/v1/payment_intents", [("checkout_session", id)]), "payment_intents").arrayValue?.count == 1)
    }

    @Test func cardNotSavedWithoutSetupFutureUse() {
        let sim = Sim()
        let paid = sim.unwrap(sim.pay(sim.session([(sim.price(100), 1)])), "checkout_session")
        let customer = paid["customer"]?.stringValue ?? ""
        let methods = sim.unwrap(sim.get("/v1/customers/\(customer)/payment_methods"), "payment_methods").arrayValue ?? []
        #expect(methods.first?["off_session"] == false)
    }

    @Test func payingWithGivenCustomerCreatesNoCustomer() {
        let sim = Sim()
        let price = sim.price(100)
        let customer = sim.unwrap(sim.post("/v1/customers", ["customer": ["email": "a@b.co"]]), "customer")["customer_id"] ?? .null
        let id = sim.session([(price, 1)], ["customer": customer])
        let paid = sim.unwrap(sim.pay(id), "checkout_session")
        #expect(paid["customer"] == customer)
        #expect(sim.events([("type", "customer.created")]).count == 1)
    }

    @Test func payingTwiceIsAlreadyProcessed() {
        let sim = Sim()
        let id = sim.session([(sim.price(100), 1)])
        _ = sim.pay(id)
        expectError(sim.pay(id), 400, "checkout_session_already_processed")
        expectError(sim.pay("fcs_01ARZ3NDEKTSV4RRFFQ69G5FAV"), 404, "checkout_session_not_found")
    }

    /// Flex's documented test cards and the simulator's decline cards.
    @Test(arguments: [
        ("4242424242424242", nil), ("4000056655665556", nil), ("5555555555554444", nil), ("4000000000000341", nil),
        ("4000000000009995", "insufficient_funds"), ("4000000000000002", "generic_decline"),
        ("4000000000009987", "lost_card"), ("4000000000009979", "stolen_card"), ("4000000000000069", "expired_card"),
        ("4000000000000127", "incorrect_cvc"), ("4000000000000119", "processing_error"),
    ] as [(String, String?)])
    func testCards(card: String, declineCode: String?) {
        let sim = Sim()
        let id = sim.session([(sim.price(100), 1)])
        let response = sim.pay(id, card: card)
        if let declineCode {
            expectError(response, 402, "card_declined")
            #expect(response.body["error"]?["decline_code"] == .string(declineCode))
            // A decline changes nothing: the session is still open and can be paid with another card.
            #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "open")
            #expect(sim.events().isEmpty)
            #expect(sim.pay(id).status == 200)
        } else {
            #expect(sim.unwrap(response, "checkout_session")["status"] == "complete")
        }
    }

    @Test func cardDetails() {
        let sim = Sim()
        let paid = sim.unwrap(sim.pay(sim.session([(sim.price(100), 1)]), card: "4000 0566 5566 5556"), "checkout_session")
        let methods = sim.unwrap(sim.get("/v1/customers/\(paid["customer"]?.stringValue ?? "")/payment_methods"), "payment_methods")
        #expect(methods.arrayValue?.first?["card"]?["funding"] == "debit")
        #expect(methods.arrayValue?.first?["card"]?["card_kind"] == "hsa")
    }

    /// Card field, status, code.
    @Test(arguments: [
        (#"{"payment": {"card": "4242424242424241"}}"#, 400, "invalid_card_number"),
        (#"{"payment": {"card": "4242"}}"#, 400, "invalid_card_number"),
        (#"{"payment": {"card": "4242x4242424242424"}}"#, 400, "invalid_card_number"),
        (#"{"payment": {"card": "42424242424242424242"}}"#, 400, "invalid_card_number"),
        (#"{"payment": {"card": "4242424242424242", "split_card": "1"}}"#, 400, "invalid_card_number"),
        (#"{"payment": {"card": 4242424242424242}}"#, 400, "invalid_request"),
        (#"{"payment": {}}"#, 400, "invalid_request"),
        (#"{"card": "4242424242424242"}"#, 400, "invalid_request"),
        (#"{"payment": {"card": "4242424242424242", "card_kind": "debit"}}"#, 400, "invalid_request"),
        (#"{"payment": {"card": "4242424242424242", "lmn": "maybe"}}"#, 400, "invalid_request"),
        ("", 400, "invalid_request"),
    ])
    func payValidation(body: String, status: Int, code: String) {
        let sim = Sim()
        let id = sim.session([(sim.price(100), 1)])
        expectError(sim.post("/_sim/checkout/sessions/\(id)/pay", parsed(body)), status, code)
    }

    @Test func cardKindRules() {
        let sim = Sim()
        let thermo = sim.price(2499)
        let mug = sim.price(900, "not_eligible", name: "Mug")
        // An HSA card cannot pay for a cart with nothing eligible.
        let mugs = sim.session([(mug, 1)])
        expectError(sim.pay(mugs, ["card_kind": "hsa"]), 422, "no_eligible_items")
        expectError(sim.pay(mugs, ["card_kind": "fsa"]), 422, "no_eligible_items")
        #expect(sim.unwrap(sim.pay(mugs), "checkout_session")["status"] == "complete")  // credit is the default there
        // A credit card pays for anything, a split cart included, in one payment intent.
        let split = sim.session([(thermo, 1), (mug, 1)])
        let paid = sim.unwrap(sim.pay(split, ["card_kind": "credit"]), "checkout_session")
        #expect(paid["payment_intents"]?.arrayValue?.count == 1)
        // split_card is for benefit cards on split carts only.
        let eligible = sim.session([(thermo, 1)])
        expectError(sim.pay(eligible, ["card_kind": "hsa", "split_card": "5555555555554444"]), 422, "split_card_not_applicable")
        expectError(sim.pay(eligible, ["card_kind": "credit", "split_card": "5555555555554444"]), 422, "split_card_not_applicable")
    }

    @Test func splitCartNeedsSecondCardAndMakesTwoIntents() {
        let sim = Sim()
        let thermo = sim.price(2499)
        let mug = sim.price(900, "not_eligible", name: "Mug")
        let id = sim.session([(thermo, 2), (mug, 1)])
        let missing = sim.pay(id, ["card_kind": "hsa"])
        expectError(missing, 422, "split_card_required")
        #expect(missing.body["error"]?["message"]?.stringValue?.contains("Mug") == true)
        let paid = sim.unwrap(sim.pay(id, ["card_kind": "fsa", "split_card": "5555 5555 5555 4444"]), "checkout_session")
        #expect(paid["status"] == "complete")
        #expect(paid["amount_received"] == 5898)
        let intents = paid["payment_intents"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(intents.count == 2)
        #expect(paid["payment_intent"] == .string(intents.first ?? ""))
        let amounts = intents.map { sim.unwrap(sim.get("/v1/payment_intents/\($0)"), "payment_intent")["amount"] }
        #expect(amounts == [4998, 900])
        #expect(sim.events([("type", "payment_intent.succeeded")]).count == 2)
        #expect(sim.events() == ["customer.created", "payment_intent.created", "payment_intent.created",
                                 "payment_intent.succeeded", "payment_intent.succeeded", "checkout.session.completed"])
    }

    @Test func splitCardDeclineFailsTheWholePayment() {
        let sim = Sim()
        let id = sim.session([(sim.price(2499), 1), (sim.price(900, "not_eligible", name: "Mug"), 1)])
        let response = sim.pay(id, ["card_kind": "hsa", "split_card": "4000000000009995"])
        expectError(response, 402, "card_declined")
        #expect(response.body["error"]?["message"]?.stringValue?.contains("9995") == true)
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "open")
    }

    @Test func letterOfMedicalNecessityOnSession() {
        let sim = Sim()
        let coaching = sim.price(5000, "letter_of_medical_necessity", name: "Sleep coaching")
        let id = sim.session([(coaching, 1)])
        let missing = sim.pay(id, ["card_kind": "hsa"])
        expectError(missing, 422, "letter_of_medical_necessity_required")
        #expect(missing.body["error"]?["message"]?.stringValue?.contains("Sleep coaching") == true)
        expectError(sim.pay(id, ["card_kind": "hsa", "lmn": "denied"]), 422, "letter_of_medical_necessity_denied")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "open")
        let paid = sim.unwrap(sim.pay(id, ["card_kind": "hsa", "lmn": "approved"]), "checkout_session")
        #expect(paid["status"] == "complete")
        let fee = paid["fees"]?.arrayValue?.first
        #expect(fee?["fee_type"] == "lmn_consultation")
        #expect(fee?["applied"] == true)
        #expect(fee?["fee_id"]?.stringValue?.hasPrefix("ffee_") == true)
        #expect(paid["amount_total"] == 5000)  // the fee is the merchant's, not added to the cart
        let intent = sim.unwrap(sim.get("/v1/payment_intents/\(paid["payment_intent"]?.stringValue ?? "")"), "payment_intent")
        #expect(intent["letter_fee_amount"] == 1500)

        // The letter is on file for that customer and product: the next session needs no consultation.
        let again = sim.session([(coaching, 1)], ["customer": paid["customer"] ?? .null])
        let second = sim.unwrap(sim.pay(again, ["card_kind": "hsa"]), "checkout_session")
        #expect(second["status"] == "complete")
        #expect(second["fees"] == [])
        // A credit card needs no letter at all.
        let credit = sim.session([(coaching, 1)])
        #expect(sim.unwrap(sim.pay(credit, ["card_kind": "credit"]), "checkout_session")["status"] == "complete")
    }

    @Test func declineFaultsApplyToTheNextCharges() {
        let sim = Sim()
        let price = sim.price(100)
        let fault = sim.unwrap(sim.post("/_sim/faults", ["fault": ["kind": "decline", "count": 2, "decline_code": "do_not_honor"]]), "fault")
        #expect(fault["count"] == 2)
        let id = sim.session([(price, 1)])
        let first = sim.pay(id)
        expectError(first, 402, "card_declined")
        #expect(first.body["error"]?["decline_code"] == "do_not_honor")
        expectError(sim.pay(id), 402, "card_declined")
        #expect(sim.pay(id).status == 200)
        sim.post("/_sim/faults", ["fault": ["kind": "decline"]])
        let response = sim.pay(sim.session([(price, 1)]))
        #expect(response.body["error"]?["decline_code"] == "generic_decline")
    }
}
