// One WebhookDispatcher per simulator of a `flex serve` (the default one and every named sandbox),
// started when the simulator is made and stopped when it is deleted or replaced, so each sandbox's
// registered endpoints get their events over HTTP and a deleted sandbox's memory is returned.
import AsyncHTTPClient
import FlexSimulator
import FlexSync

final class WebhookDispatchers: Sendable {
    let options: WebhookDeliveryOptions
    let client: HTTPClient
    let log: @Sendable (String) -> Void

    struct Running {
        var dispatcher: WebhookDispatcher
        var task: Task<Void, Never>
    }

    struct Table {
        /// Keyed by the simulator's identity; an entry keeps its simulator alive (through the
        /// dispatcher) until `stop`, so an identifier is never reused while it is listed.
        var running: [ObjectIdentifier: Running] = [:]
        /// Set by `stopAll`: a sandbox made while the server shuts down gets no dispatcher.
        var stopped = false
    }

    let table = Locked(Table())

    init(options: WebhookDeliveryOptions, client: HTTPClient, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.client = client
        self.log = log
    }

    /// Starts delivering what `simulator` makes; `sandbox` is its name (nil: the default one),
    /// sent as the `Flex-Sandbox` header of each delivery so one receiver can tell workers apart.
    func start(_ simulator: SimulatedFlex, sandbox: String?) {
        let dispatcher = WebhookDispatcher(simulator: simulator, sandbox: sandbox, options: options, client: client, log: log)
        let started = table.withLock { table in
            guard !table.stopped else { return false }
            table.running[ObjectIdentifier(simulator)]?.task.cancel()
            table.running[ObjectIdentifier(simulator)] = Running(dispatcher: dispatcher, task: Task { await dispatcher.run() })
            return true
        }
        guard started else { return }
        simulator.observeEvents { [pokes = dispatcher.pokeContinuation] in pokes.yield() }
        // Events made before the dispatcher existed (none for a new simulator) are read at once.
        dispatcher.poke()
    }

    /// Stops delivery for `simulator`: deliveries waiting for a retry are dropped with it.
    func stop(_ simulator: SimulatedFlex) {
        simulator.observeEvents(nil)
        let removed = table.withLock { $0.running.removeValue(forKey: ObjectIdentifier(simulator)) }
        removed?.task.cancel()
    }

    /// The dispatcher of `simulator`, for its delivery records.
    func dispatcher(for simulator: SimulatedFlex) -> WebhookDispatcher? {
        table.withLock { $0.running[ObjectIdentifier(simulator)]?.dispatcher }
    }

    /// Cancels every dispatcher and waits until their tasks end (before the HTTP client shuts down).
    func stopAll() async {
        let tasks = table.withLock { table in
            table.stopped = true
            defer { table.running.removeAll() }
            return table.running.values.map(\.task)
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }
}
