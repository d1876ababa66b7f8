// The command table compiled once for the parser: every phrase word and clause keyword gets a small
// integer found straight from the source bytes, so matching a command and its clauses compares
// integers, builds no String and copies no table entry (copying `ClauseSyntax` values per clause
// candidate was the parser's largest cost in profiles).

final class CommandGrammar: @unchecked Sendable {  // immutable after init
    static let shared = CommandGrammar(CommandTable.all)

    /// One phrase of one command; `checkout create` and `checkout` are two phrases of one entry.
    /// A class, so the parser passes one reference around instead of copying arrays.
    final class Phrase: Sendable {
        let command: CommandName
        let wordIDs: [Int]
        /// A required positional or clause: alone at the end of an expression, the word is a variable.
        let needsArgument: Bool
        /// Per positional: a bare word is read as a string literal (`.word` kinds).
        let positionalTakesWord: [Bool]
        /// Per clause, parallel arrays (scanned per keyword, so kept flat).
        let clauseFirstWords: [Int]
        let clauseWordIDs: [[Int]]
        let clauseNames: [String]
        /// Per clause, a number for its name shared by every phrase that has a clause of that name.
        let clauseNameIDs: [Int]
        let clauseShapes: [ClauseShape]

        init(_ syntax: CommandSyntax, words: [String], id: (String) -> Int, nameID: (String) -> Int) {
            // The parser matches phrases and clause keywords within its token lookahead.
            precondition(words.count < Parser.lookahead && syntax.clauses.allSatisfy { $0.keywords.count < Parser.lookahead },
                         "a phrase or clause keyword is longer than the parser's lookahead")
            command = syntax.name
            wordIDs = words.map(id)
            needsArgument = syntax.positionals.contains { !$0.isOptional } || syntax.clauses.contains { $0.isRequired }
            positionalTakesWord = syntax.positionals.map { if case .word = $0.kind { true } else { false } }
            clauseWordIDs = syntax.clauses.map { $0.keywords.map(id) }
            clauseFirstWords = clauseWordIDs.map { $0.first ?? -1 }
            clauseNames = syntax.clauses.map(\.name)
            clauseNameIDs = clauseNames.map(nameID)
            clauseShapes = syntax.clauses.map { ClauseShape($0.kind) }
        }
    }

    /// How much a clause reads after its keywords; all the parser needs of its `ValueKind`.
    enum ClauseShape: UInt8, Sendable {
        case flag, items, word, value
        init(_ kind: ValueKind) {
            switch kind {
            case .flag: self = .flag
            case .items: self = .items
            case .word: self = .word
            default: self = .value
            }
        }
    }

    /// The distinct words, concatenated; word `i` is `bytes[starts[i]..<starts[i + 1]]`. These
    /// tables are read for nearly every word of a script, so they are plain buffers, allocated
    /// once: no bounds checks or reference counting in the lookup loop.
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private let starts: UnsafeMutableBufferPointer<Int>
    /// Open addressing over FNV-1a: word id, or -1 for an empty slot.
    private let slots: UnsafeMutableBufferPointer<Int>
    private let mask: Int
    /// Bit `n` set: some word is `n` bytes long (all are shorter than 64).
    private let lengths: UInt64
    /// Phrases by the id of their first word, longest phrase first (`checkout create` before `checkout`).
    let phrasesByLeadingWord: [[Phrase]]
    /// By word id: the second word of some multi-word phrase (`create`, `get`, `of`, …).
    let isPhraseSecondWord: [Bool]
    /// Quick rejection before hashing: could a word of this first byte and length lead a phrase?
    private let leadingWordShapes: [Bool]

    init(_ table: [CommandSyntax]) {
        var ids: [String: Int] = [:]
        var words: [String] = []
        func id(_ word: String) -> Int {
            if let known = ids[word] { return known }
            ids[word] = words.count
            words.append(word)
            return words.count - 1
        }
        var nameIDs: [String: Int] = [:]
        func nameID(_ name: String) -> Int {
            if let known = nameIDs[name] { return known }
            nameIDs[name] = nameIDs.count
            return nameIDs.count - 1
        }
        var phrases: [Phrase] = []
        for syntax in table {
            for words in syntax.phrases where !words.isEmpty {
                phrases.append(Phrase(syntax, words: words, id: id, nameID: nameID))
            }
        }
        var bytes: [UInt8] = [], starts = [0]
        for word in words {
            bytes.append(contentsOf: word.utf8)
            starts.append(bytes.count)
        }
        var size = 16
        while size < words.count * 4 { size <<= 1 }
        var slots = [Int](repeating: -1, count: size)
        var lengths: UInt64 = 0
        for (index, word) in words.enumerated() {
            let utf8 = Array(word.utf8)
            precondition(utf8.count > 0 && utf8.count < 64, "command words are 1 to 63 bytes long")
            lengths |= 1 << UInt64(utf8.count)
            var slot = utf8.withUnsafeBufferPointer { CommandGrammar.hash($0, 0, $0.count) } & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = index
        }
        var byLeadingWord = [[Phrase]](repeating: [], count: words.count)
        var secondWords = [Bool](repeating: false, count: words.count)
        var shapes = [Bool](repeating: false, count: 256 * 32)
        for phrase in phrases {
            byLeadingWord[phrase.wordIDs[0]].append(phrase)
            if phrase.wordIDs.count > 1 { secondWords[phrase.wordIDs[1]] = true }
            let first = Array(words[phrase.wordIDs[0]].utf8)
            shapes[Int(first[0]) * 32 + min(first.count, 31)] = true
        }
        self.bytes = .allocate(capacity: bytes.count)
        _ = self.bytes.initialize(from: bytes)
        self.starts = .allocate(capacity: starts.count)
        _ = self.starts.initialize(from: starts)
        self.slots = .allocate(capacity: slots.count)
        _ = self.slots.initialize(from: slots)
        mask = size - 1
        self.lengths = lengths
        phrasesByLeadingWord = byLeadingWord.map { $0.sorted { $0.wordIDs.count > $1.wordIDs.count } }
        isPhraseSecondWord = secondWords
        leadingWordShapes = shapes
    }

    /// 64-bit FNV-1a over `buffer[start..<end]`, folded so the low bits see the high ones.
    @inline(__always)
    static func hash(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = start
        while index < end {
            hash = (hash ^ UInt64(buffer[index])) &* 0x0000_0100_0000_01b3
            index += 1
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        slots.deallocate()
    }

    /// The id of the word `buffer[start..<end]`, or -1 when it is no phrase word or clause keyword.
    func id(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let length = end - start
        guard length < 64, lengths & (1 << UInt64(length)) != 0 else { return -1 }
        var slot = CommandGrammar.hash(buffer, start, end) & mask
        while true {
            let candidate = slots[slot]
            guard candidate >= 0 else { return -1 }
            let wordStart = starts[candidate]
            if starts[candidate + 1] - wordStart == length,
               memcmpEqual(bytes.baseAddress! + wordStart, buffer.baseAddress! + start, length) {
                return candidate
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var offset = 0
        while offset < count, a[offset] == b[offset] { offset += 1 }
        return offset == count
    }

    @inline(__always)
    func mayLeadPhrase(firstByte: UInt8, length: Int) -> Bool {
        leadingWordShapes[Int(firstByte) * 32 + min(length, 31)]
    }
}
