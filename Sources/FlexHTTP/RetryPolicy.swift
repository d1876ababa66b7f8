// How RetryingBackend retries: bounded attempts and time, exponential backoff with jitter, Retry-After honoured.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

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

    /// `Retry-After` as delta-seconds or as an HTTP-date (RFC 9110 §10.2.3: IMF-fixdate, RFC 850 or
    /// asctime). A date counts from the response's `Date` header when that is a valid HTTP-date
    /// (both from the server's clock, so a skewed local clock does not matter), else from `now`
    /// (the wall clock, since the Unix epoch). A date already past means no extra wait (the
    /// backoff applies). nil when absent or unreadable. The caller bounds the wait by the time budget.
    static func parseRetryAfter(_ value: String?, responseDate: String? = nil, now: @autoclosure () -> Duration = wallClock()) -> Duration? {
        guard let value else { return nil }
        let trimmed = value.utf8.filter { $0 != 0x20 && $0 != 0x09 }
        guard !trimmed.isEmpty else { return nil }
        if trimmed.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard trimmed.count <= 9, let seconds = Int(String(decoding: trimmed, as: UTF8.self)) else { return nil }
            return .seconds(seconds)
        }
        let reference: Duration
        if let responseDate, let serverNow = HTTPDate.parse(responseDate) {
            reference = .seconds(serverNow)
        } else {
            reference = now()
        }
        let (referenceSeconds, _) = reference.components
        guard let date = HTTPDate.parse(value, referenceYear: HTTPDate.year(ofEpochSeconds: referenceSeconds)) else { return nil }
        let wait = Duration.seconds(date) - reference
        return wait > .zero ? wait : .zero
    }

    /// The time since the Unix epoch (CLOCK_REALTIME).
    static func wallClock() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return .seconds(Int64(spec.tv_sec)) + .nanoseconds(Int64(spec.tv_nsec))
    }
}
