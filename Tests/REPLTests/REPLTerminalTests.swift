// The REPL end to end on a real pseudo-terminal: the built `flex` binary, keystrokes in
// (Tab, Up, Ctrl-C, Ctrl-D), the screen's text out.
import Testing
@testable import FlexREPL
import FlexTestSupport
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct REPLTerminalTests {
    static let binary = FileSystem.builtProductsDirectory + "/flex"

    static let root: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    func temporaryDirectory() -> String {
        var template = Array("/tmp/flex-pty-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func start(state: String, directory: String? = nil, color: Bool = false) throws -> PseudoTerminal {
        var environment = ["TERM": "xterm", "XDG_STATE_HOME": state, "HOME": state, "PATH": "/usr/bin:/bin"]
        if !color { environment["NO_COLOR"] = "1" }
        let terminal = try PseudoTerminal(Self.binary, [], environment: environment, directory: directory ?? Self.root)
        try terminal.waitFor("flex> ")
        return terminal
    }

    @Test func tabCompletesCommonPrefixThenLists() throws {
        let terminal = try start(state: temporaryDirectory())
        let mark = terminal.end
        terminal.send("cust\t")
        try terminal.waitFor("customer", after: mark)
        terminal.send("\t")
        try terminal.waitFor("customers", after: mark)
        terminal.send(PseudoTerminal.ctrlC)
        terminal.send("let thermo = product \"T\" eligible price $1\r")
        try terminal.waitFor("price fprice_", after: mark)
        let fields = terminal.end
        terminal.send("print thermo.unit_am\t\r")
        try terminal.waitFor("100", after: fields)
        try terminal.waitForPrompt()
        #expect(try terminal.quitWithCtrlD() == 0)
    }

    @Test func tabFollowsTheCommandTableAndListsIDsWithHints() throws {
        let terminal = try start(state: temporaryDirectory())
        for email in ["ada@example.com", "bob@example.com"] {
            terminal.send("customer create email \"\(email)\"\r")
            try terminal.waitFor("customer fcus_", after: terminal.end)
            try terminal.waitForPrompt()
        }
        let ids = terminal.end
        // A positional of an ID kind: the IDs' common prefix, then the list.
        terminal.send("customer get \t")
        try terminal.waitFor("customer get fcus_01", after: ids)
        terminal.settle(milliseconds: 200)
        terminal.send("\t")
        // The hint is the summary without the ID, so it appears only in the list.
        try terminal.waitFor("customer ada@example.com", after: ids)
        try terminal.waitFor("customer bob@example.com", after: ids)
        terminal.send(PseudoTerminal.ctrlC)
        try terminal.waitForPrompt()
        // A partial prefix anywhere.
        let partial = terminal.end
        terminal.send("print fcu\t")
        try terminal.waitFor("print fcus_01", after: partial)
        terminal.send(PseudoTerminal.ctrlC)
        try terminal.waitForPrompt()

        terminal.send("let p = product \"T\" eligible price $1\r")
        try terminal.waitFor("price fprice_", after: ids)
        try terminal.waitForPrompt()
        let clauses = terminal.end
        terminal.send("checkout items [p x1] \t")
        terminal.settle(milliseconds: 200)
        terminal.send("\t")
        try terminal.waitFor("save_card", after: clauses)
        terminal.settle()
        #expect(terminal.transcript[clauses...].contains("payment_method"))
        #expect(!terminal.transcript[clauses...].contains("keys"), "no built-ins where a clause goes")
        terminal.send(PseudoTerminal.ctrlC)
        try terminal.waitForPrompt()
        #expect(try terminal.quitWithCtrlD() == 0)
    }

    @Test func includePathCompletionClosesTheQuote() throws {
        let terminal = try start(state: temporaryDirectory())
        try terminal.waitForPrompt()
        let mark = terminal.end
        terminal.send("include \"exa\t")
        try terminal.waitFor("include \"examples/", after: mark)
        terminal.settle(milliseconds: 200)
        // The closing quote is drawn, then the cursor steps back inside the string (a backspace,
        // which the transcript applies, so look at the raw bytes).
        #expect(terminal.rawTranscript.contains("mples/\"\u{08}"), "\(terminal.rawTranscript.debugDescription)")
        terminal.send("quick\t")
        terminal.settle(milliseconds: 200)
        terminal.send("\r")
        try terminal.waitFor("Welcome to flex", after: mark)
        try terminal.waitForPrompt()
        #expect(!terminal.transcript[mark...].contains("error"))
        #expect(try terminal.quitWithCtrlD() == 0)
    }

    @Test func habitWordsScenariosAndLoadAtTheTerminal() throws {
        let directory = temporaryDirectory()
        let file = fopen(directory + "/two.flex", "w")
        fputs("let n = 1\nscenario \"one\" { expect n == 1 }\nscenario \"two\" { expect len(customers) == 0 }\n", file)
        fclose(file)
        let terminal = try start(state: directory, directory: directory)
        let mark = terminal.end
        terminal.send("exit\r")
        try terminal.waitFor("to leave, type .quit", after: mark)
        try terminal.waitForPrompt()
        terminal.send("scenario \"typed\" { let c = customer create email \"a@b.co\"\r")
        try terminal.waitFor(" ...> ", after: mark)
        terminal.send("expect c.email == \"a@b.co\" }\r")
        try terminal.waitFor("1 scenario run: 1 passed", after: mark)
        try terminal.waitForPrompt()
        terminal.send(".load two.flex\r")
        try terminal.waitFor("loaded two.flex: 1 statement run, 2 scenarios run: 2 passed", after: mark)
        try terminal.waitForPrompt()
        #expect(!terminal.transcript[mark...].contains("error"))
        terminal.send(".quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func historyIsRecalledInTheNextRunAndPrivate() throws {
        let state = temporaryDirectory()
        let first = try start(state: state)
        first.send("print 4242 + 1\r")
        try first.waitFor("4243")
        try first.waitForPrompt()
        #expect(try first.quitWithCtrlD() == 0)

        var info = stat()
        #expect(stat(state + "/flex/history", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(stat(state + "/flex", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o700)

        let second = try start(state: state)
        let mark = second.end
        second.send(PseudoTerminal.up)
        second.send(PseudoTerminal.enter)
        try second.waitFor("4243", after: mark)
        second.send(".quit\r")
        #expect(try second.waitForExit() == 0)
    }

    @Test func ctrlCDiscardsAContinuationAndInterruptsACommand() throws {
        let terminal = try start(state: temporaryDirectory())
        terminal.send("let x = [1,\r")
        try terminal.waitFor(" ...> ")
        terminal.send("2")
        terminal.send(PseudoTerminal.ctrlC)
        let mark = terminal.end
        terminal.send("print 7\r")
        try terminal.waitFor("7", after: mark)
        terminal.send("print x\r")
        try terminal.waitFor("'x' is not defined", after: mark)

        let running = terminal.end
        try terminal.waitForPrompt()
        terminal.send("repeat 1000000000 { let y = 1 }\r")
        // A Ctrl-C that lands before libedit has handed the terminal back (ISIG still off) is
        // only a byte; on a loaded machine that window can be long, so press it again until the
        // command reports the interruption.
        var presses = 0
        repeat {
            terminal.settle(milliseconds: 500)
            terminal.send(PseudoTerminal.ctrlC)
            presses += 1
        } while presses < 20 && !terminal.transcript[running...].contains("interrupted")
        try terminal.waitFor("interrupted", after: running)
        try terminal.waitForPrompt()
        terminal.send("print \"still here\"\r")
        try terminal.waitFor("still here", after: running)
        try terminal.waitForPrompt()
        #expect(try terminal.quitWithCtrlD() == 0)
    }

    @Test func saveThenRunGivesTheSameResults() throws {
        let directory = temporaryDirectory()
        let terminal = try start(state: directory, directory: directory)
        let entries = [
            "let thermo = product \"Thermometer\" eligible price $24.99",
            "let s = checkout items [thermo x2] save_card success \"https://shop.example/ok\"",
            "let paid = pay s with card \"4242 4242 4242 4242\" hsa",
            "print paid.status, paid.amount_received",
            "print len(payment_methods of paid.customer)",
        ]
        // One entry per prompt: this test is about .save, not type-ahead.
        for entry in entries {
            try terminal.waitForPrompt()
            terminal.send(entry + "\r")
        }
        try terminal.waitFor("complete 4998")
        terminal.send(".save session.flex\r")
        try terminal.waitFor("saved 5 entries")
        terminal.send(".quit\r")
        #expect(try terminal.waitForExit() == 0)

        let replay = try PseudoTerminal(Self.binary, ["run", directory + "/session.flex"], environment: ["NO_COLOR": "1"], directory: directory)
        #expect(try replay.waitForExit() == 0)
        #expect(replay.transcript == "complete 4998\n1\n")
    }

    @Test func readsTheUsersEditrcAndUTF8Input() throws {
        let home = temporaryDirectory()
        let file = fopen(home + "/.editrc", "w")
        fputs("bind -s ^G \"print 4242\"\n", file)
        fclose(file)
        let terminal = try start(state: home)
        let mark = terminal.end
        terminal.send("\u{07}\r")  // Ctrl-G, bound by ~/.editrc
        try terminal.waitFor("4242\n", after: mark)
        terminal.send("print \"café ü\"\r")
        try terminal.waitFor("café ü\n", after: mark)
        terminal.send(".quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() throws {
        for color in [true, false] {
            let terminal = try start(state: temporaryDirectory(), color: color)
            terminal.send("customer get fcus_missing\r")
            try terminal.waitFor("customer_not_found")
            try terminal.waitForPrompt()
            #expect(terminal.rawTranscript.contains("\u{1B}[1;31merror") == color)
            terminal.send(".quit\r")
            #expect(try terminal.waitForExit() == 0)
        }
    }
}
