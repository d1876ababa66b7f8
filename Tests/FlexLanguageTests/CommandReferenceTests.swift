// The command reference in docs/language.md is generated from the command table; this fails when
// the committed text drifts. FLEX_UPDATE_DOCS=1 rewrites it instead of comparing.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
@testable import FlexLanguage
import Testing

@Suite struct CommandReferenceTests {
    static let begin = "<!-- BEGIN generated command reference: FLEX_UPDATE_DOCS=1 swift test --filter CommandReferenceTests -->\n"
    static let end = "<!-- END generated command reference -->\n"

    @Test func docsMatchTheTable() throws {
        let path = GoldenFiles.root + "/docs/language.md"
        let text = String(decoding: try #require(GoldenFiles.read(path)), as: UTF8.self)
        let start = try #require(text.firstRange(of: Self.begin), "docs/language.md has no generated-reference markers")
        let stop = try #require(text.firstRange(of: Self.end))
        let committed = String(text[start.upperBound..<stop.lowerBound])
        let generated = CommandReference.markdown()
        if getenv("FLEX_UPDATE_DOCS") != nil {
            let updated = String(text[..<start.upperBound]) + generated + String(text[stop.lowerBound...])
            #expect(GoldenFiles.write(path, Array(updated.utf8)))
            return
        }
        #expect(committed == generated,
                "docs/language.md's command reference is out of date: run FLEX_UPDATE_DOCS=1 swift test --filter CommandReferenceTests")
    }

    @Test func everyCommandIsDocumentedOnce() {
        let reference = CommandReference.markdown()
        for syntax in CommandTable.all {
            #expect(reference.contains("##### `\(syntax.displayPhrase)`"), "\(syntax.displayPhrase) is missing")
        }
    }

    @Test func everyPlaceholderIsFilledByAPositionalOrClause() {
        for syntax in CommandTable.all {
            for name in syntax.request?.placeholders ?? [] {
                #expect(syntax.positionals.contains { $0.name == name } || syntax.clause(named: name) != nil,
                        "\(syntax.displayPhrase): nothing fills {\(name)}")
            }
        }
    }

    @Test func unknownClauseSuggestsTheClauseForAFlexField() {
        let clauses = CommandTable.syntax(.checkoutCreate).clauses
        #expect(Checker.Pass.suggestedClause(for: "line_items", among: clauses) == "items")
        #expect(Checker.Pass.suggestedClause(for: "line_item", among: clauses) == "items")
        #expect(Checker.Pass.suggestedClause(for: "sucess", among: clauses) == "success")
    }

    @Test func theCheckerSuggestsTheClauseOfAFlexField() {
        let sources = SourceManager()
        let file = sources.add(path: "main.flex", text: "checkout items [fprice_A] line_items [fprice_A]\n")
        let parsed = Parser.parse(file)
        let diagnostics = parsed.diagnostics + Checker(sources: sources, loader: nil).check(parsed.program).diagnostics
        #expect(diagnostics.map(\.message) == ["unknown clause 'line_items' for 'checkout'"])
        #expect(diagnostics.first?.help == "did you mean 'items'?")
    }

    @Test func productIDsAreItemsInReimbursementModeOnly() {
        func diagnostics(_ text: String) -> [String] {
            let sources = SourceManager()
            let parsed = Parser.parse(sources.add(path: "main.flex", text: text))
            return (parsed.diagnostics + Checker(sources: sources, loader: nil).check(parsed.program).diagnostics).map(\.message)
        }
        #expect(diagnostics("checkout mode reimbursement items [fprod_x]\n").isEmpty)
        #expect(diagnostics("checkout items [fprod_x]\n") == ["expected a price ID (fprice_…), found a product ID"])
    }
}
