// Turns a RegexNode into a RegexProgram (Thompson's construction): alternation and repetition
// become splits and jumps, counted repetition is spelled out, and the program's size is bounded.

struct RegexCompiler {
    private var program = RegexProgram()
    /// For the size error: the whole pattern is underlined.
    private let patternLength: Int

    init(patternLength: Int) {
        self.patternLength = patternLength
    }

    static func compile(_ node: RegexNode, patternLength: Int) throws(RegexSyntaxError) -> RegexProgram {
        var compiler = RegexCompiler(patternLength: patternLength)
        try compiler.emit(node)
        try compiler.append(.init(operation: .match))
        var program = compiler.program
        program.tabulateSets()
        program.anchoredAtStart = RegexCompiler.isAnchoredAtStart(node)
        program.firstBytes = RegexCompiler.firstBytes(of: program)
        return program
    }

    private mutating func emit(_ node: RegexNode) throws(RegexSyntaxError) {
        switch node {
        case .empty:
            break
        case .scalar(let value):
            try append(.init(operation: .scalar, a: Int32(bitPattern: value)))
        case .set(let set):
            program.sets.append(set)
            try append(.init(operation: .set, a: Int32(program.sets.count - 1)))
        case .assertion(let assertion):
            try append(.init(operation: .assert, a: Int32(assertion.rawValue)))
        case .concatenation(let items):
            for item in items { try emit(item) }
        case .alternation(let branches):
            try emitAlternation(branches)
        case .repetition(let inner, let minimum, let maximum):
            try emitRepetition(inner, minimum: minimum, maximum: maximum)
        }
    }

    private mutating func emitAlternation(_ branches: [RegexNode]) throws(RegexSyntaxError) {
        var jumpsToEnd: [Int] = []
        for (index, branch) in branches.enumerated() {
            if index == branches.count - 1 {
                try emit(branch)
                break
            }
            let split = program.instructions.count
            try append(.init(operation: .split, a: Int32(split + 1)))
            try emit(branch)
            jumpsToEnd.append(program.instructions.count)
            try append(.init(operation: .jump))
            program.instructions[split].b = Int32(program.instructions.count)
        }
        for jump in jumpsToEnd { program.instructions[jump].a = Int32(program.instructions.count) }
    }

    private mutating func emitRepetition(_ inner: RegexNode, minimum: Int, maximum: Int?) throws(RegexSyntaxError) {
        guard let maximum else {
            // x{n,}: n - 1 copies, then a last copy that may loop (x+); x* when n is 0.
            for _ in 0..<max(minimum - 1, 0) { try emit(inner) }
            if minimum == 0 {
                let split = program.instructions.count
                try append(.init(operation: .split, a: Int32(split + 1)))
                try emit(inner)
                try append(.init(operation: .jump, a: Int32(split)))
                program.instructions[split].b = Int32(program.instructions.count)
            } else {
                let loopStart = program.instructions.count
                try emit(inner)
                try append(.init(operation: .split, a: Int32(loopStart), b: Int32(program.instructions.count + 1)))
            }
            return
        }
        for _ in 0..<minimum { try emit(inner) }
        // x{n,m}: then m - n optional copies, each skipping to the end when not taken.
        var skips: [Int] = []
        for _ in minimum..<max(maximum, minimum) {
            skips.append(program.instructions.count)
            try append(.init(operation: .split, a: Int32(program.instructions.count + 1)))
            try emit(inner)
        }
        for skip in skips { program.instructions[skip].b = Int32(program.instructions.count) }
    }

    private mutating func append(_ instruction: RegexProgram.Instruction) throws(RegexSyntaxError) {
        guard program.instructions.count < RegexProgram.maximumSize else {
            throw RegexSyntaxError("this pattern is too large (its repetitions spell out more than \(RegexProgram.maximumSize) steps)",
                                   start: 0, end: patternLength, help: "use smaller repetition counts, or check lengths with len()")
        }
        program.instructions.append(instruction)
    }

    /// True when every alternative begins with `^` or `\A` (outside multi-line mode).
    static func isAnchoredAtStart(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.textStart): return true
        case .concatenation(let items): return items.first.map(isAnchoredAtStart) ?? false
        case .alternation(let branches): return branches.allSatisfy(isAnchoredAtStart)
        case .repetition(let inner, let minimum, _): return minimum > 0 && isAnchoredAtStart(inner)
        default: return false
        }
    }
}
