// bare-hummingbird: the smallest Hummingbird server that answers `GET /v1/checkout/sessions/{id}`
// with a fixed small JSON body. bench/http-bench.sh measures it with wrk beside `flex serve`, in the
// same run, so the flex figure reads as a fraction of what Hummingbird itself serves on this machine.
// `bare-hummingbird [PORT]` binds 127.0.0.1 only (0 picks a free port) and prints the port it got.
// It is also the fast webhook receiver of the delivery benchmark: `POST /hooks` answers 204 and
// counts, `GET /hooks/count` tells how many arrived.
import Hummingbird
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

let port = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 0 : 0
let body = ByteBuffer(string: #"{"checkout_session":{"checkout_session_id":"fcs_bare","status":"open"}}"#)

let router = Router()
router.get("/v1/checkout/sessions/:id") { _, _ -> Response in
    Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
}
let hooksReceived = Atomic<Int>(0)
router.post("/hooks") { request, _ -> Response in
    _ = try await request.body.collect(upTo: 1 << 20)
    hooksReceived.add(1, ordering: .relaxed)
    return Response(status: .noContent)
}
router.get("/hooks/count") { _, _ -> Response in
    Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: String(hooksReceived.load(ordering: .relaxed)))))
}

var logger = Logger(label: "bare-hummingbird")
logger.logLevel = .critical
let app = Application(
    router: router,
    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
    onServerRunning: { channel in
        // One write(2), unbuffered: the benchmark reads the port from this line through a pipe.
        let line = Array("bare-hummingbird: listening on http://127.0.0.1:\(channel.localAddress?.port ?? port)\n".utf8)
        _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
    },
    logger: logger
)
try await app.runService()
