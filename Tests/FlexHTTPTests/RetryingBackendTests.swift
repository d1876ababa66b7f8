// RetryingBackend over a scripted fake backend: what is retried, the key reuse, the final messages.
import FlexAPI
import FlexHTTP
import Testing

/// A retrying backend around `script` with a fixed jitter of 0.5 and recorded sleeps.
func retrying(_ script: ScriptedBackend, attempts: Int = 3, sleeper: SleepRecorder) -> RetryingBackend {
    let policy = RetryPolicy(maxAttempts: attempts, baseDelay: .milliseconds(20), maxDelay: .milliseconds(200), maxTotalTime: .seconds(60),
                             jitter: { 0.5 }, sleep: { try await sleeper.sleep($0) })
    return RetryingBackend(wrapping: script, policy: policy, secrets: [testKey])
}

@Suite struct RetryingBackendTests {
    @Test func retriesA503ThenReturnsThe200() async throws {
        let script = ScriptedBackend([.respond(503), .respond(200)])
        let sleeper = SleepRecorder()
        let response = try await retrying(script, sleeper: sleeper).send(APIRequest(.GET, "/v1/customers"))
        #expect(response.status == 200)
        #expect(script.received.count == 2)
        #expect(sleeper.recorded == [.milliseconds(15)])
    }

    @Test func neverRetriesAPatchAfterSending() async throws {
        let script = ScriptedBackend([.fail(AttemptFailure("the connection closed", sent: true)), .respond(200)])
        let sleeper = SleepRecorder()
        await #expect(throws: TransportError("the connection closed (1 attempt)")) {
            try await retrying(script, sleeper: sleeper).send(APIRequest(.PATCH, "/v1/customers/fcus_1", body: ["customer": ["first_name": "Ada"]]))
        }
        #expect(script.received.count == 1)
        #expect(script.received[0].header("Idempotency-Key") == nil)
        #expect(sleeper.recorded.isEmpty)
    }

    @Test func retriesAPatchThatWasNeverSent() async throws {
        let script = ScriptedBackend([.fail(AttemptFailure("cannot connect", sent: false)), .respond(200)])
        let response = try await retrying(script, sleeper: SleepRecorder()).send(APIRequest(.PATCH, "/v1/customers/fcus_1"))
        #expect(response.status == 200)
        #expect(script.received.count == 2)
    }

    @Test func reusesOneIdempotencyKeyAcrossAttempts() async throws {
        let script = ScriptedBackend([.respond(503), .fail(AttemptFailure("timed out", sent: true)), .respond(200)])
        let response = try await retrying(script, sleeper: SleepRecorder()).send(APIRequest(.POST, "/v1/customers", body: customerBody))
        #expect(response.status == 200)
        let keys = script.received.map { $0.header("Idempotency-Key") }
        #expect(keys.count == 3)
        #expect(keys[0]?.hasPrefix("flex-") == true)
        #expect(keys.allSatisfy { $0 == keys[0] })
    }

    @Test func givesTheOutcomeUnknownMessageAfterExhaustingAttemptsOnASentPost() async throws {
        let script = ScriptedBackend([.fail(AttemptFailure("timed out", sent: true))])
        let sleeper = SleepRecorder()
        let request = APIRequest(.POST, "/v1/customers", headers: [HTTPHeader("Idempotency-Key", "flex-42-1")], body: customerBody)
        await #expect(throws: TransportError(
            "outcome unknown: POST /v1/customers may or may not have been applied (timed out; 2 attempts); "
                + "retry it with Idempotency-Key \"flex-42-1\" to get its result without applying it twice", outcome: .unknown)) {
            try await retrying(script, attempts: 2, sleeper: sleeper).send(request)
        }
        #expect(script.received.count == 2)
        #expect(sleeper.recorded.count == 1)
    }

    @Test func anUnsentPostIsNotOutcomeUnknown() async throws {
        let script = ScriptedBackend([.fail(AttemptFailure("cannot connect to \(testKey)", sent: false))])
        await #expect(throws: TransportError("cannot connect to fsk_test_…p7dc (3 attempts)")) {
            try await retrying(script, sleeper: SleepRecorder()).send(APIRequest(.POST, "/v1/customers", body: customerBody))
        }
    }

    @Test func aFinalFailureIsNotRetried() async throws {
        let script = ScriptedBackend([.fail(AttemptFailure("too large", sent: true, isFinal: true)), .respond(200)])
        await #expect(throws: TransportError("too large (1 attempt)")) {
            try await retrying(script, sleeper: SleepRecorder()).send(APIRequest(.GET, "/v1/customers"))
        }
        #expect(script.received.count == 1)
    }

    @Test func anUnreadableAnswerIsRetriedByItsStatusAndOtherwiseStands() async throws {
        let unreadable503 = AttemptFailure("not valid JSON", sent: true, unreadableAnswer: APIResponse(status: 503, body: .null))
        let script = ScriptedBackend([.fail(unreadable503), .respond(200)])
        #expect(try await retrying(script, sleeper: SleepRecorder()).send(APIRequest(.GET, "/v1/customers")).status == 200)
        let unreadable200 = AttemptFailure("not valid JSON", sent: true, unreadableAnswer: APIResponse(status: 200, body: .null))
        let standing = ScriptedBackend([.fail(unreadable200)])
        await #expect(throws: TransportError("not valid JSON", outcome: .unreadableAnswer)) {
            try await retrying(standing, sleeper: SleepRecorder()).send(APIRequest(.GET, "/v1/customers"))
        }
        #expect(standing.received.count == 1)
    }

    @Test func honoursRetryAfterOnA429() async throws {
        let script = ScriptedBackend([.respond(429, headers: [HTTPHeader("Retry-After", "2")]), .respond(200)])
        let sleeper = SleepRecorder()
        #expect(try await retrying(script, sleeper: sleeper).send(APIRequest(.GET, "/v1/customers")).status == 200)
        #expect(sleeper.recorded == [.seconds(2)])
    }
}
