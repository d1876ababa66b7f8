// Stripe-style Idempotency-Key: replay a stored success for the same request, 409 for another.
import FlexAPI

struct Fingerprint: Hashable {
    var method: HTTPMethod
    var path: String
    var body: JSON?
}

struct Idempotency {
    struct Entry {
        var fingerprint: Fingerprint
        var response: APIResponse
        var storedAt: Int
    }

    /// How long a key is remembered, in virtual seconds (docs/flex-api.md §1.8: 24 h).
    static let lifetime = 86_400
    /// At most this many keys are remembered (the oldest go first). The interpreter sends a key with
    /// every POST, so without a cap a long run would keep every response it ever sent.
    static let capacity = 10_000

    var entries: [String: Entry] = [:]
    /// Keys in the order they were stored, from `head` on: the eviction queue.
    var order: [String] = []
    var head = 0

    enum Lookup {
        case miss
        case replay(APIResponse)
        case conflict(APIFailure)
        case invalid(APIFailure)
    }

    func lookup(key: String, fingerprint: Fingerprint, now: Int) -> Lookup {
        if key.isEmpty || key.utf8.count > 255 {
            return .invalid(.invalid("the Idempotency-Key header must be 1 to 255 characters"))
        }
        guard let entry = entries[key], now - entry.storedAt < Idempotency.lifetime else { return .miss }
        guard entry.fingerprint == fingerprint else {
            return .conflict(APIFailure(409, "idempotency_key_in_use",
                "Idempotency-Key \"\(key)\" was already used for a different request (\(entry.fingerprint.method.rawValue) \(entry.fingerprint.path))"))
        }
        var response = entry.response
        response.headers.append(HTTPHeader("Idempotent-Replayed", "true"))
        return .replay(response)
    }

    /// Only successes are stored: a request that failed validation may be retried with the same key.
    mutating func store(key: String, fingerprint: Fingerprint, response: APIResponse, now: Int) {
        entries[key] = Entry(fingerprint: fingerprint, response: response, storedAt: now)
        order.append(key)
        while head < order.count {
            let oldest = order[head]
            guard let entry = entries[oldest] else { head += 1; continue }
            guard entries.count > Idempotency.capacity || now - entry.storedAt >= Idempotency.lifetime else { break }
            entries[oldest] = nil
            head += 1
        }
        if head > 1024 && head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
