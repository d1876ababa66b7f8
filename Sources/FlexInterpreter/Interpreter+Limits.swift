// Limits on the values a script can build, so a doubling loop or a list wrapped in itself a
// million times stops with an error instead of exhausting memory or the stack. Each check costs
// time in proportion to the new work, never to the size of what is already built.
import FlexAPI
import FlexLanguage

extension Interpreter {
    /// The deepest a list or record may nest: the same as JSON.maximumDepth, so every value can
    /// be sent as a request body and read back, and printing, comparing, serializing and freeing
    /// it (all recursive) stay far from the end of the stack.
    public static let maximumValueDepth = 512
    /// The most elements a list built by concatenation may hold (as many as `range` allows).
    public static let maximumListSize = maximumRange
    /// The most bytes a string built by `+` or interpolation may hold.
    public static let maximumTextSize = 64 << 20

    static func checkTextSize(_ size: Int, span: SourceSpan) throws {
        guard size <= maximumTextSize else { throw textTooLong(span) }
    }

    static func checkListSize(_ count: Int, span: SourceSpan) throws {
        guard count <= maximumListSize else {
            throw ScriptFailure.runtime("list too long: more than \(maximumListSize) elements", at: span)
        }
    }

    static func textTooLong(_ span: SourceSpan) -> ScriptFailure {
        .runtime("string too long: more than \(maximumTextSize) bytes", at: span)
    }

    /// `show` and `--json` render a whole value at once: one whose text is already known to pass
    /// the string limit (a list doubled into itself 40 times shares its storage, but its text
    /// would be terabytes) fails here, in O(1), instead of rendering for ever.
    static func checkRenderable(_ value: Value, span: SourceSpan) throws {
        if value.minimumTextSize > maximumTextSize { throw textTooLong(span) }
    }

    /// A value as JSON for a request body or a snapshot. Converting walks every shared part, so a
    /// value whose text is known to pass the string limit fails first, in O(1).
    static func requestJSON(_ value: Value, span: SourceSpan) throws -> JSON {
        try checkRenderable(value, span: span)
        return value.json
    }

    /// A builder for text a script builds: at most the string limit, and the run's interruption
    /// (Ctrl-C, the case's timeout) stops it part-way.
    func textBuilder() -> TextBuilder {
        TextBuilder(limit: Interpreter.maximumTextSize, interruption: interruption)
    }

    /// The builder's text, or the error for why it stopped early.
    static func finished(_ builder: TextBuilder, span: SourceSpan) throws -> String {
        try check(builder.stop, span: span)
        return builder.text
    }

    /// The error for why building text stopped early, if it did.
    static func check(_ stop: TextBuilder.Stop?, span: SourceSpan) throws {
        switch stop {
        case nil: return
        case .tooLong: throw textTooLong(span)
        case .interrupted(let cause): throw interrupted(cause, at: span)
        }
    }

    /// `==` and friends: deep equality, stopped part-way by the run's interruption.
    func equal(_ a: Value, _ b: Value, span: SourceSpan) throws -> Bool {
        var poll = InterruptionPoll(interruption)
        return try equal(a, b, poll: &poll, span: span)
    }

    /// Deep equality sharing one poll with the comparisons around it (`contains` on a long list
    /// of small values polls every few thousand elements, not never).
    func equal(_ a: Value, _ b: Value, poll: inout InterruptionPoll, span: SourceSpan) throws -> Bool {
        do {
            return try a.deepEquals(b, poll: &poll)
        } catch {
            throw Interpreter.interrupted(error.cause, at: span)
        }
    }

    /// Throws when a new list or record is nested deeper than the limit. O(1): lists and records
    /// carry their depth (computed from their elements' depths when built).
    static func checkNesting(_ value: Value, span: SourceSpan) throws {
        guard value.nestingDepth > maximumValueDepth else { return }
        throw ScriptFailure.runtime("value nested too deeply (more than \(maximumValueDepth) levels of lists and records)", at: span,
                                    help: "build a flat list with + instead of wrapping a list in another")
    }
}

extension Value {
    /// How many levels of lists and records this value has (a scalar has 0). O(1) for values the
    /// script built; JSON from the API is walked (it is at most `JSON.maximumDepth` deep, and a
    /// response is walked once each time it is put into a new list or record).
    var nestingDepth: Int {
        switch self {
        case .list(let list): list.elementDepth + 1
        case .record(let record): record.valueDepth + 1
        case .object(let object): Value.nestingDepth(of: .object(object))
        case .array(let array): Value.nestingDepth(of: .array(array))
        default: 0
        }
    }

    /// The nesting depth of JSON kept inside a value (a response), iteratively.
    static func nestingDepth(of json: JSON) -> Int {
        var deepest = 0
        var pending: [(JSON, Int)] = [(json, 0)]
        while let (value, depth) = pending.popLast() {
            switch value {
            case .array(let elements):
                deepest = max(deepest, depth + 1)
                for element in elements { pending.append((element, depth + 1)) }
            case .object(let object):
                deepest = max(deepest, depth + 1)
                for entry in object { pending.append((entry.value, depth + 1)) }
            default: continue
            }
        }
        return deepest
    }

    var isContainer: Bool {
        switch self {
        case .list, .record, .object, .array: true
        default: false
        }
    }
}
