// Retries beside the other decorators: repeats what is safe to repeat, around any backend whose
// `send` is a single attempt (HTTPFlex), and says plainly what is known when it gives up.
import FlexAPI

/// Wraps a single-attempt backend (one that throws `AttemptFailure`) and retries by `policy`:
///
/// - Every POST carries an `Idempotency-Key` (the request's own, else one generated once) that
///   each attempt reuses; a POST that may have been sent and is still unanswered after the
///   retries throws "outcome unknown" with its key.
/// - Retried: 429; 5xx except for PATCH (it may have been applied); failures before sending for
///   any method; failures after sending except for PATCH; never a final failure, and never an
///   answer marked `Flex-Should-Retry: false` (the simulator's injected faults, so `fail next`
///   reaches the script on every backend).
/// - It wraps every backend, the embedded simulator too (there with a policy whose waits do not
///   sleep), so a script means the same with the same `--retries` everywhere.
/// - Answers come back as they are (a 429/5xx too, once out of attempts or time); failures become
///   `TransportError`s naming the attempts, with every secret in `secrets` scrubbed. Errors other
///   than `AttemptFailure` pass through untouched.
public struct RetryingBackend: FlexBackend {
    let inner: any FlexBackend
    let policy: RetryPolicy
    let secrets: [String]

    /// `secrets`: strings that must never appear in an error (the API key).
    public init(wrapping inner: any FlexBackend, policy: RetryPolicy, secrets: [String] = []) {
        self.inner = inner
        self.policy = policy
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    /// On the caller's executor: around the in-process simulator this adds no thread hop.
    nonisolated(nonsending) public func send(_ request: APIRequest) async throws -> APIResponse {
        let request = Self.carryingIdempotencyKey(request)
        let clock = ContinuousClock()
        let start = clock.now
        var attempts = 0
        var mayHaveBeenProcessed = false
        while true {
            attempts += 1
            let wait: Duration
            do {
                let response = try await ExchangeAttempt.$number.withValue(attempts) { try await inner.send(request) }
                // Not retryable, or out of attempts or time: the server's answer is the result.
                guard let delay = delayBeforeRepeating(response, request.method, attempts, elapsed: clock.now - start) else { return response }
                wait = delay
            } catch let failure as AttemptFailure {
                // An answer, even an unreadable one, does not make a POST's outcome unknown.
                mayHaveBeenProcessed = mayHaveBeenProcessed || (failure.sent && failure.unreadableAnswer == nil)
                wait = try delayAfter(failure, request, attempts, elapsed: clock.now - start, mayHaveBeenProcessed: mayHaveBeenProcessed)
            }
            try await pause(wait)
        }
    }

    /// The wait before repeating a request the server answered, or nil when the answer stands.
    func delayBeforeRepeating(_ response: APIResponse, _ method: HTTPMethod, _ attempts: Int, elapsed: Duration) -> Duration? {
        guard Self.isRetryable(status: response.status, method: method), !Self.forbidsRetry(response) else { return nil }
        let retryAfter = RetryPolicy.parseRetryAfter(response.header("Retry-After"), responseDate: response.header("Date"))
        return nextDelay(attempts, retryAfter, elapsed)
    }

    /// The wait before retrying after `failure`; throws the run's final error when there is none.
    func delayAfter(_ failure: AttemptFailure, _ request: APIRequest, _ attempts: Int, elapsed: Duration,
                    mayHaveBeenProcessed: Bool) throws(TransportError) -> Duration {
        if let answer = failure.unreadableAnswer {
            // The status decides as for any answer; the unreadable body is the error when it stands.
            guard let wait = delayBeforeRepeating(answer, request.method, attempts, elapsed: elapsed) else {
                throw TransportError(failure.message, outcome: .unreadableAnswer)
            }
            return wait
        }
        // A cancelled task or a raised stop (Ctrl-C, a `flex test` timeout) must never send the request again.
        let retryable = (request.method != .PATCH || !failure.sent) && !Task.isCancelled && !StopSignal.isRaised
        if retryable, !failure.isFinal, let wait = nextDelay(attempts, nil, elapsed) { return wait }
        throw finalError(failure, request: request, attempts: attempts, mayHaveBeenProcessed: mayHaveBeenProcessed)
    }

    /// The wait before the next attempt, cut short by a raised `StopSignal` (then nothing is sent
    /// again: the caller is told it was stopped) as by a cancelled task.
    func pause(_ wait: Duration) async throws {
        guard let stop = StopSignal.current?.isRaised else { return try await policy.sleep(wait) }
        let policy = self.policy
        let slept: Void? = try await TaskRace.run({ try await policy.sleep(wait) }, until: TaskRace.polling(stop))
        if slept == nil || stop() { throw CancellationError() }
    }

    /// `Flex-Should-Retry: false`: the server says repeating cannot help (or must not happen).
    static func forbidsRetry(_ response: APIResponse) -> Bool {
        response.header("Flex-Should-Retry")?.lowercased() == "false"
    }

    static func isRetryable(status: Int, method: HTTPMethod) -> Bool {
        if status == 429 { return true }  // rate limited: the request was not processed
        guard (500...599).contains(status) else { return false }
        // A 5xx may have applied a PATCH; GET/PUT/DELETE repeat safely, POST carries its key.
        return method != .PATCH
    }

    /// The wait before the next attempt, or nil when the attempts or the time budget are spent.
    func nextDelay(_ attempts: Int, _ retryAfter: Duration?, _ elapsed: Duration) -> Duration? {
        guard attempts < policy.maxAttempts else { return nil }
        let wait = policy.delay(afterFailedAttempts: attempts, retryAfter: retryAfter)
        guard elapsed + wait < policy.maxTotalTime else { return nil }
        return wait
    }

    func finalError(_ failure: AttemptFailure, request: APIRequest, attempts: Int, mayHaveBeenProcessed: Bool) -> TransportError {
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        let label = "\(request.method.rawValue) \(request.path)"
        var message: String
        var outcome = TransportError.Outcome.noResponse
        if request.method == .POST, mayHaveBeenProcessed, let key = request.header("Idempotency-Key") {
            outcome = .unknown
            message = "outcome unknown: \(label) may or may not have been applied (\(failure.message); \(tries)); "
                + "retry it with Idempotency-Key \"\(key)\" to get its result without applying it twice"
        } else {
            message = "\(failure.message) (\(tries))"
        }
        for secret in secrets { message = KeyRedaction.scrub(message, key: secret) }
        return TransportError(message, outcome: outcome)
    }

    /// A POST with its own Idempotency-Key, else with a new one that every attempt reuses.
    static func carryingIdempotencyKey(_ request: APIRequest) -> APIRequest {
        guard request.method == .POST, request.header("Idempotency-Key") == nil else { return request }
        var request = request
        request.headers.append(HTTPHeader("Idempotency-Key", newIdempotencyKey()))
        return request
    }

    /// `flex-` and 32 random hex digits.
    static func newIdempotencyKey() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return "flex-" + hex(high) + hex(low)
    }
}
