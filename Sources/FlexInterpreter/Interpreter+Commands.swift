// Running a command: evaluate its arguments, build the request (Commands/), send it with an
// Idempotency-Key, turn an error response into a diagnostic, unwrap the response into a value.
import FlexAPI
import FlexLanguage

extension Interpreter {
    func run(_ invocation: CommandInvocation, span: SourceSpan, in scope: Scope) async throws -> Value {
        guard let name = invocation.command else {
            let phrase = invocation.phrase.map(\.name).joined(separator: " ")
            throw ScriptFailure.runtime("unknown command '\(phrase)'", at: invocation.phraseSpan)
        }
        let arguments = try await evaluateArguments(invocation, name: name, span: span, in: scope)
        if name == .productWithPrice {
            let product = try await perform(try ProductCommands.productRequest(arguments), span: span, command: name)
            let productValue = Interpreter.unwrap(product)
            let productID = try CommandArguments.id(productValue, prefix: "fprod_", span: span)
            let price = try await perform(try PriceCommands.priceRequest(productID: productID, arguments), span: span, command: name)
            return Interpreter.unwrap(price)
        }
        if name == .pay { return try await pay(arguments, span: span) }
        return Interpreter.unwrap(try await perform(try CommandRequests.request(for: arguments), span: span, command: name))
    }

    func evaluateArguments(_ invocation: CommandInvocation, name: CommandName, span: SourceSpan, in scope: Scope) async throws -> CommandArguments {
        var arguments = CommandArguments(command: name, span: span)
        arguments.positionals.reserveCapacity(invocation.arguments.count)
        for (index, expression) in invocation.arguments.enumerated() {
            let value = try await evaluateArgument(expression, in: scope) {
                let positionals = CommandTable.syntax(name).positionals
                return index < positionals.count ? positionals[index].kind : .any
            }
            arguments.positionals.append((value, expression.span))
        }
        arguments.clauses.reserveCapacity(invocation.clauses.count)
        for clause in invocation.clauses {
            let argument: CommandArguments.Argument
            switch clause.value {
            case .none:
                argument = .flag
            case .word(let word):
                argument = .value(.string(word.name))
            case .expression(let expression):
                argument = .value(try await evaluateArgument(expression, in: scope) {
                    CommandTable.syntax(name).clause(named: clause.name)?.kind ?? .any
                })
            case .items(let entries, _):
                var items: [CommandArguments.Item] = []
                items.reserveCapacity(entries.count)
                for entry in entries {
                    let price = try await evaluate(entry.price, in: scope)
                    var quantity: Int?
                    if let quantityExpression = entry.quantity {
                        let value = try await evaluate(quantityExpression, in: scope)
                        quantity = try CommandArguments.integer(value, span: quantityExpression.span, what: "a quantity")
                    }
                    items.append(CommandArguments.Item(price: price, quantity: quantity, span: entry.span))
                }
                argument = .items(items)
            }
            arguments.clauses.append((clause.name, argument, clause.span))
        }
        return arguments
    }

    /// A bare word where the table expects one (`api GET`, `sim snapshot before`) is the word
    /// itself, unless a variable of that name is bound. The table is consulted only for an
    /// unbound name, so the common path costs no lookup.
    func evaluateArgument(_ expression: Expression, in scope: Scope, kind: () -> ValueKind) async throws -> Value {
        if case .variable(let word) = expression.kind, word != "it", scope.lookup(word) == nil, case .word = kind() {
            return .string(word)
        }
        return try await evaluate(expression, in: scope)
    }

    /// `{"checkout_session": {…}}` → the record; `{"customers": […]}` → the list.
    static func unwrap(_ body: JSON) -> Value {
        if case .object(let object) = body, object.count == 1, let only = object.entries.first?.value {
            switch only {
            case .object, .array: return Value(json: only)
            default: break
            }
        }
        return Value(json: body)
    }

    /// Sends and checks: an error response becomes a ScriptFailure carrying the FlexError.
    func perform(_ request: APIRequest, span: SourceSpan, command: CommandName?) async throws -> JSON {
        let response = try await exchange(request, span: span)
        guard response.isSuccess else {
            if let command, SimulatorRequests.isSimulatorRequest(request), Interpreter.isMissingSimulatorRoute(response) {
                let phrase = CommandTable.syntax(command).displayPhrase
                throw ScriptFailure.runtime("'\(phrase)' drives the simulator only", at: span,
                                            help: "run it on the embedded simulator (the default) or a flex serve; the live API has no /_sim/ routes")
            }
            throw apiFailure(FlexError(response: response), span: span, command: command)
        }
        return response.body
    }

    /// One request/response, with the deterministic Idempotency-Key on every POST. A transport
    /// failure (no response at all) is a runtime error.
    func exchange(_ request: APIRequest, span: SourceSpan) async throws -> APIResponse {
        var request = request
        if request.method == .POST {
            requestCounter += 1
            request.headers.append(HTTPHeader("Idempotency-Key", idempotencyKeyPrefix + String(requestCounter)))
        }
        do {
            let response = try await backend.send(request)
            if recordsCreatedObjects { recordCreatedObject(request, response) }
            return response
        } catch let error as TransportError {
            if configuration.backend.kind == .replay, error.message.hasPrefix("replay: ") {
                throw ScriptFailure.runtime("\(error.message)", at: span,
                                            help: "the script no longer sends what was recorded: record it again with --record, or replay the recording of this script")
            }
            throw ScriptFailure.runtime("no response from the API: \(error.message)", at: span,
                                        help: "check the network and the API base URL; the request may be retried")
        } catch {
            throw ScriptFailure.runtime("no response from the API: \(error)", at: span)
        }
    }

    /// A 404 that says "no such route" rather than "no such object": what a backend without the
    /// simulator's `/_sim/` routes answers.
    static func isMissingSimulatorRoute(_ response: APIResponse) -> Bool {
        guard response.status == 404 else { return false }
        guard let code = response.body["error"]?["code"]?.stringValue else { return true }
        if ["not_found", "route_not_found", "resource_not_found", "path_not_found", "endpoint_not_found", "unknown_route"].contains(code) {
            return true
        }
        return !code.hasSuffix("_not_found")
    }

    func apiFailure(_ error: FlexError, span: SourceSpan, command: CommandName?) -> ScriptFailure {
        ScriptFailure(.api(error), .error("\(error.code): \(error.message) (HTTP \(error.status))", at: span,
                                          help: Interpreter.help(for: error, command: command)))
    }

    /// A likely fix for common API errors.
    static func help(for error: FlexError, command: CommandName?) -> String? {
        let message = error.message
        if message.contains("success_url") { return "add success \"https://…\" to the checkout" }
        if error.code == "simulated_failure" { return "an injected fault ('fail next') answered this request" }
        if message.contains("off_session") && (command == .charge || command == .checkoutCreate) {
            return "save a card first: checkout … save_card, pay it, then use a payment method from 'payment_methods of CUSTOMER'"
        }
        switch error.status {
        case 401: return "check the API key (a test key starts with fsk_test_)"
        case 429: return "slow down; the API is rate limiting"
        case 500...599: return "a server error; retrying may help"
        default: break
        }
        if error.code.hasSuffix("_not_found") {
            return "check the ID; objects from another scenario or simulator run do not exist here"
        }
        return nil
    }
}
