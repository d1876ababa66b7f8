// The embedded Flex: a FlexBackend whose whole state sits behind one mutex, answered in process.
import FlexAPI
import FlexSync

public final class SimulatedFlex: FlexBackend {
    let engine: Locked<Engine>
    /// Told after a request that made events or replaced the state (see `observeEvents`). Boxed:
    /// a bare closure read and written back through the generic lock gains two reabstraction
    /// thunks per access, so every call would go through a longer chain (measured: 42,000 POSTs/s
    /// fell to 6,900 within seconds).
    let eventObserver = Locked<EventObserver?>(nil)

    final class EventObserver: Sendable {
        let notify: @Sendable () -> Void
        init(_ notify: @escaping @Sendable () -> Void) { self.notify = notify }
    }

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
        let (response, madeEvents) = engine.withLock { engine in
            let before = (engine.generation, engine.state.events.count)
            let response = engine.handle(request)
            return (response, before != (engine.generation, engine.state.events.count))
        }
        if madeEvents, let observer = eventObserver.withLock({ $0 }) { observer.notify() }
        return response
    }

    /// `observer` runs, outside the lock, after every request that made events or reset, reseeded
    /// or restored the state: how `flex serve` wakes its webhook delivery for this simulator
    /// whichever way the request came (the API, the checkout page, a trigger). nil stops it.
    public func observeEvents(_ observer: (@Sendable () -> Void)?) {
        let boxed = observer.map(EventObserver.init)
        eventObserver.withLock { $0 = boxed }
    }

    /// Every route the simulator serves (method and pattern), the whole-state ones first.
    public static var routes: [RouteDescription] {
        Engine.routes.routes.map(\.description) + State.routes.routes.map(\.description)
    }
}
