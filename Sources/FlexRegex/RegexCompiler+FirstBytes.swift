// The first-byte filter: which UTF-8 bytes can begin a match, found from the instructions the
// start state reaches without consuming anything. Assertions are passed through (they consume
// nothing, so the set stays a superset; the search gives them the real scalars around the
// landing point). Nil when the match itself is among them (an empty match: every position counts).

extension RegexCompiler {
    static func firstBytes(of program: RegexProgram) -> [Bool]? {
        var bytes = [Bool](repeating: false, count: 256)
        var seen = Set<Int32>()
        var stack: [Int32] = [0]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            let instruction = program.instructions[Int(pc)]
            switch instruction.operation {
            case .match:
                return nil
            case .assert:
                stack.append(pc + 1)
            case .jump:
                stack.append(instruction.a)
            case .split:
                stack.append(instruction.a)
                stack.append(instruction.b)
            case .scalar:
                bytes[leadByte(of: UInt32(bitPattern: instruction.a))] = true
            case .set:
                let set = program.sets[Int(instruction.a)]
                for value in UInt32(0)..<128 where set.contains(value) { bytes[Int(value)] = true }
                // Lead bytes only: the search lands on them, never inside a scalar.
                if set.mayContainNonASCII { for lead in 0xC0...0xFF { bytes[lead] = true } }
            }
        }
        return bytes
    }

    /// The first UTF-8 byte of a scalar's encoding.
    static func leadByte(of value: UInt32) -> Int {
        switch value {
        case ..<0x80: return Int(value)
        case ..<0x800: return Int(0xC0 | value >> 6)
        case ..<0x10000: return Int(0xE0 | value >> 12)
        default: return Int(0xF0 | value >> 18)
        }
    }
}
