// Webhook deliveries (docs/flex-api.md §4): the simulator makes no network calls, so each registered
// endpoint's "delivery" of a matching event is shown at `GET /_sim/webhooks/deliveries` exactly as
// Flex would POST it: the envelope `{event_dt, event_id, event_type, object}` as the raw body, and
// Svix's headers, signed with the endpoint's secret. Deliveries are derived from the event log and
// each endpoint's registration window, so emitting an event costs nothing extra.
import FlexAPI

struct WebhookDelivery {
    var webhook: Int
    var event: Int
}

extension State {
    /// Endpoints receive the events made while they exist, of the types they asked for (both
    /// spellings of the completion event name it).
    func deliveries(webhook filter: Int?) -> [WebhookDelivery] {
        var result: [WebhookDelivery] = []
        guard !webhooks.objects.isEmpty else { return result }
        var index = events.count - 1
        while index >= 0 {
            let type = events[index].type
            var position = webhooks.count - 1
            while position >= 0 {
                if filter == nil || filter == position, receives(webhooks[position], event: index, type: type) {
                    result.append(WebhookDelivery(webhook: position, event: index))
                }
                position -= 1
            }
            index -= 1
        }
        return result
    }

    /// Whether `webhook` gets the event at `index` (of `type`): made while it existed, of a type it
    /// asked for (both spellings of the completion event name it).
    func receives(_ webhook: Webhook, event index: Int, type: EventType) -> Bool {
        webhook.firstEvent <= index && index < (webhook.endEvent ?? .max)
            && (webhook.events.contains(type.rawValue)
                || (type == .checkoutSessionCompleted && webhook.events.contains("checkout_session.completed")))
    }

    /// The raw body Flex POSTs for an event: its envelope, keys in Flex's order.
    func deliveryBody(_ event: Event) -> String {
        object([
            "event_dt": .integer(event.dt),
            "event_id": .string(event.id.id(.event)),
            "event_type": .string(event.type.rawValue),
            "object": render(event.object),
        ]).serialized()
    }

    /// Distinct per endpoint and event, stable, and time-ordered like the event's own ID.
    func deliveryID(_ delivery: WebhookDelivery) -> ULID {
        let event = events[delivery.event].id
        return ULID(high: event.high, low: event.low ^ webhooks[delivery.webhook].id.low)
    }

    /// `GET /_sim/webhooks/deliveries[?webhook=fwh_…]`, newest first, paginated like every list.
    func listWebhookDeliveries(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        var filter: Int?
        if let id = request.queryValue("webhook") {
            guard let ulid = ULID.parse(id, as: .webhook), let position = webhooks.position(of: ulid) else {
                throw .notFound(.webhook, id)
            }
            filter = position
        }
        let all = deliveries(webhook: filter)
        return try page(Array(all.indices), request, kind: .webhookDelivery, as: "deliveries", id: { deliveryID(all[$0]) }) { render(all[$0]) }
    }

    func render(_ delivery: WebhookDelivery) -> JSON {
        let event = events[delivery.event]
        let webhook = webhooks[delivery.webhook]
        let eventID = event.id.id(.event)
        let body = deliveryBody(event)
        // Svix: svix-id is the message (here the event, the same to every endpoint and retry);
        // the timestamp is when it was sent, which for the simulator is when the event happened.
        let timestamp = String(event.dt)
        return object([
            "delivery_id": .string(deliveryID(delivery).id(.webhookDelivery)),
            "webhook": .string(webhook.id.id(.webhook)),
            "url": .string(webhook.url),
            "event_id": .string(eventID),
            "event_type": .string(event.type.rawValue),
            "headers": object([
                "content-type": "application/json",
                "svix-id": .string(eventID),
                "svix-timestamp": .string(timestamp),
                "svix-signature": .string(State.svixSignature(secret: webhook.secret, id: eventID, timestamp: timestamp, body: body)),
            ]),
            "body": .string(body),
        ])
    }

    /// `v1,` + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), the key being the secret's
    /// part after the `fwhsec_` prefix, base64-decoded as Svix does (docs/flex-api.md §4).
    static func svixSignature(secret: String, id: String, timestamp: String, body: String) -> String {
        let encoded = secret.utf8.firstIndex(of: UInt8(ascii: "_")).map { secret[secret.index(after: $0)...] } ?? secret[...]
        let key = Base64.decode(encoded) ?? Array(encoded.utf8)
        return "v1," + Base64.encode(SHA256.hmac(key: key, message: Array("\(id).\(timestamp).\(body)".utf8)))
    }
}
