// A backend decorator that keeps every request it forwards, so a benchmark can replay exactly what
// the interpreter sent.
import FlexAPI
import Synchronization

final class RecordingBackend: FlexBackend {
    private let inner: any FlexBackend
    private let log = Mutex<[APIRequest]>([])

    init(_ inner: any FlexBackend) { self.inner = inner }

    var requests: [APIRequest] { log.withLock { $0 } }

    func send(_ request: APIRequest) async throws -> APIResponse {
        log.withLock { $0.append(request) }
        return try await inner.send(request)
    }
}
