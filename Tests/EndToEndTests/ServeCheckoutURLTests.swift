// `flex serve`'s checkout page address through the built binaries: the default (the server
// itself), --checkout-url, and a bad --checkout-url refused before anything listens.
import FlexTestSupport
import Testing

@Suite("flex serve --checkout-url")
struct ServeCheckoutURLTests {
    static let script = """
        let thermo = product "Digital thermometer" eligible price $24.99
        let s = checkout items [thermo x2] success "https://shop.example/thanks"
        print s.redirect_url
        """

    func redirectURL(_ server: ServeProcess) throws -> String {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let path = try dir.write("redirect.flex", Self.script)
        let result = try Flex.run(["run", "--backend", "live", "--base-url", server.baseURL, "--retries", "0", path],
                                  environment: ["FLEX_API_KEY": "fsk_test_checkout000000", "XDG_CONFIG_HOME": "/nonexistent"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test("by default a session's redirect_url is the server's own checkout page")
    func defaultIsTheServer() throws {
        let server = try ServeProcess(checkoutURL: nil)
        let printed = try redirectURL(server)
        // A live run works in a sandbox of its own, and the page's address names it (docs/serve.md).
        #expect(printed.hasPrefix("http://127.0.0.1:\(server.port)/sandboxes/flex-"), "\(printed)")
        #expect(printed.contains("/pay/c/fcs_"), "\(printed)")
    }

    @Test("--checkout-url BASE gives BASE/pay/c/{id}, a trailing slash dropped")
    func publicBase() throws {
        let server = try ServeProcess(checkoutURL: "https://pay.shop.test/")
        let printed = try redirectURL(server)
        #expect(printed.hasPrefix("https://pay.shop.test/pay/c/fcs_"), "\(printed)")
    }

    @Test("a --checkout-url that is no http(s) base URL is refused with the reason")
    func badBaseIsRefused() throws {
        for bad in ["ftp://pay.shop.test", "pay.shop.test", "https://pay.shop.test/?a=1", "https://"] {
            let result = try Flex.run(["serve", "--port", "0", "--checkout-url", bad])
            #expect(result.exitCode != 0, "\(bad) was accepted")
            #expect(result.stderr.contains("--checkout-url must be an http:// or https:// URL"), "\(bad): \(result.stderr)")
            #expect(!result.stdout.contains("listening"))
        }
    }
}
