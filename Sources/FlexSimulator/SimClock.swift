// The `/_sim/clock` routes: read the virtual clock, advance it, set it (forward only).
import FlexAPI

extension State {
    func clockResponse() -> APIResponse {
        ok("clock", object(["now": .integer(now), "iso": .string(Clock.iso(now))]))
    }

    mutating func advanceClock(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "clock")
        guard let seconds = try body.integer("seconds") else { throw .invalid("clock.seconds is required") }
        guard seconds >= 0 else { throw .invalid("clock.seconds must be >= 0, not \(seconds)") }
        let (target, overflow) = now.addingReportingOverflow(seconds)
        guard !overflow, target <= Clock.latest else { throw .invalid("clock.seconds moves the clock past year 9999") }
        now = target
        runDueWork()
        return clockResponse()
    }

    mutating func setClock(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "clock")
        let target: Int
        switch body.value("now") {
        case .string(let text)?:
            guard let parsed = Clock.parse(text) else {
                throw .invalid("clock.now must be an ISO-8601 time like \"2026-01-01T00:00:00Z\", not \"\(text)\"")
            }
            target = parsed
        case .integer(let seconds)?:
            guard seconds >= 0, seconds <= Clock.latest else { throw .invalid("clock.now is out of range") }
            target = seconds
        case nil:
            throw .invalid("clock.now is required")
        default:
            throw .invalid("clock.now must be an ISO-8601 string or epoch seconds")
        }
        guard target >= now else {
            throw APIFailure(400, "clock_cannot_go_back",
                             "the clock only moves forward: it is \(Clock.iso(now)), cannot set \(Clock.iso(target))")
        }
        now = target
        runDueWork()
        return clockResponse()
    }
}
