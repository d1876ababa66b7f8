// Ctrl-C in `flex repl --backend live` while a request stalls: the prompt comes back at once, the
// server saw the request exactly once (no retry after Ctrl-C), and the message names the key.
import FlexTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct REPLLiveInterruptTests {
    @Test func ctrlCCancelsAStalledLiveRequestAndNeverRetries() throws {
        let server = try MisbehavingServer([.stall])
        defer { server.stop() }
        let state = REPLTerminalTests().temporaryDirectory()
        let environment = ["TERM": "xterm", "XDG_STATE_HOME": state, "HOME": state, "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
                           "FLEX_API_KEY": "fsk_test_pty000000000000", "XDG_CONFIG_HOME": "/nonexistent"]
        let terminal = try PseudoTerminal(REPLTerminalTests.binary, ["repl", "--backend", "live", "--base-url", "http://127.0.0.1:\(server.port)/v1"],
                                          environment: environment, directory: REPLTerminalTests.root)
        try terminal.waitForPrompt()
        let running = terminal.end
        terminal.send("customer create email \"a@b.co\"\r")
        var waited = 0
        while server.received.isEmpty && waited < 10_000 {
            terminal.settle(milliseconds: 50)
            waited += 50
        }
        #expect(server.received.count == 1)
        // The request is in flight, so the REPL has handed the terminal back (ISIG on); press
        // again only if a loaded machine delayed that.
        var presses = 0
        let pressed = ContinuousClock.now
        repeat {
            terminal.send(PseudoTerminal.ctrlC)
            presses += 1
            terminal.settle(milliseconds: 100)
        } while presses < 20 && !terminal.transcript[running...].contains("interrupted")
        try terminal.waitFor("interrupted while waiting for POST /v1/customers", after: running)
        try terminal.waitForPrompt()
        let elapsed = pressed.duration(to: .now)
        #expect(presses == 1 || elapsed < .seconds(5))
        #expect(elapsed < .seconds(5), "the prompt took \(elapsed)")
        #expect(terminal.transcript[running...].contains("idempotency_key \"flex-"))
        terminal.settle(milliseconds: 300)
        #expect(server.received.count == 1)
        terminal.send("print \"still here\"\r")
        try terminal.waitFor("still here", after: running)
        try terminal.waitForPrompt()
        #expect(try terminal.quitWithCtrlD() == 0)
    }
}
