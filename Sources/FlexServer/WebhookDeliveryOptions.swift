// How `flex serve` delivers webhooks: on or off, a forward-to URL, Svix's retry schedule and its
// scale, the per-attempt timeout and the bound of each endpoint's queue (docs/serve.md).
public struct WebhookDeliveryOptions: Sendable {
    /// POST registered endpoints' events over HTTP (off: only record them, as `flex run` does).
    public var enabled: Bool
    /// `--forward-to`: every event also goes to this URL, signed with `forwardingSecret`.
    public var forwardTo: String?
    public var forwardingSecret: String
    /// Multiplies every wait of the schedule: 0.001 turns 5 minutes into 0.3 s for tests.
    public var retryScale: Double
    /// Seconds an endpoint has to answer one attempt (Svix: 15 s).
    public var timeoutSeconds: Double
    /// Deliveries waiting per endpoint; one more is dropped (recorded as such), never blocking the API.
    public var queueCapacity: Int

    /// Svix's schedule, in seconds before each attempt after a failure: immediately, 5 s, 5 min,
    /// 30 min, 2 h, 5 h, 10 h, 10 h (docs/flex-api.md §4).
    public static let svixSchedule: [Double] = [0, 5, 300, 1800, 7200, 18000, 36000, 36000]

    public init(enabled: Bool = true, forwardTo: String? = nil, forwardingSecret: String = "", retryScale: Double = 1,
                timeoutSeconds: Double = 15, queueCapacity: Int = 10_000) {
        self.enabled = enabled
        self.forwardTo = forwardTo
        self.forwardingSecret = forwardingSecret
        self.retryScale = retryScale
        self.timeoutSeconds = timeoutSeconds
        self.queueCapacity = queueCapacity
    }

    /// The wait before attempt `number` (1-based), scaled.
    func delay(beforeAttempt number: Int) -> Duration {
        let seconds = WebhookDeliveryOptions.svixSchedule[number - 1] * retryScale
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
