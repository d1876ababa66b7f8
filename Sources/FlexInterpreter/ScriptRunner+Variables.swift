// `--var NAME=VALUE`: a value typed the way a script would write it, so `--var total=$24.99`
// is 2499 and `--var customer=fcus_01…` is an ID.
import FlexLanguage

extension ScriptRunner {
    /// nil when the text is not `NAME=VALUE` with NAME an identifier.
    public static func parseVariable(_ text: String) -> (name: String, value: Value)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let name = String(text[..<equals])
        let raw = String(text[text.index(after: equals)...])
        func isLetter(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
        }
        guard let first = name.utf8.first, isLetter(first),
              name.utf8.allSatisfy({ isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }),
              FlexIDPrefix.prefix(of: name) == nil else { return nil }
        return (name, commandLineValue(raw))
    }

    /// Why `--var TEXT` cannot bind, in words; nil when it can (then `parseVariable` gives it).
    public static func variableProblem(_ text: String) -> String? {
        let name = String(text.prefix { $0 != "=" })
        guard parseVariable(text) != nil else {
            return "--var expects NAME=VALUE with NAME an identifier (not a Flex ID), got '\(text)'"
        }
        if name == "it" { return "--var cannot bind 'it': it is always the last statement's value; choose another name" }
        if Keyword(word: name).isReserved { return "--var cannot bind '\(name)': it is a reserved word; choose another name" }
        return nil
    }

    /// Integer, `$money`, true/false/null, a Flex ID, otherwise the text as a string.
    public static func commandLineValue(_ raw: String) -> Value {
        switch raw {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: break
        }
        if let integer = Int(raw) { return .integer(integer) }
        if raw.hasPrefix("$"), let cents = money(raw.dropFirst()) { return .integer(cents) }
        if FlexIDPrefix.prefix(of: raw) != nil { return .id(raw) }
        return .string(raw)
    }

    /// `24.99` → 2499, `24` → 2400, `0.5` → 50; nil for anything else (more than two decimals).
    static func money(_ text: Substring) -> Int? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]), whole >= 0, !parts[0].hasPrefix("+") else { return nil }
        var cents = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCII), let value = Int(fraction), value >= 0 else { return nil }
            cents = fraction.count == 1 ? value * 10 : value
        }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: 100)
        let (total, o2) = scaled.addingReportingOverflow(cents)
        return o1 || o2 ? nil : total
    }
}
