// The editor grammar (editors/vscode/syntaxes/flex.tmLanguage.json) against the language: every
// example tokenizes with no invalid scope, sample tokens get their scopes, and every reserved word,
// command phrase, clause, built-in and ID prefix of the tables is known to the grammar, so a word
// added to the language without the grammar fails here. The Sublime Text copy (flex.tmLanguage,
// a property list) is generated from the JSON; FLEX_UPDATE_GRAMMAR=1 rewrites it.
import Foundation
@testable import FlexLanguage
import Testing

@Suite struct GrammarTests {
    static let grammarPath = GoldenFiles.root + "/editors/vscode/syntaxes/flex.tmLanguage.json"
    static let plistPath = GoldenFiles.root + "/editors/vscode/syntaxes/flex.tmLanguage"

    static func tokenizer() throws -> TextMateTokenizer {
        try TextMateTokenizer(grammar: try data(grammarPath))
    }

    static func data(_ path: String) throws -> Data {
        guard let bytes = GoldenFiles.read(path) else { throw TokenizerError("cannot read \(path)") }
        return Data(bytes)
    }

    static func jsonObject(_ path: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: try data(path)) as? [String: Any] else {
            throw TokenizerError("\(path) is not a JSON object")
        }
        return object
    }

    /// The scopes of the first character of `token`, found after `context` in `text`.
    static func scopes(of token: String, after context: String = "", in text: String, using tokenizer: TextMateTokenizer) throws -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let lineIndex = lines.firstIndex(where: { $0.contains(context + token) || (context.isEmpty && $0.contains(token)) }) else {
            throw TokenizerError("'\(context + token)' is not in the text")
        }
        let line = lines[lineIndex] as NSString
        let column = line.range(of: context + token).location + (context as NSString).length
        return try tokenizer.scopes(of: text)[lineIndex][column]
    }

    static func examples() throws -> [(name: String, text: String)] {
        let directory = GoldenFiles.root + "/examples"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".flex") }.sorted()
        return try names.map { ($0, try String(contentsOfFile: directory + "/" + $0, encoding: .utf8)) }
    }

    @Test func everyExampleTokenizesWithoutAnInvalidScope() throws {
        let tokenizer = try Self.tokenizer()
        let examples = try Self.examples()
        #expect(examples.count >= 10)
        for example in examples {
            let lines = try tokenizer.scopes(of: example.text)
            for (number, line) in lines.enumerated() {
                let invalid = line.filter { $0.contains { $0.hasPrefix("invalid") } }
                #expect(invalid.isEmpty, "\(example.name):\(number + 1) has an invalid scope")
            }
        }
    }

    @Test(arguments: [
        // (token, what comes before it on its line, a scope it must have)
        ("let", "", "storage.type.flex"),
        ("thermo", "let ", "variable.other.declaration.flex"),
        ("product", "= ", "support.function.command.flex"),
        ("eligible", "thermometer\" ", "entity.other.attribute-name.clause.flex"),
        ("$24.99", "price ", "constant.numeric.money.flex"),
        ("\"Digital", "product ", "string.quoted.double.flex"),
        ("x2", "thermo ", "keyword.operator.quantity.flex"),
        ("items", "checkout ", "entity.other.attribute-name.clause.flex"),
        ("# Quickstart", "", "comment.line.number-sign.flex"),
        ("status", "expect s.", "variable.other.property.flex"),
        ("expect", "", "keyword.other.flex"),
        ("==", "s.status ", "keyword.operator.comparison.flex"),
        ("matches", "s.id ", "keyword.operator.word.flex"),
        ("dollars", "${", "support.function.builtin.flex"),
        ("dollars", "${", "meta.interpolation.flex"),
        ("${", "of ", "punctuation.section.interpolation.begin.flex"),
        ("pay", "= ", "support.function.command.flex"),
        ("with card", "pay s ", "entity.other.attribute-name.clause.flex"),
        ("hsa", "4242\" ", "entity.other.attribute-name.clause.flex"),
        ("sim events", "(", "support.function.command.flex"),
        ("for", "sim events ", "entity.other.attribute-name.clause.flex"),
        ("-1", "s)[", "keyword.operator.arithmetic.flex"),
    ])
    func quickstartTokensGetTheirScopes(token: String, context: String, scope: String) throws {
        let examples = try Self.examples()
        let text = try #require(examples.first { $0.name == "quickstart.flex" }?.text)
        let scopes = try Self.scopes(of: token, after: context, in: text, using: try Self.tokenizer())
        #expect(scopes.contains(scope), "'\(token)' after '\(context)' has \(scopes)")
    }

    @Test(arguments: [
        ("let c = customer create email \"a@b.co\" # note", "create", "support.function.command.flex"),
        ("let c = customer create email \"a@b.co\" # note", "email", "entity.other.attribute-name.clause.flex"),
        ("let c = customer create email \"a@b.co\" # note", "# note", "comment.line.number-sign.flex"),
        ("let customer = 1", "customer", "variable.other.declaration.flex"),
        ("print customer.email", "email", "variable.other.property.flex"),
        ("expect error card_declined: pay s", "error", "keyword.other.expect.flex"),
        ("expect error == null", "error", "source.flex"),
        ("let id = fcus_01JV8Q9SPDQ6PSRSN85FXY924N", "fcus_", "constant.other.flex-id.flex"),
        ("let id = fcus_a_b", "fcus_", "source.flex"),
        ("wait until refresh(r).status == \"succeeded\" every 1h timeout 2d", "every", "keyword.control.wait.flex"),
        ("wait until refresh(r).status == \"succeeded\" every 1h timeout 2d", "1h", "constant.numeric.duration.flex"),
        ("wait until refresh(r).status == \"succeeded\" every 1h timeout 2d", "refresh", "support.function.builtin.flex"),
        ("def saved(pm) { return pm.off_session }", "saved", "entity.name.function.flex"),
        ("def saved(pm) { return pm.off_session }", "return", "keyword.control.flow.flex"),
        ("let r = {email: \"x\", n: 0.5}", "email", "variable.other.property.key.flex"),
        ("let r = {email: \"x\", n: 0.5}", "0.5", "constant.numeric.decimal.flex"),
        ("print \"a \\n b \\q\"", "\\n", "constant.character.escape.flex"),
        ("print \"a \\n b \\q\"", "\\q", "invalid.illegal.escape.flex"),
        ("print \"${ {a: 1}.a } done\"", "done", "string.quoted.double.flex"),
        ("scenario \"split\" { let n = 3 }", "scenario", "keyword.other.scenario.flex"),
        ("include \"setup.flex\"", "include", "keyword.control.import.flex"),
        ("let ok = it.code", "it", "variable.language.it.flex"),
        ("let s = checkout items [thermo x2,", "x2", "keyword.operator.quantity.flex"),
    ])
    func sampleLinesGetTheirScopes(line: String, token: String, scope: String) throws {
        let scopes = try Self.scopes(of: token, after: "", in: line, using: try Self.tokenizer())
        #expect(scopes.contains(scope) || (scope == "source.flex" && scopes == ["source.flex"]), "'\(token)' in '\(line)' has \(scopes)")
    }

    @Test func everyWordOfTheLanguageTablesIsInTheGrammar() throws {
        let tokenizer = try Self.tokenizer()
        func scopes(_ line: String, _ token: String) throws -> [String] {
            try Self.scopes(of: token, after: "", in: line, using: tokenizer)
        }
        for keyword in Keyword.allCases where keyword != .none {
            let word = "\(keyword)"
            let found = try scopes(Self.sampleLine(for: keyword), word)
            #expect(found.contains { $0.hasPrefix("keyword.") || $0.hasPrefix("constant.language") || $0.hasPrefix("variable.language") || $0.hasPrefix("storage.") },
                    "the keyword '\(word)' is missing from the grammar: \(found)")
        }
        for phrase in Set(CommandTable.all.flatMap(\.phrases).map { $0.joined(separator: " ") }) {
            let found = try scopes("let v = \(phrase)", phrase)
            #expect(found.contains("support.function.command.flex"), "the command '\(phrase)' is missing from the grammar: \(found)")
        }
        for clause in Set(CommandTable.all.flatMap(\.clauses).map(\.name)) {
            let found = try scopes("let v = api \(clause) 1", clause)
            let isKeyword = found.contains { $0.hasPrefix("keyword.") }
            #expect(found.contains("entity.other.attribute-name.clause.flex") || isKeyword,
                    "the clause '\(clause)' is missing from the grammar: \(found)")
        }
        for builtin in Builtins.all {
            let found = try scopes("print \(builtin.name)(x)", builtin.name)
            #expect(found.contains("support.function.builtin.flex"), "the built-in '\(builtin.name)' is missing from the grammar")
        }
        for prefix in FlexIDPrefix.all {
            let found = try scopes("print \(prefix)01JV8Q", prefix)
            #expect(found.contains("constant.other.flex-id.flex"), "the ID prefix '\(prefix)' is missing from the grammar")
        }
    }

    /// A line in which `keyword` is one: `wait` and `until` only together, `error` after `expect`.
    static func sampleLine(for keyword: Keyword) -> String {
        switch keyword {
        case .wait, .until: return "wait until done every 1s"
        case .error: return "expect error: customers"
        case .def: return "def f(x) { return x }"
        case .let: return "let y = 1"
        default: return "x \(keyword) y"
        }
    }

    /// Sublime Text reads grammars as property lists; the copy must say what the JSON says.
    @Test func theSublimeTextGrammarMatchesTheJSON() throws {
        let generated = PropertyListText.document(try Self.jsonObject(Self.grammarPath))
        if ProcessInfo.processInfo.environment["FLEX_UPDATE_GRAMMAR"] != nil {
            #expect(GoldenFiles.write(Self.plistPath, Array(generated.utf8)))
            return
        }
        let committed = String(decoding: try Self.data(Self.plistPath), as: UTF8.self)
        #expect(committed == generated, "editors/vscode/syntaxes/flex.tmLanguage is out of date: run FLEX_UPDATE_GRAMMAR=1 swift test --filter GrammarTests")
    }

    @Test func theExtensionManifestPointsAtTheGrammar() throws {
        let manifestPath = GoldenFiles.root + "/editors/vscode/package.json"
        let manifest = try Self.jsonObject(manifestPath)
        let contributes = try #require(manifest["contributes"] as? [String: Any])
        let grammar = try #require((contributes["grammars"] as? [[String: Any]])?.first)
        #expect(grammar["scopeName"] as? String == "source.flex")
        #expect(grammar["path"] as? String == "./syntaxes/flex.tmLanguage.json")
        let configurationPath = GoldenFiles.root + "/editors/vscode/language-configuration.json"
        let configuration = try Self.jsonObject(configurationPath)
        #expect((configuration["comments"] as? [String: String])?["lineComment"] == "#")
    }
}
