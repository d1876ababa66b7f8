// The client side of sandboxes (RemoteSandboxes, RemoteSimulatorReset), replay matching without
// Idempotency-Keys, and the retry layer leaving injected faults alone.
import FlexAPI
import FlexHTTP
import FlexSimulator
import FlexSync
import Testing

/// Answers sandbox resets with `resetStatus` and everything else 200, keeping every request.
final class SandboxServerFake: FlexBackend {
    let resetStatus: Int
    let log = Locked<[APIRequest]>([])
    var received: [APIRequest] { log.withLock { $0 } }

    init(resetStatus: Int = 200) { self.resetStatus = resetStatus }

    func send(_ request: APIRequest) async throws -> APIResponse {
        log.withLock { $0.append(request) }
        if request.path.hasSuffix("/reset") {
            return resetStatus == 200 ? APIResponse(status: 200, body: ["sandbox": ["seed": 42]])
                : .error(status: resetStatus, code: resetStatus == 404 ? "route_not_found" : "invalid_request", message: "no")
        }
        return APIResponse(status: 200, body: ["ok": true])
    }
}

@Suite struct SandboxClientTests {
    @Test func everyCaseGetsItsOwnSandboxResetAndDeleted() async throws {
        let server = SandboxServerFake()
        let sandboxes = RemoteSandboxes(control: server, runName: "flex-run")
        let first = sandboxes.backend(wrapping: server, seed: 7, isolated: true)
        let second = sandboxes.backend(wrapping: server, seed: 7, isolated: true)
        #expect(first.name == "flex-run-1" && second.name == "flex-run-2")
        _ = try await first.send(APIRequest(.GET, "/v1/customers"))
        _ = try await first.send(APIRequest(.GET, "/v1/products"))
        _ = try await second.send(APIRequest(.GET, "/v1/customers"))
        let requests = server.received
        #expect(requests.map(\.path) == ["/_sim/sandboxes/flex-run-1/reset", "/v1/customers", "/v1/products",
                                        "/_sim/sandboxes/flex-run-2/reset", "/v1/customers"])
        #expect(requests[0].body?["sandbox"]?["seed"] == 7)
        #expect(requests[0].header("Flex-Sandbox") == nil)
        #expect(requests[1].header("Flex-Sandbox") == "flex-run-1" && requests[2].header("Flex-Sandbox") == "flex-run-1")
        #expect(requests[4].header("Flex-Sandbox") == "flex-run-2")
        #expect(sandboxes.liveNames == ["flex-run-1", "flex-run-2"])
        await first.finish()
        #expect(server.received.last.map { "\($0.method.rawValue) \($0.path)" } == "DELETE /_sim/sandboxes/flex-run-1")
        #expect(sandboxes.liveNames == ["flex-run-2"])
        await sandboxes.finish()
        #expect(server.received.last.map { "\($0.method.rawValue) \($0.path)" } == "DELETE /_sim/sandboxes/flex-run-2")
        #expect(sandboxes.liveNames.isEmpty)
    }

    @Test func aRunSharesOneSandboxThatEachBackendResets() async throws {
        let server = SandboxServerFake()
        let sandboxes = RemoteSandboxes(control: server, runName: "flex-run")
        for _ in 0..<2 {
            let backend = sandboxes.backend(wrapping: server, seed: 42, isolated: false)
            _ = try await backend.send(APIRequest(.GET, "/v1/customers"))
            await backend.finish()  // a scenario's end does not delete the run's sandbox
        }
        #expect(server.received.map(\.path) == ["/_sim/sandboxes/flex-run/reset", "/v1/customers",
                                               "/_sim/sandboxes/flex-run/reset", "/v1/customers"])
        await sandboxes.finish()
        #expect(server.received.count == 5)
        #expect(server.received.last?.method == .DELETE)
    }

    @Test func theRealAPIIsNeverResetAndNeverNamed() async throws {
        let server = SandboxServerFake(resetStatus: 404)
        let sandboxes = RemoteSandboxes(control: server, runName: "flex-run")
        for _ in 0..<3 {
            let backend = sandboxes.backend(wrapping: server, seed: 42, isolated: true)
            _ = try await backend.send(APIRequest(.GET, "/v1/customers"))
            await backend.finish()
        }
        await sandboxes.finish()
        // One reset answered 404; after it only the script's requests, without the header.
        #expect(server.received.map(\.path) == ["/_sim/sandboxes/flex-run-1/reset", "/v1/customers", "/v1/customers", "/v1/customers"])
        #expect(server.received.allSatisfy { $0.header("Flex-Sandbox") == nil })
    }

    @Test func aRefusedResetFailsTheRequestInsteadOfUsingTheDefaultWorld() async throws {
        let server = SandboxServerFake(resetStatus: 400)
        let backend = RemoteSandboxes(control: server, runName: "flex-run").backend(wrapping: server, seed: 42, isolated: true)
        await #expect(throws: TransportError.self) { try await backend.send(APIRequest(.GET, "/v1/customers")) }
        #expect(server.received.count == 1)
    }

    @Test func replayMatchesWithoutIdempotencyKeysAndNamesTheFirstDifference() async throws {
        func post(_ path: String, key: String, _ email: String) -> APIRequest {
            APIRequest(.POST, path, headers: [HTTPHeader("Idempotency-Key", key)], body: ["customer": ["email": .string(email)]])
        }
        let exchanges = [
            RecordedExchange(request: post("/v1/customers", key: "flex-0c0a-1-1", "a@b.co"), outcome: .response(APIResponse(status: 200, body: ["n": 1]))),
            RecordedExchange(request: post("/v1/customers", key: "flex-0c0a-1-2", "a@b.co"), outcome: .response(APIResponse(status: 200, body: ["n": 2]))),
            RecordedExchange(request: APIRequest(.GET, "/v1/products"), outcome: .response(APIResponse(status: 200, body: ["n": 3]))),
        ]
        let replay = ReplayingBackend(exchanges: exchanges, path: "rec.jsonl")
        #expect(try await replay.send(post("/v1/customers", key: "flex-42-1", "a@b.co")).body["n"] == 1)
        #expect(try await replay.send(post("/v1/customers", key: "flex-42-2", "a@b.co")).body["n"] == 2)
        do {
            _ = try await replay.send(post("/v1/customers", key: "flex-42-3", "z@b.co"))
            Issue.record("an unrecorded request was answered")
        } catch let error as TransportError {
            #expect(error.message == #"replay: request 3 (POST /v1/customers with body {"customer":{"email":"z@b.co"}}) is not in rec.jsonl; "#
                + "the first recorded request not yet replayed is #3: GET /v1/products")
        }
        #expect(try await replay.send(APIRequest(.GET, "/v1/products")).body["n"] == 3)
        do {
            _ = try await replay.send(APIRequest(.GET, "/v1/products"))
            Issue.record("an exhausted request was answered")
        } catch let error as TransportError {
            #expect(error.message == "replay: request 5 (GET /v1/products) is in rec.jsonl only 1 time(s), and all were replayed; "
                + "every recorded request (3) was already replayed")
        }
    }

    @Test func injectedFaultsAreNotRetriedAwayButOther503sAre() async throws {
        let sleeper = SleepRecorder()
        let policy = RetryPolicy(maxAttempts: 4, jitter: { 0 }, sleep: sleeper.sleep)
        let simulator = RetryingBackend(wrapping: SimulatedFlex(seed: 42), policy: policy)
        _ = try await simulator.send(APIRequest(.POST, "/_sim/faults", body: ["fault": ["kind": "request", "count": 1, "status": 503]]))
        let faulted = try await simulator.send(APIRequest(.GET, "/v1/customers"))
        #expect(faulted.status == 503)
        #expect(faulted.header("Flex-Should-Retry") == "false")
        #expect(try await simulator.send(APIRequest(.GET, "/v1/customers")).status == 200)
        #expect(sleeper.recorded.isEmpty)

        let plain = ScriptedBackend([.respond(503), .respond(200)])
        #expect(try await RetryingBackend(wrapping: plain, policy: policy).send(APIRequest(.GET, "/v1/customers")).status == 200)
        let marked = ScriptedBackend([.respond(503, headers: [HTTPHeader("Flex-Should-Retry", "false")]), .respond(200)])
        #expect(try await RetryingBackend(wrapping: marked, policy: policy).send(APIRequest(.GET, "/v1/customers")).status == 503)
        #expect(marked.received.count == 1)
    }
}
