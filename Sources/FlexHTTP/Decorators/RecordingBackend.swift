// --record FILE: passes requests to another backend and appends each exchange as a JSON line.
import FlexAPI
import FlexSync
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Wraps a backend and writes every request/response pair to a file (JSON lines, mode 0600).
/// Credential headers are dropped and every secret in `secrets` is scrubbed from each line.
public final class RecordingBackend: FlexBackend {
    let inner: any FlexBackend
    let secrets: [String]
    let path: String
    let file: Locked<Int32>

    /// Creates (or truncates) `path`. `secrets`: strings that must never reach the file (the API key).
    public init(wrapping inner: any FlexBackend, path: String, secrets: [String] = []) throws(TransportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw TransportError("cannot create the recording \(path) (errno \(errno))") }
        self.inner = inner
        self.secrets = secrets.filter { !$0.isEmpty }
        self.path = path
        file = Locked(fd)
    }

    deinit { close() }

    /// Closes the file; later exchanges are no longer recorded.
    public func close() {
        file.withLock { fd in
            if fd >= 0 { _ = Glibc.close(fd) }
            fd = -1
        }
    }

    nonisolated(nonsending) public func send(_ request: APIRequest) async throws -> APIResponse {
        do {
            let response = try await inner.send(request)
            try append(RecordedExchange(request: request, outcome: .response(response)))
            return response
        } catch let error as TransportError {
            try append(RecordedExchange(request: request, outcome: .transportError(error.message)))
            throw error
        }
    }

    func append(_ exchange: RecordedExchange) throws(TransportError) {
        var line = exchange.json.serialized()
        for secret in secrets { line = KeyRedaction.scrub(line, key: secret) }
        let bytes = Array(line.utf8) + [0x0A]
        let failed: Bool = file.withLock { fd in
            guard fd >= 0 else { return false }
            var written = 0
            while written < bytes.count {
                let count = bytes[written...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                written += count
            }
            return false
        }
        if failed { throw TransportError("cannot write to the recording \(path) (errno \(errno))") }
    }
}
