// Parser: statements, precedence, commands from the table, the command-word rule, recovery, incompleteness, limits, spans.
import Testing
@testable import FlexLanguage

/// A compact, fully parenthesized rendering of the tree, so expectations read like the source.
private enum Dump {
    static func expression(_ e: Expression) -> String {
        switch e.kind {
        case .null: return "null"
        case .boolean(let b): return "\(b)"
        case .integer(let i): return "\(i)"
        case .decimal(let d): return "dec(\(d))"
        case .money(let c): return "cents(\(c))"
        case .duration(let s): return "secs(\(s))"
        case .string(let segments):
            return "\"" + segments.map { segment in
                switch segment {
                case .text(let t): return t
                case .interpolation(let e): return "${\(expression(e))}"
                }
            }.joined() + "\""
        case .flexID(let s): return "id(\(s))"
        case .variable(let v): return v
        case .list(let l): return "[" + l.map(expression).joined(separator: ", ") + "]"
        case .record(let r): return "{" + r.map { "\($0.key): \(expression($0.value))" }.joined(separator: ", ") + "}"
        case .member(let b, let n): return "\(expression(b)).\(n.name)"
        case .index(let b, let i): return "\(expression(b))[\(expression(i))]"
        case .call(let n, let a): return "\(n.name)(" + a.map(expression).joined(separator: ", ") + ")"
        case .unary(let op, let x): return "(\(op.rawValue) \(expression(x)))"
        case .binary(let op, let l, let r): return "(\(expression(l)) \(op.rawValue) \(expression(r)))"
        case .command(let c): return command(c)
        case .invalid: return "<invalid>"
        }
    }

    static func command(_ c: CommandInvocation) -> String {
        var s = "<" + (c.command.map { "\($0)" } ?? "?" + c.phrase.map(\.name).joined(separator: " "))
        for a in c.arguments { s += " " + expression(a) }
        for clause in c.clauses {
            s += " " + clause.name
            switch clause.value {
            case .none: break
            case .expression(let e): s += "=" + expression(e)
            case .word(let w): s += "=word:" + w.name
            case .items(let items, _):
                s += "=items[" + items.map { expression($0.price) + ($0.quantity.map { " x" + expression($0) } ?? "") }.joined(separator: ", ") + "]"
            }
        }
        return s + ">"
    }

    static func block(_ b: Block) -> String {
        "{ " + b.statements.map(statement).joined(separator: "; ") + " }"
    }

    static func statement(_ s: Statement) -> String {
        switch s.kind {
        case .letBinding(let n, let e): return "let \(n.name) = \(expression(e))"
        case .assignment(let n, let e): return "\(n.name) = \(expression(e))"
        case .expression(let e): return expression(e)
        case .expect(let e, let m): return "expect \(expression(e))" + (m.map { " else \(expression($0))" } ?? "")
        case .expectError(let code, let body): return "expect error" + (code.map { " \($0.name)" } ?? "") + " " + block(body)
        case .print(let values): return "print " + values.map(expression).joined(separator: ", ")
        case .show(let e): return "show \(expression(e))"
        case .ifElse(let branches, let elseBlock):
            return branches.map { "if \(expression($0.condition)) \(block($0.body))" }.joined(separator: " else ")
                + (elseBlock.map { " else \(block($0))" } ?? "")
        case .forIn(let n, let e, let b): return "for \(n.name) in \(expression(e)) \(block(b))"
        case .repeatTimes(let e, let b): return "repeat \(expression(e)) \(block(b))"
        case .waitUntil(let c, let every, let timeout):
            return "wait until \(expression(c))" + (every.map { " every \(expression($0))" } ?? "") + (timeout.map { " timeout \(expression($0))" } ?? "")
        case .functionDefinition(let n, let p, let b): return "def \(n.name)(\(p.map(\.name).joined(separator: ", "))) \(block(b))"
        case .returnStatement(let e): return "return" + (e.map { " " + expression($0) } ?? "")
        case .include(let path, _): return "include \(path)"
        case .scenario(let name, _, let b): return "scenario \(name) \(block(b))"
        case .invalid: return "<invalid statement>"
        }
    }
}

@Suite struct ParserTests {
    static func parse(_ text: String) -> (result: ParseResult, file: SourceFile) {
        let file = SourceFile(id: FileID(rawValue: 0), path: "t.flex", text: text)
        return (Parser.parse(file), file)
    }

    /// The statements of an error-free parse, one rendered line each.
    static func tree(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let (result, _) = parse(text)
        #expect(result.diagnostics.map(\.message) == [], sourceLocation: sourceLocation)
        return result.program.statements.map(Dump.statement)
    }

    static func one(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let statements = tree(text, sourceLocation: sourceLocation)
        #expect(statements.count == 1, sourceLocation: sourceLocation)
        return statements.first ?? ""
    }

    /// "line:column: message" for every diagnostic.
    static func errors(_ text: String) -> [String] {
        let (result, file) = parse(text)
        return result.diagnostics.map { "\(file.location(of: $0.span?.start ?? 0)): \($0.message)" }
    }

    static func command(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CommandInvocation? {
        let (result, _) = parse(text)
        #expect(result.diagnostics.isEmpty, sourceLocation: sourceLocation)
        guard case .expression(let e) = result.program.statements.first?.kind, case .command(let c) = e.kind else { return nil }
        return c
    }

    // MARK: - Statements

    @Test func letAndAssignment() {
        #expect(Self.one("let x = 1") == "let x = 1")
        #expect(Self.one("x = x + 1") == "x = (x + 1)")
        #expect(Self.tree("let a = 1; let b = 2\nb = a") == ["let a = 1", "let b = 2", "b = a"])
    }

    @Test func letAcceptsAFlexIDLookingName() {
        let (result, _) = Self.parse("let fcus_x = 1")
        #expect(result.diagnostics.isEmpty)
        guard case .letBinding(let name, _) = result.program.statements.first?.kind else {
            Issue.record("not a let")
            return
        }
        #expect(name.name == "fcus_x")
        #expect(Self.one("fcus_x = 2") == "fcus_x = 2")
    }

    @Test func reservedWordsCannotBeVariables() {
        #expect(Self.errors("let if = 1") == ["1:5: 'if' is a reserved word and cannot name a variable"])
    }

    @Test func expectForms() {
        #expect(Self.one("expect a == 1") == "expect (a == 1)")
        #expect(Self.one("expect a else \"a was ${a}\"") == "expect a else \"a was ${a}\"")
        #expect(Self.one("expect error: customer get fcus_x") == "expect error { <customerGet id(fcus_x)> }")
        #expect(Self.one("expect error not_found: customer get fcus_x") == "expect error not_found { <customerGet id(fcus_x)> }")
        #expect(Self.one("expect error \"card_declined\": pay s with card \"4000\"") == "expect error card_declined { <pay s with card=\"4000\"> }")
        #expect(Self.one("expect error {\n  let x = 1\n  refund x\n}") == "expect error { let x = 1; <refund x> }")
        #expect(Self.one("expect error invalid_request { refund s }") == "expect error invalid_request { <refund s> }")
        #expect(Self.one("expect error card_declined:\n  pay s with card \"4000\"") == "expect error card_declined { <pay s with card=\"4000\"> }")
        // `error` followed by an operator is a variable.
        #expect(Self.one("expect error == null") == "expect (error == null)")
    }

    @Test func expectErrorSingleStatementIsABlockOfOne() {
        let (result, _) = Self.parse("expect error: let x = refund s")
        guard case .expectError(let code, let body) = result.program.statements.first?.kind else {
            Issue.record("not expect error")
            return
        }
        #expect(code == nil)
        #expect(body.statements.count == 1)
        #expect(body.span == body.statements[0].span)
    }

    @Test func printAndShow() {
        #expect(Self.one("print 1, \"a\", x.y") == "print 1, \"a\", x.y")
        #expect(Self.one("print") == "print ")
        #expect(Self.one("show customers") == "show <customerList>")
    }

    @Test func ifElseChains() {
        #expect(Self.one("if a { print 1 }") == "if a { print 1 }")
        #expect(Self.one("if a { print 1 } else { print 2 }") == "if a { print 1 } else { print 2 }")
        #expect(Self.one("if a { print 1 } else if b { print 2 } else if c { print 3 } else { print 4 }")
                == "if a { print 1 } else if b { print 2 } else if c { print 3 } else { print 4 }")
        // `else` may begin the line after the closing brace.
        #expect(Self.one("if a {\n  print 1\n}\nelse {\n  print 2\n}") == "if a { print 1 } else { print 2 }")
        #expect(Self.tree("if a { print 1 }\nprint 2") == ["if a { print 1 }", "print 2"])
    }

    @Test func loops() {
        #expect(Self.one("for c in customers { print c.email }") == "for c in <customerList> { print c.email }")
        #expect(Self.one("for i in range(3) { print i }") == "for i in range(3) { print i }")
        #expect(Self.one("repeat 3 { customer create }") == "repeat 3 { <customerCreate> }")
        #expect(Self.one("repeat n + 1 {\n}") == "repeat (n + 1) {  }")
    }

    @Test func waitUntil() {
        #expect(Self.one("wait until (checkout get s).status == \"complete\" every 1s timeout 30s")
                == "wait until (<checkoutGet s>.status == \"complete\") every secs(1) timeout secs(30)")
        #expect(Self.one("wait until done timeout 2m every 5s") == "wait until done every secs(5) timeout secs(120)")
        #expect(Self.one("wait until done") == "wait until done")
        #expect(Self.errors("wait until x every 1s every 2s") == ["1:23: 'every' is given twice"])
        // `wait` alone is a variable.
        #expect(Self.one("wait") == "wait")
    }

    @Test func functionsAndReturn() {
        #expect(Self.one("def add(a, b) { return a + b }") == "def add(a, b) { return (a + b) }")
        #expect(Self.one("def hello() {\n  print \"hi\"\n  return\n}") == "def hello() { print \"hi\"; return }")
        #expect(Self.one("add(1, 2)") == "add(1, 2)")
        #expect(Self.one("f()") == "f()")
    }

    @Test func includeAndScenario() {
        #expect(Self.one("include \"setup.flex\"") == "include setup.flex")
        #expect(Self.one("scenario \"refund twice\" {\n  let x = 1\n}") == "scenario refund twice { let x = 1 }")
        #expect(Self.errors("include setup") == ["1:9: expected a file path in quotes after 'include', found 'setup'"])
        #expect(Self.errors("include \"${x}.flex\"") == ["1:9: an include path cannot contain '${…}'"])
    }

    // MARK: - Expressions

    @Test func precedence() {
        #expect(Self.one("x = a or b and c") == "x = (a or (b and c))")
        #expect(Self.one("x = not a and b") == "x = ((not a) and b)")
        #expect(Self.one("x = not a == b") == "x = (not (a == b))")
        #expect(Self.one("x = a + b * c - d / e") == "x = ((a + (b * c)) - (d / e))")
        #expect(Self.one("x = -a * b") == "x = ((- a) * b)")
        #expect(Self.one("x = a - b - c") == "x = ((a - b) - c)")
        #expect(Self.one("x = a < b and c >= d or e != f") == "x = (((a < b) and (c >= d)) or (e != f))")
        #expect(Self.one("x = (a or b) and c") == "x = ((a or b) and c)")
        #expect(Self.one("x = not not a") == "x = (not (not a))")
    }

    @Test func wordOperators() {
        #expect(Self.one("x = s contains \"a\"") == "x = (s contains \"a\")")
        #expect(Self.one("x = s matches \"^a+$\"") == "x = (s matches \"^a+$\")")
        #expect(Self.one("x = 1 in [1, 2]") == "x = (1 in [1, 2])")
    }

    @Test func comparisonsDoNotChain() {
        #expect(Self.errors("expect 1 < 2 < 3") == ["1:14: comparison operators cannot be chained"])
        #expect(Self.errors("x = a == b == c") == ["1:12: comparison operators cannot be chained"])
    }

    @Test func postfix() {
        #expect(Self.one("x = a.b.c[0][-1].d") == "x = a.b.c[0][-1].d")
        #expect(Self.one("x = r.in.not") == "x = r.in.not")
        #expect(Self.one("x = [1, 2][0]") == "x = [1, 2][0]")
        #expect(Self.one("x = f(a)[1]") == "x = f(a)[1]")
    }

    @Test func literals() {
        #expect(Self.one("x = [null, true, false, 42, 0.5, $24.99, 2h, fcus_x, \"s\", it]")
                == "x = [null, true, false, 42, dec(0.5), cents(2499), secs(7200), id(fcus_x), \"s\", it]")
        #expect(Self.one("x = [-1, -$5, -0.25, -30s]") == "x = [-1, cents(-500), dec(-0.25), secs(-30)]")
        #expect(Self.one("x = []") == "x = []")
        #expect(Self.one("x = [1, 2,]") == "x = [1, 2]")
    }

    @Test func decimalsStayExact() {
        let (result, _) = Self.parse("x = 1.50")
        guard case .assignment(_, let value) = result.program.statements.first?.kind, case .decimal(let d) = value.kind else {
            Issue.record("no decimal")
            return
        }
        #expect(d == DecimalLiteral(significand: 150, scale: 2))
        #expect(d.description == "1.50")
    }

    @Test func records() {
        #expect(Self.one("x = {a: 1, \"b c\": [2], d: {e: null}}") == "x = {a: 1, b c: [2], d: {e: null}}")
        #expect(Self.one("x = {\n  a: 1\n  b: 2,\n  c: 3,\n}") == "x = {a: 1, b: 2, c: 3}")
        #expect(Self.one("x = {}") == "x = {}")
        #expect(Self.one("x = {if: 1, for: 2}") == "x = {if: 1, for: 2}")
        // A record at statement start is an expression statement.
        #expect(Self.one("{a: 1}") == "{a: 1}")
    }

    @Test func stringInterpolationAndEscapes() {
        #expect(Self.one("x = \"order ${s.id} for ${dollars(s.amount_total)}\"") == "x = \"order ${s.id} for ${dollars(s.amount_total)}\"")
        #expect(Self.one("x = \"${ \"in ${a + 1} ner\" }\"") == "x = \"${\"in ${(a + 1)} ner\"}\"")
        #expect(Self.one("x = \"${ {a: 1}.a }\"") == "x = \"${{a: 1}.a}\"")
        let (result, _) = Self.parse("x = \"q\\\" b\\\\ n\\n t\\t r\\r z\\0 d\\$ u\\u{1F600} \\${x}\"")
        #expect(result.diagnostics.isEmpty)
        guard case .assignment(_, let value) = result.program.statements.first?.kind, case .string(let segments) = value.kind,
              segments.count == 1, case .text(let text) = segments[0] else {
            Issue.record("not one text segment")
            return
        }
        #expect(text == "q\" b\\ n\n t\t r\r z\0 d$ u😀 ${x}")
    }

    @Test func stringErrors() {
        #expect(Self.errors("x = \"a\\qb\"") == ["1:7: unknown escape '\\q'"])
        #expect(Self.errors("x = \"\\u{D800}\"") == ["1:6: '\\u{…}' is not a valid Unicode scalar"])
        #expect(Self.errors("x = \"\\u{110000}\"") == ["1:6: '\\u{…}' is not a valid Unicode scalar"])
        #expect(Self.errors("x = \"\\u1234\"") == ["1:6: expected '{' after '\\u'"])
        #expect(Self.errors("x = \"${}\"") == ["1:6: expected an expression inside '${…}'"])
        #expect(Self.errors("x = \"${a b}\"") == ["1:10: expected '}' to end the interpolation, found 'b'"])
        // Errors inside a string do not hide errors later on the line.
        #expect(Self.errors("x = \"\\q\" +") == ["1:6: unknown escape '\\q'", "1:11: expected an expression after '+', found end of input"])
    }

    @Test func emptyStringIsOneEmptyTextSegment() {
        let (result, _) = Self.parse("x = \"\"")
        guard case .assignment(_, let value) = result.program.statements.first?.kind, case .string(let segments) = value.kind else {
            Issue.record("no string")
            return
        }
        #expect(segments.count == 1)
        if case .text(let text) = segments.first { #expect(text == "") } else { Issue.record("not text") }
    }

    // MARK: - Commands

    @Test func everyCommandOfTheTableParses() {
        let cases: [(String, String)] = [
            ("customer create email \"a@b.co\" first_name \"Ada\" last_name \"L\" phone \"+15555550100\"",
             "<customerCreate email=\"a@b.co\" first_name=\"Ada\" last_name=\"L\" phone=\"+15555550100\">"),
            ("customer get c", "<customerGet c>"),
            ("customer update fcus_x email \"b@c.co\"", "<customerUpdate id(fcus_x) email=\"b@c.co\">"),
            ("customers email \"a@b.co\" limit 5", "<customerList email=\"a@b.co\" limit=5>"),
            ("payment_methods of c limit 1", "<paymentMethodsOf c limit=1>"),
            ("product create name \"Mug\" not_eligible upc \"123\" description \"d\"", "<productCreate name=\"Mug\" not_eligible upc=\"123\" description=\"d\">"),
            ("product get fprod_x", "<productGet id(fprod_x)>"),
            ("products limit 2", "<productList limit=2>"),
            ("product \"Thermometer\" eligible price $24.99", "<productWithPrice \"Thermometer\" eligible price=cents(2499)>"),
            ("price create product p amount $5 recurring monthly description \"x\"", "<priceCreate product=p amount=cents(500) recurring=word:monthly description=\"x\">"),
            ("price get fprice_x", "<priceGet id(fprice_x)>"),
            ("prices product p limit 3", "<priceList product=p limit=3>"),
            ("checkout create items [p x2] mode payment", "<checkoutCreate items=items[p x2] mode=word:payment>"),
            ("checkout items [p] customer c payment_method pm save_card success \"s\" cancel \"c\" capture manual reference \"r\"",
             "<checkoutCreate items=items[p] customer=c payment_method=pm save_card success=\"s\" cancel=\"c\" capture=word:manual reference=\"r\">"),
            ("checkout get s", "<checkoutGet s>"),
            ("checkouts status open customer c limit 10", "<checkoutList status=word:open customer=c limit=10>"),
            ("line_items of s", "<lineItemsOf s>"),
            ("charge customer paid.customer with pm items [thermo x1] reference \"r\" success \"u\"",
             "<charge customer=paid.customer with=pm items=items[thermo x1] reference=\"r\" success=\"u\">"),
            ("refund s amount $5 reason duplicate", "<refund s amount=cents(500) reason=word:duplicate>"),
            ("refund s items [p]", "<refund s items=items[p]>"),
            ("capture s amount $10 final", "<capture s amount=cents(1000) final>"),
            ("cancel s", "<cancel s>"),
            ("reauth s", "<reauth s>"),
            ("payment_intent get fpi_x", "<paymentIntentGet id(fpi_x)>"),
            ("payment_intents customer c checkout s limit 1", "<paymentIntentList customer=c checkout=s limit=1>"),
            ("refunds payment_intent pi limit 1", "<refundList payment_intent=pi limit=1>"),
            ("api POST \"/v1/customers\" {customer: {email: \"a@b.co\"}}", "<api \"POST\" \"/v1/customers\" {customer: {email: \"a@b.co\"}}>"),
            ("api GET \"/v1/customers\"", "<api \"GET\" \"/v1/customers\">"),
            ("pay s with card \"4242 4242 4242 4242\" hsa split card \"5555\" lmn approved email \"a@b.co\"",
             "<pay s with card=\"4242 4242 4242 4242\" hsa split card=\"5555\" lmn=word:approved email=\"a@b.co\">"),
            ("expire s", "<expire s>"),
            ("clock", "<clockShow>"),
            ("clock advance 2h", "<clockAdvance secs(7200)>"),
            ("clock set \"2026-01-01T00:00:00Z\"", "<clockSet \"2026-01-01T00:00:00Z\">"),
            ("fail next 2 requests with 503 code \"boom\"", "<failNext 2 requests with=503 code=\"boom\">"),
            ("fail next requests with 503", "<failNext requests with=503>"),
            ("decline next 3 charges with insufficient_funds", "<declineNext 3 charges with=word:insufficient_funds>"),
            ("events type \"checkout.session.completed\" for s", "<events type=\"checkout.session.completed\" for=s>"),
            ("sim reset", "<simReset>"),
            ("sim seed 7", "<simSeed 7>"),
            ("sim snapshot before", "<simSnapshot \"before\">"),
            ("sim restore before", "<simRestore \"before\">"),
            ("customer delete c", "<customerDelete c>"),
            ("payment_method get pm customer c", "<paymentMethodGet pm customer=c>"),
            ("product update p description \"d\" vision", "<productUpdate p description=\"d\" vision>"),
            ("products processing_status", "<productProcessingStatus>"),
            ("price update p active false", "<priceUpdate p active=false>"),
            ("coupon create percent_off 20 duration once", "<couponCreate percent_off=20 duration=word:once>"),
            ("coupon get fcoup_A", "<couponGet id(fcoup_A)>"),
            ("coupons limit 2", "<couponList limit=2>"),
            ("promo_code create coupon c code \"SAVE20\"", "<promoCodeCreate coupon=c code=\"SAVE20\">"),
            ("promo_code get fpromo_A", "<promoCodeGet id(fpromo_A)>"),
            ("promo_codes code \"SAVE20\"", "<promoCodeList code=\"SAVE20\">"),
            ("shipping_rate create display_name \"Ground\" amount $5", "<shippingRateCreate display_name=\"Ground\" amount=cents(500)>"),
            ("shipping_rate get r", "<shippingRateGet r>"),
            ("shipping_rate update r active false", "<shippingRateUpdate r active=false>"),
            ("shipping_rates", "<shippingRateList>"),
            ("checkout confirm s payment_method pm", "<checkoutConfirm s payment_method=pm>"),
            ("checkout refund_allocation s amount $5", "<refundAllocation s amount=cents(500)>"),
            ("checkout capture_allocation s amount $5", "<captureAllocation s amount=cents(500)>"),
            ("payment_intent cancel pi", "<paymentIntentCancel pi>"),
            ("refund create payment_intent pi amount $5", "<refundCreate payment_intent=pi amount=cents(500)>"),
            ("refund get r", "<refundGet r>"),
            ("refund update r reason duplicate", "<refundUpdate r reason=word:duplicate>"),
            ("capture get fcap_A", "<captureGet id(fcap_A)>"),
            ("captures checkout s", "<captureList checkout=s>"),
            ("capture update c metadata {a: 1}", "<captureUpdate c metadata={a: 1}>"),
            ("dispute get d", "<disputeGet d>"),
            ("disputes status \"needs_response\"", "<disputeList status=\"needs_response\">"),
            ("dispute evidence d text \"winning_evidence\"", "<disputeEvidence d text=\"winning_evidence\">"),
            ("dispute close d", "<disputeClose d>"),
            ("balance_transaction get b", "<balanceTransactionGet b>"),
            ("balance_transactions reporting_category charge", "<balanceTransactionList reporting_category=word:charge>"),
            ("setup_intent create checkout s", "<setupIntentCreate checkout=s>"),
            ("setup_intent get fseti_A", "<setupIntentGet id(fseti_A)>"),
            ("setup_intents customer c", "<setupIntentList customer=c>"),
            ("subscription create customer c items [p x1] payment_method pm", "<subscriptionCreate customer=c items=items[p x1] payment_method=pm>"),
            ("subscription get sub", "<subscriptionGet sub>"),
            ("subscription update sub items [seat x3] proration \"always_invoice\"", "<subscriptionUpdate sub items=items[seat x3] proration=\"always_invoice\">"),
            ("subscription cancel sub", "<subscriptionCancel sub>"),
            ("subscriptions customer c status \"active\"", "<subscriptionList customer=c status=\"active\">"),
            ("invoice get i", "<invoiceGet i>"),
            ("invoices subscription sub", "<invoiceList subscription=sub>"),
            ("payment_link create items [p x1]", "<paymentLinkCreate items=items[p x1]>"),
            ("payment_link get link", "<paymentLinkGet link>"),
            ("payment_link update link active false", "<paymentLinkUpdate link active=false>"),
            ("payment_links", "<paymentLinkList>"),
            ("webhook create url \"https://x.example/h\" events [\"checkout.session.completed\"]", "<webhookCreate url=\"https://x.example/h\" events=[\"checkout.session.completed\"]>"),
            ("webhook get w", "<webhookGet w>"),
            ("webhook delete w", "<webhookDelete w>"),
            ("webhooks", "<webhookList>"),
            ("event get e", "<eventGet e>"),
            ("lmn_letter get l", "<letterGet l>"),
            ("lmn_letters of s", "<lettersOf s>"),
            ("sim events type \"x\" for s", "<simEvents type=\"x\" for=s>"),
            ("webhook deliveries webhook w", "<webhookDeliveries webhook=w>"),
            ("dispute open s reason fraudulent", "<disputeOpen s reason=word:fraudulent>"),
            ("dispute resolve d won", "<disputeResolve d \"won\">"),
            ("refund settle r status failed", "<refundSettle r status=word:failed>"),
            ("payment_link visit link email \"a@b.co\"", "<paymentLinkVisit link email=\"a@b.co\">"),
        ]
        var covered = Set<CommandName>()
        for (source, expected) in cases {
            #expect(Self.one(source) == expected, "\(source)")
            if let name = Self.command(source)?.command { covered.insert(name) }
        }
        #expect(covered == Set(CommandName.allCases), "missing: \(Set(CommandName.allCases).subtracting(covered))")
    }

    @Test func fieldsClauseOnAnyCommand() {
        #expect(Self.one("checkout items [p] fields { client_reference_id: \"order-7\" }")
                == "<checkoutCreate items=items[p] fields={client_reference_id: \"order-7\"}>")
        #expect(Self.one("customer create fields {metadata: {a: 1}}") == "<customerCreate fields={metadata: {a: 1}}>")
    }

    @Test func longestPhraseWins() {
        #expect(Self.command("checkout create items [p]")?.command == .checkoutCreate)
        #expect(Self.command("checkout create items [p]")?.phrase.map(\.name) == ["checkout", "create"])
        #expect(Self.command("checkout items [p]")?.phrase.map(\.name) == ["checkout"])
        #expect(Self.command("clock advance 1h")?.command == .clockAdvance)
        #expect(Self.command("clock")?.command == .clockShow)
        #expect(Self.command("product create name \"x\"")?.command == .productCreate)
        #expect(Self.command("product \"x\" price $1")?.command == .productWithPrice)
    }

    @Test func multiWordClausesMatchGreedily() {
        let pay = Self.command("pay s with card \"4242\" split card \"5555\"")
        #expect(pay?.clauses.map(\.name) == ["with card", "split card"])
        let charge = Self.command("charge customer c with pm items [p]")
        #expect(charge?.clauses.map(\.name) == ["customer", "with", "items"])
    }

    @Test func clauseValuesStopBeforeBinaryOperators() {
        #expect(Self.one("expect c.amount_total == $24.99") == "expect (c.amount_total == cents(2499))")
        #expect(Self.one("expect (checkout get s).status == \"open\"") == "expect (<checkoutGet s>.status == \"open\")")
        #expect(Self.one("x = len(customers) == 0") == "x = (len(<customerList>) == 0)")
        #expect(Self.one("x = customers limit 2 == y") == "x = (<customerList limit=2> == y)")
        #expect(Self.one("refund s amount -$5") == "<refund s amount=cents(-500)>")
        #expect(Self.one("refund s amount (total - $5)") == "<refund s amount=(total - cents(500))>")
    }

    @Test func itemLists() {
        #expect(Self.one("checkout items [thermo x2, mug x 3, p, q x n, (prices)[0] x1, fprice_abc x4,]")
                == "<checkoutCreate items=items[thermo x2, mug x3, p, q xn, <priceList>[0] x1, id(fprice_abc) x4]>")
        #expect(Self.one("checkout items cart") == "<checkoutCreate items=cart>")
        #expect(Self.one("checkout items []") == "<checkoutCreate items=items[]>")
        // A variable named like a one-word command is a price inside an item list.
        #expect(Self.one("checkout items [product x2]") == "<checkoutCreate items=items[product x2]>")
        let items = Self.command("checkout items [thermo x12]")
        guard case .items(let list, let span)? = items?.clause("items")?.value else {
            Issue.record("no items")
            return
        }
        #expect(span == SourceSpan(file: FileID(rawValue: 0), start: 15, end: 27))
        #expect(list.first?.quantity?.span == SourceSpan(file: FileID(rawValue: 0), start: 24, end: 26))
        #expect(list.first?.span == SourceSpan(file: FileID(rawValue: 0), start: 16, end: 26))
        #expect(Self.errors("checkout items [p x]") == ["1:20: expected a quantity after 'x', found ']'"])
    }

    @Test func commandWordVersusVariable() {
        #expect(Self.tree("let customer = customer create email \"a@b.co\"\nprint customer.email")
                == ["let customer = <customerCreate email=\"a@b.co\">", "print customer.email"])
        // Followed by `.`, `[`, `=` or a binary operator: a variable.
        #expect(Self.one("print refund.amount") == "print refund.amount")
        #expect(Self.one("print charge[0]") == "print charge[0]")
        #expect(Self.one("refund = 1") == "refund = 1")
        #expect(Self.one("x = refund + 1") == "x = (refund + 1)")
        #expect(Self.one("x = events and clock") == "x = (events and <clockShow>)")
        // A phrase that needs a value, with nothing after it: a variable.
        #expect(Self.one("print refund") == "print refund")
        #expect(Self.one("print product, pay") == "print product, pay")
        #expect(Self.one("x = [charge]") == "x = [charge]")
        #expect(Self.one("if refund { print 1 }") == "if refund { print 1 }")
        // Phrases needing nothing are commands even alone.
        #expect(Self.one("customers") == "<customerList>")
        #expect(Self.one("print clock, events") == "print <clockShow>, <events>")
        #expect(Self.one("for c in customers { }") == "for c in <customerList> {  }")
        // A multi-word phrase that does not match leaves the first word a variable.
        #expect(Self.one("print customer") == "print customer")
        #expect(Self.one("x = sim") == "x = sim")
        // Values that are command words.
        #expect(Self.one("charge customer customer with pm items [p]") == "<charge customer=customer with=pm items=items[p]>")
        // Calls to functions named like a leading word with no matching phrase.
        #expect(Self.one("customer(1)") == "customer(1)")
    }

    @Test func unknownClausesAreKeptForTheChecker() {
        let c = Self.command("customer create emial \"a@b.co\" first_name \"A\"")
        #expect(c?.clauses.map(\.name) == ["emial", "first_name"])
        guard case .expression(let value)? = c?.clauses.first?.value else {
            Issue.record("unknown clause lost its value")
            return
        }
        #expect(Dump.expression(value) == "\"a@b.co\"")
        // No value when the next word is a real clause keyword.
        #expect(Self.one("checkout items [p] savecard success \"u\"") == "<checkoutCreate items=items[p] savecard success=\"u\">")
        // A clause keyword with its value missing keeps `.none` (the checker says what it needs).
        #expect(Self.one("customer create email") == "<customerCreate email>")
    }

    @Test func unknownCommandsAtStatementStart() {
        let c = Self.command("cusomer create email \"x\"")
        #expect(c?.command == nil)
        #expect(c?.phrase.map(\.name) == ["cusomer", "create"])
        #expect(c?.clauses.map(\.name) == ["email"])
        #expect(Self.one("customer crate email \"x\"") == "<?customer crate email=\"x\">")
        #expect(Self.one("chekout items [p]") == "<?chekout items=[p]>")
        #expect(Self.one("let c = refnd s") == "let c = <?refnd s>")
        #expect(Self.one("frobnicate fcus_x") == "<?frobnicate id(fcus_x)>")
        // Only at the start of a statement's expression.
        #expect(Self.errors("x = [foo bar]") == ["1:10: expected ']' to close '[' at 1:5, found 'bar'"])
        // Operators and statement words are not clauses.
        #expect(Self.one("x and y") == "(x and y)")
    }

    @Test func commandsInsideLargerExpressions() {
        #expect(Self.one("let pm = (payment_methods of paid.customer)[0]") == "let pm = <paymentMethodsOf paid.customer>[0]")
        #expect(Self.one("print (checkout get s).status, len(customers)") == "print <checkoutGet s>.status, len(<customerList>)")
        #expect(Self.one("x = [customers, clock]") == "x = [<customerList>, <clockShow>]")
        // A command's positional may itself be a command.
        #expect(Self.one("refund (checkout get s)") == "<refund <checkoutGet s>>")
    }

    @Test func optionalPositionalsSkipClauseKeywords() {
        #expect(Self.command("fail next requests with 503")?.arguments.count == 0)
        #expect(Self.command("fail next 2 with 503")?.arguments.count == 1)
        #expect(Self.command("api DELETE \"/v1/x\"")?.arguments.count == 2)
        // In a statement head a `{` opens the body, not a record argument.
        #expect(Self.one("if api GET \"/v1/x\" { print 1 }") == "if <api \"GET\" \"/v1/x\"> { print 1 }")
    }

    @Test func expectStopsClausesAtElse() {
        #expect(Self.one("expect customers else \"none\"") == "expect <customerList> else \"none\"")
        #expect(Self.one("wait until events type \"x\" every 1s") == "wait until <events type=\"x\"> every secs(1)")
    }

    @Test func commandSpansRunFromPhraseToLastClause() {
        let source = "let c = customer create email \"a@b.co\"   # c"
        let (result, file) = Self.parse(source)
        guard case .letBinding(_, let value) = result.program.statements.first?.kind, case .command(let c) = value.kind else {
            Issue.record("no command")
            return
        }
        #expect(file.text(of: value.span) == "customer create email \"a@b.co\"")
        #expect(file.text(of: c.phraseSpan) == "customer create")
        #expect(file.text(of: c.clauses[0].keywordSpan) == "email")
        #expect(file.text(of: c.clauses[0].span) == "email \"a@b.co\"")
        #expect(file.text(of: result.program.statements[0].span) == "let c = customer create email \"a@b.co\"")
        let pay = Self.parse("pay s with card \"4242\"")
        guard case .expression(let e) = pay.result.program.statements.first?.kind, case .command(let p) = e.kind else {
            Issue.record("no pay")
            return
        }
        #expect(pay.file.text(of: p.clauses[0].keywordSpan) == "with card")
    }

    @Test func spansOfExpressionsAndStatements() {
        let (result, file) = Self.parse("if a.b[0] == (1 + 2) {\n  print \"x\"\n}")
        guard case .ifElse(let branches, _) = result.program.statements.first?.kind else {
            Issue.record("no if")
            return
        }
        #expect(file.text(of: branches[0].condition.span) == "a.b[0] == (1 + 2)")
        guard case .binary(_, let left, let right) = branches[0].condition.kind else {
            Issue.record("no binary")
            return
        }
        #expect(file.text(of: left.span) == "a.b[0]")
        #expect(file.text(of: right.span) == "(1 + 2)")
        #expect(file.text(of: branches[0].body.span) == "{\n  print \"x\"\n}")
        #expect(file.text(of: result.program.statements[0].span) == "if a.b[0] == (1 + 2) {\n  print \"x\"\n}")
    }

    // MARK: - Errors and recovery

    @Test func expectedMessages() {
        #expect(Self.errors("let x =") == ["1:8: expected an expression after '=', found end of input"])
        #expect(Self.errors("let = 5") == ["1:5: expected a name after 'let', found '='"])
        #expect(Self.errors("let x 5") == ["1:7: expected '=' after 'let x', found number '5'"])
        #expect(Self.errors("print (1 + 2") == ["1:13: expected ')' to close '(' at 1:7, found end of input"])
        #expect(Self.errors("x = [1, 2") == ["1:10: expected ']' to close '[' at 1:5, found end of input"])
        #expect(Self.errors("if x { print 1") == ["1:15: expected '}' to close '{' at 1:6, found end of input"])
        #expect(Self.errors("if x print 1") == ["1:6: expected '{' to start the body of 'if', found 'print'"])
        #expect(Self.errors("x = 1 +") == ["1:8: expected an expression after '+', found end of input"])
        #expect(Self.errors("x = a.") == ["1:7: expected a field name after '.', found end of input"])
        #expect(Self.errors("x = {a 1}") == ["1:8: expected ':' after the field name 'a', found number '1'"])
        #expect(Self.errors("x = {a: 1 b: 2}") == ["1:11: expected ',' or '}' after the value of 'a', found 'b'"])
        #expect(Self.errors("for x customers { }") == ["1:7: expected 'in' after 'for x', found 'customers'"])
        #expect(Self.errors("def f(a b) { }") == ["1:9: expected ')' to close '(' at 1:6, found 'b'"])
        #expect(Self.errors("else { }") == ["1:1: 'else' without a matching 'if'"])
        #expect(Self.errors("}") == ["1:1: unexpected '}' with no open '{'"])
        #expect(Self.errors("x = 1 2") == ["1:7: expected a newline or ';' after the statement, found number '2'"])
        #expect(Self.errors("expect error") == ["1:13: expected ':' and a statement, or a '{' block, after 'expect error', found end of input"])
        #expect(Self.errors("expect error:") == ["1:14: expected a statement after 'expect error:', found end of input"])
        #expect(Self.errors("x = a == not b") == ["1:10: 'not' cannot follow '==' directly, found 'not'"])
        #expect(Self.errors("print )") == ["1:7: expected an expression after 'print', found ')'"])
    }

    @Test func recoveryReportsEveryErrorInTheFile() {
        let source = """
        let = 5
        let x = (1 +
        let y = 3
        if x { let = 1
          print 2 }
        let r = {a: 1 b: 2}
        print "bad \\q escape"
        let z = 3 4
        print ok
        42abc
        """
        #expect(Self.errors(source) == [
            "1:5: expected a name after 'let', found '='",
            "2:13: expected an expression after '+', found end of line",
            "4:12: expected a name after 'let', found '='",
            "6:15: expected ',' or '}' after the value of 'a', found 'b'",
            "7:12: unknown escape '\\q'",
            "8:11: expected a newline or ';' after the statement, found number '4'",
            "10:3: unexpected 'abc' after a number",
        ])
        // The good statements survive, and the bad ones keep what parsed.
        let statements = Self.parse(source).result.program.statements.map(Dump.statement)
        #expect(statements.contains("let y = 3"))
        #expect(statements.contains("print ok"))
        #expect(statements.contains("if x { <invalid statement>; print 2 }"))
        #expect(statements.contains("let x = (1 + <invalid>)"))
    }

    @Test func diagnosticsAreInSourceOrder() {
        let (result, _) = Self.parse("x = 1 +\ny = @\nz = \"\\q\"")
        let starts = result.diagnostics.compactMap { $0.span?.start }
        #expect(starts == starts.sorted())
        #expect(result.diagnostics.count == 3)
    }

    @Test func recoveryStaysInsideTheEnclosingBlock() {
        let source = "scenario \"a\" {\n  let = 1\n  print 2\n}\nprint 3"
        #expect(Self.errors(source) == ["2:7: expected a name after 'let', found '='"])
        #expect(Self.parse(source).result.program.statements.map(Dump.statement)
                == ["scenario a { <invalid statement>; print 2 }", "print 3"])
    }

    // MARK: - Incomplete input

    @Test func incompleteInputForTheREPL() {
        for source in ["print (1 +", "x = [1,", "if x {", "if x {\n print 1", "print \"abc", "print 1 + \\", "def f(a) {\n", "x = {a: 1,"] {
            #expect(Self.parse(source).result.isIncomplete, "\(source)")
        }
        for source in ["print 1", "if x { print 1 }", "print \"abc\"", "", "# comment", "let x = 1 +", "print 1)", "}"] {
            #expect(!Self.parse(source).result.isIncomplete, "\(source)")
        }
    }

    // MARK: - Limits

    @Test func nestingLimitGivesOneCleanError() {
        for opener in ["[", "(", "{a: ", "not ", "- ", "x.", "a + ", "f(", "refund ", "\"${", "if x {", "expect error: "] {
            let source = "print " + String(repeating: opener, count: opener == "[" ? 100_000 : 20_000)
            let (result, _) = Self.parse(source)
            let deep = result.diagnostics.filter { $0.message.contains("nested too deeply") }
            #expect(deep.count <= 1, "\(opener)")
            #expect(result.diagnostics.count <= 3, "\(opener): \(result.diagnostics.map(\.message))")
        }
        let (ifs, _) = Self.parse(String(repeating: "if x {", count: 20_000))
        #expect(ifs.diagnostics.count == 2)
        #expect(ifs.diagnostics.first?.message.hasPrefix("this is nested too deeply") == true)
    }

    @Test func reasonableNestingIsFine() {
        let list = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(Self.parse("x = " + list).result.diagnostics.isEmpty)
        let blocks = String(repeating: "if x {\n", count: 60) + String(repeating: "}\n", count: 60)
        #expect(Self.parse(blocks).result.diagnostics.isEmpty)
    }

    @Test func manyStatementsParseLinearly() {
        let source = String(repeating: "let c = customer create email \"a@b.co\"\nexpect c.email == \"a@b.co\"\n", count: 20_000)
        let (result, _) = Self.parse(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.program.statements.count == 40_000)
        let broken = String(repeating: "let = \n", count: 20_000)
        #expect(Self.parse(broken).result.diagnostics.count == 20_000)
    }
}
