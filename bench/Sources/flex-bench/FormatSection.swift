// Section (a'): `flex fmt` throughput on the generated 20 MB script of section (a), beside the same byte scan baseline.
import FlexLanguage

enum FormatSection {
    static func run(scale: Int) {
        let script = BenchSupport.generatedScript(bytes: 20_000_000 / scale)
        // A re-spaced copy too (blanks after `[` and `(`, at line ends; neither the strings nor
        // the comments of the script hold a bracket): it must format back to the original.
        let messy = script.respaced(["[": "[ ", "(": "( ", "\n": "\t\n"])
        let megabytes = Double(script.utf8.count) / 1_000_000
        let messyMegabytes = Double(messy.utf8.count) / 1_000_000
        let bytes = Array(script.utf8)
        var newlines = 0
        let scan = BenchSupport.best(of: 5) {
            newlines = 0
            for byte in bytes where byte == 0x0A { newlines += 1 }
        }
        var unchanged = false
        let formatTime = BenchSupport.best(of: 3) {
            let file = SourceFile(id: FileID(rawValue: 0), path: "bench.flex", bytes: bytes)
            if case .success(let formatted) = Formatter.format(file) { unchanged = formatted == bytes }
        }
        let messyBytes = Array(messy.utf8)
        var converged = false
        let messyTime = BenchSupport.best(of: 3) {
            let file = SourceFile(id: FileID(rawValue: 0), path: "bench.flex", bytes: messyBytes)
            if case .success(let formatted) = Formatter.format(file) { converged = formatted == bytes }
        }
        let throughput = megabytes / formatTime
        let scanThroughput = megabytes / scan
        print("(a') fmt of the same generated \(BenchSupport.fixed(megabytes, 1)) MB script (\(newlines) lines; already formatted: \(unchanged))")
        print("    fmt             \(BenchSupport.fixed(throughput, 1)) MB/s  (\(BenchSupport.milliseconds(formatTime)); parse + layout)")
        print("    fmt, re-spaced  \(BenchSupport.fixed(messyMegabytes / messyTime, 1)) MB/s  (\(BenchSupport.fixed(messyMegabytes, 1)) MB in, formats back to the original: \(converged))")
        print("    baseline scan   \(BenchSupport.fixed(scanThroughput, 1)) MB/s  (count newlines of the same buffer)")
        print("    ratio           \(BenchSupport.fixed(throughput / scanThroughput, 3))× the byte scan   target ≥ 20 MB/s: \(BenchSupport.verdict(throughput >= 20 && unchanged && converged))\n")
    }
}

extension String {
    /// Each character that is a key of `replacements` replaced by its value (no Foundation here).
    fileprivate func respaced(_ replacements: [Character: String]) -> String {
        var result = ""
        result.reserveCapacity(utf8.count * 2)
        for character in self {
            if let wider = replacements[character] { result += wider } else { result.append(character) }
        }
        return result
    }
}
