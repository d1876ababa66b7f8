// GET /v1/events[/{id}]: the events /_sim/events lists, newest first, paginated, with its filters.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct EventAPITests {
    @Test func theAPIListsTheSimulatorsEventsNewestFirst() {
        let sim = Sim()
        let id = sim.session([(sim.price(1000), 1)])
        _ = sim.pay(id, ["card_kind": "hsa"])
        let simEvents = sim.unwrap(sim.get("/_sim/events"), "events").arrayValue ?? []
        let apiEvents = sim.unwrap(sim.get("/v1/events", [("limit", "100")]), "events").arrayValue ?? []
        #expect(apiEvents == simEvents.reversed())
        let first = sim.unwrap(sim.get("/v1/events", [("limit", "2")]), "events").arrayValue ?? []
        #expect(first.count == 2)
        let next = sim.unwrap(sim.get("/v1/events", [("limit", "2"), ("starting_after", first[1]["event_id"]?.stringValue ?? "")]), "events").arrayValue ?? []
        #expect(next.first == apiEvents[2])
        let typed = sim.unwrap(sim.get("/v1/events", [("type", "checkout_session.completed")]), "events").arrayValue ?? []
        #expect(typed.map { $0["event_type"] } == ["checkout.session.completed"])
        let aboutSession = sim.unwrap(sim.get("/v1/events", [("object", id)]), "events").arrayValue ?? []
        #expect(aboutSession.first?["event_type"] == "checkout.session.completed")
        for event in simEvents {
            let eventID = event["event_id"]?.stringValue ?? ""
            #expect(sim.unwrap(sim.get("/v1/events/\(eventID)"), "event") == event)
        }
        expectError(sim.get("/v1/events/fevt_01ARZ3NDEKTSV4RRFFQ69G5FAV"), 404, "event_not_found")
        expectError(sim.get("/v1/events", [("limit", "0")]), 400, "invalid_request")
        expectError(sim.post("/v1/events"), 405, "method_not_allowed")
    }
}
