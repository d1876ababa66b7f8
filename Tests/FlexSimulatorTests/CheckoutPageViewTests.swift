// What flex serve's checkout page reads from the simulator (checkoutPageView) and where sessions'
// redirect_url points (setCheckoutBaseURL), across reset, seed and snapshots.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct CheckoutPageViewTests {
    @Test func theBaseURLIsTheServersAndSurvivesResetSeedAndRestore() {
        let sim = Sim()
        let before = sim.unwrap(sim.checkout([(sim.price(100), 1)]), "checkout_session")
        #expect(before["redirect_url"]?.stringValue?.hasPrefix(SimulatedFlex.flexCheckoutBaseURL + "/pay/c/fcs_") == true)
        sim.flex.setCheckoutBaseURL("http://127.0.0.1:9999")
        let id = before["checkout_session_id"]?.stringValue ?? ""
        // Rendered on every read, so an existing session points at the new base too.
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["redirect_url"] == .string("http://127.0.0.1:9999/pay/c/\(id)"))
        sim.post("/_sim/snapshots", ["snapshot": ["name": "one"]])
        for reset in [{ sim.post("/_sim/reset") }, { sim.post("/_sim/seed", ["sim": ["seed": 7]]) },
                      { sim.post("/_sim/snapshots/one/restore") }] {
            #expect(reset().status == 200)
            let fresh = sim.unwrap(sim.checkout([(sim.price(100), 1)]), "checkout_session")
            #expect(fresh["redirect_url"]?.stringValue?.hasPrefix("http://127.0.0.1:9999/pay/c/fcs_") == true)
        }
    }

    @Test func theViewHasTheCartAndTheLettersStillNeeded() throws {
        let sim = Sim()
        let thermo = sim.price(2499)
        let cpap = sim.price(45_000, "letter_of_medical_necessity", name: "CPAP <machine>")
        let id = sim.session([(thermo, 2), (cpap, 1)])
        let view = try #require(sim.flex.checkoutPageView(id))
        #expect(view["checkout_session"]?["checkout_session_id"] == .string(id))
        #expect(view["line_items"]?.arrayValue?.map { $0["product_name"] } == ["Thermometer", "CPAP <machine>"])
        #expect(view["line_items"]?.arrayValue?.map { $0["quantity"] } == [2, 1])
        #expect(view["letters_needed"] == ["CPAP <machine>"])
        #expect(view["now"] == "2026-01-01T00:00:05Z")
        #expect(view["expires_at"] == "2026-01-02T00:00:05Z")
        // Once the customer holds a letter, a later session needs no consultation for it.
        let paid = sim.unwrap(sim.pay(id, ["card_kind": "hsa", "lmn": "approved", "email": "ada@example.com"]), "checkout_session")
        let customer = paid["customer"] ?? .null
        let again = sim.session([(cpap, 1)], ["customer": customer])
        #expect(sim.flex.checkoutPageView(again)?["letters_needed"] == [])
        #expect(sim.flex.checkoutPageView("fcs_01JNOPE") == nil)
        #expect(sim.flex.checkoutPageView("fcus_01JNOPE") == nil)
    }

    @Test func viewingMovesNoClockAndUsesNoFaultButAppliesExpiry() {
        let sim = Sim()
        let id = sim.session([(sim.price(100), 1)])
        sim.post("/_sim/faults", ["fault": ["kind": "request", "count": 1, "status": 503]])
        let clock = sim.get("/_sim/clock").body
        #expect(sim.flex.checkoutPageView(id)?["checkout_session"]?["status"] == "open")
        #expect(sim.get("/_sim/clock").body == clock)
        #expect(sim.get("/v1/customers").status == 503)
        sim.advance(86_400)
        #expect(sim.flex.checkoutPageView(id)?["checkout_session"]?["status"] == "expired")
        #expect(sim.events([("type", "checkout.session.expired")]).count == 1)
    }
}
