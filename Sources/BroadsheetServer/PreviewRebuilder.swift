import BroadsheetBuild
import BroadsheetCore
import Foundation
import Synchronization

/// Keeps the preview's site up to date: waits for changes from the watcher, brings the
/// in-memory site up to date (incrementally where it can), and publishes the result to the hub.
///
/// One thread runs it, and only that thread touches the site; requests read the hub's snapshots.
final class PreviewRebuilder: Sendable {
    private struct State: ~Copyable {
        var live: LiveSite?
        var served: [String: Data] = [:]
        /// Starts at the launch time in milliseconds, not 0: a page left open across a restart
        /// must see a generation it was not built from, or it would miss edits made meanwhile.
        var generation = Int(Date().timeIntervalSince1970 * 1000)
        /// Paths whose last update failed: they go into every update until one succeeds, so a
        /// broken file stays reported even when another file is saved in between.
        var pending: Set<String> = []
        /// Every file and folder under the watched folders, to tell a deleted source (which
        /// needs a rebuild) from a temporary file that came and went (which does not).
        var sources: Set<String> = []
    }

    private let options: SiteBuilder.Options
    private let hub: PreviewHub
    private let console: PreviewConsole
    private let state: Mutex<State>
    private let stopped = Atomic<Bool>(false)

    init(options: SiteBuilder.Options, hub: PreviewHub, console: PreviewConsole) {
        self.options = options
        self.hub = hub
        self.console = console
        self.state = Mutex(State())
    }

    /// The first full build; on errors the preview waits for a fix.
    func buildFirst() {
        let clock = ContinuousClock()
        let start = clock.now
        state.withLock { state in
            state.sources = Self.listSources(root: options.root)
            do throws(DiagnosticsError) {
                let live = try LiveSite(options)
                try publishAll(live, state: &state)
                if !live.warnings.isEmpty { console.report(live.warnings) }
                let pages = live.files.keys.filter { $0.hasSuffix(".html") }.count
                console.say("Built \(pages) pages in \(PreviewConsole.milliseconds(clock.now - start)).")
            } catch {
                fail(error.diagnostics, paths: ["Content"], state: &state)
            }
        }
    }

    /// Runs until `stop()`: one update per batch of changes.
    func run(watcher: SourceWatcher) {
        while let changes = watcher.nextChanges(shouldStop: { stopped.load(ordering: .relaxed) }) {
            state.withLock { update(changes, state: &$0) }
        }
    }

    /// Makes `run` return within a fraction of a second.
    func stop() { stopped.store(true, ordering: .relaxed) }

    private func update(_ events: Set<String>, state: inout State) {
        let clock = ContinuousClock()
        let start = clock.now
        var changes: Set<String> = []
        for path in events {
            let url = options.root.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path) {
                state.sources.insert(path)
                changes.insert(path)
                // A folder created or moved in whole brings files no event named: list them, so
                // deleting one later is noticed (a new Templates/ holding an override, say).
                if let walker = FileManager.default.enumerator(atPath: url.path) {
                    while let relative = walker.nextObject() as? String { state.sources.insert(path + "/" + relative) }
                }
            } else if state.sources.remove(path) != nil {
                changes.insert(path)
            }
        }
        guard !changes.isEmpty else { return }
        let paths = changes.union(state.pending)
        let described = Self.describe(changes)
        guard state.live != nil else {
            do throws(DiagnosticsError) {
                let live = try LiveSite(options)
                try publishAll(live, state: &state)
                if !live.warnings.isEmpty { console.report(live.warnings) }
                console.say("Rebuilt everything after \(described) in \(PreviewConsole.milliseconds(clock.now - start)).")
            } catch {
                fail(error.diagnostics, paths: paths, state: &state)
            }
            return
        }
        do throws(DiagnosticsError) {
            let update = try state.live!.update(changedPaths: paths)
            var served = state.served
            for path in update.changedPaths {
                if let file = state.live!.files[path] {
                    served[path] = try Self.bytes(of: file)
                } else {
                    served.removeValue(forKey: path)
                }
            }
            state.served = served
            state.pending = []
            let event: PreviewEvent?
            if update.changedPaths.isEmpty {
                event = nil
            } else {
                state.generation += 1
                event = Self.event(for: update.changedPaths, sources: changes, generation: state.generation)
            }
            hub.publish(.init(files: served, generation: state.generation, hasBuilt: true), event: event)
            showWarnings(state.live!.warnings)
            if !update.warnings.isEmpty { console.report(update.warnings) }
            let kind = update.wasFullRebuild ? "full rebuild" : "incremental"
            let files = update.changedPaths.count
            for path in update.changedPaths.sorted() { console.detail("  changed \(path)") }
            console.say(
                "Updated \(files) file\(files == 1 ? "" : "s") after \(described) (\(kind)) in \(PreviewConsole.milliseconds(clock.now - start))."
            )
        } catch {
            fail(error.diagnostics, paths: paths, state: &state)
        }
    }

    private func publishAll(_ live: LiveSite, state: inout State) throws(DiagnosticsError) {
        var served: [String: Data] = [:]
        served.reserveCapacity(live.files.count)
        for (path, file) in live.files { served[path] = try Self.bytes(of: file) }
        state.live = live
        state.served = served
        state.pending = []
        state.generation += 1
        hub.publish(
            .init(files: served, generation: state.generation, hasBuilt: true),
            event: .reload(generation: state.generation, paths: nil))
        showWarnings(live.warnings)
    }

    /// Shows the site's current warnings in the browser (a panel that does not block the page);
    /// an empty list removes the panel.
    private func showWarnings(_ warnings: [Diagnostic]) {
        hub.warn(
            .warnings(
                report: warnings.isEmpty ? "" : console.plainReport(warnings), warningCount: warnings.count,
                files: Array(Set(warnings.map(\.location.path))).sorted()))
    }

    private func fail(_ diagnostics: [Diagnostic], paths: Set<String>, state: inout State) {
        state.pending = paths
        console.report(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }
        console.say(
            "The preview keeps showing the last good build; the error\(errors.count == 1 ? " is" : "s are") also shown in the browser."
        )
        hub.report(
            .problems(
                report: console.plainReport(diagnostics), errorCount: errors.count,
                files: Array(Set(errors.map(\.location.path))).sorted()))
    }

    /// A stylesheet-only change swaps stylesheets; anything else reloads the pages that changed
    /// (every page when a script or other asset changed, or too many pages to list).
    static func event(for changedOutputs: [String], sources: Set<String>, generation: Int) -> PreviewEvent {
        let stylesheets = changedOutputs.filter { $0.hasSuffix(".css") }
        if !stylesheets.isEmpty && sources.allSatisfy({ $0.hasPrefix("Templates/") && $0.hasSuffix(".css") }) {
            return .stylesheets(generation: generation, paths: stylesheets.map(PreviewEvent.urlPath(ofOutput:)))
        }
        guard changedOutputs.count <= PreviewEvent.pathListLimit, !changedOutputs.contains(where: { $0.hasPrefix("assets/") })
        else { return .reload(generation: generation, paths: nil) }
        return .reload(generation: generation, paths: changedOutputs.map(PreviewEvent.urlPath(ofOutput:)))
    }

    /// The bytes a file serves: rendered bytes as they are, assets read now (so a snapshot never changes under a request).
    static func bytes(of file: OutputFile) throws(DiagnosticsError) -> Data {
        switch file.contents {
        case .data(let data): return data
        case .copy(let url):
            do {
                return try Data(contentsOf: url)
            } catch {
                throw DiagnosticsError([
                    .error(
                        at: SourceLocation(path: url.path), "cannot read this asset: \(error.localizedDescription)",
                        hint: "check that the file exists and is readable")
                ])
            }
        }
    }

    /// Every file and folder under the watched folders, relative to the root.
    static func listSources(root: URL) -> Set<String> {
        var sources: Set<String> = []
        for folder in SourceWatcher.watchedFolders {
            sources.insert(folder)
            guard let walker = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            while let relative = walker.nextObject() as? String { sources.insert(folder + "/" + relative) }
        }
        return sources
    }

    private static func describe(_ changes: Set<String>) -> String {
        let sorted = changes.sorted()
        guard let first = sorted.first else { return "no change" }
        return sorted.count == 1 ? "editing \(first)" : "editing \(first) and \(sorted.count - 1) more"
    }
}
