// The semantic half of the command table: which builder turns each command into its request,
// and the helpers every builder shares (wrappers, `fields`, query items).
import FlexAPI
import FlexLanguage

public enum CommandRequests {
    /// The request a command sends: the generic builder reads the table, except for the commands
    /// the table marks `builtByHand`. `product S ELIGIBILITY price M` sends two and is built by
    /// `ProductCommands.productRequest` and `PriceCommands.priceRequest` in turn.
    public static func request(for arguments: CommandArguments) throws -> APIRequest {
        try arguments.applyingIdempotencyKey(to: try builtRequest(for: arguments))
    }

    static func builtRequest(for arguments: CommandArguments) throws -> APIRequest {
        switch arguments.command {
        case .productCreate, .productWithPrice:
            return try ProductCommands.productRequest(arguments)
        case .priceCreate:
            return try PriceCommands.request(arguments)
        case .charge, .refund:
            return try CheckoutCommands.request(arguments)
        case .api:
            return try RawCommands.request(arguments)
        case .pay, .clockAdvance, .clockSet, .failNext, .declineNext, .simEvents, .simSeed, .simSnapshot, .simRestore:
            return try SimulatorCommands.request(arguments)
        default:
            return try GenericCommandRequest.request(arguments)
        }
    }

    /// The Flex-field clauses a hand-written builder left to the table, set into its body.
    static func setTableFields(_ body: inout JSONObject, _ arguments: CommandArguments, handled: Set<String>) throws {
        let syntax = CommandTable.syntax(arguments.command)
        for (field, value) in try GenericCommandRequest.fieldValues(syntax, arguments, skipping: handled) {
            GenericCommandRequest.set(&body, path: field, to: value)
        }
    }

    /// `{"<wrapper>": {…body, …fields}}`: `fields { … }` is merged last, so it can also override.
    static func wrapped(_ wrapper: String, _ body: JSONObject, _ arguments: CommandArguments) throws -> JSON {
        var inner = body
        if let fields = try arguments.fields() {
            for entry in fields { inner[entry.key] = entry.value }
        }
        return .object([wrapper: .object(inner)])
    }

    /// A POST with no documented body: `fields` still gets through, wrapped.
    static func optionalBody(_ wrapper: String, _ arguments: CommandArguments) throws -> JSON? {
        guard let fields = try arguments.fields(), !fields.isEmpty else { return nil }
        return .object([wrapper: .object(fields)])
    }

    /// Query items for a GET; `fields { … }` on a GET adds query parameters.
    static func query(_ items: [(String, String?)], _ arguments: CommandArguments) throws -> [QueryItem] {
        var query = items.compactMap { name, value in value.map { QueryItem(name, $0) } }
        if let fields = try arguments.fields() {
            for entry in fields { query.append(QueryItem(entry.key, queryText(entry.value))) }
        }
        return query
    }

    static func queryText(_ json: JSON) -> String {
        switch json {
        case .string(let s): s
        case .integer(let i): String(i)
        case .decimal(let d): d
        case .bool(let b): b ? "true" : "false"
        case .null: ""
        default: json.serialized()
        }
    }

}
