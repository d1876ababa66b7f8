// The command reference of docs/language.md, rendered from the command table (a test fails when
// the committed docs drift from it). Pure text: no I/O here.

public enum CommandReference {
    /// A resource family: a heading, a short introduction, and its commands in table order.
    struct Family {
        let title: String
        let intro: String
        let commands: [CommandSyntax]
    }

    static let families: [Family] = [
        Family(title: "Catalog: customers, products, prices, coupons, promotion codes, shipping rates",
               intro: "What a shop sells and to whom. `product NAME … price M` makes a product and its price in one step.",
               commands: CommandTable.catalog),
        Family(title: "Checkout sessions",
               intro: "A checkout session is one purchase: create it, send the shopper to its URL (or `pay` it on the simulator), "
                   + "then refund, capture, cancel or reauthorize it.",
               commands: CommandTable.checkout),
        Family(title: "Payments, refunds, captures, disputes, balance transactions, setup intents",
               intro: "What the money did after checkout. A dispute is answered with `dispute evidence` or accepted with `dispute close`.",
               commands: CommandTable.payments),
        Family(title: "Subscriptions, invoices, payment links, webhooks, events, letters",
               intro: "Recurring billing, reusable links, and what Flex tells you about it. `events` is Flex's own list "
                   + "(GET /v1/events, newest first, on every backend); `sim events` is the simulator's log (oldest first). "
                   + "`api` sends any request as written.",
               commands: CommandTable.account),
        Family(title: "Simulator commands",
               intro: "Requests under /_sim/ that only the simulator (embedded or `flex serve`) answers: the shopper's side, "
                   + "the clock, injected failures, the event log, outcomes the outside world decides, resets and snapshots. "
                   + "Against the live API they fail with \"drives the simulator only\".",
               commands: CommandTable.simulator),
    ]

    /// The whole generated section, starting at its first family heading.
    public static func markdown() -> String {
        families.map { family in
            "#### \(family.title)\n\n\(family.intro)\n\n" + family.commands.map(entry).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    static func entry(_ syntax: CommandSyntax) -> String {
        let phrases = syntax.phrases.map { "`" + $0.joined(separator: " ") + "`" }.joined(separator: " / ")
        let positionals = syntax.positionals.map { $0.isOptional ? "[\(notation($0.kind))]" : notation($0.kind) }
        var text = "##### " + ([phrases] + positionals).joined(separator: " ") + "\n\n"
        text += syntax.summary + (syntax.isSimulatorOnly ? " *(simulator only)*" : "") + "\n\n"
        if let request = syntax.request {
            text += "Sends `\(request.method.rawValue) \(request.path)`"
            if let wrapper = request.wrapper { text += " with body `{\"\(wrapper)\": {…}}`" }
            text += syntax.builtByHand ? " (built by hand).\n\n" : ".\n\n"
        }
        if !syntax.positionals.isEmpty {
            text += "Positionals: " + syntax.positionals.map { positional in
                "`\(positional.name)` (\(notation(positional.kind))\(positional.isOptional ? ", optional" : ""))"
            }.joined(separator: ", ") + ".\n\n"
        }
        let clauses = syntax.clauses.filter { $0.name != "fields" && $0.name != "idempotency_key" }
        if clauses.isEmpty {
            text += "No clauses besides `fields`.\n"
        } else {
            text += "| clause | value | Flex field | notes |\n|---|---|---|---|\n"
            for clause in clauses { text += row(clause) }
        }
        if let example = syntax.example { text += "\nExample: `\(example)`\n" }
        return text
    }

    static func row(_ clause: ClauseSyntax) -> String {
        let value = clause.kind == .flag ? "—" : "`\(notation(clause.kind).replacingBars())`"
        var field = clause.field.map { "`\($0)`" } ?? "—"
        if clause.kind == .flag, let name = clause.field {
            switch clause.flagValue {
            case .bool(let flag): field = "`\(name)`: `\(flag)`"
            case .string(let text): field = "`\(name)`: `\"\(text)\"`"
            }
        }
        var notes = (clause.isRequired ? "**required**; " : "") + clause.help
        if let group = clause.group { notes += " (one of group *\(group)*)" }
        if let fallback = clause.defaultText { notes += "; default `\"\(fallback)\"`" }
        return "| `\(clause.name)` | \(value) | \(field) | \(notes.replacingBars()) |\n"
    }

    /// `ID(fcus_…)`, `MONEY`, `a|b|c`: how the reference writes a value kind.
    public static func notation(_ kind: ValueKind) -> String {
        switch kind {
        case .any: "VALUE"
        case .string: "STRING"
        case .integer: "INTEGER"
        case .money: "MONEY"
        case .duration: "DURATION"
        case .id(let prefix): "ID(\(prefix)…)"
        case .items: "ITEMS"
        case .record: "RECORD"
        case .word(let choices): choices.isEmpty ? "WORD" : choices.joined(separator: "|")
        case .flag: ""
        }
    }
}

extension String {
    /// A `|` inside a table cell ends the cell; escaped, it is shown.
    fileprivate func replacingBars() -> String {
        var result = ""
        for character in self { result += character == "|" ? "\\|" : String(character) }
        return result
    }
}
