// `matches { … }` patterns and `expect snapshot`: parsing, checking, matching, masking, the
// snapshot files' life cycle (record, compare, CI mode, update).
import FlexAPI
import FlexInterpreter
import FlexLanguage
@testable import FlexTesting
import FlexTestSupport
import Testing

@Suite struct ExpectationFormTests {
    static func runScript(_ text: String, options: TestOptions = TestOptions(configuration: .simulated(), jobs: 1)) async -> (TemporaryDirectory, TestRunSummary, String) {
        let dir = TemporaryDirectory()
        let file = dir.write("case.flex", text)
        let run = await Fixtures.run([file], options: options)
        return (dir, run.summary, run.terminal)
    }

    @Test func patternReportsEveryMismatch() async throws {
        let (dir, summary, terminal) = await Self.runScript("""
            let r = { id: fcus_01ABC, n: 3, s: "hello", nested: { k: 1, l: [1, 2] }, d: 0.5 }
            expect r matches { id: any string, n: any id, s: matches "^bye", nested: { k: 2, l: [1] }, gone: 1, d: any money }
            """)
        defer { dir.remove() }
        #expect(summary.exitCode == ExitStatus.expectationFailed)
        let notes = try #require(summary.results.first?.failure?.notes)
        #expect(notes == [
            "n: expected any id, got 3",
            "s: expected matches \"^bye\", got \"hello\"",
            "nested.k: expected 2, got 1",
            "nested.l: expected a list of 1, got 2 elements: [1, 2]",
            "gone: expected 1, got (missing)",
            "d: expected any money, got 0.5",
        ])
        #expect(terminal.contains("(6 fields differ)"))
    }

    @Test func patternsAsConditionsAndNotation() async {
        let (dir, summary, terminal) = await Self.runScript("""
            let any = 5
            let r = { a: 1, b: "x", c: null, d: true, e: [], f: {} }
            expect r matches { a: any number, b: any, c: any null, d: any bool, e: any list, f: any record }
            expect r matches { a: any - 4 }
            if (r matches { a: 2 }) { expect false }
            expect not (r matches { b: matches "y" })
            """)
        defer { dir.remove() }
        #expect(summary.exitCode == ExitStatus.success, "\(terminal)")
    }

    @Test func misuseIsDiagnosed() {
        func diagnostics(_ text: String) -> [String] {
            let sources = SourceManager()
            let file = sources.add(path: "t.flex", text: text)
            let parsed = Parser.parse(file)
            let checked = Checker(sources: sources, loader: nil).check(parsed.program)
            return (parsed.diagnostics + checked.diagnostics).map(\.message)
        }
        #expect(diagnostics("let r = {}\nexpect r matches { a: any thing }") == ["unknown pattern 'any thing'"])
        #expect(diagnostics("let r = {}\nexpect r matches { a: matches 1 }").first?.hasPrefix("expected a regular expression string after 'matches'") == true)
        #expect(diagnostics("let r = {}\nexpect r matches { a: 1, a: 2 }") == ["field 'a' appears twice in this pattern"])
        #expect(diagnostics("expect snapshot \"a b\": 1").first?.hasPrefix("a snapshot name must be") == true)
        #expect(diagnostics("def f() {\n  expect snapshot x: 1\n}") == ["'expect snapshot' is not allowed inside a 'def'"])
        #expect(diagnostics("let r = {}\nexpect r matches { a: undefined_name }") .first?.contains("undefined_name") == true)
        #expect(diagnostics("let snapshot = 1\nexpect snapshot == 1").isEmpty)
        #expect(diagnostics("expect snapshot ok: 1\nexpect snapshot \"ok.2\": 2").isEmpty)
    }

    @Test func snapshotLifeCycle() async throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.write("shop.flex", """
            let thermo = product "Thermo" eligible price $24.99
            scenario "Open session!" {
              let s = checkout items [thermo x2]
              expect snapshot session: s
            }
            """)
        let stored = dir.path + "/__snapshots__/shop/open-session/session.json"

        // CI mode: missing is a failure and nothing is written.
        let ci = await Fixtures.run([file], options: TestOptions(configuration: .simulated(), jobs: 1, ci: true))
        #expect(ci.summary.exitCode == ExitStatus.expectationFailed)
        #expect(ci.terminal.contains("snapshot 'session' has not been recorded"))
        #expect(TestFileSystem.read(stored) == nil)

        // Otherwise a missing snapshot is recorded and reported.
        let first = await Fixtures.run([file])
        #expect(first.summary.exitCode == ExitStatus.success)
        #expect(first.summary.results.first?.snapshotsWritten == [stored])
        #expect(first.terminal.contains("snapshot written: \(stored)"))
        let text = try #require(TestFileSystem.read(stored))
        #expect(text.contains("\"checkout_session_id\": \"<fcs_1>\""))
        #expect(text.contains("\"redirect_url\": \"https://checkout.withflex.com/pay/c/<fcs_1>\""))
        #expect(!text.contains("fcs_0") && !text.contains("fcs_1K"))

        // Same run again (and with another seed: IDs are masked) matches.
        let again = await Fixtures.run([file], options: TestOptions(configuration: .simulated(seed: 9), jobs: 1, ci: true))
        #expect(again.summary.exitCode == ExitStatus.success, "\(again.terminal)")
        #expect(again.summary.results.first?.snapshotsWritten == [])

        // A change fails with a line diff; --update-snapshots rewrites it.
        _ = TestFileSystem.write(text.replacing("\"amount_total\": 4998", with: "\"amount_total\": 1"), to: stored)
        let changed = await Fixtures.run([file], options: TestOptions(configuration: .simulated(), jobs: 1, ci: true))
        #expect(changed.summary.exitCode == ExitStatus.expectationFailed)
        #expect(changed.summary.results.first?.failure?.notes.prefix(2) == ["- " + "  \"amount_total\": 1,", "+ " + "  \"amount_total\": 4998,"])
        let updated = await Fixtures.run([file], options: TestOptions(configuration: .simulated(), jobs: 1, updateSnapshots: true, ci: true))
        #expect(updated.summary.exitCode == ExitStatus.success)
        #expect(TestFileSystem.read(stored) == text)
    }

    @Test func aSnapshotNeverHoldsAKey() async throws {
        let (dir, summary, terminal) = await Self.runScript("""
            expect snapshot config: { key: "fsk_test_4eC39HqLyjWDarjtT1zdp7dc", note: "ok" }
            """)
        defer { dir.remove() }
        #expect(summary.exitCode == ExitStatus.success, "\(terminal)")
        let written = try #require(summary.results.first?.snapshotsWritten.first)
        let text = try #require(TestFileSystem.read(written))
        #expect(text.contains("fsk_test_…p7dc"))
        #expect(!text.contains("4eC39HqLyjWDarjtT1zd"))
    }

    @Test func duplicateSnapshotNameInOneCase() async {
        let (dir, summary, terminal) = await Self.runScript("""
            expect snapshot a: 1
            expect snapshot a: 2
            """)
        defer { dir.remove() }
        #expect(summary.exitCode == ExitStatus.runtimeError, "\(terminal)")
        #expect(terminal.contains("snapshot 'a' is already used in this test case"))
    }

    @Test func maskingIsDeterministic() {
        var masker = SnapshotMasker()
        let json: JSON = [
            "customer_id": "fcus_01KDVDNAZ8Y41VVNSJ4RQYPVMN",
            "other": "fcus_01KDVDNAZ8Y41VVNSJ4RQYPVMN",
            "second": "fcus_01KDVDNAZ8Y41VVNSJ4RQYPVMX",
            "created_at": 1767225600,
            "updated": "2026-01-01T00:00:05Z",
            "url": "https://x.example/c/fcs_01KDVDNAZ8Y41VVNSJ4RQYPVMN?y=1",
            "idempotency_key": "flex-42-3",
            "amount": 2499,
            "note": "plain text_with underscores",
        ]
        let masked = masker.mask(json)
        #expect(masked["customer_id"] == "<fcus_1>")
        #expect(masked["other"] == "<fcus_1>")
        #expect(masked["second"] == "<fcus_2>")
        #expect(masked["created_at"] == "<timestamp>")
        #expect(masked["updated"] == "<timestamp>")
        #expect(masked["url"] == "https://x.example/c/<fcs_1>?y=1")
        #expect(masked["idempotency_key"] == "<idempotency_key>")
        #expect(masked["amount"] == 2499)
        #expect(masked["note"] == "plain text_with underscores")
    }

    @Test func slugs() {
        #expect(SnapshotDirectory.slug("Open session!") == "open-session")
        #expect(SnapshotDirectory.slug("  ") == "scenario")
        #expect(SnapshotDirectory.directory(for: TestCase(file: "a/b/x.flex", scenario: nil, statementIndex: nil, line: 1)) == "a/b/__snapshots__/x")
    }
}
