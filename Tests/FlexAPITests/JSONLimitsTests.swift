// Bodies over the size limit and nesting over the depth limit are errors, not exhaustion.
import FlexAPI
import Testing

@Suite struct JSONLimitsTests {
    @Test func bodyOverTheLimitIsRefusedBeforeReading() {
        let body = Array(("[" + String(repeating: "1,", count: 600) + "1]").utf8)
        #expect(throws: JSONParseError.self) { try JSON.parse(body, maximumSize: 1000) }
        do {
            _ = try JSON.parse(body, maximumSize: 1000)
        } catch let error as JSONParseError {
            #expect(error.message == "body too large: \(body.count) bytes (at most 1000)")
        }
        #expect((try? JSON.parse(body, maximumSize: body.count)) != nil)
    }

    @Test func boundedBodyStopsCollectingAtTheLimit() throws {
        var body = BoundedBody(limit: 10)
        try body.append(Array("{\"a\":".utf8))
        try body.append(Array("12}".utf8))
        #expect(try body.parse() == ["a": 12])
        #expect(throws: JSONParseError.self) { try body.append([UInt8](repeating: 0x20, count: 1 << 20)) }
        #expect(body.bytes.isEmpty)
        #expect(body.received == 8 + (1 << 20))
    }

    @Test func nestingPastTheDepthLimitIsAnError() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSON.parse(deep) }
        let atLimit = String(repeating: "[", count: JSON.maximumDepth) + String(repeating: "]", count: JSON.maximumDepth)
        #expect((try? JSON.parse(atLimit)) != nil)
    }
}
