// Path splitting and the two routing failures: 404 for unknown paths, 405 for wrong methods.
import FlexAPI

enum Router {
    /// A 405 naming the allowed methods, when the path exists but the method does not.
    static func methodNotAllowed(_ request: APIRequest, _ allowed: [HTTPMethod]) -> APIFailure {
        let names = allowed.map(\.rawValue).joined(separator: ", ")
        return APIFailure(405, "method_not_allowed", "\(request.method.rawValue) is not allowed on \(request.path); use \(names)")
    }

    /// The non-empty `/`-separated parts of a path, split on bytes (Character-wise split is slow).
    static func segments(_ path: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = path.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                if start != index { result.append(path[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { result.append(path[start..<utf8.endIndex]) }
        return result
    }

    static func notFound(_ request: APIRequest) -> APIFailure {
        APIFailure(404, "not_found", "no such endpoint: \(request.method.rawValue) \(request.path)")
    }
}
