// Limits on the values a script can build, so a doubling loop or a list wrapped in itself a
// million times stops with an error instead of exhausting memory or the stack.
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
        guard size <= maximumTextSize else {
            throw ScriptFailure.runtime("string too long: \(size) bytes (at most \(maximumTextSize))", at: span)
        }
    }

    static func checkListSize(_ count: Int, span: SourceSpan) throws {
        guard count <= maximumListSize else {
            throw ScriptFailure.runtime("list too long: \(count) elements (at most \(maximumListSize))", at: span)
        }
    }

    /// Throws when a new list or record holding `elements` would nest deeper than the limit.
    static func checkNesting(_ elements: [Value], span: SourceSpan) throws {
        for element in elements where element.nestingDepth(limit: maximumValueDepth) >= maximumValueDepth {
            throw ScriptFailure.runtime("value nested too deeply (more than \(maximumValueDepth) levels of lists and records)", at: span,
                                        help: "build a flat list with + instead of wrapping a list in another")
        }
    }
}

extension Value {
    /// How many levels of lists and records this value has (a scalar has 0), counted no further
    /// than `limit`. Iterative, so it is safe on any value.
    func nestingDepth(limit: Int) -> Int {
        var deepest = 0
        var pending: [(Value, Int)] = [(self, 0)]
        while let (value, depth) = pending.popLast() {
            let children: [Value]
            switch value {
            case .list(let elements): children = elements
            case .record(let record): children = record.values
            case .object(let object):
                deepest = max(deepest, depth + Value.nestingDepth(of: .object(object)))
                continue
            case .array(let array):
                deepest = max(deepest, depth + Value.nestingDepth(of: .array(array)))
                continue
            default: continue
            }
            deepest = max(deepest, depth + 1)
            if deepest >= limit { return deepest }
            for child in children where child.isContainer { pending.append((child, depth + 1)) }
        }
        return deepest
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
