// The /_sim/ routes: clock, events with filters, reset, seed, snapshots; and determinism.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct SimRoutesTests {
    @Test func clockReadAdvanceSet() {
        let sim = Sim()
        let clock = sim.unwrap(sim.get("/_sim/clock"), "clock")
        #expect(clock["now"] == 1_767_225_600)
        #expect(clock["iso"] == "2026-01-01T00:00:00Z")
        #expect(sim.unwrap(sim.advance(3600), "clock")["iso"] == "2026-01-01T01:00:00Z")
        let set = sim.unwrap(sim.post("/_sim/clock/set", ["clock": ["now": "2026-03-01T12:30:05Z"]]), "clock")
        #expect(set["iso"] == "2026-03-01T12:30:05Z")
        #expect(set["now"] == 1_772_368_205)
        expectError(sim.post("/_sim/clock/set", ["clock": ["now": "2026-01-01T00:00:00Z"]]), 400, "clock_cannot_go_back")
        #expect(sim.post("/_sim/clock/set", ["clock": ["now": 1_772_368_300]]).status == 200)
        // Each state-changing request moves the clock one second; reads do not.
        sim.post("/v1/customers", ["customer": [:]])
        _ = sim.get("/v1/customers")
        #expect(sim.unwrap(sim.get("/_sim/clock"), "clock")["now"] == 1_772_368_301)
        let customer = sim.unwrap(sim.get("/v1/customers"), "customers").arrayValue?.first
        #expect(customer?["created_at"] == "2026-03-01T12:31:41Z")
    }

    @Test(arguments: [
        ("/_sim/clock/advance", #"{"clock": {"seconds": -1}}"#), ("/_sim/clock/advance", #"{"clock": {"seconds": "1h"}}"#),
        ("/_sim/clock/advance", #"{"clock": {}}"#), ("/_sim/clock/advance", #"{"clock": {"seconds": 9223372036854775807}}"#),
        ("/_sim/clock/set", #"{"clock": {"now": "tomorrow"}}"#), ("/_sim/clock/set", #"{"clock": {"now": "2026-02-30T00:00:00Z"}}"#),
        ("/_sim/clock/set", #"{"clock": {"now": true}}"#), ("/_sim/clock/set", #"{"clock": {}}"#), ("/_sim/clock/set", ""),
        ("/_sim/seed", #"{"sim": {"seed": -1}}"#), ("/_sim/seed", #"{"sim": {}}"#), ("/_sim/snapshots", #"{"snapshot": {"name": ""}}"#),
        ("/_sim/snapshots", #"{"snapshot": {}}"#),
    ])
    func simValidation(path: String, body: String) {
        expectError(Sim().post(path, parsed(body)), 400, "invalid_request")
    }

    @Test func eventsFilterByTypeAndObject() {
        let sim = Sim()
        let price = sim.price(100)
        let first = sim.session([(price, 1)])
        let second = sim.session([(price, 1)])
        _ = sim.pay(first)
        _ = sim.pay(second)
        #expect(sim.events([("type", "checkout.session.completed")]).count == 2)
        #expect(sim.events([("type", "checkout_session.completed")]).count == 2)  // both documented spellings
        let forFirst = sim.unwrap(sim.get("/_sim/events", [("object", first)]), "events").arrayValue ?? []
        #expect(forFirst.compactMap { $0["event_type"]?.stringValue } == ["payment_intent.created", "payment_intent.succeeded", "checkout.session.completed"])
        let envelope = forFirst.first?.objectValue?.keys ?? []
        #expect(envelope == ["event_id", "event_type", "event_dt", "object"])
        #expect(forFirst.first?["event_id"]?.stringValue?.hasPrefix("fevt_") == true)
        // The object is the snapshot from when the event happened.
        #expect(forFirst.first?["object"]?["status"] == "processing")
        #expect(sim.events([("type", "refund.created")]).isEmpty)
    }

    @Test func resetSeedAndSnapshots() {
        let sim = Sim()
        let price = sim.price(100)
        let id = sim.session([(price, 1)])
        #expect(sim.unwrap(sim.post("/_sim/snapshots", ["snapshot": ["name": "before-pay"]]), "snapshot")["name"] == "before-pay")
        _ = sim.pay(id)
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "complete")
        let restored = sim.post("/_sim/snapshots/before-pay/restore")
        #expect(sim.unwrap(restored, "snapshot")["name"] == "before-pay")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "open")
        #expect(sim.events().isEmpty)
        // Restoring twice works: a snapshot is a copy, not the live state.
        _ = sim.pay(id)
        sim.post("/_sim/snapshots/before-pay/restore")
        #expect(sim.unwrap(sim.get("/v1/checkout/sessions/\(id)"), "checkout_session")["status"] == "open")
        expectError(sim.post("/_sim/snapshots/nope/restore"), 404, "snapshot_not_found")

        #expect(sim.unwrap(sim.post("/_sim/reset"), "sim")["seed"] == 42)
        expectError(sim.get("/v1/checkout/sessions/\(id)"), 404, "checkout_session_not_found")
        #expect(sim.unwrap(sim.get("/_sim/clock"), "clock")["now"] == 1_767_225_600)
        // Snapshots outlive a reset, so a script can go back to a named state.
        sim.post("/_sim/snapshots/before-pay/restore")
        #expect(sim.get("/v1/checkout/sessions/\(id)").status == 200)

        #expect(sim.unwrap(sim.post("/_sim/seed", ["sim": ["seed": 7]]), "sim")["seed"] == 7)
        let reseeded = sim.price(100)
        #expect(reseeded != price)
        sim.post("/_sim/seed", ["sim": ["seed": 42]])
        #expect(sim.price(100) == price)
    }

    /// The same requests give byte-identical responses for one seed and different IDs for another.
    func script(_ seed: UInt64) -> String {
        let sim = Sim(seed: seed)
        var out: [String] = []
        let thermo = sim.price(2499)
        let mug = sim.price(900, "not_eligible", name: "Mug")
        let id = sim.session([(thermo, 2), (mug, 1)], ["setup_future_use": "off_session"])
        out.append(sim.pay(id, ["card_kind": "hsa", "split_card": "5555555555554444"]).body.serialized())
        out.append(sim.post("/v1/checkout/sessions/\(id)/refund", parsed(#"{"checkout_session": {"amount": 100}}"#)).body.serialized())
        out.append(sim.get("/_sim/events").body.serialized())
        out.append(sim.get("/v1/payment_intents").body.serialized())
        return out.joined(separator: "\n")
    }

    @Test func determinism() {
        #expect(script(42) == script(42))
        #expect(script(42) != script(43))
        #expect(script(0) == script(0))
    }

    @Test func idsAreFlexShaped() {
        let sim = Sim()
        let id = sim.session([(sim.price(100), 1)])
        #expect(id.hasPrefix("fcs_01"))
        #expect(id.count == 4 + 26)
        let body = id.dropFirst(4)
        #expect(body.allSatisfy { "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains($0) })
        // Lower-case IDs are accepted (docs/flex-api.md §1.3).
        #expect(sim.get("/v1/checkout/sessions/fcs_" + body.lowercased()).status == 200)
    }

    @Test func concurrentAccessIsSafe() async {
        let flex = SimulatedFlex()
        await withTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let response = try? await flex.send(APIRequest(.POST, "/v1/customers", body: ["customer": ["email": .string("t\(index)@x.co")]]))
                    return response?.status ?? 0
                }
            }
            for await status in group { #expect(status == 200) }
        }
        #expect(flex.handle(APIRequest(.GET, "/v1/customers", query: [QueryItem("limit", "100")])).body["customers"]?.arrayValue?.count == 8)
    }
}
