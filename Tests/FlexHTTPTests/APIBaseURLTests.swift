// Path joining: documented paths resolve against a versioned base URL without doubling `/v1`.
import FlexAPI
import FlexHTTP
import Testing

@Suite struct APIBaseURLTests {
    @Test func documentedPathsDoNotDoubleTheVersion() throws {
        let base = try APIBaseURL("https://api.withflex.com/v1")
        #expect(base.resolve("/v1/customers") == "https://api.withflex.com/v1/customers")
        #expect(base.resolve("/customers") == "https://api.withflex.com/v1/customers")
        #expect(base.resolve("/v1/checkout/sessions/fcs_01ABC") == "https://api.withflex.com/v1/checkout/sessions/fcs_01ABC")
        #expect(base.resolve("/v1") == "https://api.withflex.com/v1")
    }

    @Test func simulatorPathsResolveAgainstTheRoot() throws {
        #expect(try APIBaseURL("http://127.0.0.1:4010/v1").resolve("/_sim/clock") == "http://127.0.0.1:4010/_sim/clock")
        #expect(try APIBaseURL("http://127.0.0.1:4010/v1/").resolve("/_sim/clock/advance") == "http://127.0.0.1:4010/_sim/clock/advance")
        // Behind a path prefix, only the version segment is dropped.
        #expect(try APIBaseURL("https://gw.example/flex/v1").resolve("/_sim/events") == "https://gw.example/flex/_sim/events")
        #expect(try APIBaseURL("https://gw.example/flex/v1").resolve("/v1/prices") == "https://gw.example/flex/v1/prices")
    }

    @Test func baseWithoutVersionTakesPathsAsWritten() throws {
        let base = try APIBaseURL("http://localhost:8080")
        #expect(base.version == nil)
        #expect(base.resolve("/v1/customers") == "http://localhost:8080/v1/customers")
        #expect(base.resolve("/_sim/clock") == "http://localhost:8080/_sim/clock")
    }

    @Test func queryAndPathAreEncoded() throws {
        let base = try APIBaseURL("https://api.withflex.com/v1")
        let url = base.resolve("/_sim/events", query: [QueryItem("type", "checkout.session.completed"), QueryItem("q", "a b&c=d+é/?")])
        #expect(url == "https://api.withflex.com/_sim/events?type=checkout.session.completed&q=a%20b%26c%3Dd%2B%C3%A9%2F%3F")
        #expect(base.resolve("/v1/customers/a b?x#y%") == "https://api.withflex.com/v1/customers/a%20b%3Fx%23y%25")
    }

    @Test func badBaseURLsAreRefusedWithoutEchoingCredentials() {
        #expect(throws: HTTPConfigurationError.self) { try APIBaseURL("ftp://api.withflex.com/v1") }
        #expect(throws: HTTPConfigurationError.self) { try APIBaseURL("https:///v1") }
        #expect(throws: HTTPConfigurationError.self) { try APIBaseURL("https://api.withflex.com/v1?x=1") }
        do {
            _ = try APIBaseURL("https://user:\(testKey)@api.withflex.com/v1")
            Issue.record("a base URL with credentials was accepted")
        } catch {
            #expect(!String(describing: error).contains(testKey))
        }
    }

    @Test func theHostAndPortToConnectToComeFromTheOrigin() throws {
        let plain = try APIBaseURL("http://127.0.0.1:4010/v1").target
        #expect((plain.host, plain.port, plain.usesTLS, plain.authority) == ("127.0.0.1", 4010, false, "127.0.0.1:4010"))
        let secure = try APIBaseURL("https://api.withflex.com/v1").target
        #expect((secure.host, secure.port, secure.usesTLS, secure.authority) == ("api.withflex.com", 443, true, "api.withflex.com"))
        let six = try APIBaseURL("http://[::1]:8080/v1").target
        #expect((six.host, six.port, six.authority) == ("::1", 8080, "[::1]:8080"))
        #expect(try APIBaseURL("http://[::1]/v1").target.port == 80)
        #expect(try APIBaseURL("http://localhost:8080").requestTarget("/v1/customers", query: [QueryItem("limit", "2")]) == "/v1/customers?limit=2")
        #expect(try APIBaseURL("http://localhost:8080").requestTarget("") == "/")
    }

    @Test func aPortOutsideOneTo65535IsRefusedWithTheReason() {
        for bad in ["http://127.0.0.1:99999/v1", "http://127.0.0.1:0/v1", "http://127.0.0.1:-1/v1", "http://127.0.0.1:80a/v1",
                    "http://127.0.0.1:/v1", "http://[::1]x/v1", "http://[::1/v1"] {
            #expect(throws: HTTPConfigurationError.self, "\(bad)") { try APIBaseURL(bad) }
        }
        do {
            _ = try APIBaseURL("http://127.0.0.1:99999/v1")
        } catch {
            #expect(error.message.contains("a port is a number from 1 to 65535"))
        }
    }
}
