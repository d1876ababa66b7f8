// A fake single-attempt backend for RetryingBackend's unit tests: plays scripted outcomes, no network.
import FlexAPI
import FlexSync

/// Answers each attempt with the next scripted outcome (the last one repeats) and keeps every
/// request it was sent.
final class ScriptedBackend: FlexBackend {
    enum Outcome: Sendable {
        case respond(Int, headers: [HTTPHeader] = [])
        case fail(AttemptFailure)
    }

    let outcomes: [Outcome]
    let log = Locked<[APIRequest]>([])
    var received: [APIRequest] { log.withLock { $0 } }

    init(_ outcomes: [Outcome]) { self.outcomes = outcomes }

    func send(_ request: APIRequest) async throws -> APIResponse {
        let index = log.withLock { sent in sent.append(request); return sent.count - 1 }
        switch outcomes[min(index, outcomes.count - 1)] {
        case .respond(let status, let headers): return APIResponse(status: status, headers: headers, body: ["status": .integer(status)])
        case .fail(let failure): throw failure
        }
    }
}
