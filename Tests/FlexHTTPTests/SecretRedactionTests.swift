// Key shapes and registered secrets are redacted in every rendering: the rules themselves, and
// the diagnostic renderer, which every error flex shows passes through.
import FlexHTTP
import FlexLanguage
import FlexSync
import Testing

@Suite struct SecretRedactionTests {
    @Test func keyShapesAreRedactedInAnyCaseAndOnlyOnce() {
        #expect(SecretRedaction.scrubKeyShapes("key fsk_test_4eC39HqLyjWDarjtT1zdp7dc here") == "key fsk_test_…p7dc here")
        #expect(SecretRedaction.scrubKeyShapes("FSK_LIVE_abcdefghijklmnop1234.") == "FSK_LIVE_…1234.")
        #expect(SecretRedaction.scrubKeyShapes("\"Fsk_short\"") == "\"Fsk_…\"")
        // Already redacted, a bare prefix, or no key at all: unchanged.
        for text in ["fsk_test_…p7dc", "api_key = fsk_test_…", "fsk_", "nothing here", "fcus_01K0000000000000000000001"] {
            #expect(SecretRedaction.scrubKeyShapes(text) == text)
        }
        let twice = SecretRedaction.scrubKeyShapes("a fsk_test_aaaaaaaaaaaaaaaa1111 b fsk_test_bbbbbbbbbbbbbbbb2222 c")
        #expect(twice == "a fsk_test_…1111 b fsk_test_…2222 c")
    }

    @Test func aRegisteredSecretOfAnyShapeIsRedactedEverywhere() {
        SecretRedaction.register("sk_registered_shape_0042")
        #expect(SecretRedaction.scrub("Invalid API key provided: sk_registered_shape_0042") == "Invalid API key provided: …0042")
        #expect(SecretRedaction.scrub("{\"message\":\"bad key sk_registered_shape_0042.\"}") == "{\"message\":\"bad key …0042.\"}")
    }

    @Test func theDiagnosticRendererRedactsKeysInMessagesHelpAndSource() {
        let sources = SourceManager()
        let file = sources.add(path: "k.flex", bytes: Array("let k = \"fsk_test_4eC39HqLyjWDarjtT1zdp7dc\"\n".utf8))
        let span = SourceSpan(file: file.id, start: 8, end: 42)
        let diagnostic = Diagnostic.error("Invalid API key provided: fsk_test_4eC39HqLyjWDarjtT1zdp7dc", at: span,
                                          help: "FSK_TEST_4eC39HqLyjWDarjtT1zdp7dc is not valid")
        for style in [DiagnosticRenderer.Style.full, .short] {
            let text = DiagnosticRenderer(sources: sources, style: style).render(diagnostic)
            #expect(text.contains("fsk_test_…p7dc"))
            #expect(!text.contains("4eC39HqLyjWDarjtT1zdp7dc"), "\(text)")
        }
    }

    @Test func keyRedactionScrubsKeyShapesBesideTheConfiguredKey() {
        #expect(KeyRedaction.scrub("other fsk_live_zzzzzzzzzzzzzzzz9999", key: testKey) == "other fsk_live_…9999")
    }
}
