// Webhook endpoints (docs/flex-api.md §4): `POST /v1/webhooks` registers a URL for event types; the
// response shape, list/get/delete and the secret are inferred (Svix, which Flex uses, has them).
import FlexAPI

struct Webhook {
    var id: ULID
    var url: String
    var events: [String]
    var secret: String
    var metadata: JSON?
    var deleted = false
    var created: Int
    /// The event log's length at registration and at deletion: the events it is delivered
    /// (WebhookDeliveries.swift) are those made in between.
    var firstEvent = 0
    var endEvent: Int? = nil
}

extension State {
    /// The event types Flex documents (docs/flex-api.md §4, events page and guides); both spellings of
    /// the completion event appear in Flex's docs, so both are accepted.
    static let webhookEventTypes: Set<String> = [
        "charge.dispute.closed", "charge.dispute.created", "charge.dispute.funds_reinstated",
        "charge.dispute.funds_withdrawn", "charge.dispute.updated", "charge.refund.updated", "charge.refunded",
        "customer.created", "customer.deleted", "customer.updated", "customer.subscription.created",
        "customer.subscription.updated", "customer.subscription.deleted", "invoice.created",
        "payment_intent.created", "payment_intent.succeeded", "refund.created", "refund.updated",
        "checkout.session.completed", "checkout_session.completed", "invoice.paid", "invoice.payment_succeeded",
        "invoice.payment_failed", "consultation.approved", "consultation.expired", "customer.consultation.attached",
        // Emitted by this simulator (Events.swift) though not in Flex's list.
        "payment_intent.canceled", "checkout.session.expired",
    ]

    /// `POST /v1/webhooks` `{"webhook": {url, events, metadata?}}`.
    mutating func createWebhook(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "webhook")
        let url = try body.requiredString("url")
        // Flex delivers over HTTPS (doc); plain http only to this machine, for local receivers.
        let local = url.hasPrefix("http://") && ["localhost", "127.0.0.1"].contains(String(State.host(of: url.dropFirst(7))))
        guard (url.hasPrefix("https://") && url.utf8.count > 8) || local, url.utf8.count <= 2048,
              !url.utf8.contains(where: { $0 <= 0x20 }) else {
            throw .invalid("webhook.url must be an https:// URL (http:// only for localhost), not \"\(url)\"")
        }
        guard let elements = try body.array("events"), !elements.isEmpty else {
            throw .invalid("webhook.events is required: a list of event types such as \"checkout.session.completed\"")
        }
        var events: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let type) = element else { throw .invalid("webhook.events[\(index)] must be a string") }
            guard State.webhookEventTypes.contains(type) else {
                throw .invalid("webhook.events[\(index)] \"\(type)\" is not a Flex event type")
            }
            if !events.contains(type) { events.append(type) }
        }
        let metadata = try body.metadata()
        let created = tick()
        let id = newID()
        var webhook = Webhook(id: id, url: url, events: events, secret: newWebhookSecret(), metadata: metadata, created: created)
        webhook.firstEvent = self.events.count
        webhooks.insert(webhook, id: id)
        return ok("webhook", render(webhook))
    }

    /// The host of `rest` (a URL after its scheme): up to the first ':', '/', '?' or '#'.
    static func host(of rest: Substring) -> Substring {
        rest.prefix { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" }
    }

    /// `fwhsec_` + base64 of 24 bytes from the seeded generator: the doc's prefix, Svix's format,
    /// and reproducible like every other ID.
    mutating func newWebhookSecret() -> String {
        var bytes: [UInt8] = []
        for _ in 0..<3 {
            let word = ids.nextRandom()
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return "fwhsec_" + Base64.encode(bytes)
    }

    func webhookPosition(_ id: String) throws(APIFailure) -> Int {
        guard let ulid = ULID.parse(id, as: .webhook), let position = webhooks.position(of: ulid), !webhooks[position].deleted else {
            throw .notFound(.webhook, id)
        }
        return position
    }

    func getWebhook(_ id: String) throws(APIFailure) -> APIResponse {
        ok("webhook", render(webhooks[try webhookPosition(id)]))
    }

    /// `DELETE /v1/webhooks/{id}`: the endpoint stops existing; the answer is its last state.
    mutating func deleteWebhook(_ id: String) throws(APIFailure) -> APIResponse {
        let position = try webhookPosition(id)
        _ = tick()
        webhooks[position].deleted = true
        webhooks[position].endEvent = events.count
        guard case .object(var fields) = render(webhooks[position]) else { return ok("webhook", render(webhooks[position])) }
        fields["deleted"] = true
        return ok("webhook", .object(fields))
    }

    func listWebhooks(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        return try list(\.webhooks, request) { !$0.deleted }
    }

    func render(_ webhook: Webhook) -> JSON {
        object([
            "webhook_id": .string(webhook.id.id(.webhook)),
            "url": .string(webhook.url),
            "events": .array(webhook.events.map(JSON.string)),
            "secret": .string(webhook.secret),
            "active": true,
            "metadata": webhook.metadata ?? .object(JSONObject()),
            "created_at": .string(Clock.iso(webhook.created)),
            "test_mode": true,
        ])
    }
}
