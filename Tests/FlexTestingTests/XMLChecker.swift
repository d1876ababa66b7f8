// A small XML reader for validating JUnit output without Foundation or xmllint: checks
// well-formedness (nesting, quoting, entities, one root) and builds a tree to inspect.

struct XMLElement {
    var name: String
    var attributes: [String: String]
    var children: [XMLElement]
    var text: String

    func all(_ name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }
}

struct XMLError: Error, CustomStringConvertible {
    var description: String
}

struct XMLChecker {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    static func parse(_ text: String) throws -> XMLElement {
        var reader = XMLChecker(text)
        reader.skipDeclaration()
        reader.skipSpace()
        let root = try reader.parseElement()
        reader.skipSpace()
        guard reader.index == reader.scalars.count else { throw XMLError(description: "content after the root element") }
        return root
    }

    private mutating func skipDeclaration() {
        if starts(with: "<?xml") {
            while index < scalars.count, !starts(with: "?>") { index += 1 }
            index += 2
        }
    }

    private func starts(with text: String) -> Bool {
        var position = index
        for scalar in text.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    private mutating func skipSpace() {
        while index < scalars.count, [" ", "\n", "\t", "\r"].contains(scalars[index]) { index += 1 }
    }

    private mutating func name() throws -> String {
        var result = ""
        while index < scalars.count, scalars[index].properties.isAlphabetic || ["-", "_", ":"].contains(scalars[index])
                || ("0"..."9").contains(scalars[index]) {
            result.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard !result.isEmpty else { throw XMLError(description: "expected a name at \(index)") }
        return result
    }

    private mutating func parseElement() throws -> XMLElement {
        guard index < scalars.count, scalars[index] == "<" else { throw XMLError(description: "expected '<' at \(index)") }
        index += 1
        var element = XMLElement(name: try name(), attributes: [:], children: [], text: "")
        while true {
            skipSpace()
            guard index < scalars.count else { throw XMLError(description: "unterminated tag <\(element.name)") }
            if starts(with: "/>") { index += 2; return element }
            if scalars[index] == ">" { index += 1; break }
            let key = try name()
            guard element.attributes[key] == nil else { throw XMLError(description: "duplicate attribute \(key)") }
            skipSpace()
            guard index < scalars.count, scalars[index] == "=" else { throw XMLError(description: "expected '=' after \(key)") }
            index += 1
            skipSpace()
            guard index < scalars.count, scalars[index] == "\"" else { throw XMLError(description: "expected a quoted value for \(key)") }
            index += 1
            element.attributes[key] = try characterData(until: "\"")
            index += 1
        }
        while true {
            guard index < scalars.count else { throw XMLError(description: "unclosed <\(element.name)>") }
            if starts(with: "</") {
                index += 2
                let closing = try name()
                guard closing == element.name else { throw XMLError(description: "</\(closing)> closes <\(element.name)>") }
                skipSpace()
                guard index < scalars.count, scalars[index] == ">" else { throw XMLError(description: "expected '>'") }
                index += 1
                return element
            }
            if scalars[index] == "<" {
                element.children.append(try parseElement())
            } else {
                element.text += try characterData(until: "<")
            }
        }
    }

    /// Text up to `terminator`, with entities decoded; a raw `<` or `&` that starts no entity is an error.
    private mutating func characterData(until terminator: Unicode.Scalar) throws -> String {
        var result = ""
        while index < scalars.count, scalars[index] != terminator {
            let scalar = scalars[index]
            if scalar == "<" { throw XMLError(description: "raw '<' in character data at \(index)") }
            if scalar.value < 0x20, ![0x9, 0xA, 0xD].contains(scalar.value) {
                throw XMLError(description: "control character U+\(String(scalar.value, radix: 16)) is not allowed in XML")
            }
            if scalar == "&" {
                var entity = ""
                index += 1
                while index < scalars.count, scalars[index] != ";" {
                    entity.unicodeScalars.append(scalars[index])
                    index += 1
                    guard entity.count < 10 else { throw XMLError(description: "unterminated entity") }
                }
                index += 1
                switch entity {
                case "amp": result += "&"
                case "lt": result += "<"
                case "gt": result += ">"
                case "quot": result += "\""
                case "apos": result += "'"
                default:
                    guard entity.hasPrefix("#"), let value = UInt32(entity.dropFirst()), let decoded = Unicode.Scalar(value) else {
                        throw XMLError(description: "unknown entity &\(entity);")
                    }
                    result.unicodeScalars.append(decoded)
                }
                continue
            }
            result.unicodeScalars.append(scalar)
            index += 1
        }
        guard index < scalars.count else { throw XMLError(description: "unterminated character data") }
        return result
    }
}
