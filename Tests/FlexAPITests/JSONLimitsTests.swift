// JSON nested past the depth limit is a parse error, not a stack overflow; at the limit it reads.
// (Body size limits live where bodies are read: HTTPFlex's maxResponseBytes, FlexServer's maxBodyBytes.)
import FlexAPI
import Testing

@Suite struct JSONLimitsTests {
    @Test func nestingPastTheDepthLimitIsAnError() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSON.parse(deep) }
        let atLimit = String(repeating: "[", count: JSON.maximumDepth) + String(repeating: "]", count: JSON.maximumDepth)
        #expect((try? JSON.parse(atLimit)) != nil)
    }
}
