// Checker rules, each on a small source run through the real parser.
import Testing
@testable import FlexLanguage

/// Files held in memory; paths resolve against the including file's directory, like the CLI's loader.
struct MemorySourceLoader: SourceLoader {
    var files: [String: String]

    func load(_ path: String, relativeTo includingPath: String) -> (canonicalPath: String, bytes: [UInt8])? {
        var parts = path.hasPrefix("/") ? [] : includingPath.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(part))
            }
        }
        let canonical = parts.joined(separator: "/")
        return files[canonical].map { (canonical, Array($0.utf8)) }
    }
}

@Suite struct CheckerTests {
    struct Outcome {
        var diagnostics: [Diagnostic]
        var result: CheckResult
        var sources: SourceManager
        var messages: [String] { diagnostics.map(\.message) }
        var helps: [String?] { diagnostics.map(\.help) }
    }

    func check(_ text: String, files: [String: String] = [:], predefined: Set<String> = []) -> Outcome {
        let sources = SourceManager()
        let file = sources.add(path: "main.flex", text: text)
        let parsed = Parser.parse(file)
        let checker = Checker(sources: sources, loader: MemorySourceLoader(files: files), predefined: predefined)
        let result = checker.check(parsed.program)
        return Outcome(diagnostics: parsed.diagnostics + result.diagnostics, result: result, sources: sources)
    }

    /// The one message `text` produces (a test fails when it produces none or several).
    func message(_ text: String, predefined: Set<String> = []) -> String? {
        let outcome = check(text, predefined: predefined)
        #expect(outcome.diagnostics.count == 1, "\(outcome.messages)")
        return outcome.messages.first
    }

    func location(_ outcome: Outcome, _ index: Int = 0) -> String {
        guard let span = outcome.diagnostics[index].span, let file = outcome.sources.file(span.file) else { return "-" }
        return "\(file.path):\(file.location(of: span.start)):\(span.end - span.start)"
    }

    // MARK: - Commands

    @Test func validScriptHasNoDiagnostics() {
        let outcome = check("""
            let thermo = product "Digital thermometer" eligible price $24.99
            let s = checkout items [thermo x2] save_card success "https://shop.example/ok"
            expect s.status == "open"
            let paid = pay s with card "4242 4242 4242 4242" hsa
            let pm = (payment_methods of paid.customer)[0]
            let c = charge customer paid.customer with pm items [thermo x1]
            expect c.mode == "off_session" and c.amount_total == $24.99
            refund paid amount $5
            customer create email "a@b.co" fields { metadata: { order: "7" } }
            clock advance 2h
            """)
        #expect(outcome.messages == [])
    }

    @Test func wordsAreNotVariables() {
        let outcome = check("""
            api GET "/v1/customers"
            api POST "/v1/customers" { customer: { email: "a@b.co" } }
            sim snapshot before
            sim restore before
            decline next 2 charges with insufficient_funds
            fail next 2 requests with 503 code "rate_limited"
            let pr = price create product fprod_x amount $5 recurring monthly
            pay fcs_x with card "4000 0000 0000 9995" fsa lmn approved email "a@b.co"
            events type "payment_intent.succeeded" for fcs_x
            """)
        #expect(outcome.messages == [])
        #expect(message("api GTE \"/v1/customers\"\n") == "unknown method 'GTE' for 'api'")
        #expect(message("pay fcs_x with card \"4242\" lmn aproved\n") == "unknown lmn 'aproved' for 'pay'")
    }

    @Test func flagGivenAValue() {
        // The parser never reads a value after a flag, so give the parsed flag the value a future
        // syntax could: the `true` of the second statement, at the offsets it would have.
        let sources = SourceManager()
        let file = sources.add(path: "main.flex", text: "checkout items [fprice_x] save_card;true\n")
        let program = Parser.parse(file).program
        let tree = program.statements.tree
        guard case .expression(let command) = tree.records.statements[Int(tree.records.lists[0])].node,
              case .command(let commandIndex) = tree.node(command),
              case .expression(let flagValue) = tree.records.statements[Int(tree.records.lists[1])].node else {
            Issue.record("unexpected parse")
            return
        }
        let flag = Int(tree.records.commands[Int(commandIndex)].clauses.first) + 1
        #expect(tree.string(tree.records.clauses[flag].name) == "save_card")
        tree.records.clauses[flag].value = .expression(flagValue)
        let firstStatement = NodeList<Statement>(tree, NodeRange(first: 0, count: 1))
        let result = Checker(sources: sources, loader: nil).check(Program(file: file.id, statements: firstStatement))
        #expect(result.diagnostics.map(\.message) == ["'save_card' takes no value"])
        #expect(result.diagnostics.first?.span == SourceSpan(file: file.id, start: 36, end: 40))
    }

    @Test func unknownCommandSuggestsThePhrase() {
        let outcome = check("customer craete email \"a@b.co\"\n")
        #expect(outcome.messages == ["unknown command 'customer craete'"])
        #expect(outcome.helps == ["did you mean 'customer create'?"])
        let misspelledLead = check("cusomer create email \"a@b.co\"\n")
        #expect(misspelledLead.messages == ["unknown command 'cusomer create'"])
        #expect(misspelledLead.helps == ["did you mean 'customer create'?"])
    }

    @Test func unknownClauseSuggestsAClauseOfThatCommand() {
        let outcome = check("customer create emial \"a@b.co\"\n")
        #expect(outcome.messages == ["unknown clause 'emial' for 'customer create'"])
        #expect(outcome.helps == ["did you mean 'email'?"])
        #expect(location(outcome) == "main.flex:1:17:5")
    }

    @Test func duplicateClausePointsAtTheFirst() {
        let outcome = check("customer create email \"a@b.co\" email \"c@d.co\"\n")
        #expect(outcome.messages == ["duplicate clause 'email'"])
        #expect(location(outcome) == "main.flex:1:32:5")
        #expect(outcome.diagnostics.first?.notes.first?.span?.start == 16)
    }

    @Test func exclusiveClausesCannotBeCombined() {
        #expect(message("pay fcs_x with card \"4242 4242 4242 4242\" hsa fsa\n") == "'hsa' and 'fsa' cannot be used together")
        #expect(message("product \"Mug\" eligible not_eligible price $9\n") == "'eligible' and 'not_eligible' cannot be used together")
    }

    @Test func missingRequiredClauseShowsAnExample() {
        let outcome = check("checkout success \"https://x\"\n")
        #expect(outcome.messages == ["'checkout' needs an 'items' clause"])
        #expect(outcome.helps == ["for example: checkout items [price x1]"])
        #expect(message("product \"Mug\" eligible\n") == "'product' needs a 'price' clause")
        #expect(message("decline next 2\n") == "'decline next' needs a 'charges' clause")
        #expect(check("pay fcs_x hsa\n").helps == ["for example: pay fcs_… with card \"…\""])
        #expect(check("product \"Mug\" eligible\n").helps == ["for example: product \"…\" price $24.99"])
    }

    @Test func misspeltTwoWordClauseIsOneErrorWithASuggestion() {
        for (source, clause) in [("pay fcs_x with crd \"4242\"\n", "with crd"), ("pay fcs_x wth card \"4242\"\n", "wth card"),
                                 ("pay fcs_x with card \"4242\" splt card \"5555\"\n", "splt card")] {
            let outcome = check(source)
            #expect(outcome.messages == ["unknown clause '\(clause)' for 'pay'"], "\(source)")
            #expect(outcome.helps.first??.hasPrefix("did you mean '") == true, "\(source)")
        }
        // A second word that is itself a clause stays a clause: `with` alone is the unknown one.
        #expect(check("pay fcs_x with hsa\n").messages.prefix(1) == ["unknown clause 'with' for 'pay'"])
        // A one-word clause named like a two-word one's first word takes its value as before.
        #expect(check("charge customer fcus_x with fpm_x items [fprice_x x1]\n").messages == [])
    }

    @Test func missingPositional() {
        let outcome = check("customer get\n")
        #expect(outcome.messages == ["'customer get' needs a customer ID (fcus_…)"])
        #expect(outcome.helps == ["for example: customer get fcus_…"])
        #expect(message("clock advance\n") == "'clock advance' needs a duration")
        #expect(check("fail next with 503\n").messages == [])
    }

    @Test func bareDecimalWhereMoneyIsExpected() {
        let outcome = check("let p = product \"Mug\" price 24.99\n")
        #expect(outcome.messages == ["expected money, found the decimal 24.99"])
        #expect(outcome.helps == ["write money as $24.99 (or 2499 cents)"])
        #expect(check("refund fcs_x amount 0.5\n").helps == ["write money as $0.50 (or 50 cents)"])
        #expect(check("refund fcs_x amount 1.125\n").helps == ["money has at most two decimal places: write it like $24.99 (or 2499 cents)"])
        #expect(check("refund fcs_x amount 2499\n").messages == [])
    }

    @Test func stringWhereANumberIsExpected() {
        #expect(message("price create product fprod_x amount \"5\"\n") == "expected money, found a string")
        let outcome = check("customers limit \"10\"\n")
        #expect(outcome.messages == ["expected an integer, found a string"])
        #expect(outcome.helps == ["remove the quotes: 10"])
        #expect(message("clock advance \"1h\"\n") == "expected a duration, found a string")
    }

    @Test func numberWhereAStringIsExpected() {
        let outcome = check("customer create email 42\n")
        #expect(outcome.messages == ["expected a string, found the integer 42"])
        #expect(outcome.helps == ["put it in quotes: \"42\""])
    }

    @Test func wordOutsideItsChoicesSuggestsOne() {
        let outcome = check("checkout items [fprice_x] mode of_session\n")
        #expect(outcome.messages == ["unknown mode 'of_session' for 'checkout'"])
        #expect(outcome.helps == ["did you mean 'off_session'?"])
        let unrelated = check("checkout items [fprice_x] capture later\n")
        #expect(unrelated.helps == ["expected one of: manual, automatic"])
        #expect(check("checkout items [fprice_x] mode \"setup\" capture manual\n").messages == [])
    }

    @Test func idWithTheWrongPrefix() {
        let outcome = check("customer get fprice_x\n")
        #expect(outcome.messages == ["expected a customer ID (fcus_…), found a price ID"])
        #expect(message("checkout items [fprod_x x2]\n") == "expected a price ID (fprice_…), found a product ID")
        #expect(message("expire fevt_x\n") == "expected a checkout session ID (fcs_…), found an event ID")
    }

    @Test func computedValuesAreNotJudged() {
        #expect(check("let a = 24.99\nlet p = product \"Mug\" price a\ncustomer get a\n").messages == [])
    }

    // MARK: - Names

    @Test func undefinedVariableSuggestsANameInScope() {
        let outcome = check("let thermo = 1\nprint thremo\n")
        #expect(outcome.messages == ["'thremo' is not defined"])
        #expect(outcome.helps == ["did you mean 'thermo'?"])
        #expect(location(outcome) == "main.flex:2:7:6")
    }

    @Test func letBindsFromTheNextStatement() {
        #expect(message("let x = x + 1\n") == "'x' is not defined")
        #expect(message("print y\nlet y = 1\n") == "'y' is not defined")
        #expect(check("let x = 1\nlet x = x + 1\nx = x * 2\nprint x\n").messages == [])
    }

    @Test func blockScopesEndAtTheirBrace() {
        #expect(message("if true { let y = 1 }\nprint y\n") == "'y' is not defined")
        #expect(message("for v in [1, 2] { print v }\nprint v\n") == "'v' is not defined")
        #expect(check("let n = 0\nrepeat 3 { n = n + 1\nlet m = n\nprint m }\n").messages == [])
    }

    @Test func itAndPredefinedNamesAreAlwaysBound() {
        #expect(check("print it\n").messages == [])
        #expect(check("print base_url\n", predefined: ["base_url"]).messages == [])
    }

    @Test func assignmentNeedsAnExistingBinding() {
        #expect(message("count = 1\n") == "'count' is not defined; use 'let count = …' to create it")
        #expect(check("let total = 0\ntotl = 1\n").helps == ["did you mean 'total'?"])
    }

    @Test func variableNamedLikeAFlexID() {
        let outcome = check("let fcus_x = 1\n")
        #expect(outcome.messages == ["'fcus_x' looks like a customer ID, so it cannot name a variable"])
        #expect(outcome.helps == ["pick a name without the 'fcus_' prefix"])
    }

    // MARK: - Functions

    @Test func functionsAreHoistedAndMayRecurse() {
        let outcome = check("""
            print fact(5)
            def fact(n) {
                if n <= 1 { return 1 }
                return n * fact(n - 1)
            }
            let limit = 3
            def uses_global() { return limit }
            """)
        #expect(outcome.messages == [])
    }

    @Test func filterAndFindTakeADefByName() {
        #expect(check("def saved(x) { return x }\nprint filter([1], saved), find([1], saved)\n").messages == [])
        // Only where a function goes: elsewhere a def's bare name is still an error.
        #expect(check("def saved(x) { return x }\nprint filter(saved, saved)\n").messages == ["'saved' is not defined"])
        #expect(check("print filter([1], len)\n").messages == ["'len' is not defined"])
        #expect(check("print filter([1], nothing)\n").messages == ["'nothing' is not defined"])
    }

    @Test func unknownFunctionAndArity() {
        let outcome = check("print lenn([1])\n")
        #expect(outcome.messages == ["unknown function 'lenn'"])
        #expect(outcome.helps == ["did you mean 'len'?"])
        #expect(message("print len(1, 2)\n") == "'len' takes 1 argument, but 2 were given")
        #expect(message("print env()\n") == "'env' takes 1 or 2 arguments, but 0 were given")
        #expect(message("def f(a, b) { return a }\nprint f(1)\n") == "'f' takes 2 arguments, but 1 was given")
        #expect(check("print g(1, 2, 3)\n", predefined: ["g"]).messages == [])
        // A def from an earlier REPL entry is a predefined name: a typo of it still gets a did-you-mean.
        #expect(check("print gret(1)\n", predefined: ["greet"]).helps == ["did you mean 'greet'?"])
        #expect(check("print totl(1)\ndef total(x) { return x }\n").helps == ["did you mean 'total'?"])
        #expect(check("print fitler([1], 2)\n").helps == ["did you mean 'filter'?"])
    }

    @Test func functionNameUsedAsAVariable() {
        let outcome = check("def f() { return 1 }\nprint f\n")
        #expect(outcome.helps == ["'f' is a function; call it as f(…)"])
    }

    @Test func returnOutsideADef() {
        #expect(message("return 1\n") == "'return' is only allowed inside a 'def'")
        #expect(message("if true { return }\n") == "'return' is only allowed inside a 'def'")
    }

    @Test func duplicateParameters() {
        let outcome = check("def f(a, a) { return a }\n")
        #expect(outcome.messages == ["duplicate parameter 'a'"])
        #expect(outcome.diagnostics.first?.notes.count == 1)
    }

    @Test func redefinitions() {
        #expect(message("def f() { return 1 }\ndef f() { return 2 }\n") == "function 'f' is already defined")
        #expect(message("def len(x) { return 1 }\n") == "'len' is a built-in function and cannot be redefined")
    }

    // MARK: - Scenarios

    @Test func scenariosOnlyAtTopLevel() {
        #expect(message("if true { scenario \"a\" { print 1 } }\n") == "'scenario' is only allowed at the top level of a file")
    }

    @Test func duplicateScenarioNames() {
        #expect(message("scenario \"a\" { print 1 }\nscenario \"a\" { print 2 }\n") == "duplicate scenario name 'a'")
    }

    @Test func setupComesBeforeTheFirstScenario() {
        #expect(check("let x = 1\nscenario \"a\" { print x }\nscenario \"b\" { print x }\ndef f() { return 1 }\n").messages == [])
        #expect(message("scenario \"a\" { print 1 }\nprint 2\n") == "statements after the first scenario must be inside a scenario")
        #expect(message("scenario \"a\" { let y = 1 }\nscenario \"b\" { print y }\n") == "'y' is not defined")
    }

    // MARK: - Includes

    @Test func includedNamesAreVisibleAfterTheInclude() {
        let files = ["lib/setup.flex": "let price = product \"Mug\" eligible price $9\ndef twice(x) { return x * 2 }\n"]
        let outcome = check("include \"lib/setup.flex\"\nprint twice(price)\n", files: files)
        #expect(outcome.messages == [])
        #expect(outcome.result.includes.count == 1)
        #expect(outcome.result.includes.values.first?.statements.count == 2)
        #expect(check("print price\ninclude \"lib/setup.flex\"\n", files: files).messages == ["'price' is not defined"])
    }

    @Test func eachFileIsIncludedOnce() {
        let files = ["a.flex": "include \"c.flex\"\n", "b.flex": "include \"./c.flex\"\n", "c.flex": "let c = 1\n"]
        let outcome = check("include \"a.flex\"\ninclude \"b.flex\"\ninclude \"c.flex\"\nprint c\n", files: files)
        #expect(outcome.messages == [])
        #expect(outcome.result.includes.count == 3)
        #expect(outcome.sources.file(atPath: "c.flex") != nil)
    }

    @Test func includeOnlyAtTopLevel() {
        #expect(message("if true { include \"x.flex\" }\n") == "'include' is only allowed at the top level of a file")
    }

    @Test func missingInclude() {
        let outcome = check("include \"nope.flex\"\n")
        #expect(outcome.messages == ["cannot find included file 'nope.flex'"])
        #expect(location(outcome) == "main.flex:1:9:11")
        let sources = SourceManager()
        let file = sources.add(path: "<stdin>", text: "include \"x.flex\"\n")
        let result = Checker(sources: sources, loader: nil).check(Parser.parse(file).program)
        #expect(result.diagnostics.map(\.message) == ["cannot find included file 'x.flex'"])
    }

    @Test func includeCycleListsTheChain() {
        let files = ["main.flex": "include \"a.flex\"\n", "a.flex": "include \"b.flex\"\n", "b.flex": "include \"main.flex\"\n"]
        let outcome = check("include \"a.flex\"\n", files: files)
        #expect(outcome.messages == ["include cycle: 'main.flex' is already being included"])
        #expect(outcome.diagnostics.first?.notes.map(\.message) == ["include chain: main.flex → a.flex → b.flex → main.flex"])
        #expect(location(outcome) == "b.flex:1:9:11")
    }

    @Test func parseErrorsOfIncludedFilesAreReported() {
        let outcome = check("include \"bad.flex\"\n", files: ["bad.flex": "let = 1\n"])
        #expect(outcome.diagnostics.count == 1)
        #expect(outcome.diagnostics.first?.span?.file != FileID(rawValue: 0))
    }

    @Test func includedFileCannotHoldScenarios() {
        let outcome = check("include \"s.flex\"\n", files: ["s.flex": "scenario \"x\" { print 1 }\n"])
        #expect(outcome.messages == ["an included file cannot contain scenarios"])
    }

    // MARK: - Robustness

    @Test func brokenDefinitionsDoNotCascade() {
        #expect(check("let total = 2 +\nprint total\n").diagnostics.count == 1)
        #expect(check("let total = (1\nprint total\n").diagnostics.count == 1)
        #expect(check("def f(a { return a }\nprint f(1)\n").diagnostics.count == 1)
        #expect(check("for x in { print x }\n").diagnostics.count == 1)
    }

    @Test func everyProblemIsReported() {
        let outcome = check("print a\nprint b\ncustomer create emial \"x\"\nreturn\n")
        #expect(outcome.messages.count == 4)
    }

    @Test func deepTreesAreCutOffInsteadOfOverflowingTheStack() {
        // The parser caps nesting; a tree grown 5,000 deep from a parsed `a + nope` must not
        // overflow the checker's stack either. `nope` is the outermost right operand, so it is still reached.
        let sources = SourceManager()
        let file = sources.add(path: "main.flex", text: "a + nope\n")
        let program = Parser.parse(file).program
        let tree = program.statements.tree
        guard case .expression(let sum) = tree.records.statements[Int(tree.records.lists[0])].node,
              case .binary(_, let a, let nope) = tree.node(sum) else {
            Issue.record("unexpected parse")
            return
        }
        var chain = a
        for _ in 0..<5_000 { chain = tree.add(.binary(.add, chain, a), tree.span(a)) }
        tree.replace(sum, with: .binary(.add, chain, nope), span: tree.span(sum))
        let result = Checker(sources: sources, loader: nil, predefined: ["a"]).check(program)
        #expect(result.diagnostics.map(\.message) == ["'nope' is not defined"])
    }
}
