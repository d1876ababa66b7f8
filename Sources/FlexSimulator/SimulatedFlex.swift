// The embedded Flex: a FlexBackend whose whole state sits behind one mutex, answered in process.
import FlexAPI
import FlexSync

public final class SimulatedFlex: FlexBackend {
    private let engine: Locked<Engine>

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
}

/// The state plus the named snapshots (kept outside `State` so a snapshot never holds snapshots).
struct Engine {
    var state: State
    var snapshots: [String: State] = [:]

    init(seed: UInt64) { state = State(seed: seed) }

    mutating func handle(_ request: APIRequest) -> APIResponse {
        let segments = Router.segments(request.path)
        if segments.first == "_sim" {
            do throws(APIFailure) {
                if let response = try handleEngineRoute(request, segments) { return response }
            } catch {
                return error.response
            }
        }
        return state.handle(request, segments)
    }

    /// The routes that replace the whole state: reset, seed, snapshots.
    mutating func handleEngineRoute(_ request: APIRequest, _ segments: [Substring]) throws(APIFailure) -> APIResponse? {
        let rest = Array(segments.dropFirst())
        switch rest.map(String.init) {
        case ["reset"]:
            try Router.require(request, [.POST])
            state = State(seed: state.seed)
            return simResponse()
        case ["seed"]:
            try Router.require(request, [.POST])
            let body = try BodyReader.wrapped(request.body, "sim")
            guard let seed = try body.integer("seed") else { throw .invalid("sim.seed is required") }
            guard seed >= 0 else { throw .invalid("sim.seed must be an integer >= 0") }
            state = State(seed: UInt64(seed))
            return simResponse()
        case ["snapshots"]:
            try Router.require(request, [.POST])
            let body = try BodyReader.wrapped(request.body, "snapshot")
            let name = try body.requiredString("name")
            snapshots[name] = state
            return APIResponse(status: 200, body: ["snapshot": ["name": .string(name)]])
        case let path where path.count == 3 && path[0] == "snapshots" && path[2] == "restore":
            try Router.require(request, [.POST])
            let name = path[1]
            guard let saved = snapshots[name] else { throw APIFailure(404, "snapshot_not_found", "no snapshot named \"\(name)\"") }
            state = saved
            return APIResponse(status: 200, body: ["snapshot": ["name": .string(name)]])
        default:
            return nil
        }
    }

    func simResponse() -> APIResponse {
        // Seeds above Int.max cannot be written as a JSON integer; they are set through UInt64 only.
        APIResponse(status: 200, body: ["sim": ["seed": .integer(Int(truncatingIfNeeded: state.seed))]])
    }
}
