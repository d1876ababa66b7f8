// The independent simulators one `flex serve` holds: the default one and named sandboxes, picked per
// request by the Flex-Sandbox header, so parallel test workers never see each other's objects.
import FlexAPI
import FlexSimulator
import FlexSync

/// Every sandbox is its own `SimulatedFlex` (its own lock, clock, IDs and idempotency store), so
/// requests to different sandboxes never wait for each other beyond the short directory lookup.
///
/// - No header: the default simulator (what `flex serve` always served).
/// - `Flex-Sandbox: NAME`: that sandbox, created on first use from the server's seed.
/// - `GET /_sim/sandboxes` lists them, `POST /_sim/sandboxes/{name}/reset` (body optional
///   `{"sandbox": {"seed": N}}`) replaces one with a fresh simulator (creating it), `DELETE
///   /_sim/sandboxes/{name}` drops it; the directory then holds no reference, so its memory is freed
///   once the requests still running in it finish (and its webhook delivery, which is stopped).
public final class SandboxDirectory: Sendable {
    /// The header that picks a sandbox.
    public static let header = "Flex-Sandbox"
    /// Beyond this many named sandboxes, a new one is refused (each costs memory until deleted).
    public static let capacity = 4096

    let seed: UInt64
    let defaultSimulator: SimulatedFlex
    let named = Locked<[String: Sandbox]>([:])
    /// Each simulator's webhook delivery over HTTP, started and stopped with it; nil when off.
    let deliveries: WebhookDispatchers?
    /// Where sessions' redirect_url points (the hosted checkout page), once the server knows it.
    let checkoutAddress = Locked<CheckoutAddress?>(nil)

    /// The page's base URL; on the server's own address a named sandbox's sessions point at
    /// `BASE/sandboxes/NAME/pay/c/{id}`, so a browser lands in the sandbox that made the session
    /// although sandboxes of one seed hold the same IDs. Behind `--checkout-url` the address is
    /// exactly `BASE/pay/c/{id}` (the shop's proxy, or Flex's own address in parity runs), and the
    /// page finds the session by ID (`pageSimulator`).
    struct CheckoutAddress {
        var base: String
        var namesSandbox: Bool
    }

    struct Sandbox {
        var simulator: SimulatedFlex
        var seed: UInt64
    }

    public convenience init(seed: UInt64) {
        self.init(seed: seed, deliveries: nil)
    }

    init(seed: UInt64, deliveries: WebhookDispatchers?) {
        self.seed = seed
        self.deliveries = deliveries
        defaultSimulator = SimulatedFlex(seed: seed)
        deliveries?.start(defaultSimulator, sandbox: nil)
    }

    /// Answers one request: a sandbox-control route here, anything else in the chosen simulator.
    public func handle(_ request: APIRequest, sandbox name: String?) -> APIResponse {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true)
        if segments.count >= 2, segments[0] == "_sim", segments[1] == "sandboxes" {
            return control(request, Array(segments.dropFirst(2)))
        }
        guard let name else { return defaultSimulator.handle(request) }
        switch simulator(named: name) {
        case .success(let simulator): return simulator.handle(request)
        case .failure(let refusal): return refusal.response
        }
    }

    /// The named sandbox, created from the server's seed when it does not exist yet.
    func simulator(named name: String) -> Result<SimulatedFlex, Refusal> {
        if let problem = Self.nameProblem(name) { return .failure(Refusal(problem)) }
        return named.withLock { table in
            if let existing = table[name] { return .success(existing.simulator) }
            guard table.count < Self.capacity else { return .failure(Self.full) }
            let fresh = makeSimulator(seed: seed, name: name)
            table[name] = Sandbox(simulator: fresh, seed: seed)
            deliveries?.start(fresh, sandbox: name)
            return .success(fresh)
        }
    }

    /// Points the checkout page of every simulator, present and future, at `base` (see `CheckoutAddress`).
    public func setCheckoutAddress(_ base: String, namesSandbox: Bool) {
        let address = CheckoutAddress(base: base, namesSandbox: namesSandbox)
        checkoutAddress.withLock { $0 = address }
        defaultSimulator.setCheckoutBaseURL(base)
        named.withLock { table in
            for (name, sandbox) in table { sandbox.simulator.setCheckoutBaseURL(Self.pageBase(address, sandbox: name)) }
        }
    }

    static func pageBase(_ address: CheckoutAddress, sandbox name: String) -> String {
        address.namesSandbox ? address.base + "/sandboxes/" + name : address.base
    }

    func makeSimulator(seed: UInt64, name: String) -> SimulatedFlex {
        let simulator = SimulatedFlex(seed: seed)
        if let address = checkoutAddress.withLock({ $0 }) { simulator.setCheckoutBaseURL(Self.pageBase(address, sandbox: name)) }
        return simulator
    }

    /// The simulator a request with `Flex-Sandbox: name` (nil: none) is answered by, if it exists;
    /// never creates one.
    func existingSimulator(sandbox name: String?) -> SimulatedFlex? {
        guard let name else { return defaultSimulator }
        return named.withLock { $0[name]?.simulator }
    }

    /// The simulator whose session the checkout page at `/…/pay/c/{id}` shows: the sandbox the
    /// address names (never created by a page visit), else the default one if it has the session,
    /// else the first sandbox by name that has it. nil when none does.
    public func pageSimulator(sandbox name: String?, session id: String) -> SimulatedFlex? {
        if let name { return existingSimulator(sandbox: name) }
        if defaultSimulator.holdsCheckoutSession(id) { return defaultSimulator }
        let candidates = named.withLock { table in table.sorted { $0.key < $1.key }.map(\.value.simulator) }
        return candidates.first { $0.holdsCheckoutSession(id) }
    }

    /// `/_sim/sandboxes…` with the segments after `sandboxes`.
    func control(_ request: APIRequest, _ rest: [Substring]) -> APIResponse {
        switch (request.method, rest.count) {
        case (.GET, 0): return list()
        case (.POST, 2) where rest[1] == "reset": return reset(String(rest[0]), request.body)
        case (.DELETE, 1): return delete(String(rest[0]))
        default:
            return .error(status: 404, code: "route_not_found",
                          message: "no route \(request.method.rawValue) \(request.path); sandboxes have GET /_sim/sandboxes, "
                              + "POST /_sim/sandboxes/{name}/reset and DELETE /_sim/sandboxes/{name}")
        }
    }

    func list() -> APIResponse {
        let entries = named.withLock { table in table.map { ($0.key, $0.value.seed) } }.sorted { $0.0 < $1.0 }
        let items: [JSON] = entries.map { .object(["name": .string($0.0), "seed": Self.seedJSON($0.1)]) }
        return APIResponse(status: 200, body: .object(["sandboxes": .array(items)]))
    }

    func reset(_ name: String, _ body: JSON?) -> APIResponse {
        if let problem = Self.nameProblem(name) { return Refusal(problem).response }
        let seed: UInt64
        switch Self.seed(in: body, default: self.seed) {
        case .success(let value): seed = value
        case .failure(let refusal): return refusal.response
        }
        let refusal: Refusal? = named.withLock { table in
            guard table[name] != nil || table.count < Self.capacity else { return Self.full }
            if let replaced = table[name] { deliveries?.stop(replaced.simulator) }
            let fresh = makeSimulator(seed: seed, name: name)
            table[name] = Sandbox(simulator: fresh, seed: seed)
            deliveries?.start(fresh, sandbox: name)
            return nil
        }
        if let refusal { return refusal.response }
        return APIResponse(status: 200, body: .object(["sandbox": .object(["name": .string(name), "seed": Self.seedJSON(seed)])]))
    }

    func delete(_ name: String) -> APIResponse {
        let removed = named.withLock { table in
            let removed = table.removeValue(forKey: name)
            if let removed { deliveries?.stop(removed.simulator) }
            return removed
        }
        guard removed != nil else {
            return .error(status: 404, code: "sandbox_not_found", message: "no sandbox named \"\(AccessLog.printable(name, limit: 64))\"")
        }
        return APIResponse(status: 200, body: .object(["sandbox": .object(["name": .string(name), "deleted": .bool(true)])]))
    }

    /// `{"sandbox": {"seed": N}}`, or no body / no seed: `fallback`.
    static func seed(in body: JSON?, default fallback: UInt64) -> Result<UInt64, Refusal> {
        guard let body, body != .null else { return .success(fallback) }
        guard let wrapper = body["sandbox"] else {
            return .failure(Refusal("the body must be {\"sandbox\": {\"seed\": N}} (or empty for the server's seed)"))
        }
        guard let value = wrapper["seed"], value != .null else { return .success(fallback) }
        guard let seed = value.integerValue, seed >= 0 else { return .failure(Refusal("sandbox.seed must be an integer >= 0")) }
        return .success(UInt64(seed))
    }

    static func seedJSON(_ seed: UInt64) -> JSON { .integer(Int(truncatingIfNeeded: seed)) }

    /// nil when `name` is 1 to 64 of `A-Z a-z 0-9 . _ -`.
    static func nameProblem(_ name: String) -> String? {
        let fits = (1...64).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        return fits ? nil : "a sandbox name is 1 to 64 letters, digits, '.', '_' or '-', not \"\(AccessLog.printable(name, limit: 64))\""
    }

    static let full = Refusal(status: 409, code: "too_many_sandboxes",
                              message: "this server already holds \(capacity) sandboxes; delete unused ones with DELETE /_sim/sandboxes/{name}")

    /// A request the directory turns down, as Flex's error shape.
    struct Refusal: Error {
        var status = 400
        var code = "invalid_request"
        var message: String

        init(_ message: String) { self.message = message }
        init(status: Int, code: String, message: String) {
            self.status = status
            self.code = code
            self.message = message
        }

        var response: APIResponse { .error(status: status, code: code, message: message) }
    }
}

