// What happened to one webhook delivery: its attempts and where it stands, shown by
// `/_sim/webhooks/deliveries` (FlexResponder+Deliveries) next to what the simulator recorded.
import FlexAPI

struct DeliveryRecord: Sendable {
    enum Status: String, Sendable {
        case pending, succeeded, failed, dropped
        /// The endpoint was deleted, or the simulator reset, before a retry: no more attempts.
        case stopped
    }

    struct Attempt: Sendable {
        var number: Int
        /// Unix seconds when it was sent (the `svix-timestamp` it was signed with).
        var timestamp: Int
        /// The endpoint's HTTP status; nil when no answer came (error says why).
        var status: Int?
        var milliseconds: Int
        var error: String?
    }

    var generation: Int
    var status = Status.pending
    var attempts: [Attempt] = []
    var note: String?

    var json: JSON {
        var fields: JSONObject = ["status": .string(status.rawValue)]
        if let note { fields["error"] = .string(note) }
        fields["attempts"] = .array(attempts.map { attempt in
            [
                "attempt": .integer(attempt.number),
                "timestamp": .integer(attempt.timestamp),
                "status": attempt.status.map(JSON.integer) ?? .null,
                "duration_ms": .integer(attempt.milliseconds),
                "error": attempt.error.map(JSON.string) ?? .null,
            ]
        })
        return .object(fields)
    }
}
