// The built binaries as a shop uses them: flex serve --forward-to and a registered endpoint
// deliver to a Python receiver (fixtures/webhooks/receiver.py), `flex trigger` makes the event,
// and the receiver verifies every signature with plain hmac, none of flex's code.
import FlexTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct WebhookDeliveryEndToEndTests {
    static let receiver = Flex.root + "/fixtures/webhooks/receiver.py"

    /// The first line of a child's stdout, waited for (bounded).
    static func firstLines(_ child: ChildProcess, count: Int) -> [String]? {
        var lines: [String] = []
        _ = child.waitUntil(timeoutSeconds: 20) {
            lines = child.stdoutSoFar.split(separator: "\n").map(String.init)
            return lines.count >= count
        }
        return lines.count >= count ? lines : nil
    }

    @Test func triggeredEventsReachTheShopSignedAsFlexSignsThem() throws {
        let out = try TempFile(contents: "")
        defer { out.remove() }
        let shop = try ProcessRunner.start("/usr/bin/python3", [Self.receiver, "serve", out.path])
        defer { shop.send(SIGTERM); _ = shop.wait(timeoutSeconds: 5) }
        let shopPort = try #require(Self.firstLines(shop, count: 1)?.first, "the receiver did not start: \(shop.stderrSoFar)")

        let serve = try ProcessRunner.start(Flex.binaryDirectory + "/flex-serve", [
            "--port", "0", "--quiet", "--webhook-retry-scale", "0.001",
            "--forward-to", "http://127.0.0.1:\(shopPort)/forward",
        ])
        defer { serve.send(SIGTERM); _ = serve.wait(timeoutSeconds: 10) }
        let lines = try #require(Self.firstLines(serve, count: 2), "flex serve did not start: \(serve.stderrSoFar)")
        let base = try #require(lines[0].split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init))
        let forwardSecret = try #require(lines[1].split(separator: " ").last.map(String.init))
        #expect(lines[1].hasPrefix("flex serve: forwarding every event to http://127.0.0.1:\(shopPort)/forward; your webhook signing secret is fwhsec_"))

        // A registered endpoint too, in the server's default simulator (a `flex run` would work in a
        // sandbox of its own, deleted when it ends); its secret comes back in the answer.
        let register = try ProcessRunner.run("/usr/bin/python3", ["-c", """
            import json, sys, urllib.request
            body = json.dumps({"webhook": {"url": sys.argv[2], "events": ["checkout.session.completed"]}}).encode()
            request = urllib.request.Request(sys.argv[1] + "/webhooks", data=body, method="POST", headers={
                "Authorization": "Bearer fsk_test_e2e", "Content-Type": "application/json"})
            print(json.load(urllib.request.urlopen(request, timeout=10))["webhook"]["secret"])
            """, base, "http://127.0.0.1:\(shopPort)/hooks"])
        #expect(register.exitCode == 0, "\(register.stderr)")
        let hookSecret = register.stdout.split(separator: "\n").last.map(String.init) ?? ""

        let trigger = try Flex.run(["trigger", "checkout.session.completed", "--base-url", base], environment: ["FLEX_API_KEY": nil])
        #expect(trigger.exitCode == 0, "\(trigger.stderr)")
        #expect(trigger.stdout.hasPrefix("triggered checkout.session.completed: fevt_"))

        // The registered endpoint gets its one event; the forward URL gets every event of the flow.
        let delivered = shop.waitUntil(timeoutSeconds: 20) {
            let lines = (FileSystem.read(out.path) ?? "").split(separator: "\n")
            return lines.contains { $0.contains("\"/hooks\"") }
                && lines.contains { $0.contains("\"/forward\"") && $0.contains("\"checkout.session.completed\"") }
        }
        #expect(delivered)
        let verify = try ProcessRunner.run("/usr/bin/python3", [Self.receiver, "verify", out.path, "/hooks=\(hookSecret)", "/forward=\(forwardSecret)"])
        #expect(verify.exitCode == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("/hooks checkout.session.completed ok"))
        #expect(verify.stdout.contains("/forward checkout.session.completed ok"))
        #expect(!verify.stdout.contains("/hooks customer.created"))
    }

    @Test func anUnknownEventIsAUsageErrorWithSuggestions() throws {
        let result = try Flex.run(["trigger", "checkout.session.complete"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("unknown event type 'checkout.session.complete'; did you mean 'checkout.session.completed'"))
        let list = try Flex.run(["trigger", "--list"])
        #expect(list.exitCode == 0)
        #expect(list.stdout.split(separator: "\n").count == 27)
    }
}
