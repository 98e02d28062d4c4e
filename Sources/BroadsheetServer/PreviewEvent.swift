import Foundation

/// What the preview tells open pages, as one Server-Sent Event each.
public enum PreviewEvent: Sendable, Equatable {
    /// Sent first on every connection: the site's current generation. A page built from an
    /// older generation reloads (it missed a change while connecting, or the server restarted).
    case hello(generation: Int)
    /// These URL paths changed; nil means too many to list, so every page reloads.
    case reload(generation: Int, paths: [String]?)
    /// Only these stylesheets changed: pages swap them in place, keeping scroll and state.
    case stylesheets(generation: Int, paths: [String])
    /// The last rebuild failed; the report is shown over the page, which keeps the last good build.
    case problems(report: String, errorCount: Int, files: [String])
    /// A rebuild succeeded after problems: the overlay goes.
    case resolved
    /// The warnings of the current build (`broadsheet check` prints the same), shown in a small
    /// panel that does not block the page; a count of 0 removes the panel.
    case warnings(report: String, warningCount: Int, files: [String])
    /// A comment line sent every few seconds: writing it is how a stream finds out that its
    /// page went away, so the connection is released at once instead of at the next rebuild.
    case heartbeat

    /// More changed pages than this are sent as "reload everything".
    static let pathListLimit = 500

    /// The event in `text/event-stream` form.
    public var serverSentEvent: String {
        if case .heartbeat = self { return ": heartbeat\n\n" }
        let (name, payload): (String, [String: Any]) =
            switch self {
            case .hello(let generation): ("hello", ["generation": generation])
            case .reload(let generation, let paths):
                ("reload", paths.map { ["generation": generation, "paths": $0] } ?? ["generation": generation, "all": true])
            case .stylesheets(let generation, let paths): ("stylesheets", ["generation": generation, "paths": paths])
            case .problems(let report, let errorCount, let files):
                ("problems", ["report": report, "errorCount": errorCount, "files": files])
            case .resolved: ("resolved", [:])
            case .warnings(let report, let warningCount, let files):
                ("warnings", ["report": report, "warningCount": warningCount, "files": files])
            case .heartbeat: ("heartbeat", [:])
            }
        let data = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])) ?? Data("{}".utf8)
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }

    /// The URL path a browser uses for an output file: `articles/x/index.html` → `/articles/x/`.
    static func urlPath(ofOutput path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }
}
