// A command's clause: its keyword, value kind, and the Flex field it sets, so the generic request
// builder, `.help`, the generated reference and the checker's suggestions all read one entry.

public struct ClauseSyntax: Hashable, Sendable {
    /// What a flag clause puts in its field (`save_card` → `setup_future_use: "off_session"`).
    public enum FlagValue: Hashable, Sendable {
        case bool(Bool)
        case string(String)
    }

    /// Canonical name; for multi-word keywords the words joined by a space (`"with card"`).
    public var name: String
    /// The keyword words as typed (`["with", "card"]`).
    public var keywords: [String]
    public var kind: ValueKind
    public var isRequired: Bool
    /// Clauses sharing a group are mutually exclusive (`hsa | fsa | credit`, eligibility words).
    public var group: String?
    public var help: String
    /// The Flex field the value goes to: a body field (dotted for nested ones, `recurring.interval`)
    /// for POST/PATCH, a query parameter for GET/DELETE. Nil: the clause sets no field of its own
    /// (a hand-written builder reads it, or it only reads naturally, like `requests`).
    public var field: String?
    /// For a flag with a field: the value it sets (default `true`).
    public var flagValue: FlagValue
    /// Sent when the clause is absent (`mode` of a checkout is `"payment"` unless given).
    public var defaultText: String?

    /// `field` defaults to the keyword (Flex's own field names need no mapping); pass `field` for
    /// sugar (`reference` → `client_reference_id`) and `noField: true` for a clause with none.
    public init(_ keyword: String, _ kind: ValueKind, required: Bool = false, group: String? = nil,
                field: String? = nil, noField: Bool = false, sets flagValue: FlagValue = .bool(true), default defaultText: String? = nil,
                help: String) {
        self.keywords = keyword.split(separator: " ").map(String.init)
        self.name = keyword
        self.kind = kind
        self.isRequired = required
        self.group = group
        self.help = help
        self.field = noField ? nil : (field ?? keyword)
        self.flagValue = flagValue
        self.defaultText = defaultText
    }
}
