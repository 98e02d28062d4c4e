import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// Answers every request of the preview from the hub's current snapshot.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let hub: PreviewHub
    /// Which `Host` headers are answered (DNS-rebinding guard).
    let hosts: PreviewHostGuard
    /// At most this many live-reload streams at once; more get 503.
    let maxEventStreams: Int

    func respond(to request: Request, context: Context) async throws -> Response {
        let isHead = request.method == .head
        guard hosts.allows(host: request.head.authority) else {
            // 421 Misdirected Request: this server does not answer for that name.
            return Self.response(
                bytes: Array(
                    "Misdirected request: this preview answers only to localhost, 127.0.0.1 and [::1] (or the address given with --host), not to the Host header sent.\n"
                        .utf8),
                type: "text/plain; charset=utf-8", status: .misdirectedRequest, request: request)
        }
        guard request.method == .get || isHead else {
            return Response(
                status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .contentLength: "0", .cacheControl: "no-store"])
        }
        let snapshot = hub.snapshot
        let route = PreviewRoute.resolve(target: request.head.path ?? "/") { snapshot.files[$0] != nil }
        switch route {
        case .events:
            // A HEAD must not open the endless stream: the response would never end.
            guard !isHead else { return Response(status: .ok, headers: Self.eventStreamHeaders) }
            return eventStream(request: request)
        case .script:
            return Self.response(
                bytes: Array(LiveReloadScript.source.utf8), type: "text/javascript; charset=utf-8", status: .ok,
                request: request)
        case .redirect(let location):
            return Response(
                status: .movedPermanently,
                headers: [.location: location, .contentLength: "0", .cacheControl: "no-store"])
        case .badRequest(let reason):
            return Self.response(
                bytes: Array("Bad request: \(reason).\n".utf8), type: "text/plain; charset=utf-8", status: .badRequest,
                request: request)
        case .notFound:
            guard snapshot.hasBuilt else { return notBuiltYet(snapshot, request: request) }
            guard let page = snapshot.files["404.html"] else {
                return Self.response(
                    bytes: Array("Not found.\n".utf8), type: "text/plain; charset=utf-8", status: .notFound, request: request)
            }
            let bytes = LiveReloadScript.inject(into: Array(page), generation: snapshot.generation)
            return Self.response(bytes: bytes, type: MediaType.forPath("404.html"), status: .notFound, request: request)
        case .file(let path):
            guard let data = snapshot.files[path] else { return notBuiltYet(snapshot, request: request) }
            let type = MediaType.forPath(path)
            let bytes =
                type.hasPrefix("text/html")
                ? LiveReloadScript.inject(into: Array(data), generation: snapshot.generation) : Array(data)
            return Self.response(bytes: bytes, type: type, status: .ok, request: request)
        }
    }

    /// Before the first successful build: a page that carries the live script, so the error overlay shows.
    private func notBuiltYet(_ snapshot: PreviewHub.Snapshot, request: Request) -> Response {
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Broadsheet preview: waiting for a good build</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body style="font-family: system-ui, sans-serif; margin: 3rem;">
            <h1>Waiting for a good build</h1>
            <p>The site has not built yet. The errors are shown in the terminal and over this page; save a fix and this page reloads.</p>
            </body></html>

            """
        let bytes = LiveReloadScript.inject(into: Array(page.utf8), generation: snapshot.generation)
        return Self.response(bytes: bytes, type: "text/html; charset=utf-8", status: .serviceUnavailable, request: request)
    }

    /// A byte response with an entity tag, answering `If-None-Match` with 304 and HEAD without a body.
    static func response(bytes: [UInt8], type: String, status: HTTPResponse.Status, request: Request) -> Response {
        let tag = EntityTag.of(bytes)
        // Everything revalidates on every use: the preview changes under the browser's feet.
        var headers: HTTPFields = [
            .contentType: type, .eTag: tag, .cacheControl: "no-cache", .contentLength: String(bytes.count),
            .init("X-Content-Type-Options")!: "nosniff",
        ]
        if status == .ok, let condition = request.headers[.ifNoneMatch], EntityTag.matches(ifNoneMatch: condition, tag: tag) {
            headers[.contentLength] = nil
            return Response(status: .notModified, headers: headers)
        }
        if request.method == .head {
            return Response(status: status, headers: headers, body: ResponseBody())
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The live-reload stream; it ends when the page goes away (the next heartbeat fails to
    /// write) or the server shuts down. Beyond `maxEventStreams` open streams: 503.
    private func eventStream(request: Request) -> Response {
        guard let listener = hub.listen(limit: maxEventStreams) else {
            var response = Self.response(
                bytes: Array(
                    "Too many live-reload connections (\(maxEventStreams)) are open; close some preview tabs and reload this page.\n"
                        .utf8),
                type: "text/plain; charset=utf-8", status: .serviceUnavailable, request: request)
            response.headers[.retryAfter] = "5"
            return response
        }
        let hub = self.hub
        let body = ResponseBody { writer in
            // However the stream ends (the page went away and a write failed, or shutdown), its place is freed.
            defer { hub.stopListening(listener.id) }
            try await withGracefulShutdownHandler {
                for await event in listener.events {
                    try await writer.write(ByteBuffer(string: event.serverSentEvent))
                }
            } onGracefulShutdown: {
                hub.close()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: Self.eventStreamHeaders, body: body)
    }

    private static let eventStreamHeaders: HTTPFields = [
        .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store", .init("X-Accel-Buffering")!: "no",
    ]
}
