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
                        hint: Suggestion.hint(
                            for: reference.name, in: sources.keys,
                            otherwise: "create \(file.path.split(separator: "/").first ?? "Templates")/\(reference.name).mustache"
                        )))
            }
        }
        diagnostics += cycles(graph, sources: sources)
        return diagnostics
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
