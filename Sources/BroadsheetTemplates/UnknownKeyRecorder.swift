import BroadsheetCore
import Mustache

/// The bottom of Mustache's context stack for one render: looks names up in the view's
/// values and records every name that no context level provides.
///
/// swift-mustache renders an unknown name as nothing; a name that reaches the bottom of the
/// stack and is missing there too is a template asking for a value its view does not have
/// (usually a typo), which `TemplateSet.render` turns into an error.
final class UnknownKeyRecorder: MustacheParent {
    private let values: [String: Any]
    /// Names looked up and found nowhere, in the order they were first asked for.
    private(set) var unknownKeys: [String] = []

    init(_ values: [String: Any]) {
        self.values = values
    }

    /// The names the view provides.
    var knownKeys: [String] { values.keys.sorted() }

    /// The closest top-level names and `parent.child` paths to `key` (ties all kept), if close
    /// enough to be a likely typo.
    func suggestions(for key: String) -> [String] {
        var scored: [(distance: Int, name: String)] = []
        for (name, value) in values {
            scored.append((Self.distance(key, name), name))
            if let children = value as? [String: Any] {
                for child in children.keys { scored.append((Self.distance(key, child), name + "." + child)) }
            }
        }
        guard let best = scored.map(\.distance).min(), best <= max(2, key.count / 3) else { return [] }
        return scored.filter { $0.distance == best }.map(\.name).sorted()
    }

    /// Edit distance counting a swap of two neighbours as one edit (`titel` → `title`), case-insensitive.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased())
        let b = Array(b.lowercased())
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        if !unknownKeys.contains(name) { unknownKeys.append(name) }
        return nil
    }
}

/// Where a name is used as a tag (`{{name}}`, `{{#name}}`, `{{^name}}`, `{{{name}}}`, `{{name.x}}`).
enum TemplateTagSearch {
    /// The first tag naming `key` in `text`, as a 1-based line and column of its `{{`.
    static func firstTag(naming key: String, in text: String) -> (line: Int, column: Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                var name = rest[open.upperBound...].drop { $0 == "{" || $0 == " " }
                if let sigil = name.first, "#^&/".contains(sigil) { name = name.dropFirst().drop { $0 == " " } }
                if name.hasPrefix(key) {
                    let after = name.dropFirst(key.count).first
                    if after == nil || after == "}" || after == "." || after == " " || after == "|" {
                        return (index + 1, line.distance(from: line.startIndex, to: open.lowerBound) + 1)
                    }
                }
                rest = rest[open.upperBound...]
            }
        }
        return nil
    }
}
