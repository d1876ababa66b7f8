// The one seam every backend implements: given a Flex request, produce Flex's response.

/// API failures (4xx/5xx) come back as responses with Flex's error body, exactly as the real API
/// sends them; `send` throws only when no response could be had at all (`TransportError`; a
/// single-attempt backend throws `AttemptFailure`, which a retrying decorator turns into one).
///
/// `send` is `nonisolated(nonsending)`: called through `any FlexBackend`, it starts on the caller's
/// executor instead of hopping to the global one first, so an in-process backend (the simulator)
/// answers without a thread switch. A backend that does I/O may still declare its `send` plain
/// `async` (implicitly `@concurrent`); it then runs off the caller's actor as before.
public protocol FlexBackend: Sendable {
    nonisolated(nonsending) func send(_ request: APIRequest) async throws -> APIResponse
}

/// No usable response: the connection failed, timed out, or the answer could not be read.
public struct TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is known of the request's effect, which decides the advice a front end gives.
    public enum Outcome: Sendable, Hashable {
        /// No answer arrived (or nothing was sent): the message says which.
        case noResponse
        /// The request may or may not have been applied (a POST sent and never answered).
        case unknown
        /// The server answered, but its body could not be read: the request may have taken effect.
        case unreadableAnswer
    }

    public var message: String
    public var outcome: Outcome
    public init(_ message: String, outcome: Outcome = .noResponse) {
        self.message = message
        self.outcome = outcome
    }
    public var description: String { message }
}

/// A Flex API error: the `{"error":{"code","message"}}` body and the HTTP status. `expect error
/// CODE` compares `code`, so both backends must produce the same codes for the same mistakes.
/// A card error also names the issuer's `decline_code`, and a validation error may name the
/// request `param` at fault; both are nil when the body lacks them.
public struct FlexError: Error, Hashable, Sendable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var message: String
    public var declineCode: String?
    public var param: String?

    public init(status: Int, code: String, message: String, declineCode: String? = nil, param: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.declineCode = declineCode
        self.param = param
    }

    /// Reads Flex's error shape; a body without it still yields an error named after the status.
    public init(response: APIResponse) {
        let error = response.body["error"]
        status = response.status
        code = error?["code"]?.stringValue ?? "http_\(response.status)"
        message = error?["message"]?.stringValue ?? "the API answered HTTP \(response.status)"
        declineCode = error?["decline_code"]?.stringValue
        param = error?["param"]?.stringValue
    }

    public var description: String { "\(code) (HTTP \(status)): \(message)" }
}
