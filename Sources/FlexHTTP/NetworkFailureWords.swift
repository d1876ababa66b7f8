// Network failures in plain words: refused, reset, timed out, unknown host, TLS, closed early,
// never NIO's or the C library's spellings ("(errno: 111)", "SocketAddressError.UnknownHost").
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum NetworkFailureWords {
    /// What happened talking to `origin` (`http://127.0.0.1:8080`), as a sentence without a trailing period.
    static func describe(_ error: any Error, origin: String, connectTimeout: Duration) -> String {
        if let failure = error as? ConnectFailure { return describe(failure.underlying, origin: origin, connectTimeout: connectTimeout) }
        if let words = words(for: error, origin: origin, connectTimeout: connectTimeout) { return words }
        if let failure = error as? NIOConnectionError {
            // Happy Eyeballs tried each address: a failed DNS lookup or the first address's error says it.
            if failure.connectionErrors.isEmpty, failure.dnsAError != nil || failure.dnsAAAAError != nil {
                return unknownHost(origin)
            }
            for attempt in failure.connectionErrors {
                if let words = words(for: attempt.error, origin: origin, connectTimeout: connectTimeout) { return words }
            }
            return "cannot connect to \(origin)"
        }
        if let words = tlsWords(for: error, origin: origin) { return words }
        return "network failure talking to \(origin) (\(typeName(of: error)))"
    }

    static func words(for error: any Error, origin: String, connectTimeout: Duration) -> String? {
        if let error = error as? ExchangeError {
            switch error {
            case .closedEarly: return "\(origin) closed the connection before the response was complete"
            case .responseTooBig: return "the response from \(origin) is larger than the limit"
            case .cancelled: return "the request to \(origin) was cancelled"
            case .shutDown: return "the HTTP client was shut down before the request to \(origin) was sent"
            case .handshakeTimedOut: return "timed out after \(DurationText.short(connectTimeout)) during the TLS (https) handshake with \(origin)"
            }
        }
        if error is HTTPParserError {
            return "\(origin) answered with something that is not HTTP/1.1; check that the base URL points at Flex or a flex serve"
        }
        if let error = error as? IOError { return words(errno: error.errnoCode, origin: origin) }
        if let error = error as? SocketAddressError, case .unknown = error { return unknownHost(origin) }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return "timed out after \(DurationText.short(connectTimeout)) connecting to \(origin)"
            case .eof, .ioOnClosedChannel, .outputClosed, .alreadyClosed:
                return "\(origin) closed the connection before the response was complete"
            default: return nil
            }
        }
        return nil
    }

    static func words(errno code: Int32, origin: String) -> String? {
        switch code {
        case ECONNREFUSED: "connection refused by \(origin): nothing is listening there (is the server running, is the port right?)"
        case ECONNRESET, EPIPE: "the connection to \(origin) was reset before the response was complete"
        case ETIMEDOUT: "timed out connecting to \(origin)"
        case ENETUNREACH, EHOSTUNREACH: "\(origin) cannot be reached from this machine (no route to it)"
        case EADDRNOTAVAIL: "cannot connect to \(origin): the address is not available"
        default: nil
        }
    }

    static func unknownHost(_ origin: String) -> String {
        "unknown host: \(origin) cannot be found in DNS; check the spelling of the base URL"
    }

    /// A certificate that is not trusted or names another host, or any other TLS failure
    /// (NIOSSL's NIOSSLError, BoringSSLError and NIOSSLExtraError).
    static func tlsWords(for error: any Error, origin: String) -> String? {
        if isWrongHostCertificate(error) {
            return "the TLS certificate of \(origin) is for another host name"
        }
        if isUntrustedCertificate(error) {
            return "the TLS certificate of \(origin) is not signed by an authority this machine trusts; "
                + "if a proxy or a test server signs it, name that authority's PEM file in FLEX_CA_FILE"
        }
        let name = typeName(of: error)
        guard name.contains("SSL") || name.contains("TLS") else { return nil }
        return "the TLS (https) handshake with \(origin) failed; check that the URL's scheme and port are right"
    }

    /// A certificate the trust store rejects, or one for another host: trying again cannot help.
    static func isCertificateFailure(_ error: any Error) -> Bool {
        let error = (error as? ConnectFailure)?.underlying ?? error
        return isWrongHostCertificate(error) || isUntrustedCertificate(error)
    }

    static func isWrongHostCertificate(_ error: any Error) -> Bool {
        (error as? NIOSSLExtraError) == .failedToValidateHostname
    }

    static func isUntrustedCertificate(_ error: any Error) -> Bool {
        guard case .handshakeFailed(let reason)? = error as? NIOSSLError else { return false }
        return String(describing: reason).contains("CERTIFICATE_VERIFY_FAILED")
    }

    /// The error's type without its module (`NIOSSLError`), the most a message says of internals.
    static func typeName(of error: any Error) -> String {
        String(describing: type(of: error))
    }
}
