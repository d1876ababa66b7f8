// HTTPFlex's own connections: kept alive and reused one request at a time, never reused once the
// server closed them or said it would, interim 1xx heads skipped, parallel requests answered.
import FlexAPI
import FlexHTTP
import FlexTestSupport
import Testing

@Suite struct ConnectionReuseTests {
    let answer = #"{"customer":{"customer_id":"fcus_1"}}"#

    func client(_ server: MisbehavingServer) throws -> HTTPFlex {
        try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: "http://127.0.0.1:\(server.port)/v1", apiKey: testKey,
                                                          connectTimeout: .seconds(2), requestTimeout: .seconds(10)))
    }

    @Test func sequentialRequestsShareOneConnection() async throws {
        let server = try MisbehavingServer([.respond(200, body: answer)])
        defer { server.stop() }
        let http = try client(server)
        for _ in 0..<20 {
            let response = try await http.send(APIRequest(.POST, "/v1/customers", body: customerBody))
            #expect(response.status == 200)
        }
        await http.shutdown()
        #expect(server.acceptedConnections == 1)
        #expect(server.received.count == 20)
    }

    @Test func aConnectionTheServerClosedIsNotReused() async throws {
        let server = try MisbehavingServer([.respondThenClose(200, body: answer)])
        defer { server.stop() }
        let http = try client(server)
        for _ in 0..<5 {
            // One attempt each (no RetryingBackend): a dead connection taken from the pool would fail here.
            let response = try await http.send(APIRequest(.GET, "/v1/customers/fcus_1"))
            #expect(response.body["customer"]?["customer_id"] == "fcus_1")
        }
        await http.shutdown()
        #expect(server.acceptedConnections == 5)
    }

    @Test func connectionCloseInTheAnswerIsHonoured() async throws {
        let server = try MisbehavingServer([.respond(200, body: answer, headers: [("Connection", "close")])])
        defer { server.stop() }
        let http = try client(server)
        for _ in 0..<3 {
            #expect(try await http.send(APIRequest(.GET, "/v1/customers")).status == 200)
        }
        await http.shutdown()
        #expect(server.acceptedConnections == 3)
    }

    @Test func anInterimContinueHeadIsSkipped() async throws {
        let server = try MisbehavingServer([.continueThenRespond(201, body: answer), .respond(200, body: answer)])
        defer { server.stop() }
        let http = try client(server)
        let first = try await http.send(APIRequest(.POST, "/v1/customers", body: customerBody))
        #expect(first.status == 201)
        #expect(first.body["customer"]?["customer_id"] == "fcus_1")
        // The connection is still in step: the next answer is the next request's.
        #expect(try await http.send(APIRequest(.GET, "/v1/customers")).status == 200)
        await http.shutdown()
        #expect(server.acceptedConnections == 1)
    }

    @Test func parallelRequestsEachGetTheirOwnAnswer() async throws {
        let server = try MisbehavingServer([.respond(200, body: answer)])
        defer { server.stop() }
        let http = try client(server)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try await http.send(APIRequest(.POST, "/v1/customers", body: customerBody)).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        await http.shutdown()
        #expect(statuses == Array(repeating: 200, count: 8))
        #expect(server.received.count == 8)
        #expect(server.acceptedConnections <= 8)
    }

    @Test func aPostLeavesWithItsLengthAndHostAndNeverChunked() async throws {
        let server = try MisbehavingServer([.respond(200, body: answer)])
        defer { server.stop() }
        let http = try client(server)
        _ = try await http.send(APIRequest(.POST, "/v1/customers", body: customerBody))
        _ = try await http.send(APIRequest(.POST, "/v1/checkout/sessions/fcs_1/cancel"))
        await http.shutdown()
        let withBody = try #require(server.received.first)
        #expect(withBody.header("Content-Length") == String(withBody.body.utf8.count))
        #expect(withBody.header("Host") == "127.0.0.1:\(server.port)")
        #expect(withBody.header("Transfer-Encoding") == nil)
        #expect(server.received.last?.header("Content-Length") == "0")
    }

    @Test func aShutDownBackendRefusesNewRequests() async throws {
        let server = try MisbehavingServer([.respond(200, body: answer)])
        defer { server.stop() }
        let http = try client(server)
        _ = try await http.send(APIRequest(.GET, "/v1/customers"))
        await http.shutdown()
        await #expect(throws: (any Error).self) { try await http.send(APIRequest(.GET, "/v1/customers")) }
        #expect(server.received.count == 1)
    }
}
