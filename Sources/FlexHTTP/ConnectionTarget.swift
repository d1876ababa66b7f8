// Where a base URL's requests go: the host and port to connect to, TLS or not, and the Host header.
import FlexAPI
import NIOCore

public struct ConnectionTarget: Sendable, Hashable {
    public let host: String
    public let port: Int
    public let usesTLS: Bool
    /// `host` or `host:port` as the URL writes it (IPv6 brackets kept): the Host header.
    public let authority: String

    /// `authority` is the part of a base URL between `scheme://` and the path.
    init(usesTLS: Bool, authority: String, url: String) throws(HTTPConfigurationError) {
        self.usesTLS = usesTLS
        self.authority = authority
        var hostPart = Substring(authority)
        var portText: Substring?
        if hostPart.hasPrefix("[") {
            // An IPv6 literal: [::1] or [::1]:8080.
            guard let close = hostPart.firstIndex(of: "]") else {
                throw HTTPConfigurationError("the base URL \"\(url)\" has an IPv6 address without its closing ]")
            }
            let rest = hostPart[close...].dropFirst()
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { throw HTTPConfigurationError("the base URL \"\(url)\" has text after its IPv6 address") }
                portText = rest.dropFirst()
            }
            hostPart = hostPart[hostPart.index(after: hostPart.startIndex)..<close]
        } else if let colon = hostPart.firstIndex(of: ":") {
            portText = hostPart[hostPart.index(after: colon)...]
            hostPart = hostPart[..<colon]
        }
        var port = usesTLS ? 443 : 80
        if let portText {
            guard let number = Int(portText), portText.allSatisfy(\.isASCIIDigit), (1...65535).contains(number) else {
                throw HTTPConfigurationError("the base URL \"\(url)\" has the port \"\(portText)\"; a port is a number from 1 to 65535")
            }
            port = number
        }
        guard !hostPart.isEmpty else { throw HTTPConfigurationError("the base URL \"\(url)\" has no host") }
        host = String(hostPart)
        self.port = port
    }

    /// SNI names hosts, never addresses (as AsyncHTTPClient does).
    var serverNameIndication: String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
