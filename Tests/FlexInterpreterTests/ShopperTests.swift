// `pay` against a backend without the simulator's /_sim/ routes (the live API): flex shows the
// hosted page's URL and waits for the session to leave `open`.
import FlexAPI
@testable import FlexInterpreter
import FlexSync
import Testing

@Suite struct ShopperTests {
    /// No /_sim/ routes; the session is open on the first look and complete on the next.
    static func liveLikeBackend() -> RecordingBackend {
        let looks = Locked(0)
        return RecordingBackend { request in
            if request.path.hasPrefix("/_sim/") {
                return .error(status: 404, code: "not_found", message: "no such route")
            }
            let status = looks.withLock { count -> String in
                count += 1
                return count == 1 ? "open" : "complete"
            }
            return APIResponse(status: 200, body: ["checkout_session": [
                "checkout_session_id": "fcs_LIVE1", "status": .string(status),
                "redirect_url": "https://checkout.withflex.com/pay/c/fcs_LIVE1",
            ]])
        }
    }

    @Test func payOnTheLiveAPIShowsTheURLAndWaitsForCompletion() async {
        let backend = Self.liveLikeBackend()
        let result = await run("""
            let s = pay fcs_LIVE1 with card "4242 4242 4242 4242"
            print s.status
            """, backend: backend)
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out == "complete\n")
        #expect(result.err.contains("pay: open https://checkout.withflex.com/pay/c/fcs_LIVE1 and pay there"))
        let paths = backend.recorded.map { "\($0.method.rawValue) \($0.path)" }
        #expect(paths == ["POST /_sim/checkout/sessions/fcs_LIVE1/pay",
                          "GET /v1/checkout/sessions/fcs_LIVE1", "GET /v1/checkout/sessions/fcs_LIVE1"])
    }

    @Test func anAPIErrorFromPayIsStillAnError() async {
        let backend = RecordingBackend { _ in .error(status: 404, code: "checkout_session_not_found", message: "no session") }
        let result = await run("pay fcs_NOPE with card \"4242\"", backend: backend)
        #expect(result.code == 3)
        #expect(result.err.contains("checkout_session_not_found"))
    }
}
