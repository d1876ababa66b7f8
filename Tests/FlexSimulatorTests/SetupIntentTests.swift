// Setup intents (docs/flex-api.md §2.12): one per setup session, following it from
// requires_payment_method to succeeded (or canceled), with every rule's error code.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct SetupIntentTests {
    func setupSession(_ sim: Sim) -> String {
        let response = sim.post("/v1/checkout/sessions", ["checkout_session": ["mode": "setup"]])
        return sim.unwrap(response, "checkout_session")["checkout_session_id"]?.stringValue ?? ""
    }

    func intentID(_ sim: Sim, _ session: String) -> String {
        sim.unwrap(sim.get("/v1/checkout/sessions/\(session)"), "checkout_session")["setup_intent"]?.stringValue ?? ""
    }

    @Test func aSetupSessionsIntentSucceedsWithTheSavedCard() {
        let sim = Sim()
        let session = setupSession(sim)
        let id = intentID(sim, session)
        #expect(id.hasPrefix("fseti_"))
        // The intent shares the session's ULID, so no seeded ID was drawn for it.
        #expect(id.dropFirst(6) == session.dropFirst(4))
        let open = sim.unwrap(sim.get("/v1/setup_intents/\(id)"), "setup_intent")
        #expect(open["setup_intent_id"]?.stringValue == id)
        #expect(open["status"] == "requires_payment_method")
        #expect(open["usage"] == "off_session")
        #expect(open["payment_method"] == .null)
        #expect(open["customer"] == .null)
        #expect(open["subscription_id"] == .null)
        #expect(open["test_mode"] == true)
        #expect(open["client_secret"]?.stringValue?.hasPrefix(id + "_secret_") == true)
        #expect(open["checkout_session"]?.stringValue == session)

        let paid = sim.unwrap(sim.pay(session), "checkout_session")
        let done = sim.unwrap(sim.get("/v1/setup_intents/\(id)"), "setup_intent")
        #expect(done["status"] == "succeeded")
        #expect(done["customer"] == paid["customer"])
        let customer = paid["customer"]?.stringValue ?? ""
        let method = sim.unwrap(sim.get("/v1/customers/\(customer)/payment_methods"), "payment_methods")[0]
        #expect(done["payment_method"] == method?["payment_method_id"])
        // No event of its own: Flex documents none for setup intents.
        #expect(sim.events() == ["customer.created", "checkout.session.completed"])
    }

    @Test func otherModesHaveNoSetupIntent() {
        let sim = Sim()
        let session = sim.session([(sim.price(100), 1)])
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(session)"), "checkout_session")["setup_intent"] == .null)
        expectError(sim.post("/v1/setup_intents", ["setup_intent": ["checkout_session": .string(session)]]), 422, "setup_intent_not_applicable")
        // The session's ULID under fseti_ names no setup intent.
        expectError(sim.get("/v1/setup_intents/fseti_" + session.dropFirst(4)), 404, "setup_intent_not_found")
    }

    @Test func anExpiredSessionCancelsItsIntent() {
        let sim = Sim()
        let session = setupSession(sim)
        let id = intentID(sim, session)
        _ = sim.post("/_sim/checkout/sessions/\(session)/expire")
        #expect(sim.unwrap(sim.get("/v1/setup_intents/\(id)"), "setup_intent")["status"] == "canceled")
    }

    @Test func createAnswersTheSessionsIntentWithPartnerAndMetadata() {
        let sim = Sim()
        let session = setupSession(sim)
        let id = intentID(sim, session)
        let body: JSON = ["setup_intent": ["checkout_session": .string(session), "partner_id": "partner-9", "metadata": ["order": "77"]]]
        let created = sim.unwrap(sim.post("/v1/setup_intents", body), "setup_intent")
        #expect(created["setup_intent_id"]?.stringValue == id)
        #expect(created["partner_id"] == "partner-9")
        #expect(created["metadata"]?["order"] == "77")
        #expect(sim.unwrap(sim.get("/v1/setup_intents"), "setup_intents").arrayValue?.count == 1)
    }

    @Test(arguments: [
        (#"{}"#, 400, "invalid_request"),
        (#"{"setup_intent": {}}"#, 400, "invalid_request"),
        (#"{"setup_intent": {"checkout_session": 7}}"#, 400, "invalid_request"),
        (#"{"setup_intent": {"checkout_session": "SESSION", "partner_id": 7}}"#, 400, "invalid_request"),
        (#"{"setup_intent": {"checkout_session": "fcs_01KDX00000000000000000000A"}}"#, 404, "checkout_session_not_found"),
    ])
    func createRules(body: String, status: Int, code: String) {
        let sim = Sim()
        let session = setupSession(sim)
        expectError(sim.post("/v1/setup_intents", parsed(body.replacingOccurrences("SESSION", session))), status, code)
    }

    @Test func listFiltersAndRules() {
        let sim = Sim()
        let first = setupSession(sim)
        _ = setupSession(sim)
        let paid = sim.unwrap(sim.pay(first), "checkout_session")
        let all = sim.unwrap(sim.get("/v1/setup_intents"), "setup_intents")
        #expect(all.arrayValue?.count == 2)
        #expect(all[0]?["status"] == "requires_payment_method")  // newest first
        let succeeded = sim.unwrap(sim.get("/v1/setup_intents", [("status", "succeeded")]), "setup_intents")
        #expect(succeeded.arrayValue?.count == 1)
        let mine = sim.unwrap(sim.get("/v1/setup_intents", [("customer", paid["customer"]?.stringValue ?? "")]), "setup_intents")
        #expect(mine.arrayValue?.count == 1)
        expectError(sim.get("/v1/setup_intents", [("status", "done")]), 400, "invalid_request")
        expectError(sim.get("/v1/setup_intents/fseti_01KDX00000000000000000000A"), 404, "setup_intent_not_found")
        expectError(sim.patch("/v1/setup_intents", nil), 405, "method_not_allowed")
    }
}
