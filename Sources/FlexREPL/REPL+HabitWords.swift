// Words people type from habit to leave or get help in other shells (`exit`, `quit`, `help`,
// `\q`): at the prompt they point to the dot-command in one line instead of failing as an
// undefined variable. A name the session defined is the user's and still evaluates.

extension REPL {
    static let leavingWords: Set<String> = ["exit", "quit", "exit()", "quit()", "\\q", ":q"]
    static let helpWords: Set<String> = ["help", "help()", "\\h", "\\?"]

    /// The one-line pointer for an entry that is only such a word, nil for anything else.
    func habitHint(for entry: String) -> String? {
        let word = String(entry.trimmingWhitespace)
        let name = word.hasSuffix("()") ? String(word.dropLast(2)) : word
        guard !interpreter.globalNames.contains(name) else { return nil }
        if Self.leavingWords.contains(word) { return "to leave, type .quit (or press Ctrl-D)" }
        if Self.helpWords.contains(word) { return "for help, type .help (or .help WORD for a command, e.g. .help checkout)" }
        return nil
    }
}
