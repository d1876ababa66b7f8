// `idempotency_key "…"` sets the request's Idempotency-Key (not a body field), the simulator
// honours it, a bad key is a clear error, and commands sending two POSTs do not take it.
import FlexAPI
@testable import FlexInterpreter
import FlexLanguage
import Testing

@Suite struct IdempotencyKeyClauseTests {
    @Test func theClauseSetsTheHeaderAndLeavesTheBodyAndLaterKeysAlone() async {
        let (sent, result) = await requests("""
            customer create email "a@b.co" idempotency_key "retry-7"
            customer create email "b@b.co"
            """)
        #expect(result.code == 0, "\(result.err)")
        #expect(sent.map { $0.header("Idempotency-Key") } == ["retry-7", "flex-42-2"])
        #expect(sent[0].body == ["customer": ["email": "a@b.co"]])
    }

    @Test func theSimulatorAnswersARepeatedKeyWithTheFirstResult() async {
        let result = await run("""
            let a = customer create email "a@b.co" idempotency_key "same-key"
            let b = customer create email "a@b.co" idempotency_key "same-key"
            expect a.customer_id == b.customer_id
            """)
        #expect(result.code == 0, "\(result.err)")
    }

    @Test func aKeyThatCannotBeAHeaderIsAClearError() async {
        for key in ["", "has space", String(repeating: "k", count: 256)] {
            let result = await run("customer create email \"a@b.co\" idempotency_key \"\(key)\"\n")
            #expect(result.code == 3)
            #expect(result.err.contains("idempotency_key needs 1 to 255 printable ASCII characters without spaces"), "\(result.err)")
        }
    }

    @Test func onlyCommandsThatSendOnePostTakeIt() {
        #expect(CommandTable.syntax(.customerCreate).clause(named: "idempotency_key") != nil)
        #expect(CommandTable.syntax(.pay).clause(named: "idempotency_key") != nil)
        #expect(CommandTable.syntax(.productWithPrice).clause(named: "idempotency_key") == nil)
        #expect(CommandTable.syntax(.customerList).clause(named: "idempotency_key") == nil)
    }
}
