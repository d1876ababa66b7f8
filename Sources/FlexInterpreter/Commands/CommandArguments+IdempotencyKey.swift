// `idempotency_key "…"`: the key a script chooses for its POST, checked to be sendable as a header.
import FlexAPI

extension CommandArguments {
    /// The longest key accepted: Stripe-like APIs take up to 255 characters.
    static let maximumIdempotencyKeyLength = 255

    /// The clause's key, or nil when absent; printable ASCII without spaces, 1-255 characters.
    func idempotencyKey() throws -> String? {
        guard let key = try string("idempotency_key"), let (_, span) = value("idempotency_key") else { return nil }
        guard !key.isEmpty, key.utf8.count <= Self.maximumIdempotencyKeyLength, key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw ScriptFailure.runtime("idempotency_key needs 1 to \(Self.maximumIdempotencyKeyLength) printable ASCII characters without spaces",
                                        at: span, help: "use the key an 'outcome unknown' error named, e.g. idempotency_key \"flex-…-3\"")
        }
        return key
    }

    /// `request` carrying the clause's key, which replaces the one flex would generate.
    func applyingIdempotencyKey(to request: APIRequest) throws -> APIRequest {
        guard let key = try idempotencyKey() else { return request }
        var request = request
        request.headers.removeAll { $0.name.lowercased() == "idempotency-key" }
        request.headers.append(HTTPHeader("Idempotency-Key", key))
        return request
    }
}
