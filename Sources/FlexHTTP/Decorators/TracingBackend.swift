// `--verbose` / `.trace on`: one stderr line per attempt (method, path, status, duration, attempt,
// Idempotency-Key), with `-vv` the bodies, keys redacted; the same over any backend.
import FlexAPI
import FlexSync
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Wraps the single-attempt backend (HTTPFlex inside the retries, or the simulator) and writes a
/// line per attempt through `write` while `trace` is on. Off, it costs one atomic load.
public struct TracingBackend: FlexBackend {
    let inner: any FlexBackend
    let trace: TraceSwitch
    let write: @Sendable (String) -> Void

    public init(wrapping inner: any FlexBackend, trace: TraceSwitch = .process, write: @escaping @Sendable (String) -> Void) {
        self.inner = inner
        self.trace = trace
        self.write = write
    }

    public nonisolated(nonsending) func send(_ request: APIRequest) async throws -> APIResponse {
        let level = trace.level
        guard level != .off else { return try await inner.send(request) }
        let start = ContinuousClock.now
        do {
            let response = try await inner.send(request)
            emit(TracingBackend.line(request, outcome: "\(response.status)", took: start.duration(to: .now)), request, response.body, level)
            return response
        } catch {
            let outcome = "no answer: " + ((error as? AttemptFailure)?.message ?? (error as? TransportError)?.message ?? "\(error)")
            emit(TracingBackend.line(request, outcome: outcome, took: start.duration(to: .now)), request, nil, level)
            throw error
        }
    }

    func emit(_ line: String, _ request: APIRequest, _ responseBody: JSON?, _ level: TraceSwitch.Level) {
        var text = line + "\n"
        if level >= .bodies {
            if let body = request.body { text += "trace:   request  " + body.serialized() + "\n" }
            if let responseBody { text += "trace:   response " + responseBody.serialized() + "\n" }
        }
        write(SecretRedaction.scrub(text))
    }

    /// `trace: POST /v1/customers -> 200 (3.2 ms, attempt 1, Idempotency-Key flex-42-1)`.
    static func line(_ request: APIRequest, outcome: String, took: Duration) -> String {
        var target = request.path
        if !request.query.isEmpty {
            target += "?" + request.query.map { PercentEncoding.segment($0.name) + "=" + PercentEncoding.segment($0.value) }.joined(separator: "&")
        }
        var details = [milliseconds(took), "attempt \(ExchangeAttempt.number)"]
        if let key = request.header("Idempotency-Key") { details.append("Idempotency-Key \(key)") }
        return "trace: \(request.method.rawValue) \(target) -> \(outcome) (\(details.joined(separator: ", ")))"
    }

    /// Writes to descriptor 2 directly, one `write` per exchange, so lines from parallel test
    /// cases never interleave mid-line.
    public static let standardError: @Sendable (String) -> Void = { text in
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// `0.4 ms`, `12.5 ms`, `1503 ms`: tenths below 100 ms, where they matter.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let tenths = seconds * 10_000 + attoseconds / 100_000_000_000_000
        return tenths < 1000 ? "\(tenths / 10).\(tenths % 10) ms" : "\(tenths / 10) ms"
    }
}
