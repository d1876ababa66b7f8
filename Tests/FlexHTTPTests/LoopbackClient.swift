// HTTPFlex wrapped in RetryingBackend as the CLI composes them, keeping HTTPFlex for shutdown.
import FlexAPI
import FlexHTTP

/// What the loopback tests talk to: retries by `retry` around one HTTPFlex.
struct LoopbackClient: FlexBackend {
    let http: HTTPFlex
    let retrying: RetryingBackend

    init(http: HTTPFlex, retry: RetryPolicy) {
        self.http = http
        retrying = RetryingBackend(wrapping: http, policy: retry, secrets: [http.configuration.apiKey])
    }

    func send(_ request: APIRequest) async throws -> APIResponse { try await retrying.send(request) }

    func shutdown() async { await http.shutdown() }
}
