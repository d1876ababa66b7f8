// Fuzz target: bytes that parse and check cleanly run on a fresh simulator, within a step and
// time budget so `repeat 1000000000` or an endless `wait until` cannot hang the fuzzer. After
// 100 ms the run's own interruption is raised (what `flex test --timeout` does), so the paths
// where long builtins stop part-way are fuzzed too.
import Dispatch
import FlexAPI
import FlexInterpreter
import FlexLanguage
import FlexSimulator

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterpreter(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let sources = SourceManager()
    let file = sources.add(path: "fuzz.flex", bytes: bytes)
    let checked = CheckedProgram.compile(file, sources: sources, loader: nil)
    guard !checked.hasErrors else { return 0 }
    let done = DispatchSemaphore(value: 0)
    // The interpreter is not Sendable: everything it touches is made inside the task.
    let program = UncheckedBox(checked, sources)
    Task {
        let output = CapturingOutputSink()
        let configuration = RunConfiguration(backend: .embeddedSimulator, makeBackend: { SimulatedFlex(seed: $0) },
                                             maximumSteps: 20_000, timeLimit: .seconds(2))
        let interpreter = Interpreter(sources: program.sources, output: output, configuration: configuration)
        let interruption = interpreter.interruption
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(100)) { interruption.request(.timedOut) }
        let code = await interpreter.run(program.program) { failure, _ in
            // Rendering the failure is part of what is fuzzed.
            _ = DiagnosticRenderer(sources: program.sources, style: .full).render([failure.diagnostic])
        }
        if ![0, 3, 4, 130].contains(code) { fatalError("unexpected exit status \(code)") }
        done.signal()
    }
    done.wait()
    return 0
}

/// Hands the program to the task that runs it; the caller waits and touches neither meanwhile.
final class UncheckedBox: @unchecked Sendable {
    let program: CheckedProgram
    let sources: SourceManager
    init(_ program: CheckedProgram, _ sources: SourceManager) {
        self.program = program
        self.sources = sources
    }
}
