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
        var warnings: PreviewEvent?
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

    /// Shows the current build's warnings on every open page (and on pages opened later) when
    /// they changed; a count of 0 removes them.
    func warn(_ warnings: PreviewEvent) {
        let listeners: [AsyncStream<PreviewEvent>.Continuation] = state.withLock { state in
            // Only changes are sent: most rebuilds leave the warnings as they were.
            if state.warnings == warnings { return [] }
            if case .warnings(_, let count, _) = warnings, count == 0, state.warnings == nil { return [] }
            state.warnings = warnings
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.yield(warnings) }
    }

    /// Sends a heartbeat comment to every page, so streams whose page went away fail to write and end.
    func beat() {
        for listener in state.withLock({ Array($0.listeners.values) }) { listener.yield(.heartbeat) }
    }

    /// One page's subscription: its events, and the id to end it with.
    struct Listener: Sendable {
        /// Identifies the subscription for `stopListening`.
        let id: Int
        /// The current generation first, then any current problem and warnings, then changes.
        let events: AsyncStream<PreviewEvent>
    }

    /// A stream of events for one page: the current generation first, then any current problem
    /// and warnings, then changes; nil when `limit` pages already listen.
    func listen(limit: Int = .max) -> Listener? {
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewEvent.self, bufferingPolicy: .bufferingNewest(64))
        let id: Int? = state.withLock { state in
            if state.closed { return -1 }
            guard state.listeners.count < limit else { return nil }
            let id = state.nextListener
            state.nextListener += 1
            state.listeners[id] = continuation
            continuation.yield(.hello(generation: state.snapshot.generation))
            if let problems = state.problems { continuation.yield(problems) }
            if let warnings = state.warnings { continuation.yield(warnings) }
            continuation.onTermination = { [weak self] _ in
                self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
            }
            return id
        }
        guard let id else { return nil }
        if id < 0 { continuation.finish() }
        return Listener(id: id, events: stream)
    }

    /// Ends one page's stream (its connection closed or failed) and forgets it.
    func stopListening(_ id: Int) {
        state.withLock { $0.listeners.removeValue(forKey: id) }?.finish()
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
