// Helpers for the interpreter tests: run a script on the simulator or on a recording backend.
import FlexAPI
@testable import FlexInterpreter
import FlexLanguage
import FlexSimulator
import FlexSync

/// Captures every request and answers from a closure (default: a canned object per path).
final class RecordingBackend: FlexBackend {
    let requests = Locked<[APIRequest]>([])
    let respond: @Sendable (APIRequest) -> APIResponse

    init(respond: @escaping @Sendable (APIRequest) -> APIResponse = RecordingBackend.canned) {
        self.respond = respond
    }

    func send(_ request: APIRequest) async throws -> APIResponse {
        requests.withLock { $0.append(request) }
        return respond(request)
    }

    var recorded: [APIRequest] { requests.withLock { $0 } }

    /// A product answers with its ID (the product+price sugar needs it); everything else with a
    /// small object.
    static let canned: @Sendable (APIRequest) -> APIResponse = { request in
        if request.path == "/v1/products", request.method == .POST {
            return APIResponse(status: 200, body: ["product": ["product_id": "fprod_P1", "name": "X"]])
        }
        return APIResponse(status: 200, body: ["ok": ["echo": .string(request.path)]])
    }
}

/// Throws a transport error for every request.
final class UnreachableBackend: FlexBackend {
    func send(_ request: APIRequest) async throws -> APIResponse { throw TransportError("connection refused") }
}

struct RunResult {
    var code: Int32
    var out: String
    var err: String
}

/// In-memory files for `include` tests.
struct MemoryLoader: SourceLoader {
    var files: [String: String]
    func load(_ path: String, relativeTo includingPath: String) -> (canonicalPath: String, bytes: [UInt8])? {
        files[path].map { (path, Array($0.utf8)) }
    }
}

func run(_ script: String, backend: (any FlexBackend)? = nil, json: Bool = false, seed: UInt64 = 42,
         variables: [(name: String, value: Value)] = [], files: [String: String] = [:]) async -> RunResult {
    let sink = CapturingOutputSink()
    var configuration = RunConfiguration.simulated(seed: seed, json: json, diagnosticStyle: .short, variables: variables)
    if let backend { configuration.makeBackend = { _ in backend } }
    let runner = ScriptRunner(configuration: configuration, output: sink, loader: MemoryLoader(files: files))
    let code = await runner.run([.source(path: "test.flex", bytes: Array(script.utf8))])
    return RunResult(code: code, out: sink.standardOutput, err: sink.standardError)
}

/// The requests a script sends to a recording backend.
func requests(_ script: String) async -> (requests: [APIRequest], result: RunResult) {
    let backend = RecordingBackend()
    let result = await run(script, backend: backend)
    return (backend.recorded, result)
}
