// Shared test helpers: a test key, HTTPFlex clients with fast retries, and sleep recorders.
import FlexAPI
import FlexHTTP
import FlexSync

let testKey = "fsk_test_4eC39HqLyjWDarjtT1zdp7dc"

/// Records requested backoff waits instead of sleeping, so retry tests are fast and exact.
final class SleepRecorder: Sendable {
    let waits = Locked<[Duration]>([])
    var recorded: [Duration] { waits.withLock { $0 } }
    func sleep(_ duration: Duration) async throws { waits.withLock { $0.append(duration) } }
}

/// A client for `http://127.0.0.1:<port>/v1` with a fixed jitter of 0.5 and recorded sleeps.
func makeClient(port: Int, key: String = testKey, attempts: Int = 3, timeout: Duration = .seconds(5),
                maxResponseBytes: Int = 1 << 20, sleeper: SleepRecorder? = nil, allowProduction: Bool = false) throws -> LoopbackClient {
    let recorder = sleeper
    let retry = RetryPolicy(
        maxAttempts: attempts, baseDelay: .milliseconds(20), maxDelay: .milliseconds(200), maxTotalTime: .seconds(60),
        jitter: { 0.5 },
        sleep: { duration in
            if let recorder { try await recorder.sleep(duration) } else { try await Task.sleep(for: duration) }
        })
    let http = try HTTPFlex(configuration: HTTPFlexConfiguration(
        baseURL: "http://127.0.0.1:\(port)/v1", apiKey: key, allowProduction: allowProduction,
        connectTimeout: .seconds(2), requestTimeout: timeout, maxResponseBytes: maxResponseBytes))
    return LoopbackClient(http: http, retry: retry)
}

let customerBody: JSON = ["customer": ["email": "ada@example.com", "first_name": "Ada"]]
