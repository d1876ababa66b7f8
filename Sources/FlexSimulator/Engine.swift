// The state plus the named snapshots, and the /_sim/ routes that replace the whole state.
import FlexAPI

/// Snapshots live outside `State` so a snapshot never holds snapshots.
struct Engine {
    var state: State
    var snapshots: [String: State] = [:]
    /// Counts whole-state replacements (reset, seed, restore) so a reader of the event log
    /// (`flex serve`'s webhook delivery, SimulatedFlex+Outbox) knows its position is stale, and
    /// `generationStart` is where the new state's undelivered events begin.
    var generation = 0
    var generationStart = 0

    init(seed: UInt64) { state = State(seed: seed) }

    /// Reset, seed and snapshots are answered here, before the state's lazy expiry and idempotency;
    /// every other path goes to the state's own table.
    static let routes = RouteTable<Engine>([
        Route(.POST, "/_sim/reset") { engine, _, _ throws(APIFailure) in engine.reset() },
        Route(.POST, "/_sim/seed") { engine, request, _ throws(APIFailure) in try engine.reseed(request) },
        Route(.POST, "/_sim/snapshots") { engine, request, _ throws(APIFailure) in try engine.saveSnapshot(request) },
        Route(.POST, "/_sim/snapshots/{name}/restore") { engine, _, path throws(APIFailure) in try engine.restoreSnapshot(path.id) },
    ])

    mutating func handle(_ request: APIRequest) -> APIResponse {
        let segments = Router.segments(request.path)
        if segments.first == "_sim" {
            switch Engine.routes.match(request.method, segments) {
            case .found(let handler, let parameters):
                do throws(APIFailure) {
                    return try handler(&self, request, parameters)
                } catch {
                    return error.response
                }
            case .wrongMethod(let allowed): return Router.methodNotAllowed(request, allowed).response
            case .notFound: break
            }
        }
        return state.handle(request, segments)
    }

    mutating func reset() -> APIResponse {
        state = State(seed: state.seed, checkoutBaseURL: state.checkoutBaseURL)
        replaced()
        return simResponse()
    }

    mutating func reseed(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "sim")
        guard let seed = try body.integer("seed") else { throw .invalid("sim.seed is required") }
        guard seed >= 0 else { throw .invalid("sim.seed must be an integer >= 0") }
        state = State(seed: UInt64(seed), checkoutBaseURL: state.checkoutBaseURL)
        replaced()
        return simResponse()
    }

    mutating func saveSnapshot(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "snapshot")
        let name = try body.requiredString("name")
        snapshots[name] = state
        return APIResponse(status: 200, body: ["snapshot": ["name": .string(name)]])
    }

    mutating func restoreSnapshot(_ name: String) throws(APIFailure) -> APIResponse {
        guard let saved = snapshots[name] else { throw APIFailure(404, "snapshot_not_found", "no snapshot named \"\(name)\"") }
        // A snapshot holds objects, not the server's address: the page base stays this server's.
        let base = state.checkoutBaseURL
        state = saved
        state.checkoutBaseURL = base
        replaced()
        return APIResponse(status: 200, body: ["snapshot": ["name": .string(name)]])
    }

    /// A restored state's events happened (and were delivered) before: only later ones are new.
    mutating func replaced() {
        generation += 1
        generationStart = state.events.count
    }

    func simResponse() -> APIResponse {
        // Seeds above Int.max cannot be written as a JSON integer; they are set through UInt64 only.
        APIResponse(status: 200, body: ["sim": ["seed": .integer(Int(truncatingIfNeeded: state.seed))]])
    }
}
