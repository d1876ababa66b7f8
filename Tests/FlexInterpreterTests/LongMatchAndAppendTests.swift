// The two kinds of long work issue 15 left unpolled: `matches` on a long subject (now the linear
// engine, polling as it scans) and the in-place append of a long list (now a chunk at a time).
// With the run's interruption raised each stops part-way; an interrupted append leaves the
// variable as it was.
@testable import FlexInterpreter
import FlexLanguage
import FlexTestSupport
import Testing

@Suite struct LongMatchAndAppendTests {
    static let span = InterruptionPollingTests.span

    /// `name + other`, parsed, for calling the in-place append directly.
    static func addition(_ name: String, _ other: String) -> Expression {
        let sources = SourceManager()
        let program = Parser.parse(sources.add(path: "add.flex", bytes: Array("\(name) + \(other)".utf8))).program
        guard case .expression(let expression) = program.statements[0].kind else { preconditionFailure("an addition parses") }
        return expression
    }

    @Test(arguments: ["^(a+)+$", "(a|aa)*c", "a{0,50}b"])
    func aLongMatchStops(_ pattern: String) throws {
        let subject = Value.string(InterruptionPollingTests.longText + "!")
        try InterruptionPollingTests.stopsWhenTimedOut { interpreter in
            let found = try interpreter.matches(subject, .string(pattern), subjectSpan: Self.span, patternSpan: Self.span)
            #expect(found == false)
        }
    }

    @Test func aPatternIsCompiledOnceAndItsErrorIsClear() throws {
        let interpreter = InterruptionPollingTests.interpreter()
        #expect(try interpreter.matches(.string("fcus_1"), .string("^fcus_\\d$"), subjectSpan: Self.span, patternSpan: Self.span))
        #expect(interpreter.regexCache.count == 1)
        do {
            _ = try interpreter.matches(.string("aa"), .string("(a)\\1"), subjectSpan: Self.span, patternSpan: Self.span)
            Issue.record("a backreference was accepted")
        } catch let failure as ScriptFailure {
            #expect(failure.diagnostic.message.hasPrefix("invalid regular expression: backreferences (\\1…) are not supported"))
            #expect(failure.diagnostic.help?.contains("linear time") == true)
        }
    }

    @Test func anInPlaceAppendOfALongListStopsAndLeavesTheVariableAsItWas() async throws {
        let interpreter = InterruptionPollingTests.interpreter()
        let scope = interpreter.globals
        scope.define("x", .list(ValueList([.integer(-1)])))
        scope.define("l", InterruptionPollingTests.longList)
        let appended = try await interpreter.appendAssigning("x", Self.addition("x", "l"), in: scope)
        #expect(appended?.valueList?.count == 200_001)
        scope.define("x", .list(ValueList([.integer(-1)])))
        interpreter.interruption.request(.timedOut)
        do {
            _ = try await interpreter.appendAssigning("x", Self.addition("x", "l"), in: scope)
            Issue.record("finished although the run's interruption was raised")
        } catch let failure as ScriptFailure {
            guard case .interrupted(.timedOut) = failure.kind else {
                Issue.record("stopped with \(failure.diagnostic.message)")
                return
            }
        }
        #expect(scope.lookup("x")?.valueList?.map(\.quoted) == ["-1"])
    }

    /// Appended in chunks, the list is what one append makes: elements in order, depth, text size.
    @Test func anAppendInChunksKeepsElementsDepthAndTextSize() {
        var list = ValueList((0..<10_000).map(Value.integer))
        let added = ValueList([.string("abc"), InterruptionPollingTests.doubled(3)] + (0..<9_000).map(Value.integer))
        var expected = list
        expected.append(contentsOf: added)
        var chunks = 0
        #expect(list.append(contentsOf: added, chunk: 4096, undoingWhenStopped: true) { _ in chunks += 1; return true })
        #expect(chunks == 3)
        #expect(list.map(\.quoted) == expected.map(\.quoted))
        #expect(list.elementDepth == expected.elementDepth && list.elementDepth == 4)
        #expect(list.minimumTextSize == expected.minimumTextSize)
        var stopped = ValueList([.integer(1)])
        #expect(!stopped.append(contentsOf: added, chunk: 4096, undoingWhenStopped: true) { _ in false })
        #expect(stopped.map(\.quoted) == ["1"])
        #expect(stopped.elementDepth == 0)
    }

    /// `flex run` exits right after Ctrl-C, so the part-appended list is kept, not freed while
    /// the interruption unwinds (and not undone); any other run undoes the append.
    @Test(arguments: [true, false])
    func anInterruptedAppendKeepsItsPartOnlyForARunThatExits(_ keeps: Bool) async throws {
        let interpreter = InterruptionPollingTests.interpreter()
        interpreter.keepsValuesWhenInterrupted = keeps
        interpreter.globals.define("x", .list(ValueList([.integer(-1)])))
        interpreter.globals.define("l", InterruptionPollingTests.longList)
        interpreter.interruption.request(.interrupted)
        await #expect(throws: ScriptFailure.self) { _ = try await interpreter.appendAssigning("x", Self.addition("x", "l"), in: interpreter.globals) }
        let kept = interpreter.keptAfterInterruption.map(\.count)
        #expect(kept.count == (keeps ? 1 : 0))
        #expect(kept.allSatisfy { $0 > 1 && $0 < 200_001 })
        if !keeps { #expect(interpreter.globals.lookup("x")?.valueList?.count == 1) }
    }

    /// `x = x + x` goes through `+` (a polled copy) and gives the doubled list.
    @Test func appendingAListToItselfDoublesIt() async throws {
        let interpreter = InterruptionPollingTests.interpreter()
        interpreter.globals.define("x", .list(ValueList([.integer(1), .integer(2)])))
        let doubled = try await interpreter.appendAssigning("x", Self.addition("x", "x"), in: interpreter.globals)
        #expect(doubled?.valueList?.map(\.quoted) == ["1", "2", "1", "2"])
    }
}
