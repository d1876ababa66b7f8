// A loopback HTTP/1.1 server that misbehaves on purpose (trickles, stalls, drops after reading,
// echoes the key, answers invalid JSON), on plain sockets and threads so any test target can use
// it, including tests that drive the flex binary.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Each request takes the next behaviour of the script (the last one repeats) and is recorded;
/// `/_sim/` requests are answered 404 as the real API does, outside the script.
/// Every wait is bounded: `stop()` ends stalls and trickles at once.
public final class MisbehavingServer: @unchecked Sendable {
    public enum Behaviour: Sendable {
        /// Answer with this status and body (JSON or not), and a correct Content-Length.
        case respond(Int, body: String, headers: [(String, String)] = [])
        /// Send the head (a Content-Length of `length`), then one body byte every `intervalMilliseconds`
        /// until `length` bytes are out (an endless trickle when `length` is large).
        case trickle(intervalMilliseconds: Int, length: Int)
        /// Read the request and never answer.
        case stall
        /// Read the whole request (it is processed, as far as the client can tell), then close the
        /// connection without a byte of answer.
        case dropAfterReading
        /// Answer 401 with a Flex error whose message repeats the Bearer token it was sent.
        case echoKey
        /// Read the request, then reset the connection (an RST, as a crashed peer or a firewall sends).
        case reset
        /// Answer as `respond` does, then close the connection without having said so in a
        /// `Connection: close` header (as a server that restarts or times out idle connections).
        case respondThenClose(Int, body: String)
        /// Send an interim `100 Continue` head, then answer as `respond` does.
        case continueThenRespond(Int, body: String)
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public struct Received: Sendable {
        public var method: String
        public var path: String
        public var headers: [(String, String)]
        public var body: String
        public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    let script: [Behaviour]
    /// Written to every connection as soon as it is accepted, which is then closed (a server that
    /// does not speak what the client expects, e.g. plain HTTP to a TLS client).
    let greeting: String?
    let lock = NSLock()
    var next = 0
    var receivedRequests: [Received] = []
    var connections: [Int32] = []
    var accepted = 0
    var stopped = false
    let listener: Int32
    /// The port it listens on, on 127.0.0.1.
    public let port: Int

    /// Binds a free loopback port and starts accepting.
    public init(_ script: [Behaviour], greeting: String? = nil) throws {
        precondition(!script.isEmpty)
        self.script = script
        self.greeting = greeting
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw Failure(description: "cannot listen on 127.0.0.1 (errno \(errno))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// Every request read so far, in order.
    public var received: [Received] { lock.withLock { receivedRequests } }

    /// How many connections it accepted so far (a client that keeps its connection alive opens one).
    public var acceptedConnections: Int { lock.withLock { accepted } }

    /// Stops accepting and closes every connection; stalls and trickles end within 10 ms.
    /// Descriptors are shut down and closed only under the lock, so a number closed here and
    /// reused by another test's socket is never shut down by mistake.
    public func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
        }
    }

    var isStopped: Bool { lock.withLock { stopped } }

    func acceptLoop() {
        while !isStopped {
            var pending = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pending, 1, 20) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            let keep = lock.withLock { () -> Bool in
                guard !stopped else { return false }
                connections.append(connection)
                accepted += 1
                return true
            }
            guard keep else { close(connection); break }
            Thread.detachNewThread { [self] in serve(connection) }
        }
        lock.withLock { _ = close(listener) }
    }

    /// Requests on one keep-alive connection, until the client or a behaviour closes it.
    func serve(_ connection: Int32) {
        var buffer: [UInt8] = []
        defer {
            lock.withLock {
                connections.removeAll { $0 == connection }
                close(connection)
            }
        }
        if let greeting {
            _ = write(connection, Array(greeting.utf8))
            return
        }
        while let request = readRequest(connection, &buffer) {
            if request.path.contains("/_sim/") {
                // Like the real API: no simulator routes (flex's reset to the seed is skipped),
                // and the script stays for the requests under test.
                let body = #"{"error":{"code":"not_found","message":"no such route"}}"#
                guard write(connection, head(404, length: body.utf8.count, []) + Array(body.utf8)) else { return }
                continue
            }
            let behaviour = lock.withLock { () -> Behaviour in
                receivedRequests.append(request)
                defer { next += 1 }
                return script[min(next, script.count - 1)]
            }
            guard perform(behaviour, request, connection) else { return }
        }
    }

    /// Whether the connection stays open for another request.
    func perform(_ behaviour: Behaviour, _ request: Received, _ connection: Int32) -> Bool {
        switch behaviour {
        case .respond(let status, let body, let headers):
            return write(connection, head(status, length: body.utf8.count, headers) + Array(body.utf8))
        case .respondThenClose(let status, let body):
            _ = write(connection, head(status, length: body.utf8.count, []) + Array(body.utf8))
            return false
        case .continueThenRespond(let status, let body):
            return write(connection, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8) + head(status, length: body.utf8.count, []) + Array(body.utf8))
        case .echoKey:
            let token = request.header("Authorization").map { String($0.dropFirst("Bearer ".count)) } ?? ""
            let body = #"{"error":{"code":"invalid_api_key","message":"Invalid API key provided: \#(token)"}}"#
            return write(connection, head(401, length: body.utf8.count, []) + Array(body.utf8))
        case .trickle(let interval, let length):
            guard write(connection, head(200, length: length, [])) else { return false }
            for _ in 0..<length {
                guard wait(milliseconds: interval), write(connection, [UInt8(ascii: " ")]) else { return false }
            }
            return true
        case .stall:
            while wait(milliseconds: 1_000) {}
            return false
        case .dropAfterReading:
            return false
        case .reset:
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)  // close() then sends RST, not FIN
            setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            return false
        }
    }

    /// Sleeps in 10 ms steps; false once the server stops.
    func wait(milliseconds: Int) -> Bool {
        var left = milliseconds
        while left > 0 {
            if isStopped { return false }
            usleep(UInt32(min(left, 10)) * 1_000)
            left -= 10
        }
        return !isStopped
    }

    func head(_ status: Int, length: Int, _ headers: [(String, String)]) -> [UInt8] {
        var text = "HTTP/1.1 \(status) Status\r\nContent-Type: application/json\r\nContent-Length: \(length)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    func write(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// One request (head and Content-Length body), or nil when the connection ends first.
    func readRequest(_ connection: Int32, _ buffer: inout [UInt8]) -> Received? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while true {
            if headEnd == nil, let end = Self.find(separator, in: buffer) { headEnd = end }
            if let end = headEnd {
                let lines = String(decoding: buffer[..<end], as: UTF8.self).split(separator: "\r\n").map(String.init)
                let headers = lines.dropFirst().compactMap { line -> (String, String)? in
                    guard let colon = line.firstIndex(of: ":") else { return nil }
                    return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
                }
                let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
                let bodyStart = end + separator.count
                if buffer.count >= bodyStart + length {
                    let parts = (lines.first ?? "").split(separator: " ")
                    let body = String(decoding: buffer[bodyStart..<(bodyStart + length)], as: UTF8.self)
                    buffer.removeFirst(bodyStart + length)
                    let target = parts.count > 1 ? String(parts[1]) : "/"
                    return Received(method: parts.first.map(String.init) ?? "", path: String(target.prefix { $0 != "?" }), headers: headers, body: body)
                }
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            var pending = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
            if poll(&pending, 1, 20) == 0 {
                if isStopped { return nil }
                continue
            }
            let count = recv(connection, &chunk, chunk.count, 0)
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

extension MisbehavingServer {
    /// A loopback port that refuses connections: bound, never listening, and held (so no other
    /// test's server takes it) until the process ends.
    public static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "cannot bind a loopback port (errno \(errno))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
