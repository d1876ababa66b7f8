// Words: identifiers, Flex ID literals by prefix, and the keyword class of each word, decided on bytes.

extension Lexer {
    static let flexIDPrefixBytes: [[UInt8]] = FlexIDPrefix.all.map { Array($0.utf8) }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isWordByte(byte) && byte != UInt8(ascii: "_")
    }

    mutating func lexWord() {
        let start = position
        position += 1
        while position < end, Lexer.isWordByte(buffer[position]) { position += 1 }
        pendingContinuation = false
        if buffer[start] == UInt8(ascii: "f"), Lexer.isFlexID(buffer, start: start, end: position) {
            tokens.append(Token(kind: .flexID, start: start, end: position))
        } else {
            tokens.append(Token(kind: .identifier, keyword: Lexer.keyword(buffer, start: start, end: position), start: start, end: position))
        }
    }

    /// Mirrors `FlexIDPrefix.prefix(of:)` on bytes: a known prefix, then one or more ASCII letters or digits only.
    static func isFlexID(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        for prefix in flexIDPrefixBytes where end - start > prefix.count {
            var matches = true
            for offset in 0..<prefix.count where buffer[start + offset] != prefix[offset] {
                matches = false
                break
            }
            guard matches else { continue }
            var index = start + prefix.count
            while index < end {
                if !isAlphanumeric(buffer[index]) { return false }
                index += 1
            }
            return true
        }
        return false
    }

    @inline(__always)
    static func word(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, is literal: StaticString) -> Bool {
        guard end - start == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<(end - start) where buffer[start + offset] != pointer[offset] { return false }
        return true
    }

    /// Classifies a word without building a String: switch on length and first byte, then compare.
    static func keyword(_ buffer: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Keyword {
        let length = end - start
        guard length >= 2, length <= 8 else { return .none }
        func check(_ literal: StaticString, _ keyword: Keyword) -> Keyword {
            word(buffer, start, end, is: literal) ? keyword : .none
        }
        switch (length, buffer[start]) {
        case (2, UInt8(ascii: "i")):
            if buffer[start + 1] == UInt8(ascii: "f") { return .if }
            if buffer[start + 1] == UInt8(ascii: "n") { return .in }
            if buffer[start + 1] == UInt8(ascii: "t") { return .it }
            return .none
        case (2, UInt8(ascii: "o")): return check("or", .or)
        case (3, UInt8(ascii: "l")): return check("let", .let)
        case (3, UInt8(ascii: "f")): return check("for", .for)
        case (3, UInt8(ascii: "d")): return check("def", .def)
        case (3, UInt8(ascii: "a")): return check("and", .and)
        case (3, UInt8(ascii: "n")): return check("not", .not)
        case (4, UInt8(ascii: "s")): return check("show", .show)
        case (4, UInt8(ascii: "e")): return check("else", .else)
        case (4, UInt8(ascii: "w")): return check("wait", .wait)
        case (4, UInt8(ascii: "t")): return check("true", .true)
        case (4, UInt8(ascii: "n")): return check("null", .null)
        case (5, UInt8(ascii: "e")):
            if word(buffer, start, end, is: "error") { return .error }
            return check("every", .every)
        case (5, UInt8(ascii: "p")): return check("print", .print)
        case (5, UInt8(ascii: "u")): return check("until", .until)
        case (5, UInt8(ascii: "f")): return check("false", .false)
        case (6, UInt8(ascii: "e")): return check("expect", .expect)
        case (6, UInt8(ascii: "r")):
            if word(buffer, start, end, is: "repeat") { return .repeat }
            return check("return", .return)
        case (7, UInt8(ascii: "t")): return check("timeout", .timeout)
        case (7, UInt8(ascii: "i")): return check("include", .include)
        case (7, UInt8(ascii: "m")): return check("matches", .matches)
        case (8, UInt8(ascii: "s")): return check("scenario", .scenario)
        case (8, UInt8(ascii: "c")): return check("contains", .contains)
        default: return .none
        }
    }
}

extension Keyword {
    /// The keyword a whole word is (`.none` for an ordinary name): `--var let=3` is refused with it.
    public init(word: String) {
        var copy = word
        self = copy.withUTF8 { Lexer.keyword($0, start: 0, end: $0.count) }
    }
}
