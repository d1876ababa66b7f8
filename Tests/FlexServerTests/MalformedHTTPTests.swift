// Requests NIO's HTTP/1.1 parser rejects, sent as raw bytes over a loopback socket: each gets
// Flex's `{"error":{"code","message"}}` shape with status 400, never Hummingbird's empty 400.
import FlexAPI
import FlexServer
import Testing

/// One HTTP response cut out of raw bytes: status, lower-cased header names, body.
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: String
    var json: JSON? { try? JSON.parse(Array(body.utf8)) }

    /// Every response in `text`, in order (Content-Length framed, as flex serve sends them).
    static func all(in text: String) -> [RawResponse] {
        var responses: [RawResponse] = []
        var rest = Substring(text)
        while let headEnd = rest.range(of: "\r\n\r\n") {
            let lines = rest[..<headEnd.lowerBound].split(separator: "\r\n", omittingEmptySubsequences: false)
            let statusParts = lines.first?.split(separator: " ") ?? []
            guard statusParts.count >= 2, let status = Int(statusParts[1]) else { break }
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: " ")
            }
            let length = headers["content-length"].flatMap { Int($0) } ?? 0
            let bodyStart = rest.utf8.index(headEnd.upperBound, offsetBy: 0)
            let bodyEnd = rest.utf8.index(bodyStart, offsetBy: length, limitedBy: rest.utf8.endIndex) ?? rest.utf8.endIndex
            responses.append(RawResponse(status: status, headers: headers, body: String(rest[bodyStart..<bodyEnd])))
            rest = rest[bodyEnd...]
        }
        return responses
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}

let auth = "Authorization: Bearer \(testKey)\r\n"

@Suite(.serialized) struct MalformedHTTPTests {
    /// Bytes the parser rejects before any request is complete: one Flex 400, then the server closes.
    @Test(arguments: [
        ("\u{01}\u{02}GARBAGE / HTTP/1.1\r\nHost: x\r\n\r\n", "method"),
        ("\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}\u{00}\u{01}\u{fc}\u{03}\u{03}", "method"),  // a TLS ClientHello on the plain port
        ("GET /v1/customers HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n", "header"),
        ("GET /v1/customers HTTP/1.1\r\nHost: x\r\nX-A\u{00}: 1\r\n\r\n", "header"),
        ("POST /v1/customers HTTP/1.1\r\nHost: x\r\nContent-Length: twelve\r\n\r\n{}", "Content-Length"),
        ("GET /v1/cus tomers extra HTTP/1.1\r\nHost: x\r\n\r\n", ""),
        ("GET /v1/customers HTTP/1.1\nHost: x\r\n\u{7f}\r\n\r\n", ""),
    ])
    func rejectedBytesGetFlexsErrorShape(request: String, reasonMentions: String) async throws {
        try await withServer { port, flex, log in
            let answer = await rawExchange(port: port, request)
            let responses = RawResponse.all(in: answer)
            let response = try #require(responses.first, "no HTTP response in \(answer.debugDescription)")
            #expect(responses.count == 1)
            #expect(response.status == 400)
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.headers["connection"] == "close")
            let json = try #require(response.json, "not JSON: \(response.body.debugDescription)")
            #expect(json["error"]?["code"] == "invalid_request")
            let message = try #require(json["error"]?["message"]?.stringValue)
            #expect(message.hasPrefix("the request is not valid HTTP/1.1: "))
            if !reasonMentions.isEmpty { #expect(message.contains(reasonMentions), "\(message)") }
            #expect(log.all.contains { $0.hasPrefix("- (malformed request: ") && $0.contains(" 400 ") })

            // The server goes on serving.
            let alive = try await flex.send(APIRequest(.GET, "/_sim/clock"))
            #expect(alive.status == 200)
        }
    }

    /// A good request pipelined ahead of garbage is answered first; the 400 follows it.
    @Test func aPipelinedRequestIsAnsweredBeforeThe400() async throws {
        try await withServer { port, _, _ in
            let answer = await rawExchange(port: port, "GET /_sim/clock HTTP/1.1\r\nHost: x\r\n\(auth)\r\n\u{01}BAD / HTTP/1.1\r\n\r\n")
            let responses = RawResponse.all(in: answer)
            #expect(responses.map(\.status) == [200, 400], "\(answer.debugDescription)")
            #expect(responses.first?.json?["clock"]?["now"] == 1767225600)
            #expect(responses.last?.json?["error"]?["code"] == "invalid_request")
            #expect(responses.last?.headers["connection"] == "close")
        }
    }

    /// A broken chunked body: the request was already under way, so the responder answers it,
    /// in Flex's shape, and the connection closes after that answer.
    @Test func aBrokenChunkedBodyGetsFlexsErrorShape() async throws {
        try await withServer { port, _, _ in
            let head = "POST /v1/customers HTTP/1.1\r\nHost: x\r\n\(auth)Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            let answer = await rawExchange(port: port, head + "zz\r\n{}\r\n0\r\n\r\n")
            let responses = RawResponse.all(in: answer)
            #expect(responses.map(\.status) == [400], "\(answer.debugDescription)")
            #expect(responses.first?.headers["content-type"] == "application/json")
            #expect(responses.first?.json?["error"]?["code"] == "invalid_request")
        }
    }
}
