// One delivery of one event to one URL, as the dispatcher queues it and the sender sends it.

/// A delivery waiting in an endpoint's queue.
struct WebhookJob: Sendable {
    var eventID: String
    var eventType: String
    var body: String
    var url: String
    var secret: String
    /// The named sandbox that made the event, sent as `Flex-Sandbox`; nil for the default simulator.
    var sandbox: String?
    /// nil for `--forward-to`, which is no registered endpoint.
    var deliveryID: String?
    var webhookID: String?
    var generation: Int
}
