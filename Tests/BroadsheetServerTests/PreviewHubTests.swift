import Foundation
import Testing

@testable import BroadsheetServer

@Suite("Preview hub")
struct PreviewHubTests {
    static func snapshot(_ generation: Int, _ text: String) -> PreviewHub.Snapshot {
        .init(files: ["index.html": Data(text.utf8)], generation: generation, hasBuilt: true)
    }

    /// The first `count` events of a stream.
    static func first(_ count: Int, of stream: AsyncStream<PreviewEvent>) async -> [PreviewEvent] {
        var events: [PreviewEvent] = []
        for await event in stream {
            events.append(event)
            if events.count == count { break }
        }
        return events
    }

    @Test("a new listener hears the generation first, then any current problem")
    func greeting() async {
        let hub = PreviewHub()
        hub.publish(Self.snapshot(3, "a"), event: nil)
        let problem = PreviewEvent.problems(report: "x.md:1:1: error: bad\n", errorCount: 1, files: ["x.md"])
        hub.report(problem)
        let events = await Self.first(2, of: hub.listen()!.events)
        #expect(events == [.hello(generation: 3), problem])
    }

    @Test("a good build after a problem resolves it before announcing the change; the site is swapped whole")
    func resolving() async {
        let hub = PreviewHub()
        hub.publish(Self.snapshot(1, "old"), event: nil)
        let stream = hub.listen()!.events
        hub.report(.problems(report: "r", errorCount: 1, files: []))
        #expect(hub.snapshot.files["index.html"] == Data("old".utf8), "the last good site stays")
        hub.publish(Self.snapshot(2, "new"), event: .reload(generation: 2, paths: ["/"]))
        let events = await Self.first(4, of: stream)
        #expect(
            events == [
                .hello(generation: 1), .problems(report: "r", errorCount: 1, files: []), .resolved,
                .reload(generation: 2, paths: ["/"]),
            ])
        #expect(hub.snapshot.files["index.html"] == Data("new".utf8))
        #expect(hub.snapshot.generation == 2)
    }

    @Test("closing ends every stream and refuses new listeners")
    func closing() async {
        let hub = PreviewHub()
        let stream = hub.listen()!.events
        hub.close()
        var count = 0
        for await _ in stream { count += 1 }
        #expect(count == 1, "only the greeting, then the end")
        var later = 0
        for await _ in hub.listen()!.events { later += 1 }
        #expect(later == 0)
        #expect(hub.listenerCount == 0)
    }

    @Test("warnings reach open and later pages without blocking; a clean build removes them")
    func warnings() async {
        let hub = PreviewHub()
        hub.publish(Self.snapshot(1, "a"), event: nil)
        let open = hub.listen()!.events
        let warning = PreviewEvent.warnings(report: "s.yaml:1:1: warning: w\n", warningCount: 1, files: ["s.yaml"])
        hub.warn(warning)
        #expect(await Self.first(2, of: open) == [.hello(generation: 1), warning])
        #expect(await Self.first(2, of: hub.listen()!.events) == [.hello(generation: 1), warning])
        let clean = PreviewEvent.warnings(report: "", warningCount: 0, files: [])
        hub.warn(clean)
        #expect(await Self.first(2, of: hub.listen()!.events) == [.hello(generation: 1), clean])
        #expect(PreviewHub().listen() != nil)
    }

    @Test("the number of streams is capped; a stopped stream frees its place and ends")
    func cap() async {
        let hub = PreviewHub()
        let listeners = (0..<3).compactMap { _ in hub.listen(limit: 3) }
        #expect(listeners.count == 3)
        #expect(hub.listen(limit: 3) == nil, "a fourth page is refused")
        hub.stopListening(listeners[1].id)
        #expect(hub.listenerCount == 2)
        var count = 0
        for await _ in listeners[1].events { count += 1 }
        #expect(count == 1, "the greeting, then the end")
        #expect(hub.listen(limit: 3) != nil)
    }

    @Test("heartbeats go to every page, as an SSE comment")
    func heartbeat() async {
        let hub = PreviewHub()
        let stream = hub.listen()!.events
        hub.beat()
        #expect(await Self.first(2, of: stream) == [.hello(generation: 0), .heartbeat])
        #expect(PreviewEvent.heartbeat.serverSentEvent == ": heartbeat\n\n")
    }
}
