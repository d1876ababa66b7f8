// api METHOD "/v1/path" [RECORD]: the escape hatch, sent as written.
import FlexAPI

enum RawCommands {
    static func request(_ arguments: CommandArguments) throws -> APIRequest {
        let methodText = try arguments.positionalString(0, what: "an HTTP method")
        guard let method = HTTPMethod(rawValue: methodText.uppercased()) else {
            throw ScriptFailure.runtime("unknown HTTP method '\(methodText)'", at: arguments.positional(0)?.span ?? arguments.span,
                                        help: "use one of GET, POST, PATCH, PUT, DELETE")
        }
        let target = try arguments.positionalString(1, what: "a path such as \"/v1/customers\"")
        guard target.hasPrefix("/") else {
            throw ScriptFailure.runtime("the path must start with '/', got \"\(target)\"", at: arguments.positional(1)?.span ?? arguments.span,
                                        help: "write the path with its version, e.g. \"/v1/customers\"")
        }
        // A query written into the path (`/v1/customers?limit=2`) becomes query items.
        var path = Substring(target)
        var query: [QueryItem] = []
        if let mark = target.firstIndex(of: "?") {
            path = target[..<mark]
            for pair in target[target.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                query.append(QueryItem(String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
            }
        }
        var body: JSON?
        if let (value, span) = arguments.positional(2) {
            guard value.isRecord else {
                throw ScriptFailure.runtime("the request body must be a record, got \(value.kindDescription)", at: span)
            }
            body = try Interpreter.requestJSON(value, span: span)
        }
        if let fields = try arguments.fields() {
            var object = body?.objectValue ?? JSONObject()
            for entry in fields { object[entry.key] = entry.value }
            body = .object(object)
        }
        return APIRequest(method, String(path), query: query, body: body)
    }
}
