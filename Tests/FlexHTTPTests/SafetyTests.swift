// Key redaction, test/production key safety, and reading the key from the environment or a 0600 file.
import FlexAPI
import FlexHTTP
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SafetyTests {
    @Test func redactionShowsPrefixAndLastFour() {
        #expect(KeyRedaction.redact(testKey) == "fsk_test_…p7dc")
        #expect(KeyRedaction.redact("fsk_live_abcdefghijklmnopa1b2") == "fsk_live_…a1b2")
        #expect(KeyRedaction.redact("fsk_test_short") == "fsk_test_…")
        #expect(KeyRedaction.redact("sk_somethingelse_long_1234") == "…1234")
    }

    @Test func scrubRemovesEveryOccurrence() {
        let text = "key \(testKey) and again \(testKey); bare 4eC39HqLyjWDarjtT1zdp7dc"
        let scrubbed = KeyRedaction.scrub(text, key: testKey)
        #expect(!scrubbed.contains(testKey))
        #expect(!scrubbed.contains("4eC39HqLyjWDarjtT1zdp7dc"))
        #expect(scrubbed == "key fsk_test_…p7dc and again fsk_test_…p7dc; bare …p7dc")
        #expect(KeyRedaction.scrub("nothing here", key: "") == "nothing here")
    }

    @Test func productionKeysNeedExplicitPermission() throws {
        #expect(try APIKeySafety.check(testKey, allowProduction: false) == .test)
        let live = "fsk_live_abcdefghijklmnopa1b2"
        do {
            try APIKeySafety.check(live, allowProduction: false)
            Issue.record("a live key was accepted")
        } catch {
            #expect(String(describing: error).contains("--allow-production"))
            #expect(String(describing: error).contains("fsk_live_…a1b2"))
            #expect(!String(describing: error).contains(live))
        }
        #expect(try APIKeySafety.check(live, allowProduction: true) == .production)
        #expect(throws: HTTPConfigurationError.self) { try APIKeySafety.check("fsk_test_has space", allowProduction: false) }
        #expect(throws: HTTPConfigurationError.self) {
            _ = try HTTPFlex(configuration: HTTPFlexConfiguration(apiKey: live))
        }
    }

    @Test func configurationDescriptionHidesTheKey() {
        let configuration = HTTPFlexConfiguration(apiKey: testKey)
        #expect(!configuration.description.contains(testKey))
        #expect(!String(reflecting: configuration).contains(testKey))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains(testKey))
        #expect(dumped.contains("fsk_test_…p7dc"))
    }

    @Test func theBackendHidesTheKeyToo() async throws {
        let flex = try HTTPFlex(configuration: HTTPFlexConfiguration(apiKey: testKey))
        var dumped = ""
        dump(flex, to: &dumped)
        #expect(!dumped.contains(testKey))
        #expect(!flex.description.contains(testKey))
        #expect(flex.mode == .test)
        await flex.shutdown()
    }

    @Test func environmentWins() throws {
        let configuration = try HTTPFlexConfiguration.fromEnvironment(
            ["FLEX_API_KEY": testKey, "FLEX_API_BASE": "http://127.0.0.1:4010/v1", "HOME": "/nonexistent-home"])
        #expect(configuration.apiKey == testKey)
        #expect(configuration.baseURL == "http://127.0.0.1:4010/v1")
        let flagged = try HTTPFlexConfiguration.fromEnvironment(["FLEX_API_KEY": testKey, "HOME": "/nonexistent-home"], baseURL: "http://localhost:1/v1")
        #expect(flagged.baseURL == "http://localhost:1/v1")
        let defaulted = try HTTPFlexConfiguration.fromEnvironment(["FLEX_API_KEY": testKey, "HOME": "/nonexistent-home"])
        #expect(defaulted.baseURL == "https://api.withflex.com/v1")
        #expect(throws: HTTPConfigurationError.self) { try HTTPFlexConfiguration.fromEnvironment(["HOME": "/nonexistent-home"]) }
    }

    @Test func configFileMustBePrivate() throws {
        var template = Array("/tmp/flex-config-XXXXXX".utf8CString)
        let directory = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) } }
        let xdg = try #require(directory)
        let path = xdg + "/flex/config"
        defer { unlink(path); rmdir(xdg + "/flex"); rmdir(xdg) }
        try ConfigFile.write([("api_key", testKey), ("base_url", "http://127.0.0.1:9/v1")], to: path)
        let environment = ["XDG_CONFIG_HOME": xdg, "HOME": "/nonexistent-home"]
        let configuration = try HTTPFlexConfiguration.fromEnvironment(environment)
        #expect(configuration.apiKey == testKey)
        #expect(configuration.baseURL == "http://127.0.0.1:9/v1")

        #expect(chmod(path, 0o644) == 0)
        do {
            _ = try HTTPFlexConfiguration.fromEnvironment(environment)
            Issue.record("a world-readable config file was read")
        } catch {
            #expect(String(describing: error).contains("chmod 600 \(path)"))
            #expect(!String(describing: error).contains(testKey))
        }
    }

    @Test func configFileSyntax() {
        let settings = ConfigFile.parse("# flex\napi_key = \"fsk_test_abc\"\n\n  base_url=http://x/v1  \nnonsense\n")
        #expect(settings == ["api_key": "fsk_test_abc", "base_url": "http://x/v1"])
    }
}
