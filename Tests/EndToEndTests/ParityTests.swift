// The proof that both backends mean the same: every example and every test script runs on the
// embedded simulator and through the live backend against a `flex serve` on 127.0.0.1 port 0,
// and the two runs must print byte-identical output with the same exit code. The server runs with
// `--checkout-url https://checkout.withflex.com`: a session's redirect_url is the one field that
// names where the checkout page lives (Flex's page embedded, the server's own page by default),
// and parity is about the API, not that address (docs/serve.md, "Parity").
import FlexTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A `flex serve --port 0` child: started, its port read from its first line, stopped with SIGTERM.
final class ServeProcess {
    let pid: pid_t
    let port: Int
    private let log: TempFile

    /// `checkoutURL` nil: the server's own page address (the default of `flex serve`).
    init(seed: Int = 42, checkoutURL: String? = "https://checkout.withflex.com") throws {
        log = try TempFile(contents: "")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_TRUNC, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [Flex.binary, "serve", "--port", "0", "--seed", String(seed), "--quiet"] + (checkoutURL.map { ["--checkout-url", $0] } ?? [])
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = ProcessRunner.mergedEnvironment([:]).map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }
        var child: pid_t = 0
        guard posix_spawn(&child, Flex.binary, &actions, nil, argv, envp) == 0 else {
            throw ProcessRunnerError.spawnFailed(path: Flex.binary, errno: errno)
        }
        pid = child
        // Bounded wait for "flex serve: listening on http://127.0.0.1:PORT/v1 …".
        var found: Int?
        for _ in 0..<300 {
            let text = FileSystem.read(log.path) ?? ""
            if let range = text.firstRange(of: "127.0.0.1:") {
                found = Int(text[range.upperBound...].prefix { $0.isNumber })
                break
            }
            usleep(20_000)
        }
        guard let found else {
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
            throw ProcessRunnerError.spawnFailed(path: "flex serve did not report its port", errno: 0)
        }
        port = found
    }

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    deinit {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        log.remove()
    }
}

@Suite("Parity: embedded simulator vs live backend against flex serve")
struct ParityTests {
    /// One server for the whole corpus, scripts one after another: each live run first resets
    /// the server to the run's seed (RemoteSimulatorReset), so no state leaks between scripts,
    /// and the machine is not flooded with a server per script while other suites run.
    @Test("every script and example prints the same on both backends")
    func sameOutput() throws {
        let server = try ServeProcess()
        let common = ["run", "--seed", "42", "--diagnostics", "short"]
        for path in ScriptCorpus.all {
            let embedded = try Flex.run(common + [path])
            // Default options: retries on both backends; an injected fault is final on both.
            let live = try Flex.run(common + ["--backend", "live", "--base-url", server.baseURL, path],
                                    environment: ["FLEX_API_KEY": "fsk_test_parity00000000", "XDG_CONFIG_HOME": "/nonexistent"])
            #expect(live.exitCode == embedded.exitCode, "\(path): exit \(live.exitCode) live vs \(embedded.exitCode) embedded\n\(live.stderr)")
            #expect(live.stdout == embedded.stdout, "\(path): stdout differs")
            var liveErrors = live.stderrLines
            let banner = liveErrors.isEmpty ? "" : liveErrors.removeFirst()
            #expect(banner.hasPrefix("flex: live API http://127.0.0.1:"), "\(path): no mode banner")
            #expect(banner.contains("fsk_test_…0000") && !banner.contains("parity"), "\(path): the key is not redacted: \(banner)")
            #expect(liveErrors == embedded.stderrLines, "\(path): stderr differs")
        }
        #expect(ScriptCorpus.all.count > 100)
    }
}

@Suite("flex test through the live backend")
struct LiveTestCommandTests {
    @Test("flex test --backend live runs the fixture suite against flex serve and lists created objects")
    func fixtureSuiteOverHTTP() throws {
        let server = try ServeProcess()
        let result = try Flex.run(["test", "--json", "--backend", "live", "--base-url", server.baseURL, "fixtures/suites/passing"],
                                  environment: ["FLEX_API_KEY": "fsk_test_parity00000000", "XDG_CONFIG_HOME": "/nonexistent"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderrLines.first?.hasPrefix("flex: live API http://127.0.0.1:") == true)
        #expect(result.stderrLines.last == "6 passed, 0 failed")
        let finished = result.stdoutLines.filter { $0.contains(#""event":"case_finished""#) }
        #expect(finished.count == 6)
        #expect(finished.contains { $0.contains(#""created_objects":["fprod_"#) })
        #expect(!result.stdout.contains("parity") && !result.stderr.contains("parity"))
    }
}
