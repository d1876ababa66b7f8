// Placeholder so the package builds; replaced by the simulator's real implementation.
import FlexAPI

public final class SimulatedFlex: FlexBackend {
    public init(seed: UInt64 = 42) {}
    public func send(_ request: APIRequest) async throws -> APIResponse {
        .error(status: 404, code: "not_found", message: "no route")
    }
}
