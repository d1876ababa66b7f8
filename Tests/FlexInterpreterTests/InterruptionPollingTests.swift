// Every long builtin and operator polls the run's own interruption (what `flex test --timeout`
// raises), not only the process-wide signal flag: with the interruption raised, each one stops
// part-way with "timed out" on work it would otherwise finish, and finishes as before without it.
@testable import FlexInterpreter
import FlexLanguage
import FlexTestSupport
import Testing

@Suite struct InterruptionPollingTests {
    static let span = SourceSpan(file: FileID(rawValue: 0), start: 0, end: 0)

    static func interpreter() -> Interpreter {
        Interpreter(sources: SourceManager(), output: CapturingOutputSink(), configuration: .simulated())
    }

    /// The argument list of a one-argument call, for calling a builtin directly.
    static let oneArgument: NodeList<Expression> = {
        let sources = SourceManager()
        let program = Parser.parse(sources.add(path: "call.flex", bytes: Array("f(x)".utf8))).program
        guard case .expression(let call) = program.statements[0].kind, case .call(_, let arguments) = call.kind else {
            preconditionFailure("f(x) parses as a call")
        }
        return arguments
    }()

    /// An operand expression for calling an operator directly (only its span is read).
    static let operand: Expression = {
        let sources = SourceManager()
        let program = Parser.parse(sources.add(path: "operand.flex", bytes: Array("x".utf8))).program
        guard case .expression(let expression) = program.statements[0].kind else { preconditionFailure("x parses as an expression") }
        return expression
    }()

    /// 200,000 small integers: long enough that every operation on it polls many times.
    static let longList = Value.list(ValueList(scalars: (0..<200_000).map(Value.integer)))
    /// A 1 MiB string of one letter.
    static let longText = String(repeating: "a", count: 1 << 20)

    /// `[1]` doubled into itself `levels` times: 2^levels leaves, every level shared.
    static func doubled(_ levels: Int) -> Value {
        var value = Value.list(ValueList([.integer(1)]))
        for _ in 0..<levels { value = .list(ValueList([value, value])) }
        return value
    }

    /// Runs `work` on a fresh interpreter, first as it is, then with its interruption raised.
    static func stopsWhenTimedOut(_ work: (Interpreter) throws -> Void) throws {
        let interpreter = interpreter()
        try work(interpreter)
        interpreter.interruption.request(.timedOut)
        do {
            try work(interpreter)
            Issue.record("finished although the run's interruption was raised")
        } catch let failure as ScriptFailure {
            guard case .interrupted(.timedOut) = failure.kind else {
                Issue.record("stopped with \(failure.diagnostic.message), not the timeout")
                return
            }
        }
    }

    @Test(arguments: ["json", "string"])
    func textOfALongListStops(_ name: String) throws {
        try Self.stopsWhenTimedOut { interpreter in
            _ = try interpreter.builtin(name, [Self.longList], arguments: Self.oneArgument, span: Self.span)
        }
    }

    @Test func theTextBuilderOfPrintAndInterpolationStops() throws {
        try Self.stopsWhenTimedOut { interpreter in
            var text = interpreter.textBuilder()
            Self.longList.writePrinted(to: &text)
            _ = try Interpreter.finished(text, span: Self.span)
        }
    }

    @Test func showOfALongListStops() throws {
        try Self.stopsWhenTimedOut { interpreter in
            let lines = Self.longList.shownLines(limit: Interpreter.maximumTextSize, interruption: interpreter.interruption)
            try Interpreter.check(lines.stop, span: Self.span)
        }
    }

    @Test func equalityOfTwoLargeValuesStops() throws {
        // Built apart, so no level shares storage with the other side: 2^16 leaves compared.
        let (a, b) = (Self.doubled(16), Self.doubled(16))
        try Self.stopsWhenTimedOut { interpreter in
            let equal = try interpreter.equal(a, b, span: Self.span)
            #expect(equal)
        }
    }

    @Test func containsOnALongListOfSmallValuesStops() throws {
        // Each comparison is one step; the poll spans the whole search.
        try Self.stopsWhenTimedOut { interpreter in
            let found = try interpreter.contains(Self.longList, .integer(-1), containerSpan: Self.span, span: Self.span)
            #expect(!found)
        }
    }

    @Test func substringSearchStops() throws {
        let part = String(repeating: "a", count: 1000) + "b"
        try Self.stopsWhenTimedOut { interpreter in
            let found = try interpreter.contains(.string(Self.longText), .string(part), containerSpan: Self.span, span: Self.span)
            #expect(!found)
        }
    }

    /// Characters, as the standard library's `contains` answers on a short string: "e" is not in
    /// "e\u{301}" nor "\r" in "\r\n". The answers are written out, because `text.contains(part)`
    /// in this test module resolves to Foundation's (another test file imports it), which compares
    /// scalars and finds both.
    @Test func substringSearchAnswersAsTheStandardLibraryDoes() throws {
        let interpreter = Self.interpreter()
        let text = Self.longText + "cafe\u{301}" + "\r\n" + "end"
        // The standard library's search, by characters ("\r\n" is one), which flex's `contains`
        // has always followed (Foundation's, visible in this module, compares code units).
        let answers: [(String, Bool)] = [("aab", false), ("cafe", false), ("cafe\u{301}", true), ("\r", false), ("\r\n", true),
                                         ("end", true), ("aend", false), ("\n", false), ("a\r", false), ("aaacafe\u{301}\r\ne", true)]
        for (part, answer) in answers {
            #expect(try interpreter.textContains(text, part, span: Self.span) == answer, "\(part.debugDescription)")
        }
    }

    @Test func lenOfALongStringStops() throws {
        try Self.stopsWhenTimedOut { interpreter in
            let count = try interpreter.characterCount(Self.longText + "e\u{301}", span: Self.span)
            #expect(count == (1 << 20) + 1)
        }
    }

    @Test func sumOfALongListStops() throws {
        try Self.stopsWhenTimedOut { interpreter in
            _ = try interpreter.builtin("sum", [Self.longList], arguments: Self.oneArgument, span: Self.span)
        }
    }

    @Test func rangeStops() throws {
        try Self.stopsWhenTimedOut { interpreter in
            _ = try interpreter.builtin("range", [.integer(200_000)], arguments: Self.oneArgument, span: Self.span)
        }
    }

    @Test func concatenationOfTwoLongListsStops() throws {
        try Self.stopsWhenTimedOut { interpreter in
            let joined = try interpreter.binary(.add, Self.longList, Self.longList, left: Self.operand, right: Self.operand, span: Self.span)
            #expect(joined.valueList?.count == 400_000)
        }
    }

    /// Copied in chunks, the joined list is the same as one copy makes: every element in order
    /// (a chunk boundary falls inside each side), the deepest depth and the text size bound.
    @Test func concatenationInChunksKeepsElementsDepthAndTextSize() throws {
        let left = ValueList((0..<10_000).map(Value.integer) + [Self.doubled(3)])
        let right = ValueList([.string("abc")] + (0..<5_000).map(Value.integer))
        let interpreter = Self.interpreter()
        let joined = try interpreter.concatenated(left, right, span: Self.span)
        var expected = left
        expected.append(contentsOf: right)
        #expect(joined.count == 15_002)
        #expect(try interpreter.equal(.list(joined), .list(expected), span: Self.span))
        #expect(joined.map(\.quoted) == expected.map(\.quoted))
        #expect(joined.elementDepth == expected.elementDepth)
        #expect(joined.elementDepth == 4)
        #expect(joined.minimumTextSize == expected.minimumTextSize)
    }

    /// `flex run` exits right after Ctrl-C, so the part-copied list is kept, not freed while the
    /// interruption unwinds; any other run (the REPL, `flex test`) frees it.
    @Test(arguments: [true, false])
    func anInterruptedConcatenationKeepsItsPartialCopyOnlyForARunThatExits(_ keeps: Bool) throws {
        let interpreter = Self.interpreter()
        interpreter.keepsValuesWhenInterrupted = keeps
        interpreter.interruption.request(.interrupted)
        #expect(throws: ScriptFailure.self) { try interpreter.concatenated(Self.longList.valueList ?? [], Self.longList.valueList ?? [], span: Self.span) }
        let kept = interpreter.keptAfterInterruption.map(\.count)
        #expect(kept.count == (keeps ? 1 : 0))
        #expect(kept.allSatisfy { $0 > 0 && $0 < 400_000 })
    }

    @Test func onlyAnInterruptionKeepsElements() {
        let interpreter = Self.interpreter()
        interpreter.keepsValuesWhenInterrupted = true
        _ = interpreter.keepingElements([.integer(1)], through: ScriptFailure.runtime("other", at: Self.span))
        #expect(interpreter.keptAfterInterruption.isEmpty)
        _ = interpreter.keepingElements([.integer(1)], through: Interpreter.interrupted(.timedOut, at: Self.span))
        #expect(interpreter.keptAfterInterruption.count == 1)
    }

    /// Loops, recursion and `filter` run script code: each step checks the budget, which sees the
    /// run's interruption (the whole-script forms, through the runner, are in TimeoutTests).
    @Test func everyStepChecksTheRunsInterruption() {
        let interpreter = Self.interpreter()
        interpreter.interruption.request(.timedOut)
        #expect(throws: ScriptFailure.self) { try interpreter.checkBudget(Self.span) }
    }
}
