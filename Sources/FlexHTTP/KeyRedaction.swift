// Keeps API keys out of every string FlexHTTP writes: a key is shown as its prefix and last four.
// The rules live in FlexSync's SecretRedaction, which every renderer shares.
import FlexSync

/// Redacts API keys for display and scrubs them out of free text (errors, logs, recordings).
public enum KeyRedaction {
    /// `fsk_test_4eC39HqLyjWDarjtT1zdp7dc` → `fsk_test_…p7dc` (see `SecretRedaction.redact`).
    public static func redact(_ key: String) -> String { SecretRedaction.redact(key) }

    /// `text` with every occurrence of `key` (and of its secret part) redacted, and anything else
    /// key-shaped too. An empty key still hides key shapes.
    public static func scrub(_ text: String, key: String) -> String {
        SecretRedaction.scrubKeyShapes(SecretRedaction.scrub(text, key: key))
    }
}
