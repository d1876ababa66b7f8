// One webhook attempt over HTTP: the POST Flex (through Svix) sends, signed at the moment it leaves.
import AsyncHTTPClient
import FlexSimulator
import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct WebhookSender: Sendable {
    let client: HTTPClient
    let timeout: Duration

    struct Outcome: Sendable {
        var timestamp: Int
        var status: Int?
        var milliseconds: Int
        var error: String?
        var succeeded: Bool { status.map { (200...299).contains($0) } ?? false }
    }

    /// Sends `job` once. Svix's headers carry the message ID (the event's), the real time of this
    /// attempt and its signature: receivers reject timestamps far from their clock, so the
    /// simulator's virtual time would not do. Any 2xx is success; redirects count as failures.
    func send(_ job: WebhookJob) async -> Outcome {
        let timestamp = Int(time(nil))
        var request = HTTPClientRequest(url: job.url)
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.headers.add(name: "user-agent", value: "flex-serve webhooks (Svix-compatible)")
        request.headers.add(name: "svix-id", value: job.eventID)
        request.headers.add(name: "svix-timestamp", value: String(timestamp))
        request.headers.add(name: "svix-signature", value: SimulatedFlex.webhookSignature(
            secret: job.secret, id: job.eventID, timestamp: String(timestamp), body: job.body))
        if let sandbox = job.sandbox { request.headers.add(name: SandboxDirectory.header, value: sandbox) }
        request.body = .bytes(ByteBuffer(string: job.body))
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        var outcome = Outcome(timestamp: timestamp)
        do {
            let response = try await client.execute(request, deadline: deadline)
            outcome.status = Int(response.status.code)
            // Read (and discard) the answer so the connection can be kept; a huge one is cut short.
            _ = try? await response.body.collect(upTo: 64 * 1024)
        } catch {
            outcome.error = WebhookSender.describe(error)
        }
        let elapsed = clock.now - start
        outcome.milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        if let status = outcome.status, !outcome.succeeded, outcome.error == nil { outcome.error = "HTTP \(status)" }
        return outcome
    }

    static func describe(_ error: any Error) -> String {
        if let client = error as? HTTPClientError {
            switch client {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            default: return "\(client)"
            }
        }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return "timed out" }
        return "\(error)"
    }
}

extension WebhookSender.Outcome {
    init(timestamp: Int) {
        self.init(timestamp: timestamp, status: nil, milliseconds: 0, error: nil)
    }
}
