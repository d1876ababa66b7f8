// --replay FILE: answers from a recording, in recorded order, without any network.
import FlexAPI
import FlexSync
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Answers each request with the next recorded outcome of an identical request (method, path,
/// query, headers other than credentials, body). A request the recording does not hold, or holds
/// fewer times, fails with a `TransportError` naming it.
public final class ReplayingBackend: FlexBackend {
    let path: String
    let queues: Locked<[APIRequest: (outcomes: [RecordedExchange.Outcome], next: Int)]>

    public init(exchanges: [RecordedExchange], path: String = "the recording") {
        var table: [APIRequest: (outcomes: [RecordedExchange.Outcome], next: Int)] = [:]
        for exchange in exchanges {
            table[RecordedExchange.normalized(exchange.request), default: ([], 0)].outcomes.append(exchange.outcome)
        }
        self.path = path
        queues = Locked(table)
    }

    /// Reads a file written by `RecordingBackend`; the error names the bad line.
    public convenience init(path: String) throws(TransportError) {
        let bytes = try ReplayingBackend.readFile(path)
        var exchanges: [RecordedExchange] = []
        var lineNumber = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let json: JSON
            do { json = try JSON.parse(Array(line)) } catch {
                throw TransportError("\(path):\(lineNumber): not a JSON line (\(error.description))")
            }
            do { exchanges.append(try RecordedExchange(json: json)) } catch {
                throw TransportError("\(path):\(lineNumber): \(error.message)")
            }
        }
        self.init(exchanges: exchanges, path: path)
    }

    public func send(_ request: APIRequest) async throws -> APIResponse {
        let key = RecordedExchange.normalized(request)
        let outcome: RecordedExchange.Outcome? = queues.withLock { table in
            guard var entry = table[key], entry.next < entry.outcomes.count else { return nil }
            let outcome = entry.outcomes[entry.next]
            entry.next += 1
            table[key] = entry
            return outcome
        }
        switch outcome {
        case .response(let response)?: return response
        case .transportError(let message)?: throw TransportError(message)
        case nil:
            let recorded = queues.withLock { $0[key]?.outcomes.count ?? 0 }
            let body = request.body.map { " with body " + $0.serialized() } ?? ""
            let what = "\(request.method.rawValue) \(request.path)\(body)"
            throw TransportError(recorded == 0
                ? "replay: \(path) holds no response for \(what)"
                : "replay: \(path) holds only \(recorded) response(s) for \(what), and all were used")
        }
    }

    static func readFile(_ path: String) throws(TransportError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw TransportError("cannot open the recording \(path) (errno \(errno))") }
        defer { _ = close(fd) }
        let limit = 512 << 20
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw TransportError("cannot read the recording \(path) (errno \(errno))")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw TransportError("the recording \(path) is larger than 512 MiB") }
        }
    }
}
