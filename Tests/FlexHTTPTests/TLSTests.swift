// HTTPFlex over https: a server whose authority is named in `caFile` is trusted and its connection
// kept alive; an untrusted certificate is said in plain words and never retried; a CA file that
// cannot be read or is not PEM stops the backend before any request.
import FlexAPI
import FlexHTTP
import FlexSimulator
import Glibc
import NIOSSL
import Testing

@Suite struct TLSTests {
    let answer = #"{"customer":{"customer_id":"fcus_1"}}"#

    /// A ScriptedServer on https with the test server certificate.
    func server(_ steps: [ScriptedServer.Step]) throws -> ScriptedServer {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(TestCertificates.server.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(TestCertificates.serverKey.utf8), format: .pem))
        )
        configuration.minimumTLSVersion = .tlsv12
        return ScriptedServer(steps, tls: try NIOSSLContext(configuration: configuration))
    }

    /// The test authority in a file of its own, removed by the caller.
    func authorityFile() throws -> String {
        let path = "/tmp/flex-tls-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).pem"
        let bytes = Array(TestCertificates.authority.utf8)
        guard let file = fopen(path, "w"), fwrite(bytes, 1, bytes.count, file) == bytes.count, fclose(file) == 0 else {
            throw HTTPConfigurationError("cannot write \(path)")
        }
        return path
    }

    @Test func aServerSignedByTheNamedAuthorityIsTrustedAndKeptAlive() async throws {
        let server = try server([.respond(200, body: answer)])
        let port = try await server.start()
        let caFile = try authorityFile()
        defer { unlink(caFile) }
        for host in ["localhost", "127.0.0.1"] {
            let http = try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: "https://\(host):\(port)/v1", apiKey: testKey, caFile: caFile))
            for _ in 0..<3 {
                let response = try await http.send(APIRequest(.POST, "/v1/customers", body: customerBody))
                #expect(response.status == 200)
                #expect(response.body["customer"]?["customer_id"] == "fcus_1")
            }
            await http.shutdown()
        }
        await server.stop()
        // One connection per host name: the TLS session is reused for every request.
        #expect(server.acceptedConnections == 2)
        #expect(server.received.count == 6)
        #expect(server.received.first?.header("Host") == "localhost:\(port)")
    }

    @Test func anUntrustedCertificateIsSaidInPlainWordsAndNotRetried() async throws {
        let server = try server([.respond(200, body: answer)])
        let port = try await server.start()
        let http = try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: "https://localhost:\(port)/v1", apiKey: testKey))
        let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(10), maxDelay: .milliseconds(20), jitter: { 0.5 })
        let backend = RetryingBackend(wrapping: http, policy: policy, secrets: [testKey])
        var message = ""
        do {
            _ = try await backend.send(APIRequest(.POST, "/v1/customers", body: customerBody))
            Issue.record("a certificate no authority of this machine signed was accepted")
        } catch let error as TransportError {
            message = error.message
        }
        await http.shutdown()
        await server.stop()
        #expect(message.contains("the TLS certificate of https://localhost:\(port) is not signed by an authority this machine trusts"), "\(message)")
        #expect(message.contains("FLEX_CA_FILE"))
        #expect(!message.contains("outcome unknown"))
        #expect(server.acceptedConnections == 1)
        #expect(server.received.isEmpty)
    }

    @Test func aCAFileThatCannotBeUsedStopsTheBackendBeforeAnyRequest() throws {
        let missing = "/tmp/flex-no-such-authority-\(getpid()).pem"
        #expect {
            try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: "https://localhost:1/v1", apiKey: testKey, caFile: missing))
        } throws: { error in
            (error as? HTTPConfigurationError)?.message.contains("cannot read the certificate authority file \"\(missing)\"") == true
        }
        let notPEM = try authorityFile()
        defer { unlink(notPEM) }
        let garbage = Array("not a certificate\n".utf8)
        let file = try #require(fopen(notPEM, "w"))
        fwrite(garbage, 1, garbage.count, file)
        fclose(file)
        #expect {
            try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: "https://localhost:1/v1", apiKey: testKey, caFile: notPEM))
        } throws: { error in
            (error as? HTTPConfigurationError)?.message.contains("(is it PEM?)") == true
        }
        // Plain http never reads it.
        _ = try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: "http://localhost:1/v1", apiKey: testKey, caFile: missing))
    }

    @Test func theCAFileComesFromTheEnvironment() throws {
        let configuration = try HTTPFlexConfiguration.fromEnvironment(["FLEX_API_KEY": testKey, "FLEX_CA_FILE": "/etc/proxy-ca.pem"])
        #expect(configuration.caFile == "/etc/proxy-ca.pem")
        #expect(try HTTPFlexConfiguration.fromEnvironment(["FLEX_API_KEY": testKey]).caFile == nil)
    }
}
