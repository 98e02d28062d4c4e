import BroadsheetCore
import Mustache

/// The bottom of Mustache's context stack for one render: looks names up in the view's
/// values and records every name that no context level provides.
///
/// swift-mustache renders an unknown name as nothing; a name that reaches the bottom of the
/// stack and is missing there too is a template asking for a value its view does not have
/// (usually a typo), which `TemplateSet.render` turns into an error.
///
/// A struct sharing its list of unknown names, not a class: swift-mustache checks every object
/// it looks a name up in against two protocols, and a failed check costs a class about twice
/// what it costs a struct (the runtime also looks for the conformance on each superclass).
/// Most of a page's names are looked up here.
struct UnknownKeyRecorder: MustacheParent {
    private final class Record {
        var unknownKeys: [String] = []
    }

    private let values: [String: Any]
    private let record = Record()

    /// Names looked up and found nowhere, in the order they were first asked for.
    var unknownKeys: [String] { record.unknownKeys }

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
            scored.append((Suggestion.editDistance(key, name), name))
            if let children = value as? [String: Any] {
                // The site-wide runs' stored texts are Broadsheet's, not names to suggest.
                for child in children.keys where !child.hasPrefix(TemplateSet.runsTokenKey) {
                    scored.append((Suggestion.editDistance(key, child), name + "." + child))
                }
            }
        }
        guard let best = scored.map(\.distance).min(), best <= max(2, key.count / 3) else { return [] }
        return scored.filter { $0.distance == best }.map(\.name).sorted()
    }

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        if !record.unknownKeys.contains(name) { record.unknownKeys.append(name) }
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
