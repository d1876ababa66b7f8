// The command table: one entry per command (phrase, positionals, clauses with their Flex fields,
// and the request). The parser, the checker, completion, `.help`, the generic request builder and
// the generated reference in docs/language.md all read it. The entries live in one file per
// resource family (CommandTable+Catalog.swift, …); this file holds what they share.

public enum CommandTable {
    static let fieldsClause = ClauseSyntax("fields", .record, noField: true, help: "a record merged verbatim into the request body")
    /// Sets the request's Idempotency-Key header (not a body field): retrying a request whose
    /// outcome is unknown with the key flex named gives its result without applying it twice.
    static let idempotencyKeyClause = ClauseSyntax("idempotency_key", .string, noField: true,
                                                   help: "the Idempotency-Key to send, e.g. the one an 'outcome unknown' error named")

    /// Every command, in the order of the reference: catalog, checkout, payments, account, simulator.
    public static let all: [CommandSyntax] = catalog + checkout + payments + account + simulator

    private static let byName: [CommandName: CommandSyntax] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func syntax(_ name: CommandName) -> CommandSyntax {
        guard let syntax = byName[name] else { preconditionFailure("command table has no entry for \(name)") }
        return syntax
    }

    /// Every word that can begin a command (`customer`, `checkout`, `pay`, …).
    public static let leadingWords: Set<String> = Set(all.flatMap { $0.phrases.map { $0[0] } })

    // MARK: - Pieces the family files share

    static let limit = ClauseSyntax("limit", .integer, help: "how many objects to return (1-100)")
    /// Cursor pagination, as every Flex list takes it.
    static let pageClauses: [ClauseSyntax] = [
        ClauseSyntax("starting_after", .string, help: "the page after this object ID"),
        ClauseSyntax("ending_before", .string, help: "the page before this object ID"),
        ClauseSyntax("offset", .integer, help: "skip this many objects"),
    ]
    /// `expand "customer"`: related objects in the answer as objects, not IDs (docs/flex-api.md §1.9).
    static let expand = ClauseSyntax("expand", .string, help: "fields to expand into objects, comma-separated, e.g. \"customer\"")
    /// `interval N`: the session and payment intent lists' "last N days" filter.
    static let interval = ClauseSyntax("interval", .integer, help: "only those made in the last N days")
    static let metadata = ClauseSyntax("metadata", .record, help: "your key-value pairs, e.g. { order: \"7\" }")
    static let active = ClauseSyntax("active", .any, help: "true or false")

    /// `NOUN get ID`: GET `path/{noun}`.
    static func get(_ name: CommandName, _ noun: String, _ prefix: String, _ path: String, example: String? = nil, summary: String) -> CommandSyntax {
        CommandSyntax(name, noun + " get", RequestSyntax(.GET, path + "/{" + noun + "}"),
                      positionals: [PositionalSyntax(noun, .id(prefix: prefix))], clauses: [expand], example: example, summary: summary)
    }

    /// The plural noun: GET `path` with filter clauses, `limit` and the page cursors.
    static func list(_ name: CommandName, _ phrase: String, _ path: String, filters: [ClauseSyntax] = [], example: String? = nil,
                     summary: String) -> CommandSyntax {
        CommandSyntax(name, phrase, RequestSyntax(.GET, path), clauses: filters + [limit] + pageClauses + [expand], example: example, summary: summary)
    }

    static func id(_ name: String, _ prefix: String) -> PositionalSyntax { PositionalSyntax(name, .id(prefix: prefix)) }
}
