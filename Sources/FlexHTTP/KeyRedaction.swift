// Keeps API keys out of every string flex writes: a key is shown as its prefix and last four.

/// Redacts API keys for display and scrubs them out of free text (errors, logs, recordings).
public enum KeyRedaction {
    /// `fsk_test_4eC39HqLyjWDarjtT1zdp7dc` → `fsk_test_…p7dc`. Short keys keep no characters at all,
    /// so a four-character tail never gives away most of a key.
    public static func redact(_ key: String) -> String {
        let prefix = visiblePrefix(of: key)
        let secret = key.utf8.count - prefix.utf8.count
        guard secret >= 12 else { return prefix + "…" }
        return prefix + "…" + String(key.suffix(4))
    }

    /// `text` with every occurrence of `key` (and of its secret part after the prefix) replaced by
    /// `redact(key)`. An empty key leaves the text unchanged.
    public static func scrub(_ text: String, key: String) -> String {
        guard !key.isEmpty else { return text }
        let redacted = redact(key)
        var result = replacing(key, with: redacted, in: text)
        let secret = String(key.dropFirst(visiblePrefix(of: key).count))
        // The secret part alone (a key pasted without its prefix) is hidden too, when long enough
        // that replacing it cannot mangle ordinary words.
        if secret.utf8.count >= 8 { result = replacing(secret, with: "…" + String(key.suffix(4)), in: result) }
        return result
    }

    /// The documented prefix (`fsk_test_`, `fsk_live_`, `fsk_`), or nothing for an unknown key shape.
    static func visiblePrefix(of key: String) -> String {
        for prefix in ["fsk_test_", "fsk_live_", "fsk_"] where key.hasPrefix(prefix) { return prefix }
        return ""
    }

    /// Byte-wise find-and-replace (no Foundation).
    static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
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
