// Answers a request that the HTTP/1.1 parser rejects with Flex's error shape, not Hummingbird's empty 400.
import FlexAPI
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Sits after Hummingbird's HTTP decoding (an `additionalChannelHandlers` entry of `HTTP1Channel`).
///
/// Once NIO's parser fails, nothing more can be read from the connection, so the handler answers
/// `400 {"error":{"code":"invalid_request","message":…}}` with `Connection: close` and closes it.
/// It never writes into the middle of another response:
/// - no request is waiting for its response: it answers at once and does not pass the error on
///   (Hummingbird would otherwise send its own empty 400);
/// - complete requests are still being answered (pipelined, then garbage): it answers after the
///   last of those responses;
/// - the error is inside the body of the request being read: the error goes on to the body
///   stream, where `FlexResponder` turns it into its own Flex 400; the connection closes after it.
final class MalformedRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let accessLog: @Sendable (String) -> Void
    /// A request's head arrived and its end has not.
    var requestOpen = false
    /// Requests received whose response has not been written to its end.
    var owed = 0
    /// A parse error to answer once the owed responses are out.
    var pending: HTTPParserError?
    /// Close the connection after the response being written.
    var closeAfterResponse = false
    var answered = false

    init(accessLog: @escaping @Sendable (String) -> Void) {
        self.accessLog = accessLog
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            requestOpen = true
            owed += 1
        case .body:
            break
        case .end:
            requestOpen = false
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        owed = max(0, owed - 1)
        guard owed == 0 else {
            context.write(data, promise: promise)
            return
        }
        if let error = pending {
            pending = nil
            context.write(data, promise: promise)
            answer(context: context, error: error)
        } else if closeAfterResponse {
            let channel = context.channel
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.whenComplete { _ in channel.close(promise: nil) }
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
        } else {
            context.write(data, promise: promise)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parseError = error as? HTTPParserError, !answered else {
            context.fireErrorCaught(error)
            return
        }
        if requestOpen {
            closeAfterResponse = true
            context.fireErrorCaught(error)
        } else if owed > 0 {
            pending = parseError
        } else {
            answer(context: context, error: parseError)
        }
    }

    /// Writes the Flex 400 and closes the connection once it is out.
    func answer(context: ChannelHandlerContext, error: HTTPParserError) {
        answered = true
        let reason = Self.reason(error)
        accessLog("- (malformed request: \(reason)) 400 0.000ms")
        let body = APIResponse.error(status: 400, code: "invalid_request", message: "the request is not valid HTTP/1.1: \(reason)")
            .body.serializedBytes()
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.contentLength] = String(body.count)
        fields[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .badRequest, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        let channel = context.channel
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { _ in channel.close(promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
    }

    /// A short English reason for each parser error.
    static func reason(_ error: HTTPParserError) -> String {
        switch error {
        case .invalidMethod: "the method is not a valid token"
        case .invalidVersion: "the HTTP version is not valid"
        case .invalidURL, .invalidPath, .invalidQueryString, .invalidFragment, .invalidHost, .invalidPort:
            "the request target is not valid"
        case .headerOverflow: "the request head is too large"
        case .invalidHeaderToken, .invalidCharactersUsed: "a header name or value has invalid characters"
        case .invalidContentLength, .unexpectedContentLength: "Content-Length is not valid"
        case .invalidChunkSize: "a chunk size is not valid"
        case .lfExpected, .invalidConstant, .strictModeAssertion: "the request line or headers are malformed"
        default: "the request could not be parsed"
        }
    }
}
