// Draws diagnostics the rustc way (headline, --> location, gutter, source line, carets, help);
// parse, check, runtime and API errors all go through here so they look the same.
import FlexSync

public struct DiagnosticRenderer: Sendable {
    public enum Style: Sendable { case full, short }

    public let sources: SourceManager
    public let style: Style
    public let color: Bool

    public init(sources: SourceManager, style: Style = .full, color: Bool = false) {
        self.sources = sources
        self.style = style
        self.color = color
    }

    /// One diagnostic; the text ends with a newline.
    /// Anything key-shaped, and the configured key, is redacted (a server may echo the key).
    public func render(_ diagnostic: Diagnostic) -> String {
        switch style {
        case .full: SecretRedaction.scrub(renderFull(diagnostic))
        case .short: SecretRedaction.scrub(renderShort(diagnostic))
        }
    }

    /// Several diagnostics; in full style a blank line separates them, as rustc does.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        for (index, diagnostic) in diagnostics.enumerated() {
            if index > 0, style == .full { output += "\n" }
            output += render(diagnostic)
        }
        return output
    }

    // MARK: - Styles

    private func renderShort(_ diagnostic: Diagnostic) -> String {
        var output = ""
        if let span = diagnostic.span, let file = sources.file(span.file) {
            output += "\(file.path):\(file.location(of: span.start)): "
        }
        output += headline(diagnostic) + "\n"
        return output
    }

    private func renderFull(_ diagnostic: Diagnostic) -> String {
        var output = headline(diagnostic) + "\n"
        var gutterWidth = 1
        if let span = diagnostic.span, let file = sources.file(span.file) {
            let excerpt = Excerpt(file: file, span: span)
            gutterWidth = decimalDigits(excerpt.lineNumber)
            let pad = spaces(gutterWidth)
            output += pad + paint("-->", Self.blue) + " \(file.path):\(excerpt.lineNumber):\(excerpt.column)\n"
            output += pad + " " + paint("|", Self.blue) + "\n"
            let number = paint(String(excerpt.lineNumber), Self.blue)
            if excerpt.text.isEmpty {
                output += number + " " + paint("|", Self.blue) + "\n"
            } else {
                output += number + " " + paint("|", Self.blue) + " " + excerpt.text + "\n"
            }
            output += pad + " " + paint("|", Self.blue) + " " + spaces(excerpt.caretOffset)
                + paint(String(repeating: "^", count: excerpt.caretCount), Self.red) + "\n"
        }
        let pad = spaces(gutterWidth)
        for note in diagnostic.notes {
            output += pad + " " + paint("=", Self.blue) + " " + paint("note", Self.bold) + ": " + note.message + "\n"
            if let span = note.span, span != diagnostic.span, let file = sources.file(span.file) {
                output += pad + paint("-->", Self.blue) + " \(file.path):\(file.location(of: span.start))\n"
            }
        }
        if let help = diagnostic.help {
            output += pad + " " + paint("=", Self.blue) + " " + paint("help", Self.bold) + ": " + help + "\n"
        }
        return output
    }

    private func headline(_ diagnostic: Diagnostic) -> String {
        let label: String
        switch diagnostic.severity {
        case .error: label = paint("error", Self.red)
        case .warning: label = paint("warning", Self.yellow)
        case .note: label = paint("note", Self.green)
        }
        return label + paint(": " + diagnostic.message, Self.bold)
    }

    // MARK: - Colour

    static let red = "\u{1B}[1;31m"
    static let yellow = "\u{1B}[1;33m"
    static let green = "\u{1B}[1;32m"
    static let blue = "\u{1B}[1;34m"
    static let bold = "\u{1B}[1m"
    static let reset = "\u{1B}[0m"

    private func paint(_ text: String, _ code: String) -> String {
        color ? code + text + Self.reset : text
    }

    private func spaces(_ count: Int) -> String { String(repeating: " ", count: max(0, count)) }

    private func decimalDigits(_ number: Int) -> Int {
        var digits = 1
        var rest = number
        while rest >= 10 { rest /= 10; digits += 1 }
        return digits
    }
}
