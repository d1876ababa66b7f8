// How HTTPFlex retries: bounded attempts and time, exponential backoff with jitter, Retry-After honoured.

/// When and how long to wait between attempts. Only failures that are safe to repeat are retried
/// (connection failures, 429, 5xx; a POST only because it always carries an Idempotency-Key).
public struct RetryPolicy: Sendable {
    /// Total attempts including the first; 1 means never retry.
    public var maxAttempts: Int
    /// Delay before the first retry; doubled for each further retry.
    public var baseDelay: Duration
    /// Upper bound of one backoff delay (before jitter).
    public var maxDelay: Duration
    /// No retry starts once this much time has passed since the first attempt, nor when its delay
    /// would end after it.
    public var maxTotalTime: Duration
    /// A number in `0..<1` per retry. The wait is `backoff/2 + backoff/2 × jitter()` ("equal
    /// jitter"); inject a fixed source for deterministic tests.
    public var jitter: @Sendable () -> Double
    /// Waits between attempts (injectable so tests can observe the delays without sleeping).
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(
        maxAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(250),
        maxDelay: Duration = .seconds(8),
        maxTotalTime: Duration = .seconds(60),
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalTime = maxTotalTime
        self.jitter = jitter
        self.sleep = sleep
    }

    /// Never retry.
    public static var none: RetryPolicy { RetryPolicy(maxAttempts: 1) }

    /// The wait before attempt `failedAttempts + 1`. A `Retry-After` from the server is a floor.
    public func delay(afterFailedAttempts failedAttempts: Int, retryAfter: Duration? = nil) -> Duration {
        // Doubling stops at 2^20 × base, long past any sane maxDelay, so it cannot overflow.
        var backoff = baseDelay
        for _ in 1..<max(1, min(failedAttempts, 21)) {
            backoff = backoff * 2
            if backoff >= maxDelay { break }
        }
        if backoff > maxDelay { backoff = maxDelay }
        let fraction = min(max(jitter(), 0), 1)
        let jittered = backoff / 2 + (backoff / 2) * fraction
        if let retryAfter, retryAfter > jittered { return retryAfter }
        return jittered
    }

    /// `Retry-After` as delta-seconds (the HTTP-date form is ignored: the backoff applies then).
    static func parseRetryAfter(_ value: String?) -> Duration? {
        guard let value else { return nil }
        let trimmed = value.utf8.filter { $0 != 0x20 && $0 != 0x09 }
        guard !trimmed.isEmpty, trimmed.count <= 9, trimmed.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        guard let seconds = Int(String(decoding: trimmed, as: UTF8.self)) else { return nil }
        return .seconds(seconds)
    }
}
