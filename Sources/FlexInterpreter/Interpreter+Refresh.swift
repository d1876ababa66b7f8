// `refresh(x)`: values are snapshots of what the API answered; refresh reads the object anew.
import FlexAPI
import FlexLanguage

extension Interpreter {
    /// `refresh(s)`: GET the object `s` is (or names) by its ID and give its current state.
    func refresh(_ values: [Value], arguments: NodeList<Expression>, span: SourceSpan) async throws -> Value {
        guard values.count == 1 else {
            throw ScriptFailure.runtime("'refresh' takes 1 argument, got \(values.count)", at: span)
        }
        let request = try ObjectReadPaths.request(for: values[0], span: arguments.first?.span ?? span)
        return Interpreter.unwrap(try await perform(request, span: span, command: nil))
    }
}
