// Why HTTPFlex could not be set up: bad base URL, missing or unsafe key, unsafe config file.

/// A configuration problem found before any request is sent. Messages never contain the API key.
public struct HTTPConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
