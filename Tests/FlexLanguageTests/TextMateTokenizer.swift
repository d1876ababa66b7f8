// A small TextMate tokenizer, enough to test editors/vscode/syntaxes/flex.tmLanguage.json the way
// VS Code, Sublime Text and GitHub's highlighter read it: `match` and `begin`/`end` rules with
// captures, `patterns`, `include` of `#name` and `$self`, `name` and `contentName`, one line at a
// time with the rule stack carried across lines. At each position the earliest match wins; on a
// tie the enclosing rule's `end` wins, then the first pattern in order (vscode-textmate's rules).
// ICU's regular expressions stand in for Oniguruma; the grammar avoids where they differ.
import Foundation

struct TextMateTokenizer {
    /// One rule of the grammar, its includes resolved when it is used.
    final class Rule {
        let name: String?
        let contentName: String?
        let match: NSRegularExpression?
        let begin: NSRegularExpression?
        let end: NSRegularExpression?
        let captures: [Int: String]
        let beginCaptures: [Int: String]
        let endCaptures: [Int: String]
        let include: String?
        let patterns: [Rule]

        init(_ json: [String: Any]) throws {
            func regex(_ key: String) throws -> NSRegularExpression? {
                guard let pattern = json[key] as? String else { return nil }
                return try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
            }
            func captures(_ key: String) -> [Int: String] {
                let entries = json[key] as? [String: [String: Any]] ?? [:]
                return Dictionary(uniqueKeysWithValues: entries.compactMap { key, value in
                    guard let index = Int(key), let name = value["name"] as? String else { return nil }
                    return (index, name)
                })
            }
            name = json["name"] as? String
            contentName = json["contentName"] as? String
            match = try regex("match")
            begin = try regex("begin")
            end = try regex("end")
            let shared = captures("captures")
            self.captures = shared
            beginCaptures = json["beginCaptures"] == nil ? shared : captures("beginCaptures")
            endCaptures = json["endCaptures"] == nil ? shared : captures("endCaptures")
            include = json["include"] as? String
            patterns = try (json["patterns"] as? [[String: Any]] ?? []).map(Rule.init)
        }
    }

    /// An open `begin`/`end` rule: its scopes apply to everything until its `end` matches.
    private struct Frame {
        let rule: Rule
        let scopes: [String]
    }

    let scopeName: String
    let root: Rule
    let repository: [String: Rule]

    init(grammar data: Data) throws {
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TokenizerError("the grammar is not a JSON object")
        }
        scopeName = json["scopeName"] as? String ?? ""
        root = try Rule(json)
        let entries = json["repository"] as? [String: [String: Any]] ?? [:]
        repository = try entries.mapValues(Rule.init)
    }

    /// The scopes of every UTF-16 unit of every line of `text` (newline excluded), outermost first.
    func scopes(of text: String) throws -> [[[String]]] {
        var stack = [Frame(rule: root, scopes: [scopeName])]
        return try text.components(separatedBy: "\n").map { line in
            try tokenize(line: line + "\n", stack: &stack).dropLast().map { $0 }
        }
    }

    private func tokenize(line: String, stack: inout [Frame]) throws -> [[String]] {
        let text = line as NSString
        var scopes = [[String]](repeating: [], count: text.length)
        var position = 0
        var steps = 0
        while position < text.length {
            steps += 1
            if steps > 100 * (text.length + 10) { throw TokenizerError("no progress at column \(position) of \(line)") }
            let frame = stack[stack.count - 1]
            guard let (rule, result, isEnd) = firstMatch(in: text, from: position, frame: frame) else {
                fill(&scopes, NSRange(location: position, length: text.length - position), frame.scopes)
                break
            }
            fill(&scopes, NSRange(location: position, length: result.range.location - position), frame.scopes)
            let matchEnd = result.range.location + result.range.length
            if isEnd {
                let outer = Array(frame.scopes.dropLast(frame.rule.contentName == nil ? 0 : 1))
                apply(result, captures: rule.endCaptures, base: outer, to: &scopes)
                stack.removeLast()
                position = matchEnd
                continue
            }
            guard result.range.length > 0 else {
                // A rule that matches nothing would match again here for ever: skip a character.
                if rule.begin != nil { throw TokenizerError("a begin pattern matched nothing at column \(position) of \(line)") }
                fill(&scopes, NSRange(location: position, length: 1), frame.scopes)
                position += 1
                continue
            }
            let ruleScopes = frame.scopes + (rule.name.map { [$0] } ?? [])
            if rule.begin != nil {
                apply(result, captures: rule.beginCaptures, base: ruleScopes, to: &scopes)
                stack.append(Frame(rule: rule, scopes: ruleScopes + (rule.contentName.map { [$0] } ?? [])))
            } else {
                apply(result, captures: rule.captures, base: ruleScopes, to: &scopes)
            }
            position = matchEnd
        }
        return scopes
    }

    /// The earliest match among the frame's `end` and its patterns; `end` first on a tie.
    private func firstMatch(in text: NSString, from position: Int, frame: Frame) -> (Rule, NSTextCheckingResult, Bool)? {
        let range = NSRange(location: position, length: text.length - position)
        let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
        var best: (Rule, NSTextCheckingResult, Bool)?
        if let end = frame.rule.end, let result = end.firstMatch(in: text as String, options: options, range: range) {
            best = (frame.rule, result, true)
        }
        for rule in expand(frame.rule.patterns) {
            guard let regex = rule.match ?? rule.begin,
                  let result = regex.firstMatch(in: text as String, options: options, range: range) else { continue }
            if best == nil || result.range.location < best!.1.range.location { best = (rule, result, false) }
        }
        return best
    }

    /// Patterns with includes replaced by what they name, in order.
    private func expand(_ patterns: [Rule], depth: Int = 0) -> [Rule] {
        patterns.flatMap { rule -> [Rule] in
            guard depth < 20 else { return [] }
            if let include = rule.include {
                if include == "$self" { return expand(root.patterns, depth: depth + 1) }
                guard include.hasPrefix("#"), let target = repository[String(include.dropFirst())] else { return [] }
                return target.match == nil && target.begin == nil ? expand(target.patterns, depth: depth + 1) : [target]
            }
            return rule.match == nil && rule.begin == nil ? expand(rule.patterns, depth: depth + 1) : [rule]
        }
    }

    private func apply(_ result: NSTextCheckingResult, captures: [Int: String], base: [String], to scopes: inout [[String]]) {
        fill(&scopes, result.range, base)
        for (index, name) in captures.sorted(by: { $0.key < $1.key }) where index < result.numberOfRanges {
            let range = result.range(at: index)
            guard range.location != NSNotFound else { continue }
            for unit in range.location..<(range.location + range.length) where unit < scopes.count {
                scopes[unit].append(name)
            }
        }
    }

    private func fill(_ scopes: inout [[String]], _ range: NSRange, _ value: [String]) {
        guard range.length > 0 else { return }
        for unit in range.location..<min(range.location + range.length, scopes.count) { scopes[unit] = value }
    }
}

struct TokenizerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
