// What a single-attempt backend throws when one try gave no usable answer, so a retrying
// decorator can decide whether to try again without knowing the transport.

/// One attempt failed. `RetryingBackend` turns it into a `TransportError` (or retries); a backend
/// used without it lets this escape, so `description` is the plain message.
public struct AttemptFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, without attempt counts; never contains the API key.
    public var message: String
    /// The request may have reached the server, so its effect is unknown (a POST's or a PATCH's).
    public var sent: Bool
    /// Not worth retrying (the response is too large).
    public var isFinal: Bool
    /// The server answered but its body could not be read: the status and headers (body null)
    /// still decide a retry; when none follows, `message` is the error as it stands.
    public var unreadableAnswer: APIResponse?

    public init(_ message: String, sent: Bool, isFinal: Bool = false, unreadableAnswer: APIResponse? = nil) {
        self.message = message
        self.sent = sent
        self.isFinal = isFinal
        self.unreadableAnswer = unreadableAnswer
    }

    public var description: String { message }
}
