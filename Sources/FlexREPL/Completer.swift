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
    /// What the session last saw of the object with this ID (`customer ada@example.com`), if anything.
    func hint(forID id: String) -> String?
}

public struct Completer {
    static let statementKeywords = ["let", "expect", "print", "show", "if", "for", "repeat", "wait", "def", "return", "include", "scenario"]
    static let expressionWords = ["null", "true", "false", "not", "it"]
    /// Every word that can begin a command, from the table's phrases.
    static let commandWords: Set<String> = Set(CommandTable.all.flatMap { $0.phrases.map { $0[0] } })
    /// Words after which a command may start: `let x = `, `expect error: `, `len(`, `print `.
    static let commandStarters: Set<String> = ["=", ":", "(", "expect", "print", "show", "return"]

    public var dotCommands: [String]
    /// Dot-commands whose argument is a file path.
    public var fileArgumentDotCommands: Set<String>

    public init(dotCommands: [String], fileArgumentDotCommands: Set<String>) {
        self.dotCommands = dotCommands
        self.fileArgumentDotCommands = fileArgumentDotCommands
    }

    /// What may come next: plain words, and which of the session's IDs.
    struct Candidates {
        enum IDs: Equatable { case none, all, prefixed(String) }
        var words: [String]
        var ids: IDs = .none
    }

    public func complete(_ textBeforeCursor: String, source: CompletionSource) -> Completion {
        let trimmed = textBeforeCursor.drop { $0 == " " || $0 == "\t" }
        if trimmed.hasPrefix(".") { return completeDotCommand(trimmed) }
        let scan = StatementScan(textBeforeCursor)
        if let partial = scan.openString {
            return scan.words.last == "include" ? Self.completeIncludedPath(partial) : .none
        }
        let word = scan.currentWord
        if let dot = word.lastIndex(of: ".") {
            let path = word[..<dot].split(separator: ".").map(String.init)
            let partial = String(word[word.index(after: dot)...])
            return .of(partial, among: source.fieldNames(of: path), addSpaceWhenUnique: false)
        }
        var next = candidates(after: scan.words, source: source)
        if next.ids == .none, Self.mayStartAnID(word) { next.ids = .all }
        var completion = Completion.of(word, among: next.words + Self.ids(next.ids, matching: word, from: source))
        if next.ids != .none { completion.attachHints(from: source) }
        return completion
    }

    func completeDotCommand(_ text: Substring) -> Completion {
        guard let space = text.firstIndex(of: " ") else {
            return .of(String(text), among: dotCommands)
        }
        let name = String(text[..<space])
        guard fileArgumentDotCommands.contains(name) else { return .none }
        let argument = text[text.index(after: space)...].drop { $0 == " " }
        return Self.completePath(String(argument))
    }

    /// `fcu` may be the start of `fcus_…`: a word that begins like one of the ID prefixes.
    static func mayStartAnID(_ word: String) -> Bool {
        word.count >= 2 && word.first == "f" && FlexIDPrefix.all.contains { $0.hasPrefix(word) || word.hasPrefix($0) }
    }

    /// The session's IDs that may complete `word`; the completion itself filters by `word`, so
    /// a prefix the word already has needs no pass of its own.
    static func ids(_ which: Candidates.IDs, matching word: String, from source: CompletionSource) -> [String] {
        switch which {
        case .none: []
        case .all: source.seenIDs
        case .prefixed(let prefix) where word.hasPrefix(prefix): source.seenIDs
        case .prefixed(let prefix): source.seenIDs.filter { $0.hasPrefix(prefix) }
        }
    }

    /// What may come next, given the words of the statement before the cursor.
    func candidates(after words: [String], source: CompletionSource) -> Candidates {
        // Built only where a value may come: the session's names are many.
        let valueWords = { source.variableNames + Builtins.all.map(\.name) + Self.expressionWords }
        guard !words.isEmpty else {
            return Candidates(words: Self.statementKeywords + Array(Self.commandWords) + source.variableNames)
        }
        if words == ["let"] { return Candidates(words: []) }  // naming a new variable
        let start = (words.lastIndex { Self.commandStarters.contains($0) } ?? -1) + 1
        let commandWords = Array(words[start...])
        guard let first = commandWords.first else {
            return Candidates(words: Array(Self.commandWords) + valueWords())
        }
        guard Self.commandWords.contains(first) else { return Candidates(words: valueWords()) }
        let (continuations, match) = Self.phrase(of: commandWords)
        guard let (syntax, length) = match else { return Candidates(words: continuations) }
        let position = CommandPosition.locate(after: commandWords[length...], in: syntax)
        var next = candidates(at: position, of: syntax, valueWords: valueWords, source: source)
        next.words = (length == commandWords.count ? continuations : []) + next.words
        return next
    }

    /// The longest phrase the words begin with, and the words that would continue a longer one
    /// (`checkout ` → `create`, `get`).
    static func phrase(of words: [String]) -> (continuations: [String], match: (CommandSyntax, Int)?) {
        var continuations: [String] = []
        var best: (syntax: CommandSyntax, length: Int)?
        for syntax in CommandTable.all {
            for phrase in syntax.phrases where phrase.first == words[0] {
                if phrase.count > words.count, phrase.starts(with: words) {
                    continuations.append(phrase[words.count])
                }
                if words.starts(with: phrase), phrase.count > (best?.length ?? 0) {
                    best = (syntax, phrase.count)
                }
            }
        }
        return (continuations, best)
    }

    /// The table's answer at a place inside a command: clause names where a clause may start (not
    /// the built-ins), a word clause's choices, IDs of the kind a positional or clause takes.
    func candidates(at position: CommandPosition, of syntax: CommandSyntax, valueWords: () -> [String], source: CompletionSource) -> Candidates {
        switch position {
        case .positional(let positional):
            var next = Self.candidates(for: positional.kind, valueWords: valueWords, source: source)
            if positional.isOptional { next.words += syntax.clauses.map(\.name) }
            return next
        case .clauseKeyword(let unused):
            return Candidates(words: unused.map(\.name))
        case .keywordContinuation(let words):
            return Candidates(words: words)
        case .clauseValue(let clause):
            return Self.candidates(for: clause.kind, valueWords: valueWords, source: source)
        case .insideBrackets:
            return Candidates(words: valueWords())
        }
    }

    /// At a value of `kind`: for an ID kind the session's IDs of that prefix and the variables
    /// (one may hold the object), a word's choices, and otherwise any value.
    static func candidates(for kind: ValueKind, valueWords: () -> [String], source: CompletionSource) -> Candidates {
        switch kind {
        case .id(let prefix): Candidates(words: source.variableNames, ids: .prefixed(prefix))
        case .word(let choices): Candidates(words: choices)
        case .flag: Candidates(words: [])
        default: Candidates(words: valueWords())
        }
    }

    /// A path inside `include "…`: a file closes the string, a directory leaves the cursor
    /// inside it with the closing quote already after it.
    static func completeIncludedPath(_ partial: String) -> Completion {
        var completion = completePath(partial, addSpaceWhenUnique: false)
        guard completion.candidates.count == 1, let only = completion.candidates.first else { return completion }
        completion.closing = "\""
        completion.cursorAfterClosing = !only.hasSuffix("/")
        return completion
    }

    /// File names in the directory of `partial`; directories end in `/`.
    static func completePath(_ partial: String, addSpaceWhenUnique: Bool = true) -> Completion {
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
        return .of(partial, among: names, addSpaceWhenUnique: addSpaceWhenUnique)
    }
}
