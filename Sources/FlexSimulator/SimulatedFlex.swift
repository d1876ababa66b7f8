// The embedded Flex: a FlexBackend whose whole state sits behind one mutex, answered in process.
import FlexAPI
import FlexSync

public final class SimulatedFlex: FlexBackend {
    let engine: Locked<Engine>

    public init(seed: UInt64 = 42) {
        engine = Locked(Engine(seed: seed))
    }

    /// Runs on the caller's executor (`nonisolated(nonsending)`, SE-0461): `handle` is synchronous
    /// and guarded by the mutex, so there is nothing to wait for. A plain `nonisolated async` func
    /// always hops to the global concurrent executor and back, which cost a caller on the main actor
    /// two thread switches per request: 4× the price of the request itself (docs/performance.md).
    nonisolated(nonsending) public func send(_ request: APIRequest) async throws -> APIResponse {
        handle(request)
    }

    /// Answers one request synchronously. Never throws: every failure is a Flex error response.
    public func handle(_ request: APIRequest) -> APIResponse {
        engine.withLock { $0.handle(request) }
    }

    /// Every route the simulator serves (method and pattern), the whole-state ones first.
    public static var routes: [RouteDescription] {
        Engine.routes.routes.map(\.description) + State.routes.routes.map(\.description)
    }
}
