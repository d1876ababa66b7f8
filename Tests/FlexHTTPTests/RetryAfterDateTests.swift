// Retry-After as an HTTP-date (IMF-fixdate, RFC 850, asctime), against the scripted loopback server,
// and the hand-written date parser on its own.
import FlexAPI
@testable import FlexHTTP
import Testing
#if canImport(Glibc)
import Glibc
#endif

let rateLimited = #"{"error":{"code":"rate_limited","message":"slow down"}}"#
/// The server's clock in these tests: `Date: Sun, 06 Nov 1994 08:49:37 GMT`.
let serverDate = "Sun, 06 Nov 1994 08:49:37 GMT"

/// `epochSeconds` as an IMF-fixdate, written independently of the parser under test.
func imfFixdate(_ epochSeconds: Int64) -> String {
    var seconds = time_t(epochSeconds)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var buffer = [CChar](repeating: 0, count: 64)
    let count = strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

@Suite struct RetryAfterDateTests {
    /// Each form of the same instant plus N seconds, relative to the response's Date header.
    @Test(arguments: [
        ("Sun, 06 Nov 1994 08:49:39 GMT", 2),       // IMF-fixdate
        ("Sunday, 06-Nov-94 08:49:40 GMT", 3),      // RFC 850
        ("Sun Nov  6 08:49:41 1994", 4),            // asctime
    ])
    func anHTTPDateCountsFromTheDateHeader(retryAfter: String, seconds: Int) async throws {
        let steps: [ScriptedServer.Step] = [
            .respond(429, headers: [("Date", serverDate), ("Retry-After", retryAfter)], body: rateLimited),
            .respond(200, body: #"{"customers":[]}"#),
        ]
        try await withScript(steps) { server, client, sleeper in
            let response = try await client.send(APIRequest(.GET, "/v1/customers"))
            #expect(response.status == 200)
            #expect(server.received.count == 2)
            #expect(sleeper.recorded == [.seconds(seconds)])
        }
    }

    @Test func aDateOnA503IsHonouredForAPostToo() async throws {
        let steps: [ScriptedServer.Step] = [
            .respond(503, headers: [("Date", serverDate), ("Retry-After", "Sun, 06 Nov 1994 08:49:42 GMT")], body: flexError503),
            .respond(200, body: #"{"customer":{"customer_id":"fcus_1"}}"#),
        ]
        try await withScript(steps) { server, client, sleeper in
            let response = try await client.send(APIRequest(.POST, "/v1/customers", body: customerBody))
            #expect(response.status == 200)
            #expect(sleeper.recorded == [.seconds(5)])
            #expect(server.received[0].header("Idempotency-Key") == server.received[1].header("Idempotency-Key"))
        }
    }

    @Test func withoutADateHeaderTheDateCountsFromNow() async throws {
        let inThirtySeconds = imfFixdate(Int64(time(nil)) + 30)
        let steps: [ScriptedServer.Step] = [
            .respond(429, headers: [("Retry-After", inThirtySeconds)], body: rateLimited),
            .respond(200, body: #"{"customers":[]}"#),
        ]
        try await withScript(steps) { _, client, sleeper in
            let response = try await client.send(APIRequest(.GET, "/v1/customers"))
            #expect(response.status == 200)
            let wait = try #require(sleeper.recorded.first)
            // Whole seconds on the wire; the exchange itself may take seconds on a loaded machine.
            #expect(wait > .seconds(15) && wait <= .seconds(30), "\(wait)")
        }
    }

    @Test func anUnreadableDateHeaderFallsBackToNow() async throws {
        let inTenSeconds = imfFixdate(Int64(time(nil)) + 10)
        let steps: [ScriptedServer.Step] = [
            .respond(429, headers: [("Date", "yesterday"), ("Retry-After", inTenSeconds)], body: rateLimited),
            .respond(200, body: #"{"customers":[]}"#),
        ]
        try await withScript(steps) { _, client, sleeper in
            _ = try await client.send(APIRequest(.GET, "/v1/customers"))
            let wait = try #require(sleeper.recorded.first)
            #expect(wait > .seconds(1) && wait <= .seconds(10), "\(wait)")
        }
    }

    @Test func aPastDateMeansTheBackoffApplies() async throws {
        let steps: [ScriptedServer.Step] = [
            .respond(429, headers: [("Date", serverDate), ("Retry-After", "Sun, 06 Nov 1994 08:00:00 GMT")], body: rateLimited),
            .respond(200, body: #"{"customers":[]}"#),
        ]
        try await withScript(steps) { _, client, sleeper in
            _ = try await client.send(APIRequest(.GET, "/v1/customers"))
            // makeClient's backoff with jitter 0.5: 20 ms / 2 + 20 ms / 4.
            #expect(sleeper.recorded == [.milliseconds(15)])
        }
    }

    @Test func aDateBeyondTheTimeBudgetIsNotWaitedFor() async throws {
        // makeClient's budget is 60 s; the date is 10 minutes after the server's clock.
        let steps: [ScriptedServer.Step] = [
            .respond(429, headers: [("Date", serverDate), ("Retry-After", "Sun, 06 Nov 1994 08:59:37 GMT")], body: rateLimited),
            .respond(200, body: #"{"customers":[]}"#),
        ]
        try await withScript(steps) { server, client, sleeper in
            let response = try await client.send(APIRequest(.GET, "/v1/customers"))
            #expect(response.status == 429)
            #expect(server.received.count == 1)
            #expect(sleeper.recorded.isEmpty)
        }
    }

    @Test func anUnreadableRetryAfterMeansTheBackoffApplies() async throws {
        let steps: [ScriptedServer.Step] = [
            .respond(429, headers: [("Date", serverDate), ("Retry-After", "Sun, 06 Nov 1994 25:00:00 GMT")], body: rateLimited),
            .respond(200, body: #"{"customers":[]}"#),
        ]
        try await withScript(steps) { _, client, sleeper in
            _ = try await client.send(APIRequest(.GET, "/v1/customers"))
            #expect(sleeper.recorded == [.milliseconds(15)])
        }
    }

    // MARK: - The parser

    @Test func theThreeFormsOfOneInstant() {
        let expected: Int64 = 784_111_777  // 1994-11-06T08:49:37Z
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == expected)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT", referenceYear: 2026) == expected)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == expected)
        #expect(HTTPDate.parse("  sun, 06 nov 1994 08:49:37 GMT ") == expected)
    }

    @Test func knownInstants() {
        #expect(HTTPDate.parse("Thu, 01 Jan 1970 00:00:00 GMT") == 0)
        #expect(HTTPDate.parse("Tue, 29 Feb 2000 23:59:59 GMT") == 951_868_799)
        #expect(HTTPDate.parse("Fri, 01 Jan 2027 00:00:00 GMT") == 1_798_761_600)
        #expect(HTTPDate.parse("Wed Dec 31 23:59:60 2025") == 1_767_225_600)  // a leap second is allowed
        for offset: Int64 in [0, 1, 86_399, 86_400, 951_868_799, 1_767_225_600, 4_102_444_800] {
            #expect(HTTPDate.parse(imfFixdate(offset)) == offset, "\(imfFixdate(offset))")
        }
    }

    @Test func rfc850TwoDigitYearsAreNeverMoreThan50YearsAhead() {
        #expect(HTTPDate.parse("Monday, 01-Jan-76 00:00:00 GMT", referenceYear: 2026) == 3_345_062_400)  // 2076: 50 years ahead is allowed
        #expect(HTTPDate.parse("Monday, 01-Jan-77 00:00:00 GMT", referenceYear: 2026) == 220_924_800)    // 1977, not 2077
        #expect(HTTPDate.parse("Monday, 01-Jan-80 00:00:00 GMT", referenceYear: 2026) == 315_532_800)    // 1980, not 2080
        #expect(HTTPDate.year(ofEpochSeconds: 1_767_225_600) == 2026)
        #expect(HTTPDate.year(ofEpochSeconds: 1_767_225_599) == 2025)
        #expect(HTTPDate.year(ofEpochSeconds: 0) == 1970)
    }

    @Test(arguments: [
        "", "GMT", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun, 31 Nov 1994 08:49:37 GMT", "Sun, 29 Feb 1900 00:00:00 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 06 Nov 1994 08:49:61 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sunday, 06 Nov 1994 08:49:37 GMT", "Sun, 06-Nov-94 08:49:37 GMT", "Sun Nov 6 08:49:37 1994",
        "Sun Nov  6 08:49:37 1994 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT trailing",
        "Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 0000 08:49:37 GMT", "Sun, 06 Nov 1994 8:49:37 GMT",
        "Wednesdayy, 06-Nov-94 08:49:37 GMT", "120s", "-5", "1.5",
    ])
    func rejects(_ text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func parseRetryAfterForms() {
        let now = Duration.seconds(784_111_777)
        #expect(RetryPolicy.parseRetryAfter("120", now: now) == .seconds(120))
        #expect(RetryPolicy.parseRetryAfter(" 0 ", now: now) == .zero)
        #expect(RetryPolicy.parseRetryAfter("Sun, 06 Nov 1994 08:50:37 GMT", now: now) == .seconds(60))
        #expect(RetryPolicy.parseRetryAfter("Sun, 06 Nov 1994 08:50:37 GMT", now: now + .milliseconds(250)) == .milliseconds(59_750))
        #expect(RetryPolicy.parseRetryAfter("Sun, 06 Nov 1994 08:50:37 GMT", responseDate: "Sun, 06 Nov 1994 08:50:00 GMT", now: now) == .seconds(37))
        #expect(RetryPolicy.parseRetryAfter("Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero)
        #expect(RetryPolicy.parseRetryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.parseRetryAfter("1.5", now: now) == nil)
        #expect(RetryPolicy.parseRetryAfter("9999999999", now: now) == nil)
        #expect(RetryPolicy.parseRetryAfter(nil, now: now) == nil)
    }
}
