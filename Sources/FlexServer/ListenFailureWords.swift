// Why `flex serve` cannot listen, in plain words: "address already in use", not
// "bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)".
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

public enum ListenFailureWords {
    /// A sentence for a failure to start listening on `host:port`.
    public static func describe(_ error: any Error, host: String, port: Int) -> String {
        let place = "\(host.contains(":") ? "[\(host)]" : host):\(port)"
        if let error = error as? IOError {
            switch error.errnoCode {
            case EADDRINUSE:
                return "cannot listen on \(place): the address is already in use (another flex serve or another program has the port); "
                    + "choose another with --port, or --port 0 for a free one"
            case EACCES:
                return "cannot listen on \(place): permission denied (ports below 1024 need privileges); choose a port above 1024"
            case EADDRNOTAVAIL:
                return "cannot listen on \(place): the address is not one of this machine's; use 127.0.0.1 or 0.0.0.0"
            default:
                break
            }
        }
        if let error = error as? SocketAddressError, case .unknown = error {
            return "cannot listen on \(place): unknown host \(host); use an IP address such as 127.0.0.1"
        }
        return "cannot listen on \(place) (\(String(describing: type(of: error))))"
    }
}
