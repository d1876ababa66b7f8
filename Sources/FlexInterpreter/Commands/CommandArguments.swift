// A command invocation with every value evaluated: what the request builders in this folder
// turn into an APIRequest. Conversions (ID from an object, money, words) report at the value's span.
import FlexAPI
import FlexLanguage

public struct CommandArguments: Sendable {
    public enum Argument: Sendable {
        /// A flag clause (`save_card`, `hsa`).
        case flag
        /// A value; bare words (`capture manual`, `api GET`) arrive as strings.
        case value(Value)
        /// A cart: `[thermo x2, mug]`, or a list value.
        case items([Item])
    }

    public struct Item: Sendable {
        public var price: Value
        public var quantity: Int?
        public var span: SourceSpan
        public init(price: Value, quantity: Int?, span: SourceSpan) {
            self.price = price
            self.quantity = quantity
            self.span = span
        }
    }

    public var command: CommandName
    public var span: SourceSpan
    /// Positional arguments in table order; nil for an omitted optional one.
    public var positionals: [(value: Value, span: SourceSpan)?]
    public var clauses: [(name: String, argument: Argument, span: SourceSpan)]

    public init(command: CommandName, span: SourceSpan, positionals: [(value: Value, span: SourceSpan)?] = [],
                clauses: [(name: String, argument: Argument, span: SourceSpan)] = []) {
        self.command = command
        self.span = span
        self.positionals = positionals
        self.clauses = clauses
    }

    public var displayName: String { CommandTable.syntax(command).displayPhrase }

    func clause(_ name: String) -> (argument: Argument, span: SourceSpan)? {
        for clause in clauses where clause.name == name { return (clause.argument, clause.span) }
        return nil
    }

    func has(_ name: String) -> Bool { clause(name) != nil }

    func value(_ name: String) -> (Value, SourceSpan)? {
        guard let found = clause(name), case .value(let value) = found.argument else { return nil }
        return (value, found.span)
    }

    func positional(_ index: Int) -> (value: Value, span: SourceSpan)? {
        index < positionals.count ? positionals[index] : nil
    }

    // MARK: - Conversions

    func string(_ name: String) throws -> String? {
        guard let (value, span) = value(name) else { return nil }
        return try CommandArguments.string(value, span: span, what: "'\(name)'")
    }

    func money(_ name: String) throws -> Int? {
        guard let (value, span) = value(name) else { return nil }
        return try CommandArguments.money(value, span: span, what: "'\(name)'")
    }

    func integer(_ name: String) throws -> Int? {
        guard let (value, span) = value(name) else { return nil }
        return try CommandArguments.integer(value, span: span, what: "'\(name)'")
    }

    func id(_ name: String, prefix: String) throws -> String? {
        guard let (value, span) = value(name) else { return nil }
        return try CommandArguments.id(value, prefix: prefix, span: span)
    }

    func positionalID(_ index: Int, prefix: String) throws -> String {
        guard let (value, span) = positional(index) else {
            throw ScriptFailure.runtime("'\(displayName)' needs a \(CommandArguments.noun(for: prefix))", at: self.span)
        }
        return try CommandArguments.id(value, prefix: prefix, span: span)
    }

    func positionalString(_ index: Int, what: String) throws -> String {
        guard let (value, span) = positional(index) else {
            throw ScriptFailure.runtime("'\(displayName)' needs \(what)", at: self.span)
        }
        return try CommandArguments.string(value, span: span, what: what)
    }

    /// `fields { … }`: merged verbatim into the request body.
    func fields() throws -> JSONObject? {
        guard let (value, span) = value("fields") else { return nil }
        guard case .object(let object) = try Interpreter.requestJSON(value, span: span) else {
            throw ScriptFailure.runtime("fields needs a record, got \(value.kindDescription)", at: span,
                                        help: "fields { client_reference_id: \"order-7\" }")
        }
        return object
    }

    /// The cart as `[{"price": "fprice_…", "quantity": 2}]`; `quantities: false` leaves quantities
    /// out (refunds name whole line items). What each mode needs: a product (or, in `reimbursement`
    /// mode, a price's product) becomes `{"product": …}`, and a record of Flex's own item fields
    /// (`price_data`, `id`, `deleted`, …) goes through as written.
    func lineItems(_ name: String, quantities: Bool = true, mode: String? = nil) throws -> [JSON]? {
        guard let found = clause(name) else { return nil }
        let items: [Item]
        switch found.argument {
        case .items(let list): items = list
        case .value(let value): items = try CommandArguments.items(from: value, span: found.span)
        case .flag: items = []
        }
        return try items.map { item in try CommandArguments.lineItem(item, quantities: quantities, byProduct: mode == "reimbursement") }
    }

    static func lineItem(_ item: Item, quantities: Bool, byProduct: Bool) throws -> JSON {
        var entry = JSONObject()
        if item.price.isRecord, item.price.ownIDKey == nil || item.price.ownIDKey == "id" {
            entry = try inlineItem(item.price, span: item.span)
            if let quantity = item.quantity { entry["quantity"] = .integer(quantity) }
            return .object(entry)
        }
        if byProduct || isProduct(item.price) {
            entry["product"] = .string(try id(item.price, prefix: "fprod_", span: item.span))
        } else {
            entry["price"] = .string(try id(item.price, prefix: "fprice_", span: item.span))
        }
        if quantities { entry["quantity"] = .integer(item.quantity ?? 1) }
        return .object(entry)
    }

    /// A record written in the script (`{price_data: {…}, quantity: 2}`, `{product: gym}`): its
    /// `price` and `product` (and `price_data.product`) may be the objects themselves, sent as their IDs.
    static func inlineItem(_ record: Value, span: SourceSpan) throws -> JSONObject {
        guard case .object(var object) = try Interpreter.requestJSON(record, span: span) else { return JSONObject() }
        if let price = record.field("price"), price.text == nil { object["price"] = .string(try id(price, prefix: "fprice_", span: span)) }
        if let product = record.field("product"), product.text == nil {
            object["product"] = .string(try id(product, prefix: "fprod_", span: span))
        }
        if let data = record.field("price_data"), data.isRecord, let product = data.field("product"), product.text == nil,
           case .object(var inner) = data.json {
            inner["product"] = .string(try id(product, prefix: "fprod_", span: span))
            object["price_data"] = .object(inner)
        }
        return object
    }

    static func isProduct(_ value: Value) -> Bool {
        if let text = value.text { return text.hasPrefix("fprod_") }
        return value.ownIDKey == "product_id"
    }

    /// A list value as a cart: each element a price (value or ID), or a record `{price, quantity}`.
    static func items(from value: Value, span: SourceSpan) throws -> [Item] {
        guard let elements = value.listElements else {
            throw ScriptFailure.runtime("expected a list of prices for the cart, got \(value.kindDescription)", at: span,
                                        help: "write the cart as [price x2, other]")
        }
        return try elements.map { element in
            if element.isRecord, let price = element.field("price"), element.ownIDKey != "price_id" {
                var quantity: Int?
                if let q = element.field("quantity") { quantity = try integer(q, span: span, what: "a quantity") }
                return Item(price: price, quantity: quantity, span: span)
            }
            return Item(price: element, quantity: nil, span: span)
        }
    }

    static func string(_ value: Value, span: SourceSpan, what: String) throws -> String {
        if let text = value.text { return text }
        switch value {
        case .integer(let i): return String(i)
        default:
            throw ScriptFailure.runtime("\(what) needs a string, got \(value.kindDescription)", at: span)
        }
    }

    static func integer(_ value: Value, span: SourceSpan, what: String) throws -> Int {
        guard case .integer(let i) = value else {
            throw ScriptFailure.runtime("\(what) needs an integer, got \(value.kindDescription)", at: span)
        }
        return i
    }

    static func money(_ value: Value, span: SourceSpan, what: String) throws -> Int {
        switch value {
        case .integer(let cents): return cents
        case .decimal(let d):
            throw ScriptFailure.runtime("\(what) needs money in integer cents, got the decimal \(d)", at: span,
                                        help: "write money as $\(d) or as cents")
        default:
            throw ScriptFailure.runtime("\(what) needs money (integer cents), got \(value.kindDescription)", at: span,
                                        help: "write money as $24.99 or 2499")
        }
    }

    /// An ID with `prefix` from an ID, a string, or an object carrying one (`with pm`,
    /// `items [price x2]`, `refund session`): the object's own ID, or its reference to such an
    /// object (`customer` on a checkout session).
    static func id(_ value: Value, prefix: String, span: SourceSpan) throws -> String {
        var noun: String { CommandArguments.noun(for: prefix) }
        switch value {
        case .id(let text), .string(let text):
            if text.utf8.starts(with: prefix.utf8) { return text }
            if let actual = Value.idPrefix(of: text), actual != prefix {
                throw ScriptFailure.runtime("expected a \(noun) ID (\(prefix)…), got \(text), a \(CommandArguments.noun(for: actual)) ID", at: span)
            }
            return text
        case .record, .object:
            let key = FlexIDPrefix.objectIDKeys[prefix] ?? "id"
            for candidate in [key, String(key.dropLast(3))] {
                if let text = value.fieldText(candidate), text.utf8.starts(with: prefix.utf8) { return text }
            }
            if let own = value.ownIDKey, let text = value.fieldText(own), text.utf8.starts(with: prefix.utf8) { return text }
            throw ScriptFailure.runtime("expected a \(noun) (\(prefix)…), got a \(value.objectTypeName) record that carries none", at: span)
        default:
            throw ScriptFailure.runtime("expected a \(noun) ID (\(prefix)…), got \(value.kindDescription)", at: span)
        }
    }

    /// `fcs_` → "checkout session".
    static func noun(for prefix: String) -> String {
        guard let key = FlexIDPrefix.objectIDKeys[prefix] else { return "Flex object" }
        return String(key.dropLast(3)).replacingUnderscores()
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
