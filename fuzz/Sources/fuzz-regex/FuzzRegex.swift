// Fuzz target: arbitrary bytes as a pattern and a subject (split at the first NUL byte) through
// the linear regular-expression engine of `matches`. It must never crash or hang on any pattern:
// a pattern either compiles or is refused with a located error, a compiled one answers on the
// subject and on a 4 KiB repetition of it, and wrapping it in (?:…) changes nothing.
import FlexRegex

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegex(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: 0) ?? size
    let pattern = String(decoding: bytes[0..<split], as: UTF8.self)
    let subject = String(decoding: bytes[min(split + 1, size)...], as: UTF8.self)
    let regex: LinearRegex
    do {
        regex = try LinearRegex(pattern)
    } catch {
        let length = pattern.utf8.count
        guard error.start >= 0, error.start <= error.end, error.end <= length, !error.message.isEmpty else {
            fatalError("the error's range \(error.start)..<\(error.end) is outside the pattern of \(length) bytes")
        }
        return 0
    }
    let found = regex.matches(in: subject)
    if let grouped = try? LinearRegex("(?:" + pattern + ")"), grouped.matches(in: subject) != found {
        fatalError("(?:…) changed the answer")
    }
    // A longer subject (linear work), stopped after a few polls: nil or an answer, never a hang.
    let long = String(repeating: subject.isEmpty ? "a" : subject, count: max(1, 4096 / max(subject.utf8.count, 1)))
    var polls = 0
    _ = regex.matches(in: long) {
        polls += 1
        return polls > 3
    }
    return 0
}
