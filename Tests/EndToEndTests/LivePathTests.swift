// The live path through the built binary against a misbehaving loopback server: keys a server
// echoes stay redacted, SIGINT stops a stalled request without a retry, an invalid-JSON success
// is reported as an answer, `idempotency_key` sets the header, network failures read as plain
// words, and `--verbose` traces the same exchanges on both backends.
import FlexTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("the live path against a misbehaving server")
struct LivePathTests {
    static let key = "fsk_test_echo0123456789abcd"
    static let environment: [String: String?] = ["FLEX_API_KEY": key, "XDG_CONFIG_HOME": "/nonexistent"]

    /// `flex run --backend live` of `script` against `port`.
    func runLive(_ script: String, port: Int, extra: [String] = [], environment: [String: String?] = environment) throws -> ProcessResult {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        try dir.write("live.flex", script)
        return try Flex.run(["run", "--backend", "live", "--base-url", "http://127.0.0.1:\(port)/v1", "--retries", "1"] + extra + [dir.path + "/live.flex"],
                            environment: environment)
    }

    @Test func aKeyEchoedByTheServerIsRedacted() throws {
        let server = try MisbehavingServer([.echoKey])
        defer { server.stop() }
        let result = try runLive("customer create email \"a@b.co\"\n", port: server.port)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("invalid_api_key: Invalid API key provided: fsk_test_…abcd"), "\(result.stderr)")
        #expect(!result.stderr.contains("echo0123456789"))
    }

    @Test func aConfiguredKeyOfAnyShapeIsRedactedWhereverItIsEchoed() throws {
        let server = try MisbehavingServer([.echoKey])
        defer { server.stop() }
        let result = try runLive("customer create email \"a@b.co\"\n", port: server.port, extra: ["--allow-production"],
                                 environment: ["FLEX_API_KEY": "sk_odd_shaped_secret_9876", "XDG_CONFIG_HOME": "/nonexistent"])
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("Invalid API key provided: …9876"), "\(result.stderr)")
        #expect(!result.stderr.contains("odd_shaped_secret"))
    }

    @Test func keyShapedValuesInResponsesAreRedactedInPrintShowAndJSON() throws {
        let body = #"{"customer":{"customer_id":"fcus_1","note":"FSK_LIVE_abcdefghijklmnop1234"}}"#
        let server = try MisbehavingServer([.respond(200, body: body)])
        defer { server.stop() }
        let script = "let c = customer create email \"a@b.co\"\nprint c.note\nshow c\nprint \"{c}\"\n"
        for extra in [[], ["--json"]] {
            let result = try runLive(script, port: server.port, extra: extra)
            #expect(result.exitCode == 0, "\(result.stderr)")
            #expect(result.stdout.contains("FSK_LIVE_…1234"), "\(result.stdout)")
            #expect(!result.stdout.contains("abcdefghijklmnop"), "\(result.stdout)")
        }
    }

    @Test func sigintStopsAStalledRequestAtOnceAndNeverRetries() throws {
        let server = try MisbehavingServer([.stall])
        defer { server.stop() }
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        try dir.write("stall.flex", "customer create email \"a@b.co\"\n")
        let child = try ProcessRunner.start(Flex.binary, ["run", "--backend", "live", "--base-url", "http://127.0.0.1:\(server.port)/v1", dir.path + "/stall.flex"],
                                            environment: ["FLEX_API_KEY": Self.key, "XDG_CONFIG_HOME": "/nonexistent", "NO_COLOR": "1"], directory: Flex.root)
        #expect(child.waitUntil(timeoutSeconds: 20) { server.received.count == 1 && child.catches(SIGINT) })
        let sent = ProcessRunner.monotonicNanoseconds()
        child.send(SIGINT)
        let result = child.wait(timeoutSeconds: 20)
        let milliseconds = (ProcessRunner.monotonicNanoseconds() - sent) / 1_000_000
        #expect(result.exitCode == 130, "\(result.stderr)")
        #expect(milliseconds < 2_000, "took \(milliseconds) ms")  // 100 ms on an idle machine; eight builds share this one
        #expect(result.stderr.contains("interrupted while waiting for POST /v1/customers: its outcome is unknown"), "\(result.stderr)")
        #expect(result.stderr.contains("repeat the command with idempotency_key \"flex-"))
        usleep(300_000)
        #expect(server.received.count == 1)
    }

    @Test func aTestTimeoutEndsAStalledLiveRequestWithoutARetry() throws {
        let server = try MisbehavingServer([.stall])
        defer { server.stop() }
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        try dir.write("stall.flex", "customer create email \"a@b.co\"\n")
        let started = ProcessRunner.monotonicNanoseconds()
        let result = try Flex.run(["test", "--backend", "live", "--base-url", "http://127.0.0.1:\(server.port)/v1", "--timeout", "1s", dir.path],
                                  environment: Self.environment)
        let seconds = (ProcessRunner.monotonicNanoseconds() - started) / 1_000_000_000
        #expect(result.exitCode == 3, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("timed out after 1s"), "\(result.stdout)")
        #expect(seconds < 10, "took \(seconds) s, not the 30 s of an attempt")
        #expect(server.received.count == 1)
    }

    @Test func aSuccessWithInvalidJSONSaysTheRequestMayHaveTakenEffect() throws {
        let server = try MisbehavingServer([.respond(200, body: "<html>made it</html>")])
        defer { server.stop() }
        let result = try runLive("customer create email \"a@b.co\"\n", port: server.port)
        #expect(result.exitCode == 3)
        #expect(result.stderr.contains("the server answered POST /v1/customers with HTTP 200 but the body is not JSON"), "\(result.stderr)")
        #expect(result.stderr.contains("the request may have taken effect"))
        #expect(result.stderr.contains("idempotency_key \"flex-"))
        #expect(!result.stderr.contains("no response"))
        #expect(server.received.count == 1)
    }

    @Test func theIdempotencyKeyClauseSetsTheHeader() throws {
        let server = try MisbehavingServer([.respond(200, body: #"{"customer":{"customer_id":"fcus_1"}}"#)])
        defer { server.stop() }
        let result = try runLive("customer create email \"a@b.co\" idempotency_key \"retry-7\"\ncustomer create email \"b@b.co\"\n", port: server.port)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let keys = server.received.map { $0.header("Idempotency-Key") ?? "" }
        #expect(keys.first == "retry-7")
        #expect(keys.last?.hasSuffix("-2") == true, "\(keys)")  // the clause does not shift later keys
    }

    @Test func refusedAndUnknownHostAreSaidInPlainWords() throws {
        let port = try MisbehavingServer.closedPort()
        let refused = try runLive("customers\n", port: port)
        #expect(refused.exitCode == 3)
        #expect(refused.stderr.contains("connection refused by http://127.0.0.1:\(port)"), "\(refused.stderr)")
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        try dir.write("list.flex", "customers\n")
        let unknown = try Flex.run(["run", "--backend", "live", "--base-url", "http://no-such-host.invalid/v1", "--retries", "0", dir.path + "/list.flex"],
                                   environment: Self.environment)
        #expect(unknown.exitCode == 3)
        #expect(unknown.stderr.contains("unknown host: http://no-such-host.invalid cannot be found"), "\(unknown.stderr)")
        for result in [refused, unknown] {
            for leak in ["errno", "SocketAddressError", "NIOConnectionError", "(error set)"] { #expect(!result.stderr.contains(leak)) }
        }
    }

    @Test func flexServeOnATakenPortSaysTheAddressIsInUse() throws {
        let first = try ServeProcess()
        let second = try Flex.run(["serve", "--port", String(first.port), "--quiet"])
        #expect(second.exitCode == 3)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(first.port): the address is already in use"), "\(second.stderr)")
        #expect(!second.stderr.contains("errno") && !second.stderr.contains("bind("))
    }

    /// Durations and generated keys differ run to run; the rest of a trace line must not.
    static func masked(_ lines: [String]) -> [String] {
        lines.filter { $0.hasPrefix("trace:") && !$0.contains(" /_sim/") }.map { line in
            var line = line.replacing(/\(\d+(\.\d)? ms/, with: "(N ms")
            line = line.replacing(/fcus_[0-9A-Z]+/, with: "fcus_X")
            // Live keys are flex-<run>-<interpreter>-<n>, embedded ones flex-<seed>-<n>.
            line = line.replacing(/Idempotency-Key flex-([0-9a-z]+-)+/, with: "Idempotency-Key flex-K-")
            return line
        }
    }

    @Test func verboseTracesTheSameExchangesOnBothBackends() throws {
        let server = try ServeProcess()
        let script = "let c = customer create email \"a@b.co\"\ncustomer get c\n"
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        try dir.write("trace.flex", script)
        let embedded = try Flex.run(["run", "-v", dir.path + "/trace.flex"])
        let live = try Flex.run(["run", "-v", "--backend", "live", "--base-url", server.baseURL, dir.path + "/trace.flex"],
                                environment: ["FLEX_API_KEY": "fsk_test_parity00000000", "XDG_CONFIG_HOME": "/nonexistent"])
        #expect(embedded.exitCode == 0 && live.exitCode == 0, "\(embedded.stderr)\(live.stderr)")
        let expected = [
            "trace: POST /v1/customers -> 200 (N ms, attempt 1, Idempotency-Key flex-K-1)",
            "trace: GET /v1/customers/fcus_X -> 200 (N ms, attempt 1)",
        ]
        #expect(Self.masked(embedded.stderrLines) == expected, "\(embedded.stderr)")
        #expect(Self.masked(live.stderrLines) == expected, "\(live.stderr)")
        let bodies = try Flex.run(["run", "-vv", dir.path + "/trace.flex"])
        #expect(bodies.stderr.contains("trace:   request  {\"customer\":{\"email\":\"a@b.co\"}}"), "\(bodies.stderr)")
        #expect(bodies.stderr.contains("trace:   response {\"customer\":"))
        let quiet = try Flex.run(["run", dir.path + "/trace.flex"])
        #expect(!quiet.stderr.contains("trace:"))
    }

    @Test func traceOnAndOffInTheREPL() throws {
        let result = try Flex.run(["repl"], stdin: ".trace on\ncustomer create email \"a@b.co\"\n.trace off\ncustomers\n.trace loud\n",
                                  environment: ["XDG_STATE_HOME": "/nonexistent", "HOME": "/nonexistent"])
        let traced = result.stderrLines.filter { $0.hasPrefix("trace:") }
        #expect(Self.masked(traced) == ["trace: POST /v1/customers -> 200 (N ms, attempt 1, Idempotency-Key flex-K-1)"], "\(result.stderr)")
        #expect(result.stderr.contains(".trace takes on, off or bodies"))
    }
}
