// The sandboxes one run uses on a `flex serve`: each `flex test` case (or the whole `flex run`) gets
// its own, so parallel cases and parallel runs against one server never see each other's objects.
import FlexAPI
import FlexSync

/// Hands out `RemoteSimulatorReset` backends bound to sandboxes named `flex-<run>-<n>` (per case)
/// or `flex-<run>` (one for the run), remembers which exist on the server, and deletes them.
///
/// Sandbox control requests (reset, delete) go to `control`, which is below any recording, so a
/// recording holds only the script's own requests. Against the real API (no `/_sim/` routes) the
/// first reset answers 404: from then on nothing is reset and no sandbox header is sent.
public final class RemoteSandboxes: Sendable {
    let control: any FlexBackend
    let runName: String
    let state = Locked(State())

    struct State {
        var nextCase = 0
        /// nil until the server answered a reset: true for a `flex serve`, false for the real API.
        var serverHasSandboxes: Bool?
        var live: Set<String> = []
    }

    /// `runName`: unique per run (random), so runs sharing a server never share a sandbox.
    public init(control: any FlexBackend, runName: String) {
        self.control = control
        self.runName = runName
    }

    /// A backend in a sandbox of its own (`isolated`, one per test case) or in the run's sandbox
    /// (each call resets it, as a scenario of `flex run` starts over). `inner` carries the requests.
    public func backend(wrapping inner: any FlexBackend, seed: UInt64, isolated: Bool) -> RemoteSimulatorReset {
        let name: String
        if isolated {
            name = state.withLock { state in
                state.nextCase += 1
                return "\(runName)-\(state.nextCase)"
            }
        } else {
            name = runName
        }
        return RemoteSimulatorReset(wrapping: inner, sandboxes: self, name: name, seed: seed, releasesOnFinish: isolated)
    }

    /// Makes `name` a fresh simulator from `seed`; whether requests should name it (false: not a `flex serve`).
    func reset(_ name: String, seed: UInt64) async throws -> Bool {
        if state.withLock({ $0.serverHasSandboxes }) == false { return false }
        let response = try await control.send(Self.resetRequest(name, seed: seed))
        if response.status == 404 {
            state.withLock { $0.serverHasSandboxes = false }
            return false
        }
        guard (200...299).contains(response.status) else {
            // Requests must not land in another sandbox (the default one) unnoticed.
            let error = FlexError(response: response)
            throw TransportError("the server refused to reset the sandbox \(name): \(error.code): \(error.message) (HTTP \(response.status))")
        }
        state.withLock { state in
            state.serverHasSandboxes = true
            state.live.insert(name)
        }
        return true
    }

    /// Deletes one sandbox (its memory returns to the server); failures are ignored.
    func release(_ name: String) async {
        guard state.withLock({ $0.live.remove(name) != nil }) else { return }
        _ = try? await control.send(Self.deleteRequest(name))
    }

    /// Deletes every sandbox still held (the run's own, and cases stopped before their release).
    public func finish() async {
        let names = state.withLock { state in
            defer { state.live = [] }
            return state.live.sorted()
        }
        for name in names { _ = try? await control.send(Self.deleteRequest(name)) }
    }

    /// `POST /_sim/sandboxes/{name}/reset` `{"sandbox": {"seed": N}}` (flex serve's SandboxDirectory).
    static func resetRequest(_ name: String, seed: UInt64) -> APIRequest {
        APIRequest(.POST, "/_sim/sandboxes/\(name)/reset",
                   body: .object(["sandbox": .object(["seed": .integer(Int(truncatingIfNeeded: seed))])]))
    }

    static func deleteRequest(_ name: String) -> APIRequest {
        APIRequest(.DELETE, "/_sim/sandboxes/\(name)")
    }

    /// Sandboxes created and not yet deleted (tests).
    public var liveNames: Set<String> { state.withLock { $0.live } }
}
