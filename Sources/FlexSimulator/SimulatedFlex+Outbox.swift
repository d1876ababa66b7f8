// What `flex serve` POSTs to webhook endpoints, read from the event log: the simulator itself never
// sends anything (it stays deterministic and does no I/O); a reader keeps a cursor and asks for
// the events made since, with the endpoints each one goes to.
import FlexAPI

/// One event on its way out: the body Flex POSTs and the endpoints registered for it.
public struct OutboundEvent: Sendable {
    public struct Endpoint: Sendable, Equatable {
        /// `fwhd_…`, the ID `/_sim/webhooks/deliveries` lists this delivery under.
        public var deliveryID: String
        public var webhookID: String
        public var url: String
        public var secret: String
    }

    public var eventID: String
    public var eventType: String
    /// The raw JSON body (`{event_dt, event_id, event_type, object}`), signed byte for byte.
    public var body: String
    public var endpoints: [Endpoint]
}

/// A position in the event log of one state; a reset, reseed or restore starts a new generation.
public struct OutboxCursor: Sendable, Equatable {
    public var generation: Int
    public var event: Int
    public static let start = OutboxCursor(generation: 0, event: 0)
}

extension SimulatedFlex {
    /// The events made after `cursor`, at most `limit`, and the cursor after them. With `everyEvent`
    /// false only events some endpoint receives are rendered (the rest cost a comparison each).
    /// Called after every request of a delivering server, under the simulator's lock: with no
    /// endpoint registered it only moves the cursor, and `limit` keeps each hold short.
    public func outboundEvents(after cursor: OutboxCursor, everyEvent: Bool, limit: Int = 64) -> (events: [OutboundEvent], next: OutboxCursor) {
        engine.withLock { engine in
            var position = cursor.generation == engine.generation ? cursor.event : engine.generationStart
            let count = engine.state.events.count
            if !everyEvent && engine.state.webhooks.count == 0 { position = count }
            var result: [OutboundEvent] = []
            while position < count, result.count < limit {
                if let event = engine.state.outbound(position, everyEvent: everyEvent) { result.append(event) }
                position += 1
            }
            return (result, OutboxCursor(generation: engine.generation, event: position))
        }
    }

    /// Whether the endpoint still exists in the state of `generation`: retries stop once it was
    /// deleted (as Svix stops for a removed endpoint) or the state was reset or replaced.
    public func webhookIsActive(_ webhookID: String, generation: Int) -> Bool {
        engine.withLock { engine in
            guard engine.generation == generation, let ulid = ULID.parse(webhookID, as: .webhook),
                  let position = engine.state.webhooks.position(of: ulid) else { return false }
            return !engine.state.webhooks[position].deleted
        }
    }

    /// Every event type the simulator emits, in declaration order.
    public static var eventTypes: [String] { EventType.allCases.map(\.rawValue) }

    /// Svix's signature: `v1,` + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), the key being
    /// the base64-decoded part of the secret after its `fwhsec_`/`whsec_` prefix.
    public static func webhookSignature(secret: String, id: String, timestamp: String, body: String) -> String {
        State.svixSignature(secret: secret, id: id, timestamp: timestamp, body: body)
    }

    /// The signing secret of `flex serve --forward-to`: `fwhsec_` + base64 of 24 bytes derived from
    /// the seed, so a shop's configured secret stays valid across restarts with the same seed.
    public static func forwardingSecret(seed: UInt64) -> String {
        let digest = SHA256.hash(Array("flex serve --forward-to, seed \(seed)".utf8))
        return "fwhsec_" + Base64.encode(Array(digest.prefix(24)))
    }
}

extension State {
    /// The event at `position` with its receiving endpoints; nil when nobody receives it and
    /// `everyEvent` is false.
    func outbound(_ position: Int, everyEvent: Bool) -> OutboundEvent? {
        let event = events[position]
        var endpoints: [OutboundEvent.Endpoint] = []
        for index in webhooks.objects.indices where receives(webhooks[index], event: position, type: event.type) {
            let delivery = WebhookDelivery(webhook: index, event: position)
            endpoints.append(OutboundEvent.Endpoint(
                deliveryID: deliveryID(delivery).id(.webhookDelivery), webhookID: webhooks[index].id.id(.webhook),
                url: webhooks[index].url, secret: webhooks[index].secret))
        }
        if endpoints.isEmpty && !everyEvent { return nil }
        return OutboundEvent(eventID: event.id.id(.event), eventType: event.type.rawValue, body: deliveryBody(event), endpoints: endpoints)
    }
}

extension SimulatedFlex {
    /// The current generation (see OutboxCursor): delivery records of older ones are stale.
    public var outboxGeneration: Int { engine.withLock { $0.generation } }
}
