// The overall budget of a request (60 s by default): all attempts and the waits between them end
// by one deadline, even when an attempt is still receiving a trickling body.
import FlexAPI

/// Wraps the retrying stack: sets `ExchangeBudget.current` for `HTTPFlex` (which cuts its attempt
/// at the deadline and reports it as final; `RetryingBackend` already starts no wait that would
/// outlast the same total). Answers and errors pass through unchanged.
public struct TimeBudgetBackend: FlexBackend {
    let inner: any FlexBackend
    let total: Duration

    public init(wrapping inner: any FlexBackend, total: Duration) {
        self.inner = inner
        self.total = total
    }

    nonisolated(nonsending) public func send(_ request: APIRequest) async throws -> APIResponse {
        let budget = ExchangeBudget(total: total)
        let inner = self.inner
        return try await ExchangeBudget.$current.withValue(budget) {
            try await inner.send(request)
        }
    }
}
