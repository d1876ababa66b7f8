// How the REPL gets its input: libedit on a terminal, plain lines from a pipe, or a script in tests.

public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C at the prompt: discard the entry being typed and prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

public protocol LineReader: AnyObject {
    /// Reads one line (without its newline) after showing `prompt` (readers without a terminal show nothing).
    func readLine(prompt: String) -> LineInput
    /// Offers a finished entry to in-memory history (Up/Down recall); persisting is HistoryStore's job.
    func addToHistory(_ entry: String)
}

/// Lines from a pipe or file: no prompt, no echo, no editing (what `flex run -` does too).
public final class PlainLineReader: LineReader {
    public init() {}
    public func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }
    public func addToHistory(_ entry: String) {}
}

/// Replays a fixed list of inputs; the REPL loop's tests drive it.
public final class ScriptedLineReader: LineReader {
    public private(set) var prompts: [String] = []
    public private(set) var history: [String] = []
    private var inputs: [LineInput]

    public init(_ inputs: [LineInput]) { self.inputs = inputs.reversed() }
    public convenience init(lines: [String]) { self.init(lines.map { LineInput.line($0) }) }

    public func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.popLast() ?? .endOfInput
    }
    public func addToHistory(_ entry: String) { history.append(entry) }
}
