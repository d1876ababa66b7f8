// Makes a remote backend start from the run's seed, like the embedded simulator does: before the
// first request it asks a `flex serve` to reset to that seed. The real API has no /_sim/ routes;
// there the reset is skipped once and nothing else changes.
import FlexAPI
import FlexSync

public final class RemoteSimulatorReset: FlexBackend {
    private let inner: any FlexBackend
    private let seed: UInt64
    private let pending = Locked(true)

    public init(wrapping inner: any FlexBackend, seed: UInt64) {
        self.inner = inner
        self.seed = seed
    }

    public func send(_ request: APIRequest) async throws -> APIResponse {
        if pending.withLock({ first in defer { first = false }; return first }) {
            _ = try await inner.send(SimulatorRequests.seed(Int(truncatingIfNeeded: seed)))
        }
        return try await inner.send(request)
    }
}
