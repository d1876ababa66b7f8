// A live request that may stall: raced against Ctrl-C (and a `flex test` timeout), and its
// failures worded by what is known of the outcome, with the key and clause to retry with.
import FlexAPI
import FlexLanguage

extension Interpreter {
    /// `backend.send`, stopped within ~10 ms of an interruption when the backend is remote; the
    /// cancelled request is never sent again (RetryingBackend checks for cancellation).
    func sendInterruptibly(_ request: APIRequest, span: SourceSpan) async throws -> APIResponse {
        if configuration.backend.answersInProcess { return try await backend.send(request) }
        let backend = self.backend, own = interruption
        let stop: @Sendable () -> Bool = { Interruption.process.cause != nil || own.cause != nil }
        let answer: APIResponse?
        do {
            if configuration.backend.honoursStopSignal {
                // The backend polls the check while it waits: no task race per request.
                answer = try await StopSignal.$current.withValue(StopSignal(stop)) { try await backend.send(request) }
            } else {
                answer = try await TaskRace.run({ try await backend.send(request) }, until: TaskRace.polling(stop))
            }
        } catch where Task.isCancelled || (configuration.backend.honoursStopSignal && stop()) {
            answer = nil  // `flex test` cancelled the case's task, or a signal stopped the request
        }
        guard let answer else {
            let cause = Interruption.process.cause ?? own.cause ?? .interrupted
            var message = "interrupted while waiting for \(request.method.rawValue) \(request.path)"
            var help: String?
            if request.method != .GET {
                message += ": its outcome is unknown (the server may have applied it)"
                help = Interpreter.retryAdvice(request)
            }
            throw ScriptFailure(.interrupted(cause), .error(message, at: span, help: help))
        }
        return answer
    }

    /// A failure without a usable answer, worded by what is known of the request's effect.
    func transportFailure(_ error: any Error, request: APIRequest, span: SourceSpan) -> ScriptFailure {
        guard let error = error as? TransportError else {
            return ScriptFailure.runtime("no response from the API: \(error)", at: span)
        }
        switch error.outcome {
        case .noResponse:
            if configuration.backend.kind == .replay {
                // A replay mismatch is about the script, not the network.
                let mismatch = error.message.hasPrefix("replay: ")
                return ScriptFailure.runtime(mismatch ? error.message : "no response from the API: \(error.message)", at: span,
                                             help: mismatch ? "the script no longer sends what was recorded: record it again with --record, or replay the recording of this script" : nil)
            }
            return ScriptFailure.runtime("no response from the API: \(error.message)", at: span,
                                         help: "check the network and the API base URL; the request may be retried")
        case .unknown:
            return ScriptFailure.runtime(error.message, at: span, help: Interpreter.retryAdvice(request))
        case .unreadableAnswer:
            let effect = request.method == .GET ? "" : ": the request may have taken effect"
            return ScriptFailure.runtime(error.message + effect, at: span,
                                         help: request.method == .GET ? "the request may be retried" : Interpreter.retryAdvice(request))
        }
    }

    /// How to repeat a request whose outcome is unknown without applying it twice.
    static func retryAdvice(_ request: APIRequest) -> String? {
        guard let key = request.header("Idempotency-Key") else {
            return "check whether it took effect before repeating it"
        }
        return "check whether it took effect, or repeat the command with idempotency_key \"\(key)\": "
            + "the API then answers with the first result instead of applying it twice"
    }
}
