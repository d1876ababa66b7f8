// The REPL's meta-commands, one table: `.help` and Tab completion read the same entries.
import FlexAPI
import FlexInterpreter
import FlexLanguage
import FlexSync

struct DotCommand: Sendable {
    enum Outcome { case `continue`, quit }

    var name: String
    var usage: String
    var help: String
    /// Tab completes file paths after it.
    var takesFile: Bool = false
    var action: @Sendable (REPL, String) async -> Outcome

    static let all: [DotCommand] = [
        DotCommand(name: "help", usage: ".help [TOPIC]", help: "this list, or help on a command (.help checkout) or a dot-command") { repl, argument in
            repl.showHelp(argument)
            return .continue
        },
        DotCommand(name: "vars", usage: ".vars", help: "the variables of this session and their values") { repl, _ in
            repl.showVariables()
            return .continue
        },
        DotCommand(name: "history", usage: ".history [N]", help: "the last N entries (default 20)") { repl, argument in
            repl.showHistory(argument)
            return .continue
        },
        DotCommand(name: "load", usage: ".load FILE", help: "run a .flex file in this session", takesFile: true) { repl, argument in
            await repl.load(argument)
            return .continue
        },
        DotCommand(name: "save", usage: ".save FILE", help: "write this session's successful entries as a .flex script", takesFile: true) { repl, argument in
            repl.save(argument)
            return .continue
        },
        DotCommand(name: "reset", usage: ".reset", help: "start over: a fresh simulator with the same seed, no variables") { repl, _ in
            repl.restart(seed: repl.configuration.seed)
            repl.write("reset: \(repl.backendDescription)\n")
            return .continue
        },
        DotCommand(name: "seed", usage: ".seed N", help: "start over with another seed") { repl, argument in
            guard let seed = UInt64(argument) else {
                repl.complain(".seed needs a whole number, e.g. .seed 7")
                return .continue
            }
            repl.restart(seed: seed)
            repl.write("reset: \(repl.backendDescription)\n")
            return .continue
        },
        DotCommand(name: "backend", usage: ".backend", help: "which Flex this session talks to") { repl, _ in
            repl.write(repl.backendDescription + "\n")
            return .continue
        },
        DotCommand(name: "json", usage: ".json on|off", help: "echo results as JSON instead of one-line summaries") { repl, argument in
            if let on = repl.parseSwitch(argument, name: "json") { repl.echoJSON = on }
            return .continue
        },
        DotCommand(name: "timing", usage: ".timing on|off", help: "show how long each entry took") { repl, argument in
            if let on = repl.parseSwitch(argument, name: "timing") { repl.showTiming = on }
            return .continue
        },
        DotCommand(name: "trace", usage: ".trace on|off|bodies",
                   help: "show each request on stderr (method, path, status, time, attempt, Idempotency-Key); bodies adds them") { repl, argument in
            switch argument {
            case "on": TraceSwitch.process.level = .exchanges
            case "off": TraceSwitch.process.level = .off
            case "bodies": TraceSwitch.process.level = .bodies
            default: repl.complain(".trace takes on, off or bodies")
            }
            return .continue
        },
        DotCommand(name: "quit", usage: ".quit", help: "leave (Ctrl-D does too)") { _, _ in .quit },
    ]

    static func named(_ name: String) -> DotCommand? { all.first { $0.name == name } }
}

extension REPL {
    func runDotCommand(_ text: String) async -> DotCommand.Outcome {
        let body = text.dropFirst()
        let name = String(body.prefix { $0 != " " && $0 != "\t" })
        let argument = String(String(body.dropFirst(name.count)).trimmingWhitespace)
        guard let command = DotCommand.named(name) else {
            let suggestion = Suggestions.closest(to: name, among: DotCommand.all.map(\.name))
            complain("unknown command '.\(name)'" + (suggestion.map { "; did you mean '.\($0)'?" } ?? "; type .help for the list"))
            return .continue
        }
        return await command.action(self, argument)
    }

    func complain(_ message: String) {
        output.write("error: \(message)\n", to: .standardError)
    }

    func parseSwitch(_ argument: String, name: String) -> Bool? {
        switch argument {
        case "on": return true
        case "off": return false
        default:
            complain(".\(name) takes on or off")
            return nil
        }
    }

    func showHelp(_ topic: String) {
        if topic.isEmpty {
            var text = "Type a statement or a command; its result is shown. Multi-line input continues while a bracket or string is open.\n\nDot-commands:\n"
            let width = DotCommand.all.map(\.usage.count).max() ?? 0
            for command in DotCommand.all {
                text += "  " + command.usage + String(repeating: " ", count: width - command.usage.count + 2) + command.help + "\n"
            }
            text += "\nCommands (.help WORD for details): " + CommandTable.leadingWords.sorted().joined(separator: " ") + "\n"
            write(text)
            return
        }
        let word = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic
        if let command = DotCommand.named(word) {
            write("\(command.usage)\n  \(command.help)\n")
            return
        }
        let matching = Self.commands(about: word)
        guard !matching.isEmpty else {
            let suggestion = Suggestions.closest(to: word, among: Array(CommandTable.leadingWords) + DotCommand.all.map(\.name))
            complain("no help on '\(topic)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
            return
        }
        write(matching.map(Self.helpText).joined())
    }

    /// The commands of a resource: `.help subscription` and `.help subscriptions` both list
    /// `subscription create|get|update|cancel` and `subscriptions`.
    static func commands(about word: String) -> [CommandSyntax] {
        let singular = word.hasSuffix("s") ? String(word.dropLast()) : word
        let nouns: Set<String> = [word, singular, singular + "s"]
        return CommandTable.all.filter { syntax in syntax.phrases.contains { nouns.contains($0[0]) } }
    }

    /// One command: usage, summary, its request, its clauses and an example.
    static func helpText(_ syntax: CommandSyntax) -> String {
        let positionals = syntax.positionals.map { $0.isOptional ? "[\($0.name.uppercased())]" : $0.name.uppercased() }
        var text = ([syntax.displayPhrase] + positionals).joined(separator: " ") + "\n  " + syntax.summary
        text += syntax.isSimulatorOnly ? " (simulator only)\n" : "\n"
        if let request = syntax.request { text += "  sends \(request.method.rawValue) \(request.path)\n" }
        for clause in syntax.clauses {
            let value: String
            switch clause.kind {
            case .flag: value = ""
            case .word(let choices) where !choices.isEmpty: value = " " + choices.joined(separator: "|")
            default: value = " " + Self.placeholder(for: clause.kind)
            }
            let required = clause.isRequired ? " (required)" : ""
            let field = clause.field.map { $0 == clause.name ? "" : " [\($0)]" } ?? ""
            text += "    \(clause.name)\(value)\(required) — \(clause.help)\(field)\n"
        }
        if let example = syntax.example { text += "  e.g. \(example)\n" }
        return text
    }

    static func placeholder(for kind: ValueKind) -> String {
        switch kind {
        case .any: "VALUE"
        case .string: "TEXT"
        case .integer: "N"
        case .money: "$AMOUNT"
        case .duration: "DURATION"
        case .id(let prefix): prefix + "…"
        case .items: "[PRICE xN, …]"
        case .record: "{ … }"
        case .word: "WORD"
        case .flag: ""
        }
    }

    func showVariables() {
        let names = interpreter.globalNames.sorted()
        guard !names.isEmpty else {
            write("no variables yet; bind one with let NAME = …\n")
            return
        }
        let width = names.map(\.count).max() ?? 0
        for name in names {
            guard let value = interpreter.globalValue(name) else { continue }
            write(name + String(repeating: " ", count: width - name.count + 2) + ResultSummary.line(for: value) + "\n")
        }
    }

    func showHistory(_ argument: String) {
        let count = argument.isEmpty ? 20 : Int(argument) ?? -1
        guard count >= 0 else {
            complain(".history takes a number, e.g. .history 50")
            return
        }
        let entries = history?.entries ?? []
        let shown = entries.suffix(count)
        let firstNumber = entries.count - shown.count + 1
        for (offset, entry) in shown.enumerated() {
            write("\(firstNumber + offset)  " + entry.replacingNewlines + "\n")
        }
    }

    func load(_ path: String) async {
        guard !path.isEmpty else { return complain(".load needs a file name, e.g. .load examples/quickstart.flex") }
        switch FileSourceLoader.readFile(path) {
        case .success(let bytes):
            guard let result = await evaluate(String(decoding: bytes, as: UTF8.self), path: path), result.completed else { return }
            write("loaded \(path): " + Self.loadSummary(result) + "\n")
        case .failure(let error): complain("\(error)")
        }
    }

    /// "3 statements run, 2 scenarios run: 2 passed"
    static func loadSummary(_ result: EntryResult) -> String {
        let count = result.statementCount
        var parts = ["\(count) statement\(count == 1 ? "" : "s") run"]
        if let scenarios = result.scenarios {
            parts.append(scenarios.summary)
        } else if result.scenarioCount > 0 {
            parts.append("its scenarios did not run")
        }
        return parts.joined(separator: ", ")
    }

    func save(_ path: String) {
        guard !path.isEmpty else { return complain(".save needs a file name, e.g. .save session.flex") }
        let header = "# Saved from the flex REPL (\(backendDescription)). Run it with: flex run \(path)\n"
        if FileIO.writeFile(path, SecretRedaction.scrub(recorder.script(header: header))) {
            write("saved \(recorder.entries.count) entries to \(path)\n")
        } else {
            complain("cannot write '\(path)'")
        }
    }
}

extension String {
    var replacingNewlines: String { split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n   ") }
}
