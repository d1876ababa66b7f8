// Line editing on a terminal through libedit's native API: emacs keys, ~/.editrc, in-memory
// history for Up/Down, Tab completion, and Ctrl-C that discards the entry instead of exiting.
@preconcurrency import CEditShim
import FlexInterpreter
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// libedit calls back through C function pointers that cannot capture, so the one live reader
/// and the prompt text live in globals. There is one terminal, so there is one reader.
nonisolated(unsafe) private var activeReader: LibEditLineReader?
nonisolated(unsafe) private var promptBuffer: UnsafeMutablePointer<CChar> = strdup("")!


public final class LibEditLineReader: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let completer: (String) -> Completion
    /// The buffer at the last Tab that completed nothing, so a second Tab lists the candidates.
    private var lastUnresolvedTab: String?
    /// Set by the Ctrl-C key binding while a line is being edited.
    private var interruptedWhileEditing = false

    /// Nil when libedit cannot start (no terminal); the caller falls back to PlainLineReader.
    public init?(completer: @escaping (String) -> Completion) {
        // libedit drops non-ASCII input in the C locale; flex source is UTF-8, so fall back to
        // C.UTF-8 when the environment names no locale (or only C/POSIX).
        let locale = setlocale(LC_CTYPE, "").map { String(cString: $0) } ?? "C"
        if locale == "C" || locale == "POSIX" { setlocale(LC_CTYPE, "C.UTF-8") }
        guard let editLine = cedit_init("flex"), let history = cedit_history_init(1000) else { return nil }
        self.editLine = editLine
        self.history = history
        self.completer = completer
        cedit_set_editor(editLine, "emacs")
        cedit_set_history(editLine, history)
        cedit_set_prompt(editLine) { _ in promptBuffer }
        cedit_addfn(editLine, "flex-complete", "complete the word at the cursor") { editLine, _ in
            guard let editLine, let reader = activeReader else { return UInt8(cedit_cc_error()) }
            return reader.complete(editLine)
        }
        cedit_bind(editLine, "^I", "flex-complete")
        // Ctrl-C while editing is a key, not a signal: el_gets runs on whichever thread the async
        // runtime chose, and a process-directed SIGINT may land on another one and never
        // interrupt its read(). Outside el_gets the terminal's ISIG is back, so Ctrl-C during a
        // running command still raises SIGINT, which sets Interruption's flag.
        cedit_setty(editLine, "-isig")
        cedit_addfn(editLine, "flex-interrupt", "discard the entry being typed") { editLine, _ in
            guard let reader = activeReader else { return UInt8(cedit_cc_error()) }
            reader.interruptedWhileEditing = true
            return UInt8(cedit_cc_newline())
        }
        cedit_bind(editLine, "^C", "flex-interrupt")
        cedit_source_editrc(editLine)
        activeReader = self
        Self.installInterruptHandler()
    }

    deinit {
        el_end(editLine)
        cedit_history_end(history)
        if activeReader === self { activeReader = nil }
    }

    /// SIGINT (Ctrl-C while a command runs) stops the command, not the process.
    public static func installInterruptHandler() {
        var action = sigaction()
        Interruption.clear()
        action.__sigaction_handler.sa_handler = { _ in Interruption.request() }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    public func readLine(prompt: String) -> LineInput {
        free(promptBuffer)
        promptBuffer = strdup(prompt) ?? strdup("")!
        interruptedWhileEditing = false
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        if interruptedWhileEditing {
            // What el_gets returns after a bound newline may hold stale bytes: drop it, and the line.
            el_reset(editLine)
            print("^C")
            return .interrupted
        }
        guard let raw else {
            if count < 0 { return .interrupted }
            print("")  // libedit echoes ^D without a newline
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    public func addToHistory(_ entry: String) {
        cedit_history_enter(history, entry)
    }

    fileprivate func complete(_ editLine: OpaquePointer) -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor else {
            return UInt8(cedit_cc_error())
        }
        let length = cursor - start
        let before = String(decoding: UnsafeRawBufferPointer(start: start, count: max(0, length)), as: UTF8.self)
        let completion = completer(before)
        if !completion.insertion.isEmpty || !completion.closing.isEmpty {
            // Still ambiguous after the common prefix: the next Tab lists the candidates.
            lastUnresolvedTab = completion.candidates.count > 1 ? before + completion.insertion : nil
            if !completion.insertion.isEmpty { el_insertstr(editLine, completion.insertion) }
            close(completion)
            return UInt8(cedit_cc_refresh())
        }
        guard completion.candidates.count > 1 else {
            return UInt8(cedit_cc_error())
        }
        if lastUnresolvedTab == before {
            print("")
            print(completion.listing(width: Self.terminalWidth()), terminator: "")
            if completion.matchCount > completion.candidates.count {
                print("… and \(completion.matchCount - completion.candidates.count) more; type more letters")
            }
            return UInt8(cedit_cc_redisplay())
        }
        lastUnresolvedTab = before
        return UInt8(cedit_cc_error())
    }

    /// Puts the completion's closing text after the cursor (once: a `"` already there is
    /// stepped over, not doubled), and the cursor before or after it as the completion says.
    private func close(_ completion: Completion) {
        let closing = completion.closing
        guard !closing.isEmpty, let info = el_line(editLine)?.pointee, let cursor = info.cursor, let end = info.lastchar else { return }
        let following = String(decoding: UnsafeRawBufferPointer(start: cursor, count: max(0, end - cursor)), as: UTF8.self)
        let length = Int32(closing.utf8.count)
        if following.hasPrefix(closing) {
            if completion.cursorAfterClosing { el_cursor(editLine, length) }
        } else {
            el_insertstr(editLine, closing)
            if !completion.cursorAfterClosing { el_cursor(editLine, -length) }
        }
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
