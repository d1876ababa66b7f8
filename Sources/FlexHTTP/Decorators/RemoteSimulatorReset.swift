// Makes a remote backend start from the run's seed, like the embedded simulator does: before the
// first request it resets its sandbox on a `flex serve` to that seed, and then names the sandbox on
// every request. The real API has no /_sim/ routes; there nothing is reset and nothing is added.
import FlexAPI
import FlexSync

public final class RemoteSimulatorReset: FinishingBackend {
    private let inner: any FlexBackend
    private let sandboxes: RemoteSandboxes
    /// The sandbox's name, sent as the `Flex-Sandbox` header.
    public let name: String
    private let seed: UInt64
    private let releasesOnFinish: Bool
    /// nil before the first request; then whether requests carry the sandbox header.
    private let named = Locked<Bool?>(nil)

    init(wrapping inner: any FlexBackend, sandboxes: RemoteSandboxes, name: String, seed: UInt64, releasesOnFinish: Bool) {
        self.inner = inner
        self.sandboxes = sandboxes
        self.name = name
        self.seed = seed
        self.releasesOnFinish = releasesOnFinish
    }

    nonisolated(nonsending) public func send(_ request: APIRequest) async throws -> APIResponse {
        let carriesName: Bool
        if let known = named.withLock({ $0 }) {
            carriesName = known
        } else {
            carriesName = try await sandboxes.reset(name, seed: seed)
            named.withLock { $0 = carriesName }
        }
        guard carriesName else { return try await inner.send(request) }
        var request = request
        request.headers.append(HTTPHeader("Flex-Sandbox", name))
        return try await inner.send(request)
    }

    /// A test case's sandbox is deleted when the case is over; the run's own waits for the run's end.
    public func finish() async {
        if releasesOnFinish { await sandboxes.release(name) }
    }
}
