import BroadsheetCore

/// Finds `{{> name}}` and `{{< name}}` references, so a missing or recursive partial is an
/// error at its line instead of rendering as nothing (or looping forever).
enum PartialReferences {
    struct Reference {
        var name: String
        var line: Int
        var column: Int
    }

    static func check(_ sources: [String: SourceFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var graph: [String: [Reference]] = [:]
        for (name, file) in sources.sorted(by: { $0.key < $1.key }) {
            let references = references(in: file.text)
            graph[name] = references
            for reference in references where sources[reference.name] == nil {
                diagnostics.append(
                    .error(
                        at: SourceLocation(path: file.path, line: reference.line, column: reference.column),
                        "the partial '\(reference.name)' does not exist",
                        hint: missingPartialHint(reference.name, in: sources, from: file.path)))
            }
        }
        diagnostics += cycles(graph, sources: sources)
        return diagnostics
    }

    /// How to fix a reference to a partial that does not exist: the name without `.mustache`, a
    /// partial of the same name in another folder (`card` → `partials/card`), a close name, or
    /// the file to create, named from the templates folder.
    static func missingPartialHint(_ name: String, in sources: [String: SourceFile], from path: String) -> String {
        let folder = path.split(separator: "/").first.map(String.init) ?? "Templates"
        var stem = name
        if stem.hasSuffix(".mustache") { stem.removeLast(".mustache".count) }
        if stem != name && sources[stem] != nil { return "write the name without .mustache: {{> \(stem)}}" }
        let sameName = sources.keys.filter { $0.split(separator: "/").last.map(String.init) == stem }.sorted()
        if let match = sameName.first { return "did you mean '\(match)'? Partials are named from the templates folder" }
        // Names are compared within their folder: `partials/` would otherwise make every name look close.
        let (stemFolder, stemName) = split(stem)
        let neighbours = sources.keys.filter { split($0).folder == stemFolder }.map { split($0).name }
        let completions = Suggestion.completions(of: stemName, in: neighbours)
        if let match = Suggestion.closest(to: stemName, in: neighbours) ?? completions.first {
            return "did you mean '\(stemFolder)\(match)'?"
        }
        return "create \(folder)/\(stem).mustache"
    }

    /// `partials/card` as (`partials/`, `card`); a name without a folder has the folder "".
    private static func split(_ name: String) -> (folder: String, name: String) {
        guard let slash = name.lastIndex(of: "/") else { return ("", name) }
        return (String(name[...slash]), String(name[name.index(after: slash)...]))
    }

    static func references(in text: String) -> [Reference] {
        var result: [Reference] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...].drop { $0 == " " }
                guard let marker = after.first, marker == ">" || marker == "<" else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let nameStart = after.dropFirst().drop { $0 == " " }
                guard let close = nameStart.range(of: "}}") else { break }
                let name = nameStart[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty && !name.hasPrefix("*") {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    result.append(Reference(name: name, line: index + 1, column: column))
                }
                rest = nameStart[close.upperBound...]
            }
        }
        return result
    }

    private static func cycles(_ graph: [String: [Reference]], sources: [String: SourceFile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        for start in graph.keys.sorted() {
            var stack: [(String, [String])] = [(start, [start])]
            var visited: Set<String> = []
            while let (node, path) = stack.popLast() {
                for reference in graph[node] ?? [] {
                    if reference.name == start {
                        let cycle = (path + [start]).joined(separator: " → ")
                        let key = Set(path).sorted().joined(separator: ",")
                        if reported.insert(key).inserted, let file = sources[node] {
                            diagnostics.append(
                                .error(
                                    at: SourceLocation(path: file.path, line: reference.line, column: reference.column),
                                    "recursive partials: \(cycle)",
                                    hint: "a partial may not include itself, directly or through others"))
                        }
                    } else if visited.insert(reference.name).inserted {
                        stack.append((reference.name, path + [reference.name]))
                    }
                }
            }
        }
        return diagnostics
    }
}
