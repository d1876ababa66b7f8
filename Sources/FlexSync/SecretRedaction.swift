// Keeps API keys out of every string flex renders: anything key-shaped (`fsk_…`, any case) and
// every secret the run registered (the configured key, whatever its shape) become `fsk_test_…1a2b`.
// It lives at the bottom of the module graph because every renderer needs it: diagnostics
// (FlexLanguage), values and --json lines (FlexInterpreter), recordings and traces (FlexHTTP).
import Synchronization

public enum SecretRedaction {
    /// `fsk_test_4eC39HqLyjWDarjtT1zdp7dc` → `fsk_test_…p7dc`. Short keys keep no characters at all,
    /// so a four-character tail never gives away most of a key.
    public static func redact(_ key: String) -> String {
        let prefix = visiblePrefix(of: key)
        let secret = key.utf8.count - prefix.utf8.count
        guard secret >= 12 else { return prefix + "…" }
        return prefix + "…" + String(key.suffix(4))
    }

    /// `text` with every occurrence of `key` (and of its secret part after the prefix, when long
    /// enough not to mangle ordinary words) replaced by `redact(key)`. An empty key changes nothing.
    public static func scrub(_ text: String, key: String) -> String {
        guard !key.isEmpty else { return text }
        var result = replacing(key, with: redact(key), in: text)
        let secret = String(key.dropFirst(visiblePrefix(of: key).count))
        if secret.utf8.count >= 8 { result = replacing(secret, with: "…" + String(key.suffix(4)), in: result) }
        return result
    }

    // MARK: - Every rendering

    /// Adds a secret (the configured API key) that `scrub(_:)` hides from then on, in this process.
    public static func register(_ secret: String) {
        guard !secret.isEmpty else { return }
        registered.withLock { if !$0.contains(secret) { $0.append(secret) } }
        anyRegistered.store(true, ordering: .releasing)
    }

    /// `text` without registered secrets and without anything key-shaped. Cheap when there is
    /// nothing to hide: one pass over the bytes looking for `fsk_`, and one atomic load.
    public static func scrub(_ text: String) -> String {
        var result = text
        if anyRegistered.load(ordering: .acquiring) {
            for secret in registered.withLock({ $0 }) { result = scrub(result, key: secret) }
        }
        return scrubKeyShapes(result)
    }

    /// Every `fsk_` (any case) followed by key characters (letters, digits, `_`) beyond its
    /// documented prefix, redacted; `fsk_test_…1a2b` (already redacted) stays as it is.
    public static func scrubKeyShapes(_ text: String) -> String {
        // The common case (no `fsk_` at all) reads the string in place and allocates nothing.
        var scanned = text
        guard let first = scanned.withUTF8({ keyStart(in: $0, from: 0) }) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        var start: Int? = first
        while let index = start {
            var end = index + 4
            while end < bytes.count, isKeyByte(bytes[end]) { end += 1 }
            let token = String(decoding: bytes[index..<end], as: UTF8.self)
            if token.utf8.count > visiblePrefix(of: token).utf8.count {
                output += bytes[copied..<index]
                output += Array(redact(token).utf8)
                copied = end
            }
            start = bytes.withUnsafeBufferPointer { keyStart(in: $0, from: end) }
        }
        guard copied > 0 else { return text }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    // MARK: - Pieces

    static let registered = Locked<[String]>([])
    static let anyRegistered = Atomic<Bool>(false)

    /// The documented prefix (`fsk_test_`, `fsk_live_`, `fsk_`, in any case, as written), or
    /// nothing for an unknown key shape.
    static func visiblePrefix(of key: String) -> String {
        let lowered = key.lowercased()
        for prefix in ["fsk_test_", "fsk_live_", "fsk_"] where lowered.hasPrefix(prefix) { return String(key.prefix(prefix.count)) }
        return ""
    }

    static func keyStart(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 4 <= bytes.count {
            if bytes[index] | 0x20 == UInt8(ascii: "f"), bytes[index + 1] | 0x20 == UInt8(ascii: "s"),
               bytes[index + 2] | 0x20 == UInt8(ascii: "k"), bytes[index + 3] == UInt8(ascii: "_") {
                return index
            }
            index += 1
        }
        return nil
    }

    static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
        default: false
        }
    }

    /// Byte-wise find-and-replace (no Foundation).
    public static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        let hay = Array(text.utf8)
        let pin = Array(needle.utf8)
        guard !pin.isEmpty, hay.count >= pin.count else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(hay.count)
        var index = 0
        var changed = false
        while index < hay.count {
            if index + pin.count <= hay.count, hay[index] == pin[0], hay[index..<(index + pin.count)].elementsEqual(pin) {
                output.append(contentsOf: replacement.utf8)
                index += pin.count
                changed = true
            } else {
                output.append(hay[index])
                index += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }
}
