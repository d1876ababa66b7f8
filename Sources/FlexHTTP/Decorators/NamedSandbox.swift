// `--sandbox NAME`: every request of the run goes to one named sandbox of a `flex serve` as it is,
// never reset and never deleted, so a script can seed the world a shop's test worker uses.
import FlexAPI

public struct NamedSandbox: FlexBackend {
    private let inner: any FlexBackend
    /// Sent as the `Flex-Sandbox` header; the server creates the sandbox on first use.
    public let name: String

    public init(wrapping inner: any FlexBackend, name: String) {
        self.inner = inner
        self.name = name
    }

    nonisolated(nonsending) public func send(_ request: APIRequest) async throws -> APIResponse {
        var request = request
        request.headers.append(HTTPHeader("Flex-Sandbox", name))
        return try await inner.send(request)
    }
}
