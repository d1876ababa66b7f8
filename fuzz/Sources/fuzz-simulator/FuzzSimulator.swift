// Fuzz target: arbitrary requests (method, path, query, JSON body) into the simulator's router.
import FlexAPI
import FlexSimulator

/// Input format, so the fuzzer can build request sequences that reach deep states: requests are
/// separated by NUL bytes; in each, the first byte picks the method, the text up to the first
/// newline is the path (with an optional `?a=b&c=d` query) and the rest is the JSON body (absent
/// when empty; sent as a JSON string when it does not parse). `$0`…`$9` in the path or body stand
/// for the IDs earlier responses returned, so a sequence can create a session and then pay it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSimulator(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let flex = SimulatedFlex(seed: 42)
    var ids: [String] = []
    for chunk in bytes.split(separator: 0, omittingEmptySubsequences: true).prefix(32) {
        let request = decodeRequest(Array(chunk), ids: ids)
        let response = flex.handle(request)
        guard (100...599).contains(response.status) else { fatalError("status \(response.status) out of range") }
        if !response.isSuccess {
            guard case .object(let body) = response.body, case .object(let error)? = body["error"],
                  case .string? = error["code"], case .string? = error["message"] else {
                fatalError("a failure without a Flex error body: \(response.body)")
            }
        }
        // Every response must serialize and read back unchanged (it crosses the wire in `flex serve`).
        let text = response.body.serialized(pretty: false)
        guard let again = try? JSON.parse(Array(text.utf8)), again == response.body else {
            fatalError("response body does not round-trip through JSON")
        }
        if let id = firstID(in: response.body) { ids.append(id) }
    }
    return 0
}

func decodeRequest(_ chunk: [UInt8], ids: [String]) -> APIRequest {
    let methods = HTTPMethod.allCases
    let method = methods[Int(chunk.first ?? 0) % methods.count]
    let rest = chunk.dropFirst()
    let newline = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
    let target = substitute(String(decoding: rest[..<newline], as: UTF8.self), ids)
    let bodyBytes = newline < rest.endIndex ? Array(rest[(newline + 1)...]) : []
    var path = target
    var query: [QueryItem] = []
    if let mark = target.firstIndex(of: "?") {
        path = String(target[..<mark])
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            query.append(QueryItem(String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
        }
    }
    var body: JSON?
    if !bodyBytes.isEmpty {
        let text = substitute(String(decoding: bodyBytes, as: UTF8.self), ids)
        body = (try? JSON.parse(Array(text.utf8))) ?? .string(text)
    }
    let headers = method == .POST ? [HTTPHeader("Idempotency-Key", "fuzz-\(chunk.count % 7)")] : []
    return APIRequest(method, path, query: query, headers: headers, body: body)
}

/// Replaces `$0`…`$9` with the IDs seen so far (left alone when there is no such ID yet).
func substitute(_ text: String, _ ids: [String]) -> String {
    guard text.contains("$"), !ids.isEmpty else { return text }
    var result = ""
    var iterator = text.makeIterator()
    while let character = iterator.next() {
        guard character == "$" else { result.append(character); continue }
        guard let next = iterator.next() else { result.append(character); break }
        if let digit = next.wholeNumberValue, digit < ids.count {
            result += ids[digit]
        } else {
            result.append(character)
            result.append(next)
        }
    }
    return result
}

/// The ID of the object a response wraps: `{"customer": {"customer_id": "fcus_…", …}}`.
func firstID(in body: JSON) -> String? {
    guard case .object(let outer) = body, outer.count == 1, let entry = outer.entries.first,
          case .object(let object) = entry.value, let first = object.entries.first,
          case .string(let id) = first.value else { return nil }
    return id
}
