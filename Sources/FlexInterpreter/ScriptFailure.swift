// Why a statement stopped: a runtime error, a Flex API error or a failed expectation, each
// already carrying the diagnostic to show; the kind decides the exit code.
import FlexAPI
import FlexLanguage

public struct ScriptFailure: Error, Sendable {
    public enum Kind: Sendable {
        /// A mistake the script made at run time (bad index, overflow, transport failure): exit 3.
        case runtime
        /// The API answered with an error: exit 3; `expect error` catches it.
        case api(FlexError)
        /// `expect` did not hold: exit 4.
        case expectation
        /// A signal or a `flex test` timeout stopped the run (see `Interruption`): exit 130.
        /// `expect error` never catches it.
        case interrupted(Interruption.Cause)
    }

    public var kind: Kind
    public var diagnostic: Diagnostic
    /// A failed expectation already has its `--json` "expect" line.
    var isWrittenAsJSON = false

    public init(_ kind: Kind, _ diagnostic: Diagnostic) {
        self.kind = kind
        self.diagnostic = diagnostic
    }

    static func runtime(_ message: String, at span: SourceSpan?, help: String? = nil, notes: [Diagnostic.Note] = []) -> ScriptFailure {
        ScriptFailure(.runtime, .error(message, at: span, help: help, notes: notes))
    }

    public var exitCode: Int32 {
        switch kind {
        case .runtime, .api: ExitStatus.runtimeError
        case .expectation: ExitStatus.expectationFailed
        case .interrupted: ExitStatus.interrupted
        }
    }
}

/// The process exit codes (docs/language.md §7, "Running files and scenarios").
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let usage: Int32 = 1
    public static let checkFailed: Int32 = 2
    public static let runtimeError: Int32 = 3
    public static let expectationFailed: Int32 = 4
    /// Stopped by SIGINT or SIGTERM: the shell's 128 + 2.
    public static let interrupted: Int32 = 130

    /// The code a run with several outcomes ends with: a broken script (3) outranks a failed
    /// expectation (4), which outranks success.
    public static func worst(_ a: Int32, _ b: Int32) -> Int32 {
        func rank(_ code: Int32) -> Int {
            switch code {
            case 0: 0
            case expectationFailed: 1
            case runtimeError: 2
            case checkFailed: 3
            default: 4
            }
        }
        return rank(a) >= rank(b) ? a : b
    }
}
