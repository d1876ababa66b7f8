// What the front ends may know about the backend a run talks to, decided once where the backend
// is made (the composition root), so nothing downstream has to guess by type or by a missing string.

public struct BackendDescription: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `SimulatedFlex` in this process: deterministic, a fresh world from every factory call.
        case embeddedSimulator
        /// Flex over HTTP: the live API, or a `flex serve` speaking the same protocol (only its
        /// answers to `/_sim/` requests tell them apart). One shared world for the whole run.
        case liveAPI
        /// Answers read back from a `--record` file, without network, shared by the whole run.
        case replay
    }

    public var kind: Kind
    /// How the REPL banner, `.backend` and the first stderr line name it
    /// ("embedded simulator", "live API https://… (test mode, key fsk_test_…1a2b)").
    public var displayName: String
    /// The backend stops a request in flight itself when `StopSignal.check` says so (HTTPFlex and
    /// the retries around it), so the caller need not race each request against Ctrl-C.
    public var honoursStopSignal: Bool

    public init(kind: Kind, displayName: String, honoursStopSignal: Bool = false) {
        self.kind = kind
        self.displayName = displayName
        self.honoursStopSignal = honoursStopSignal
    }

    public static let embeddedSimulator = BackendDescription(kind: .embeddedSimulator, displayName: "embedded simulator")

    /// Every backend but the default says which one it is on stderr before a run starts; the
    /// default stays silent so a script's output is only its own.
    public var isAnnounced: Bool { kind != .embeddedSimulator }

    /// Each backend the factory makes is a private world that starts from the seed: test cases
    /// can run in parallel by default, and nothing they create outlives them (so `flex test`
    /// need not list what each case created).
    public var startsFresh: Bool { kind == .embeddedSimulator }

    /// Answers come from this process at once (the simulator, a recording), so a request cannot
    /// stall and Ctrl-C is seen between requests; a live request is raced against it.
    public var answersInProcess: Bool { kind != .liveAPI }
}
