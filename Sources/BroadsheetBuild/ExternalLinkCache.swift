import BroadsheetCore
import Foundation

/// The external links that answered, with when: a JSON file, `{"version": 1, "checked": {URL: ISO date}}`.
///
/// Only good answers are kept, so a dead link is asked again on every check. A missing,
/// unreadable or foreign file is an empty cache; it is rewritten after each check.
struct ExternalLinkCache {
    private(set) var checked: [String: Date] = [:]

    static func read(_ file: URL?) -> ExternalLinkCache {
        var cache = ExternalLinkCache()
        guard let file, let data = FileManager.default.contents(atPath: file.path) else { return cache }
        // The cache only saves time: a file that does not parse is treated as empty and rewritten.
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            return cache
        }
        guard let object = parsed as? [String: Any], object["version"] as? Int == 1,
            let entries = object["checked"] as? [String: String]
        else { return cache }
        let formatter = ISO8601DateFormatter()
        for (url, text) in entries {
            if let date = formatter.date(from: text) { cache.checked[url] = date }
        }
        return cache
    }

    func isFresh(_ url: String, now: Date, maxAge: TimeInterval) -> Bool {
        guard let date = checked[url] else { return false }
        return now.timeIntervalSince(date) < maxAge && date <= now
    }

    mutating func remember(_ url: String, at date: Date) { checked[url] = date }

    mutating func forget(_ url: String) { checked[url] = nil }

    /// Writes the cache; a failure only costs the next check its speed, so it is a warning.
    func write(to file: URL, root: URL) -> Diagnostic? {
        let formatter = ISO8601DateFormatter()
        let object: [String: Any] = ["version": 1, "checked": checked.mapValues { formatter.string(from: $0) }]
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: file, options: .atomic)
            return nil
        } catch {
            let path = file.path.hasPrefix(root.path + "/") ? String(file.path.dropFirst(root.path.count + 1)) : file.path
            return .warning(
                at: SourceLocation(path: path), "cannot write the cache of external links: \(error.localizedDescription)",
                hint: "check that the folder is writable; the next check asks every link again")
        }
    }
}
