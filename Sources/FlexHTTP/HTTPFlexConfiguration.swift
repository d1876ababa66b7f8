// Where HTTPFlex connects and how patient it is; read from the environment or a 0600 config file.

/// Everything HTTPFlex needs. `description` never shows the key (only its redacted form).
public struct HTTPFlexConfiguration: Sendable, CustomStringConvertible {
    public static let defaultBaseURL = "https://api.withflex.com/v1"

    /// A URL ending in the API version, like the documented `https://api.withflex.com/v1`.
    public var baseURL: String
    /// Sent as `Authorization: Bearer <key>`; never printed, logged or recorded.
    public var apiKey: String
    /// Keys other than `fsk_test_…` are refused unless this is true (`--allow-production`).
    public var allowProduction: Bool
    public var connectTimeout: Duration
    /// Limit for one attempt (connect, send, and the whole response).
    public var requestTimeout: Duration
    /// A larger response body is an error, never buffered.
    public var maxResponseBytes: Int
    /// A PEM file of certificate authorities trusted besides the system's, for https through a
    /// proxy that re-signs traffic or to a test server with a certificate of its own.
    public var caFile: String?

    public init(
        baseURL: String = HTTPFlexConfiguration.defaultBaseURL,
        apiKey: String,
        allowProduction: Bool = false,
        connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(30),
        maxResponseBytes: Int = 16 << 20,
        caFile: String? = nil
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.allowProduction = allowProduction
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxResponseBytes = maxResponseBytes
        self.caFile = caFile
    }

    public var description: String {
        "HTTPFlexConfiguration(baseURL: \(baseURL), apiKey: \(KeyRedaction.redact(apiKey)), mode: \(APIKeySafety.mode(of: apiKey).rawValue))"
    }

    /// Builds a configuration from (highest first) `baseURL` (the `--base-url` flag), the environment
    /// (`FLEX_API_BASE`, `FLEX_API_KEY`, `FLEX_CA_FILE`) and the config file (`api_key = …`,
    /// `base_url = …`, `ca_file = …`).
    ///
    /// The config file is `$XDG_CONFIG_HOME/flex/config`, else `~/.config/flex/config`. It is read
    /// only if it exists, and refused when group or others can read it (`chmod 600 <path>`).
    /// - Parameter environment: variables to use instead of the process environment (tests).
    public static func fromEnvironment(
        _ environment: [String: String]? = nil,
        baseURL overrideBaseURL: String? = nil,
        allowProduction: Bool = false
    ) throws(HTTPConfigurationError) -> HTTPFlexConfiguration {
        func variable(_ name: String) -> String? {
            let value = environment != nil ? environment?[name] : ConfigFile.processVariable(name)
            guard let value, !value.isEmpty else { return nil }
            return value
        }
        var file: [String: String] = [:]
        if let path = ConfigFile.defaultPath(home: variable("HOME"), xdgConfigHome: variable("XDG_CONFIG_HOME")) {
            file = try ConfigFile.load(path) ?? [:]
        }
        guard let key = variable("FLEX_API_KEY") ?? file["api_key"] else {
            let place = ConfigFile.defaultPath(home: variable("HOME"), xdgConfigHome: variable("XDG_CONFIG_HOME")) ?? "~/.config/flex/config"
            throw HTTPConfigurationError("no API key: set FLEX_API_KEY, or write `api_key = fsk_test_…` to \(place) and run `chmod 600 \(place)`")
        }
        let base = overrideBaseURL ?? variable("FLEX_API_BASE") ?? file["base_url"] ?? defaultBaseURL
        _ = try APIBaseURL(base)
        try APIKeySafety.check(key, allowProduction: allowProduction)
        return HTTPFlexConfiguration(baseURL: base, apiKey: key, allowProduction: allowProduction,
                                     caFile: variable("FLEX_CA_FILE") ?? file["ca_file"])
    }
}

extension HTTPFlexConfiguration: CustomDebugStringConvertible, CustomReflectable {
    public var debugDescription: String { description }
    /// `dump()` and debuggers see the redacted key only.
    public var customMirror: Mirror {
        Mirror(self, children: ["baseURL": baseURL, "apiKey": KeyRedaction.redact(apiKey), "allowProduction": allowProduction,
                                "connectTimeout": connectTimeout, "requestTimeout": requestTimeout, "maxResponseBytes": maxResponseBytes,
                                "caFile": caFile as Any])
    }
}
