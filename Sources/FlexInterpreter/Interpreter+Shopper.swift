// `pay` where no simulator answers (the live API): a person must pay on Flex's hosted page, so
// flex shows the session's redirect_url and waits, polling the session, until it leaves `open`.
import FlexAPI
import FlexLanguage

extension Interpreter {
    /// How often the session is polled, and for how long, while a shopper pays by hand.
    static let shopperPollSeconds = 2
    static let shopperTimeoutSeconds = 600

    /// Sends the simulator's pay; on a backend without /_sim/ routes, waits for a real shopper.
    func pay(_ arguments: CommandArguments, span: SourceSpan) async throws -> Value {
        let response = try await exchange(try CommandRequests.request(for: arguments), span: span)
        if response.isSuccess { return Interpreter.unwrap(response.body) }
        guard Interpreter.isMissingSimulatorRoute(response) else {
            throw apiFailure(FlexError(response: response), span: span, command: .pay)
        }
        let id = try arguments.positionalID(0, prefix: "fcs_")
        let path = "/v1/checkout/sessions/" + PercentEncoding.segment(id)
        var session = Interpreter.unwrap(try await perform(APIRequest(.GET, path), span: span, command: .checkoutGet))
        let url = session.field("redirect_url")?.text ?? "(the session has no redirect_url)"
        output.write("pay: open \(url) and pay there; waiting up to \(Value.durationText(Self.shopperTimeoutSeconds)) for \(id) to complete (Ctrl-C stops)\n",
                     to: .standardError)
        var waited = 0
        while session.field("status")?.text == "open" {
            try checkInterruption(span)
            guard waited < Self.shopperTimeoutSeconds else {
                throw ScriptFailure.runtime("timed out after \(Value.durationText(waited)) waiting for \(id) to be paid", at: span,
                                            help: "pay at \(url), then run the script again")
            }
            try sleep(seconds: Self.shopperPollSeconds, span: span)
            waited += Self.shopperPollSeconds
            session = Interpreter.unwrap(try await perform(APIRequest(.GET, path), span: span, command: .checkoutGet))
        }
        return session
    }
}
