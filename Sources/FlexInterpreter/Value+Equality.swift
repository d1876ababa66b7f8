// Deep equality for `==`, `contains` and `in`: an ID equals a string with the same text, numbers
// compare by value (2 == 2.0), records compare as key sets (order does not matter).
import FlexLanguage

/// The run was interrupted (Ctrl-C, a test case's timeout) while comparing two large values.
struct ComparisonInterrupted: Error {
    var cause: Interruption.Cause
}

extension Value {
    /// Structural equality, with nothing polled: for small values and diagnostics.
    func deepEquals(_ other: Value) -> Bool {
        var poll = InterruptionPoll(nil)
        return (try? deepEquals(other, poll: &poll)) ?? false
    }

    /// Structural equality that looks at the run's interruption every few thousand elements:
    /// two large values that share parts (a list doubled into itself) can take long to compare.
    /// One poll can span several comparisons (`contains` on a long list).
    func deepEquals(_ other: Value, poll: inout InterruptionPoll) throws(ComparisonInterrupted) -> Bool {
        if let cause = poll.tick() { throw ComparisonInterrupted(cause: cause) }
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal):
            return Value.compareNumbers(self, other) == 0
        case (.string(let a), .string(let b)), (.id(let a), .id(let b)), (.string(let a), .id(let b)), (.id(let a), .string(let b)):
            return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.function(let a), .function(let b)): return a === b
        case (.list(let a), .list(let b)) where a.sharesStorage(with: b): return true
        default:
            if let a = listElements, let b = other.listElements {
                guard a.count == b.count else { return false }
                for (x, y) in zip(a, b) where !(try x.deepEquals(y, poll: &poll)) { return false }
                return true
            }
            if let a = recordEntries, let b = other.recordEntries {
                guard a.count == b.count else { return false }
                for (key, value) in a {
                    guard let match = b.first(where: { $0.key == key }),
                          try value.deepEquals(match.value, poll: &poll) else { return false }
                }
                return true
            }
            return false
        }
    }

    /// -1, 0 or 1 for two numbers (integers or decimals), compared exactly; nil when either is
    /// not a number or the comparison would overflow.
    static func compareNumbers(_ a: Value, _ b: Value) -> Int? {
        guard let x = a.asDecimal, let y = b.asDecimal else { return nil }
        guard let (p, q) = DecimalLiteral.aligned(x, y) else { return nil }
        return p < q ? -1 : (p == q ? 0 : 1)
    }

    var asDecimal: DecimalLiteral? {
        switch self {
        case .integer(let i): DecimalLiteral(significand: i, scale: 0)
        case .decimal(let d): d
        default: nil
        }
    }
}

extension DecimalLiteral {
    /// Both significands brought to the larger scale; nil on overflow.
    static func aligned(_ a: DecimalLiteral, _ b: DecimalLiteral) -> (Int, Int)? {
        let scale = max(a.scale, b.scale)
        guard let x = a.significand(atScale: scale), let y = b.significand(atScale: scale) else { return nil }
        return (x, y)
    }

    func significand(atScale target: Int) -> Int? {
        var value = significand
        var current = scale
        while current < target {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = times
            current += 1
        }
        return value
    }

    /// Drops trailing zeros after the point (`2.50` → `2.5`; `3.0` → `3`).
    var normalized: DecimalLiteral {
        var result = self
        while result.scale > 0, result.significand % 10 == 0 {
            result.significand /= 10
            result.scale -= 1
        }
        return result
    }
}
