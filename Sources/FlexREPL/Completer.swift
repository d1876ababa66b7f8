// Tab completion that knows the language (command table, clauses, keywords) and the session
// (variables, the fields of their values, IDs seen in results, dot-commands, files).
import FlexLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What the completer may ask of the running session.
public protocol CompletionSource: AnyObject {
    var variableNames: [String] { get }
    /// The field names of the value at `path` (`["paid", "customer"]`), empty when it is no record.
    func fieldNames(of path: [String]) -> [String]
    /// Flex IDs seen in this session's results, oldest first.
    var seenIDs: [String] { get }
}

public struct Completer {
    static let statementKeywords = ["let", "expect", "print", "show", "if", "for", "repeat", "wait", "def", "return", "include", "scenario"]
    static let expressionWords = ["null", "true", "false", "not", "it"]

    public var dotCommands: [String]
    /// Dot-commands whose argument is a file path.
    public var fileArgumentDotCommands: Set<String>

    public init(dotCommands: [String], fileArgumentDotCommands: Set<String>) {
        self.dotCommands = dotCommands
        self.fileArgumentDotCommands = fileArgumentDotCommands
    }

    public func complete(_ textBeforeCursor: String, source: CompletionSource) -> Completion {
        let line = textBeforeCursor
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix(".") {
            guard let space = trimmed.firstIndex(of: " ") else {
                return .of(String(trimmed), among: dotCommands)
            }
            let name = String(trimmed[..<space])
            guard fileArgumentDotCommands.contains(name) else { return .none }
            let argument = trimmed[trimmed.index(after: space)...].drop { $0 == " " }
            return Self.completePath(String(argument))
        }

        let scan = StatementScan(line)
        if let partial = scan.openString {
            return scan.words.last == "include" ? Self.completePath(partial) : .none
        }
        let word = scan.currentWord
        if let dot = word.lastIndex(of: ".") {
            let path = word[..<dot].split(separator: ".").map(String.init)
            let partial = String(word[word.index(after: dot)...])
            return .of(partial, among: source.fieldNames(of: path), addSpaceWhenUnique: false)
        }
        if FlexIDPrefix.all.contains(where: { $0.hasPrefix(word) || word.hasPrefix($0) }), word.contains("_"), word.first == "f" {
            return .of(word, among: source.seenIDs)
        }
        return .of(word, among: candidates(after: scan.words, source: source))
    }

    /// Words that may come next, given the words of the statement before the cursor.
    func candidates(after words: [String], source: CompletionSource) -> [String] {
        let valueWords = source.variableNames + Builtins.all.map(\.name) + Self.expressionWords
        guard !words.isEmpty else {
            return Self.statementKeywords + Array(CommandTable.leadingWords) + source.variableNames
        }
        // A command can start at the statement's start, after `=` or `:` (let, expect error), after `(`.
        var start = 0
        for (index, word) in words.enumerated() where ["=", ":", "(", "expect", "print", "show", "return"].contains(word) {
            start = index + 1
        }
        if words == ["let"] { return [] }  // naming a new variable
        let commandWords = Array(words[start...])
        guard let first = commandWords.first else {
            return Array(CommandTable.leadingWords) + valueWords
        }
        guard CommandTable.leadingWords.contains(first) else { return valueWords }

        let matching = CommandTable.all.filter { syntax in
            syntax.phrases.contains { phrase in phrase.count >= 1 && phrase[0] == first }
        }
        // Still inside a phrase (`checkout ` → `create`, `get`)?
        var phraseContinuations: [String] = []
        var best: (syntax: CommandSyntax, length: Int)?
        for syntax in matching {
            for phrase in syntax.phrases {
                let typed = commandWords.prefix(phrase.count)
                if phrase.count > commandWords.count, Array(phrase.prefix(commandWords.count)) == commandWords {
                    phraseContinuations.append(phrase[commandWords.count])
                }
                if typed.count == phrase.count, Array(typed) == phrase, phrase.count > (best?.length ?? 0) {
                    best = (syntax, phrase.count)
                }
            }
        }
        guard let (syntax, length) = best else { return phraseContinuations }
        let rest = commandWords.dropFirst(length)
        // The value of a word clause: its choices.
        if let previous = rest.last, let clause = syntax.clauses.first(where: { $0.keywords.last == previous }),
           case .word(let choices) = clause.kind, !choices.isEmpty {
            return choices
        }
        let used = Set(rest)
        let clauses = syntax.clauses.compactMap { clause in used.contains(clause.keywords[0]) ? nil : clause.keywords[0] }
        return phraseContinuations + clauses + valueWords
    }

    /// File names in the directory of `partial`; directories end in `/`.
    static func completePath(_ partial: String) -> Completion {
        let directory: String, prefix: String
        if let slash = partial.lastIndex(of: "/") {
            directory = String(partial[...slash])
            prefix = String(partial[partial.index(after: slash)...])
        } else {
            directory = ""
            prefix = partial
        }
        guard let handle = opendir(directory.isEmpty ? "." : directory) else { return .none }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != "..", name.hasPrefix(prefix), !(name.hasPrefix(".") && !prefix.hasPrefix(".")) else { continue }
            var info = stat()
            let isDirectory = stat(directory + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            names.append(directory + name + (isDirectory ? "/" : ""))
        }
        return .of(partial, among: names)
    }
}

/// A rough scan of the text before the cursor: the current statement's words (strings and
/// bracketed values skipped), the word being typed, and an unterminated string if the cursor is in one.
struct StatementScan {
    var words: [String] = []
    var currentWord = ""
    var openString: String?

    init(_ text: String) {
        var word = ""
        var inString = false
        var stringText = ""
        var escaped = false
        func flush() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for character in text {
            if inString {
                if escaped { escaped = false; stringText.append(character); continue }
                if character == "\\" { escaped = true; continue }
                if character == "\"" { inString = false; words.append("\"…\""); continue }
                stringText.append(character)
                continue
            }
            switch character {
            case "\"":
                flush()
                inString = true
                stringText = ""
            case ";", "{", "}", "\n":
                flush()
                words.removeAll()
            case "=", ":", "(", ")", "[", "]", ",":
                flush()
                words.append(String(character))
            case " ", "\t":
                flush()
            default:
                word.append(character)
            }
        }
        if inString {
            openString = stringText
        } else {
            currentWord = word
        }
        // Comparisons (`==`) are not the `=` of a let.
        words = words.reduce(into: [String]()) { result, word in
            if word == "=", result.last == "=" { result[result.count - 1] = "==" } else { result.append(word) }
        }
    }
}
