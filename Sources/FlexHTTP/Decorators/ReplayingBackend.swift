// --replay FILE: answers from a recording, in recorded order, without any network.
import FlexAPI
import FlexSync
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Answers each request with the recorded outcome of the same request: the same method, path,
/// query and body, taken in recorded order when a request repeats. Headers do not count: an
/// Idempotency-Key differs between runs by design (the recording run's keys are random), and
/// credentials are never recorded. A request the recording does not hold, or holds fewer times,
/// fails with a `TransportError` naming it (the how-many-th request it was) and the first recorded
/// request not yet answered: where a changed script and its recording part ways.
public final class ReplayingBackend: FlexBackend {
    let path: String
    let exchanges: [RecordedExchange]
    /// Per request shape, the positions of its exchanges, and how many of them were used.
    let state: Locked<State>

    struct State {
        var queues: [Shape: (positions: [Int], next: Int)] = [:]
        var used: [Bool]
        var requestsSeen = 0
    }

    /// What a replayed request is matched by.
    struct Shape: Hashable {
        var method: HTTPMethod
        var path: String
        var query: [QueryItem]
        var body: JSON?

        init(_ request: APIRequest) {
            method = request.method
            path = request.path
            query = request.query
            body = request.body
        }
    }

    public init(exchanges: [RecordedExchange], path: String = "the recording") {
        var state = State(used: Array(repeating: false, count: exchanges.count))
        for (position, exchange) in exchanges.enumerated() {
            state.queues[Shape(exchange.request), default: ([], 0)].positions.append(position)
        }
        self.path = path
        self.exchanges = exchanges
        self.state = Locked(state)
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
        let shape = Shape(request)
        let found: (position: Int?, number: Int, recorded: Int, firstUnused: Int?) = state.withLock { state in
            state.requestsSeen += 1
            guard var queue = state.queues[shape], queue.next < queue.positions.count else {
                return (nil, state.requestsSeen, state.queues[shape]?.positions.count ?? 0, state.used.firstIndex(of: false))
            }
            let position = queue.positions[queue.next]
            queue.next += 1
            state.queues[shape] = queue
            state.used[position] = true
            return (position, state.requestsSeen, 0, nil)
        }
        guard let position = found.position else {
            throw TransportError(mismatch(request, number: found.number, recorded: found.recorded, firstUnused: found.firstUnused))
        }
        switch exchanges[position].outcome {
        case .response(let response): return response
        case .transportError(let message): throw TransportError(message)
        }
    }

    /// "replay: request 3 (POST /v1/customers …) is not in FILE; the first recorded request not yet
    /// replayed is #3: POST /v1/products …".
    func mismatch(_ request: APIRequest, number: Int, recorded: Int, firstUnused: Int?) -> String {
        let what = Self.describe(request)
        var message = recorded == 0
            ? "replay: request \(number) (\(what)) is not in \(path)"
            : "replay: request \(number) (\(what)) is in \(path) only \(recorded) time(s), and all were replayed"
        if let firstUnused {
            message += "; the first recorded request not yet replayed is #\(firstUnused + 1): \(Self.describe(exchanges[firstUnused].request))"
        } else {
            message += "; every recorded request (\(exchanges.count)) was already replayed"
        }
        return message
    }

    /// `POST /v1/customers?limit=3 with body {...}`, the body cut at 200 characters.
    static func describe(_ request: APIRequest) -> String {
        var text = "\(request.method.rawValue) \(request.path)"
        if !request.query.isEmpty { text += "?" + request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&") }
        if let body = request.body {
            let serialized = body.serialized()
            text += " with body " + (serialized.count > 200 ? String(serialized.prefix(200)) + "…" : serialized)
        }
        return text
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
