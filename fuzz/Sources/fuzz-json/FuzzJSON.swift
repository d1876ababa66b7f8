// Fuzz target: arbitrary bytes as a response body through the JSON reader, and a writer round trip.
import FlexAPI

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSON.parse(bytes) else { return 0 }
    // What the writer produces must read back as the same value.
    let text = value.serialized(pretty: false)
    guard let again = try? JSON.parse(Array(text.utf8)), again == value else {
        fatalError("JSON round trip changed the value")
    }
    _ = value.serialized(pretty: true)
    return 0
}
