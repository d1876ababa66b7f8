// pay, clock advance/set, fail next, decline next, sim events, sim seed/snapshot/restore: the
// simulator commands whose bodies need code (card numbers, counts, durations), built with FlexAPI's
// SimulatorRequests, which only a simulator answers. The others are built from the table.
import FlexAPI

enum SimulatorCommands {
    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        switch arguments.command {
        case .pay:
            let id = try arguments.positionalID(0, prefix: "fcs_")
            var payment = JSONObject()
            if let card = try arguments.string("with card") { payment["card"] = .string(cardNumber(card)) }
            for kind in ["hsa", "fsa", "credit"] where arguments.has(kind) { payment["card_kind"] = .string(kind) }
            if let split = try arguments.string("split card") { payment["split_card"] = .string(cardNumber(split)) }
            if let lmn = try arguments.string("lmn") { payment["lmn"] = .string(lmn) }
            if let email = try arguments.string("email") { payment["email"] = .string(email) }
            return SimulatorRequests.pay(session: id, body: try CommandRequests.wrapped("payment", payment, arguments))
        case .clockAdvance:
            guard let (value, span) = arguments.positional(0) else {
                throw ScriptFailure.runtime("'clock advance' needs a duration such as 1h", at: arguments.span)
            }
            let seconds: Int
            switch value {
            case .duration(let s), .integer(let s): seconds = s
            default: throw ScriptFailure.runtime("'clock advance' needs a duration such as 1h, got \(value.kindDescription)", at: span)
            }
            return SimulatorRequests.advanceClock(body: try CommandRequests.wrapped("clock", ["seconds": .integer(seconds)], arguments))
        case .clockSet:
            let time = try arguments.positionalString(0, what: "a time such as \"2026-01-01T00:00:00Z\"")
            return SimulatorRequests.setClock(body: try CommandRequests.wrapped("clock", ["now": .string(time)], arguments))
        case .failNext:
            var fault: JSONObject = ["kind": "request"]
            fault["count"] = .integer(try count(arguments))
            if let status = try arguments.integer("with") { fault["status"] = .integer(status) }
            if let code = try arguments.string("code") { fault["code"] = .string(code) }
            return SimulatorRequests.fault(body: try CommandRequests.wrapped("fault", fault, arguments))
        case .declineNext:
            var fault: JSONObject = ["kind": "decline"]
            fault["count"] = .integer(try count(arguments))
            if let code = try arguments.string("with") { fault["decline_code"] = .string(code) }
            return SimulatorRequests.fault(body: try CommandRequests.wrapped("fault", fault, arguments))
        case .simEvents:
            var object: String?
            if let (value, span) = arguments.value("for") {
                if let text = value.text {
                    object = text
                } else if let key = value.ownIDKey, let text = value.field(key)?.text {
                    object = text
                } else {
                    throw ScriptFailure.runtime("'sim events for' needs an ID or a Flex object, got \(value.kindDescription)", at: span)
                }
            }
            return SimulatorRequests.events(query: try CommandRequests.query(
                [("type", try arguments.string("type")), ("object", object)], arguments))
        case .simSeed:
            guard let (value, span) = arguments.positional(0) else {
                throw ScriptFailure.runtime("'sim seed' needs a number", at: arguments.span)
            }
            let seed = try CommandArguments.integer(value, span: span, what: "'sim seed'")
            return SimulatorRequests.seed(seed)
        case .simSnapshot:
            let name = try arguments.positionalString(0, what: "a snapshot name")
            return SimulatorRequests.snapshot(name: name)
        default: // .simRestore
            let name = try arguments.positionalString(0, what: "a snapshot name")
            return SimulatorRequests.restore(snapshot: name)
        }
    }

    /// Card numbers are typed with spaces ("4242 4242 4242 4242"); the wire has digits only.
    static func cardNumber(_ text: String) -> String {
        String(text.filter { $0 != " " && $0 != "-" })
    }

    static func count(_ arguments: CommandArguments) throws -> Int {
        guard let (value, span) = arguments.positional(0) else { return 1 }
        let count = try CommandArguments.integer(value, span: span, what: "the count")
        guard count >= 1 else { throw ScriptFailure.runtime("the count must be at least 1, got \(count)", at: span) }
        return count
    }
}
