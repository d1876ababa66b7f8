// Idempotency-Keys: reproducible on the simulator, unique per run AND interpreter (test case) live.
import FlexAPI
@testable import FlexInterpreter
import FlexLanguage
import Testing

@Suite struct IdempotencyKeyTests {
    func keys(of configuration: RunConfiguration, backend: RecordingBackend, script: String) async -> [String] {
        let sources = SourceManager()
        let file = sources.add(path: "k.flex", text: script)
        let program = CheckedProgram.compile(file, sources: sources, loader: nil)
        let interpreter = Interpreter(sources: sources, output: CapturingOutputSink(), configuration: configuration)
        _ = await interpreter.runCase(program, scenario: nil)
        return backend.recorded.compactMap { $0.header("Idempotency-Key") }
    }

    @Test func liveKeysDifferBetweenCasesOfOneRunAndStayStableWithinOne() async {
        let backend = RecordingBackend()
        let live = RunConfiguration(backend: BackendDescription(kind: .liveAPI, displayName: "live"), makeBackend: { _ in backend },
                                    idempotencyNamespace: "0c0a")
        let script = "customer create email \"a@b.co\"\ncustomer create email \"b@b.co\"\n"
        // Two cases run with the same configuration, as `flex test -j N` runs them.
        let first = await keys(of: live, backend: backend, script: script)
        let both = await keys(of: live, backend: backend, script: script)
        let second = Array(both.dropFirst(first.count))
        #expect(first.count == 2 && second.count == 2)
        #expect(Set(first + second).count == 4, "\(first) \(second)")
        #expect(first.allSatisfy { $0.hasPrefix("flex-0c0a-") } && second.allSatisfy { $0.hasPrefix("flex-0c0a-") })
        #expect(first[0].hasSuffix("-1") && first[1].hasSuffix("-2"))
    }

    @Test func simulatorKeysAreTheSeedsAndRepeatPerBackend() async {
        let backend = RecordingBackend()
        let simulated = RunConfiguration(backend: .embeddedSimulator, makeBackend: { _ in backend })
        let script = "customer create email \"a@b.co\"\n"
        _ = await keys(of: simulated, backend: backend, script: script)
        let both = await keys(of: simulated, backend: backend, script: script)
        #expect(both == ["flex-42-1", "flex-42-1"])
    }
}
