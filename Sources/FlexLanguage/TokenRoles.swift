// What the syntax tree says about tokens that look alike: which `-` is unary, which `(`/`[` belong to a call or an index, which `{` opens a record.

/// Byte-offset flags read by `LayoutPrinter`, one byte per source byte (set where a token starts or ends).
struct TokenRoles {
    struct Flags: OptionSet {
        let rawValue: UInt8
        /// The `-` starting here is unary (`-x`, `-$5`): it sticks to its operand.
        static let unaryMinus = Flags(rawValue: 1)
        /// The token ending at this byte (its last) is followed by a call's or a definition's `(`, or an index's `[`.
        static let gluesBracket = Flags(rawValue: 2)
        /// The `{` starting here opens a record, not a block.
        static let recordBrace = Flags(rawValue: 4)
    }

    private var flags: [UInt8]

    init(tree: SyntaxTree) {
        flags = [UInt8](repeating: 0, count: tree.source.count + 1)
        tree.withSource { records in
            for index in 0..<records.expressions.count {
                mark(records.expressions[index], in: records)
            }
            // `def f(x)`: the parameter list sticks to the name like a call's arguments.
            for index in 0..<records.statements.count {
                if case .functionDefinition(let name, _, _) = records.statements[index].node {
                    set(.gluesBracket, at: Int(records.names[Int(name.index)].end) - 1)
                }
            }
        }
    }

    subscript(offset: Int) -> Flags {
        offset >= 0 && offset < flags.count ? Flags(rawValue: flags[offset]) : []
    }

    private mutating func set(_ flag: Flags, at offset: Int) {
        guard offset >= 0, offset < flags.count else { return }
        flags[offset] |= flag.rawValue
    }

    private mutating func mark(_ record: Record<ExpressionNode>, in records: SyntaxTree.Records) {
        switch record.node {
        case .unary(.negate, _), .integer, .decimal, .money, .duration:
            // A negative literal is a folded unary minus: its span starts at the `-` too.
            let start = Self.firstTokenStart(from: Int(record.start), in: records.source)
            if start < records.source.count, records.source[start] == UInt8(ascii: "-") { set(.unaryMinus, at: start) }
        case .record:
            let start = Self.firstTokenStart(from: Int(record.start), in: records.source)
            if start < records.source.count, records.source[start] == UInt8(ascii: "{") { set(.recordBrace, at: start) }
        case .call(let name, _):
            let nameRecord = records.names[Int(name.index)]
            // Test patterns are calls with made-up names (`any id`, `matches "re"`): no bracket follows them.
            guard nameRecord.node.tableIndex == nil else { return }
            set(.gluesBracket, at: Int(nameRecord.end) - 1)
        case .index(let base, _):
            set(.gluesBracket, at: Int(records.expressions[Int(base.index)].end) - 1)
        default:
            return
        }
    }

    /// The first byte at or after `offset` that is not blank, a comment, a continuation or a `(`:
    /// a parenthesized expression's span starts at its `(`, the token of interest comes after.
    static func firstTokenStart(from offset: Int, in source: UnsafeBufferPointer<UInt8>) -> Int {
        var position = offset
        while position < source.count {
            switch source[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), 0x0C,
                 UInt8(ascii: "("), UInt8(ascii: "\\"):
                position += 1
            case UInt8(ascii: "#"):
                while position < source.count, source[position] != UInt8(ascii: "\n") { position += 1 }
            default:
                return position
            }
        }
        return position
    }
}
