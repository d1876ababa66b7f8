// --record writes scrubbed JSON lines; --replay answers from them in order and refuses unknown requests.
import FlexAPI
import FlexHTTP
import FlexSimulator
import Testing
#if canImport(Glibc)
import Glibc
#endif

func temporaryPath(_ name: String) -> String {
    "/tmp/flex-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).jsonl"
}

func readText(_ path: String) -> String {
    guard let file = fopen(path, "r") else { return "" }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count == 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

@Suite struct RecordReplayTests {
    @Test func recordingScrubsSecretsAndReplaysInOrder() async throws {
        let path = temporaryPath("record")
        defer { unlink(path) }
        let recorder = try RecordingBackend(wrapping: SimulatedFlex(seed: 42), path: path, secrets: [testKey])
        let leaky = APIRequest(.POST, "/v1/customers", headers: [HTTPHeader("Idempotency-Key", "flex-42-1"), HTTPHeader("Authorization", "Bearer \(testKey)")],
                               body: ["customer": ["email": "a@b.co", "first_name": .string("pasted \(testKey) by mistake")]])
        let created = try await recorder.send(leaky)
        let first = try await recorder.send(APIRequest(.GET, "/_sim/clock"))
        _ = try await recorder.send(APIRequest(.POST, "/_sim/clock/advance", body: ["clock": ["seconds": 60]]))
        let second = try await recorder.send(APIRequest(.GET, "/_sim/clock"))
        recorder.close()

        let text = readText(path)
        #expect(text.split(separator: "\n").count == 4)
        #expect(!text.contains(testKey))
        #expect(!text.contains("4eC39HqLyjWDarjtT1zdp7dc"))
        #expect(!text.contains("Authorization"))
        #expect(text.contains("fsk_test_…p7dc"))

        let replay = try ReplayingBackend(path: path)
        // Same request twice answers the two recorded answers in order.
        #expect(try await replay.send(APIRequest(.GET, "/_sim/clock")) == first)
        _ = try await replay.send(APIRequest(.POST, "/_sim/clock/advance", body: ["clock": ["seconds": 60]]))
        #expect(try await replay.send(APIRequest(.GET, "/_sim/clock")) == second)
        #expect(created.status == 200)

        do {
            _ = try await replay.send(APIRequest(.GET, "/_sim/clock"))
            Issue.record("an exhausted request was answered")
        } catch let error as TransportError {
            #expect(error.message.contains("request 4 (GET /_sim/clock) is in \(path) only 2 time(s), and all were replayed"))
        }
        do {
            _ = try await replay.send(APIRequest(.GET, "/v1/customers"))
            Issue.record("an unrecorded request was answered")
        } catch let error as TransportError {
            #expect(error.message.contains("request 5 (GET /v1/customers) is not in \(path); the first recorded request not yet replayed is #1: POST /v1/customers"))
        }
    }

    @Test func keyShapedValuesOtherThanTheConfiguredKeyAreScrubbedToo() async throws {
        let path = temporaryPath("record-shapes")
        defer { unlink(path) }
        let recorder = try RecordingBackend(wrapping: SimulatedFlex(seed: 42), path: path, secrets: [testKey])
        _ = try await recorder.send(APIRequest(.POST, "/v1/customers", headers: [HTTPHeader("Idempotency-Key", "flex-42-1")],
                                               body: ["customer": ["email": "a@b.co", "first_name": "FSK_LIVE_someoneelses00009999"]]))
        recorder.close()
        let text = readText(path)
        #expect(!text.contains("someoneelses"))
        #expect(text.contains("FSK_LIVE_…9999"))
    }

    @Test func transportErrorsAreRecordedAndReplayed() async throws {
        let exchange = RecordedExchange(request: APIRequest(.GET, "/v1/customers"), outcome: .transportError("timed out"))
        let line = exchange.json.serialized()
        #expect(try RecordedExchange(json: JSON.parse(line)) == exchange)
        let replay = ReplayingBackend(exchanges: [exchange])
        await #expect(throws: TransportError("timed out")) { try await replay.send(APIRequest(.GET, "/v1/customers")) }
    }

    @Test func aCorruptRecordingNamesTheLine() throws {
        let path = temporaryPath("corrupt")
        defer { unlink(path) }
        let file = fopen(path, "w")
        fputs("{\"request\":{\"method\":\"GET\",\"path\":\"/v1/x\"},\"response\":{\"status\":200,\"body\":{}}}\n{oops\n", file)
        fclose(file)
        do {
            _ = try ReplayingBackend(path: path)
            Issue.record("a corrupt recording was accepted")
        } catch {
            #expect(String(describing: error).hasPrefix("\(path):2:"))
        }
    }
}
