// One command-table entry: phrases, positionals, clauses (each with its Flex field), and the
// request it sends. Most entries are all a command needs; `builtByHand` marks the composite ones.

public struct CommandSyntax: Hashable, Sendable {
    public var name: CommandName
    /// Accepted phrases; the parser matches the longest (`checkout create` before `checkout`).
    public var phrases: [[String]]
    public var positionals: [PositionalSyntax]
    /// Every command also accepts `fields RECORD`, and every command that sends one POST
    /// `idempotency_key TEXT` (both added here, not listed per entry).
    public var clauses: [ClauseSyntax]
    public var summary: String
    /// Drives the simulator only (`/_sim/…`); against the real API it fails clearly.
    public var isSimulatorOnly: Bool
    /// The request sent; nil only for `api`, whose request is written by the script.
    public var request: RequestSyntax?
    /// True when a hand-written builder in FlexInterpreter makes the request (a composite command,
    /// or a wire shape no clause-to-field mapping expresses); otherwise the generic builder does.
    public var builtByHand: Bool
    /// A line that uses the command, for `.help` and the reference.
    public var example: String?

    public init(_ name: CommandName, _ phrases: [[String]], positionals: [PositionalSyntax] = [], clauses: [ClauseSyntax] = [],
                simulatorOnly: Bool? = nil, request: RequestSyntax? = nil, byHand: Bool = false, example: String? = nil, summary: String) {
        self.name = name
        self.phrases = phrases
        self.positionals = positionals
        // `product NAME price …` sends two POSTs, so one key cannot stand for its outcome.
        let postsOnce = request?.method == .POST && name != .productWithPrice
        self.clauses = clauses + [CommandTable.fieldsClause] + (postsOnce ? [CommandTable.idempotencyKeyClause] : [])
        self.summary = summary
        self.isSimulatorOnly = simulatorOnly ?? request?.isSimulatorOnly ?? false
        self.request = request
        self.builtByHand = byHand
        self.example = example
    }

    /// The common form: one phrase written as words (`"coupon create"`).
    public init(_ name: CommandName, _ phrase: String, _ request: RequestSyntax, positionals: [PositionalSyntax] = [],
                clauses: [ClauseSyntax] = [], byHand: Bool = false, example: String? = nil, summary: String) {
        self.init(name, [phrase.split(separator: " ").map(String.init)], positionals: positionals, clauses: clauses,
                  request: request, byHand: byHand, example: example, summary: summary)
    }

    public var displayPhrase: String { phrases[0].joined(separator: " ") }

    public func clause(named name: String) -> ClauseSyntax? { clauses.first { $0.name == name } }
}
