// Tests and benchmarks run on the embedded simulator; the composition root is theirs to play.
import FlexAPI
import FlexInterpreter
import FlexLanguage
import FlexSimulator

extension RunConfiguration {
    /// A run on a fresh `SimulatedFlex` per backend, as `flex run` makes by default.
    public static func simulated(seed: UInt64 = 42, json: Bool = false, diagnosticStyle: DiagnosticRenderer.Style = .full,
                                 variables: [(name: String, value: Value)] = [], maximumSteps: Int = .max,
                                 timeLimit: Duration? = nil) -> RunConfiguration {
        RunConfiguration(backend: .embeddedSimulator, makeBackend: { SimulatedFlex(seed: $0) }, seed: seed, json: json,
                         diagnosticStyle: diagnosticStyle, variables: variables, maximumSteps: maximumSteps, timeLimit: timeLimit)
    }
}
