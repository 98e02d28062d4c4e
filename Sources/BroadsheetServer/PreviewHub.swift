import Foundation
import Synchronization

/// The site as the preview serves it, and the pages listening for changes.
///
/// The rebuilder publishes a whole new snapshot at once and requests read one snapshot each,
/// so a response is always entirely the old or entirely the new version of a page.
public final class PreviewHub: Sendable {
    /// One consistent version of the site.
    public struct Snapshot: Sendable {
        /// File bytes by output path.
        public var files: [String: Data]
        /// Counts successful rebuilds that changed something; pages carry the one they were built from.
        public var generation: Int
        /// False until the first build succeeds.
        public var hasBuilt: Bool
    }

    private struct State {
        var snapshot = Snapshot(files: [:], generation: 0, hasBuilt: false)
        var problems: PreviewEvent?
        var listeners: [Int: AsyncStream<PreviewEvent>.Continuation] = [:]
        var nextListener = 0
        var closed = false
    }

    private let state = Mutex(State())

    /// Creates an empty hub; the first `publish` fills it.
    public init() {}

    /// The current version of the site.
    public var snapshot: Snapshot { state.withLock { $0.snapshot } }

    /// How many pages are listening.
    public var listenerCount: Int { state.withLock { $0.listeners.count } }

    /// Replaces the site and tells listeners; clears a problem report.
    func publish(_ snapshot: Snapshot, event: PreviewEvent?) {
        let listeners = state.withLock { state in
            let hadProblems = state.problems != nil
            state.snapshot = snapshot
            state.problems = nil
            return (Array(state.listeners.values), hadProblems)
        }
        for listener in listeners.0 {
            if listeners.1 { listener.yield(.resolved) }
            if let event { listener.yield(event) }
        }
    }

    /// Keeps the site and shows `problems` on every open page (and on pages opened later).
    func report(_ problems: PreviewEvent) {
        let listeners = state.withLock { state in
            state.problems = problems
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.yield(problems) }
    }

    /// A stream of events for one page: the current generation first, then any current problem, then changes.
    func listen() -> AsyncStream<PreviewEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewEvent.self, bufferingPolicy: .bufferingNewest(64))
        let registered: Bool = state.withLock { state in
            guard !state.closed else { return false }
            let id = state.nextListener
            state.nextListener += 1
            state.listeners[id] = continuation
            continuation.yield(.hello(generation: state.snapshot.generation))
            if let problems = state.problems { continuation.yield(problems) }
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
            }
            return true
        }
        if !registered { continuation.finish() }
        return stream
    }

    /// Ends every event stream (on shutdown), so open connections close and the server can stop.
    public func close() {
        let listeners = state.withLock { state in
            state.closed = true
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }
}
