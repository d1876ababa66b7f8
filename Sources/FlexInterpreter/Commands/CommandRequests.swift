// The semantic half of the command table: which builder turns each command into its request,
// and the helpers every builder shares (wrappers, `fields`, query items).
import FlexAPI
import FlexLanguage

public enum CommandRequests {
    /// The request a command sends. `product S ELIGIBILITY price M` sends two and is built by
    /// `ProductCommands.productRequest` and `PriceCommands.priceRequest` in turn.
    public static func request(for arguments: CommandArguments) throws -> APIRequest {
        switch arguments.command {
        case .customerCreate, .customerGet, .customerUpdate, .customerList, .paymentMethodsOf:
            return try CustomerCommands.request(arguments)
        case .productCreate, .productGet, .productList, .productWithPrice:
            return try ProductCommands.request(arguments)
        case .priceCreate, .priceGet, .priceList:
            return try PriceCommands.request(arguments)
        case .checkoutCreate, .checkoutGet, .checkoutList, .lineItemsOf, .charge:
            return try CheckoutCommands.request(arguments)
        case .refund, .capture, .cancel, .reauth:
            return try SessionActionCommands.request(arguments)
        case .paymentIntentGet, .paymentIntentList, .refundList:
            return try PaymentIntentCommands.request(arguments)
        case .api:
            return try RawCommands.request(arguments)
        case .pay, .expire, .clockShow, .clockAdvance, .clockSet, .failNext, .declineNext, .events,
             .simReset, .simSeed, .simSnapshot, .simRestore:
            return try SimulatorCommands.request(arguments)
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

    static func limit(_ arguments: CommandArguments) throws -> String? {
        try arguments.integer("limit").map(String.init)
    }
}
