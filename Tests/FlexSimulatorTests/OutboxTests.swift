// The event log as `flex serve` reads it to deliver webhooks: what is new after a cursor, for which
// endpoints, and where a reset, reseed or restore starts again (nothing delivered twice).
import FlexAPI
import FlexSimulator
import Testing

@Suite struct OutboxTests {
    func post(_ flex: SimulatedFlex, _ path: String, _ body: JSON) -> APIResponse {
        flex.handle(APIRequest(.POST, path, body: body))
    }

    @Test func newEventsComeOnceWithTheirEndpoints() throws {
        let flex = SimulatedFlex(seed: 42)
        _ = post(flex, "/v1/customers", ["customer": ["email": "before@example.com"]])
        let hook = post(flex, "/v1/webhooks", ["webhook": ["url": "http://127.0.0.1:9/h", "events": ["customer.created"]]])
        let webhookID = try #require(hook.body["webhook"]?["webhook_id"]?.stringValue)
        _ = post(flex, "/v1/customers", ["customer": ["email": "after@example.com"]])

        let (all, cursor) = flex.outboundEvents(after: .start, everyEvent: true)
        #expect(all.map(\.eventType) == ["customer.created", "customer.created"])
        // Made before the endpoint existed: no endpoint gets the first one.
        #expect(all[0].endpoints.isEmpty)
        let endpoint = try #require(all[1].endpoints.first)
        #expect(endpoint.webhookID == webhookID && endpoint.url == "http://127.0.0.1:9/h" && endpoint.secret.hasPrefix("fwhsec_"))
        #expect(endpoint.deliveryID.hasPrefix("fwhd_"))
        // The same delivery as the simulator lists, byte for byte.
        let listed = flex.handle(APIRequest(.GET, "/_sim/webhooks/deliveries")).body["deliveries"]?.arrayValue?.first
        #expect(listed?["delivery_id"]?.stringValue == endpoint.deliveryID)
        #expect(listed?["body"]?.stringValue == all[1].body)
        #expect(flex.webhookIsActive(webhookID, generation: cursor.generation))

        // Only events some endpoint receives, unless every event is asked for.
        #expect(flex.outboundEvents(after: .start, everyEvent: false).events.map(\.eventID) == [all[1].eventID])
        #expect(flex.outboundEvents(after: cursor, everyEvent: true).events.isEmpty)
    }

    @Test func aResetOrRestoreStartsANewGenerationWithoutRepeats() throws {
        let flex = SimulatedFlex(seed: 42)
        _ = post(flex, "/v1/customers", ["customer": ["email": "a@example.com"]])
        _ = post(flex, "/_sim/snapshots", ["snapshot": ["name": "one"]])
        var (events, cursor) = flex.outboundEvents(after: .start, everyEvent: true)
        #expect(events.count == 1)

        _ = post(flex, "/_sim/snapshots/one/restore", .null)
        _ = post(flex, "/v1/customers", ["customer": ["email": "b@example.com"]])
        (events, cursor) = flex.outboundEvents(after: cursor, everyEvent: true)
        // The restored state's own event was handed out before; only the new one comes.
        #expect(events.count == 1)
        #expect(cursor.generation == 1 && flex.outboxGeneration == 1)

        _ = post(flex, "/_sim/reset", .null)
        #expect(flex.outboundEvents(after: cursor, everyEvent: true).events.isEmpty)
        _ = post(flex, "/v1/customers", ["customer": ["email": "c@example.com"]])
        (events, cursor) = flex.outboundEvents(after: cursor, everyEvent: true)
        #expect(events.count == 1 && cursor.generation == 2)
    }

    @Test func everyEmittedTypeIsListed() {
        #expect(SimulatedFlex.eventTypes.count == 27)
        #expect(SimulatedFlex.eventTypes.contains("checkout.session.completed"))
    }
}
