// XML property-list text of a JSON value, keys sorted, so the Sublime Text copy of the grammar is
// generated from the JSON deterministically (GrammarTests compares and regenerates it).
import Foundation

enum PropertyListText {
    static func document(_ value: Any) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">",
            "<plist version=\"1.0\">",
        ]
        append(value, depth: 0, to: &lines)
        lines.append("</plist>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func append(_ value: Any, depth: Int, to lines: inout [String]) {
        let indent = String(repeating: "\t", count: depth)
        switch value {
        case let dictionary as [String: Any]:
            lines.append(indent + "<dict>")
            // `$schema` is an editor hint for the JSON file, not part of the grammar.
            for key in dictionary.keys.sorted() where key != "$schema" {
                lines.append(indent + "\t<key>" + escaped(key) + "</key>")
                append(dictionary[key]!, depth: depth + 1, to: &lines)
            }
            lines.append(indent + "</dict>")
        case let array as [Any]:
            lines.append(indent + "<array>")
            for element in array { append(element, depth: depth + 1, to: &lines) }
            lines.append(indent + "</array>")
        case let string as String:
            lines.append(indent + "<string>" + escaped(string) + "</string>")
        case let number as NSNumber:
            lines.append(indent + "<integer>\(number.intValue)</integer>")
        default:
            lines.append(indent + "<string></string>")
        }
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
