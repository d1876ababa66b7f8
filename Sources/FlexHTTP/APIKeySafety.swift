// Test keys run freely; anything else could move real money, so it needs an explicit opt-in.

/// Classifies API keys and refuses production keys unless the user allowed them.
public enum APIKeySafety {
    public enum Mode: String, Sendable {
        /// An `fsk_test_` key: Flex's test mode, no real money.
        case test
        /// Any other key: assume it is live.
        case production
    }

    public static func mode(of key: String) -> Mode {
        key.hasPrefix("fsk_test_") ? .test : .production
    }

    /// Checks that `key` can be sent in a header and that its mode is allowed; returns the mode.
    @discardableResult
    public static func check(_ key: String, allowProduction: Bool) throws(HTTPConfigurationError) -> Mode {
        guard !key.isEmpty else {
            throw HTTPConfigurationError("the API key is empty; set FLEX_API_KEY or put `api_key = fsk_test_…` in the config file")
        }
        guard key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPConfigurationError("the API key \(KeyRedaction.redact(key)) contains spaces, control or non-ASCII characters")
        }
        let mode = mode(of: key)
        if mode == .production && !allowProduction {
            throw HTTPConfigurationError(
                "refusing to use the non-test API key \(KeyRedaction.redact(key)): only fsk_test_ keys are allowed without --allow-production")
        }
        return mode
    }
}
