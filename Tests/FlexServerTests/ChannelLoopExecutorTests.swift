// flex serve handles each request on its connection's event loop (ChannelLoopExecutor), not on
// Swift's global pool: the executor keeps a job on the loop that enqueues it, and the server's
// request handling inherits it.
import FlexAPI
import FlexHTTP
@testable import FlexServer
import FlexSync
import NIOCore
import NIOPosix
import Testing

@Suite struct ChannelLoopExecutorTests {
    @Test func aTaskStartedOnALoopRunsOnThatLoop() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let executor = ChannelLoopExecutor(group: group)
        for loop in group.makeIterator() {
            // As a channel's loop resuming its connection's task does.
            let ranThere: Bool = await withCheckedContinuation { continuation in
                loop.execute {
                    Task(executorPreference: executor) { continuation.resume(returning: loop.inEventLoop) }
                }
            }
            #expect(ranThere)
        }
        try await group.shutdownGracefully()
    }

    @Test func theServerHandlesRequestsOnItsEventLoops() async throws {
        let onLoop = Locked<[Bool]>([])
        let server = FlexServer(host: "127.0.0.1", port: 0, seed: 42, handleSignals: false, accessLog: { _ in
            // The access log is written by the request's handler, after the answer is made.
            onLoop.withLock { $0.append(MultiThreadedEventLoopGroup.currentEventLoop != nil) }
        })
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task { try await server.run { continuation.yield($0) } }
        var port = 0
        for await bound in ports { port = bound; break }
        let client = try HTTPFlex(configuration: HTTPFlexConfiguration(baseURL: "http://127.0.0.1:\(port)/v1", apiKey: testKey))
        for _ in 0..<5 {
            let response = try await client.send(APIRequest(.GET, "/v1/customers"))
            #expect(response.status == 200)
        }
        await client.shutdown()
        task.cancel()
        _ = await task.result
        let handled = onLoop.withLock { $0 }
        #expect(handled.count == 5)
        #expect(handled.allSatisfy { $0 }, "requests handled off the event loops: \(handled)")
    }
}
