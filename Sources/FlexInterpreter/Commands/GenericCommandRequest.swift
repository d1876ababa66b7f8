// The generic request builder: a command's table entry (method, path template, wrapper, the Flex
// field of each positional and clause) and its evaluated arguments make the APIRequest, so most
// commands have no code of their own. Hand-written builders reuse `setFields` for the Flex-field
// clauses they do not treat specially.
import FlexAPI
import FlexLanguage

enum GenericCommandRequest {
    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        let syntax = CommandTable.syntax(arguments.command)
        guard let route = syntax.request else { preconditionFailure("'\(syntax.displayPhrase)' declares no request") }
        let method = HTTPMethod(rawValue: route.method.rawValue) ?? .GET
        let path = try fill(route, syntax, arguments)
        let values = try fieldValues(syntax, arguments)
        if route.takesQuery {
            return APIRequest(method, path, query: try CommandRequests.query(queryPairs(values), arguments))
        }
        let hasBodyFields = syntax.positionals.contains { $0.field != nil } || syntax.clauses.contains { $0.field != nil }
        guard hasBodyFields else { return APIRequest(method, path, body: try optionalBody(route.wrapper, arguments)) }
        var body = JSONObject()
        for (field, value) in values { set(&body, path: field, to: value) }
        return APIRequest(method, path, body: try wrapped(route.wrapper, body, arguments))
    }

    /// The query of a GET: each field as `name=text`, except `expand "customer, invoice"`, sent as
    /// Flex's expansion page writes one expansion, `expand_customer=true` per field (docs/flex-api.md §1.9).
    static func queryPairs(_ values: [(field: String, value: JSON)]) -> [(String, String?)] {
        values.flatMap { field, value -> [(String, String?)] in
            guard field == "expand", case .string(let text) = value else { return [(field, queryText(value))] }
            return text.split(separator: ",").map { part in
                ("expand_" + String(part.filter { $0 != " " }), "true")
            }
        }
    }

    /// `/v1/customers/{customer}` with each `{name}` taken from the positional (or clause) of that name.
    static func fill(_ route: RequestSyntax, _ syntax: CommandSyntax, _ arguments: CommandArguments) throws -> String {
        let placeholders = route.placeholders
        guard !placeholders.isEmpty else { return route.path }
        var segments: [String] = []
        for segment in route.path.split(separator: "/", omittingEmptySubsequences: false) {
            guard segment.first == "{", segment.last == "}" else {
                segments.append(String(segment))
                continue
            }
            let name = String(segment.dropFirst().dropLast())
            segments.append(PercentEncoding.segment(try pathValue(name, syntax, arguments)))
        }
        return segments.joined(separator: "/")
    }

    private static func pathValue(_ name: String, _ syntax: CommandSyntax, _ arguments: CommandArguments) throws -> String {
        if let index = syntax.positionals.firstIndex(where: { $0.name == name }) {
            if case .id(let prefix) = syntax.positionals[index].kind { return try arguments.positionalID(index, prefix: prefix) }
            return try arguments.positionalString(index, what: "a \(name)")
        }
        guard let clause = syntax.clause(named: name), let (value, span) = arguments.value(name) else {
            throw ScriptFailure.runtime("'\(syntax.displayPhrase)' needs a '\(name)' clause", at: arguments.span)
        }
        if case .id(let prefix) = clause.kind { return try CommandArguments.id(value, prefix: prefix, span: span) }
        return try CommandArguments.string(value, span: span, what: "'\(name)'")
    }

    /// Each given positional and clause that has a Flex field, in table order, as (field, value);
    /// a clause's `default` stands in when it is absent.
    static func fieldValues(_ syntax: CommandSyntax, _ arguments: CommandArguments, skipping handled: Set<String> = []) throws -> [(field: String, value: JSON)] {
        var values: [(field: String, value: JSON)] = []
        for (index, positional) in syntax.positionals.enumerated() {
            guard let field = positional.field, let (value, span) = arguments.positional(index) else { continue }
            values.append((field, try json(value, kind: positional.kind, span: span, what: "'\(positional.name)'")))
        }
        let mode = try arguments.string("mode")
        for clause in syntax.clauses where !handled.contains(clause.name) {
            guard let field = clause.field else { continue }
            guard let (argument, span) = arguments.clause(clause.name) else {
                if let text = clause.defaultText { values.append((field, .string(text))) }
                continue
            }
            if clause.kind == .items {
                // Written in place or a list value; what each item becomes depends on the mode.
                values.append((field, .array(try arguments.lineItems(clause.name, mode: mode) ?? [])))
                continue
            }
            switch argument {
            case .flag:
                switch clause.flagValue {
                case .bool(let flag): values.append((field, .bool(flag)))
                case .string(let text): values.append((field, .string(text)))
                }
            case .value(let value):
                values.append((field, try json(value, kind: clause.kind, span: span, what: "'\(clause.name)'")))
            case .items(let items):
                // An item list where the table expects another kind (the checker reports it).
                values.append((field, .array(try items.map { try CommandArguments.lineItem($0, quantities: true, byProduct: false) })))
            }
        }
        return values
    }

    /// A value as the table's kind says it goes on the wire: money and durations as integers, IDs
    /// from the objects that carry them, records and lists as JSON.
    static func json(_ value: Value, kind: ValueKind, span: SourceSpan, what: String) throws -> JSON {
        switch kind {
        case .money: return .integer(try CommandArguments.money(value, span: span, what: what))
        case .integer: return .integer(try CommandArguments.integer(value, span: span, what: what))
        case .string, .word: return .string(try CommandArguments.string(value, span: span, what: what))
        case .id(let prefix): return .string(try CommandArguments.id(value, prefix: prefix, span: span))
        case .duration:
            if case .duration(let seconds) = value { return .integer(seconds) }
            return .integer(try CommandArguments.integer(value, span: span, what: what))
        case .record:
            guard value.isRecord else {
                throw ScriptFailure.runtime("\(what) needs a record, got \(value.kindDescription)", at: span)
            }
            return try Interpreter.requestJSON(value, span: span)
        case .any, .items, .flag:
            // A Flex object stands for its ID (`events for s`); anything else goes as it is.
            if value.isRecord, let key = value.ownIDKey, key != "id", let text = value.fieldText(key) { return .string(text) }
            return try Interpreter.requestJSON(value, span: span)
        }
    }

    /// Sets `evidence.uncategorized_text` inside nested objects, keeping what is already there.
    static func set(_ object: inout JSONObject, path: String, to value: JSON) {
        guard let dot = path.firstIndex(of: ".") else {
            object[path] = value
            return
        }
        let head = String(path[..<dot])
        var inner = object[head]?.objectValue ?? JSONObject()
        set(&inner, path: String(path[path.index(after: dot)...]), to: value)
        object[head] = .object(inner)
    }

    static func queryText(_ json: JSON) -> String { CommandRequests.queryText(json) }

    private static func wrapped(_ wrapper: String?, _ body: JSONObject, _ arguments: CommandArguments) throws -> JSON {
        if let wrapper { return try CommandRequests.wrapped(wrapper, body, arguments) }
        var merged = body
        for entry in try arguments.fields() ?? [:] { merged[entry.key] = entry.value }
        return .object(merged)
    }

    private static func optionalBody(_ wrapper: String?, _ arguments: CommandArguments) throws -> JSON? {
        if let wrapper { return try CommandRequests.optionalBody(wrapper, arguments) }
        guard let fields = try arguments.fields(), !fields.isEmpty else { return nil }
        return .object(fields)
    }
}
