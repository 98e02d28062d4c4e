import BroadsheetCore

// MARK: - Editions by name

extension Site {
    /// The edition called `name` (its file name without `.md`), or an error suggesting the closest name.
    public func edition(named name: String) throws(DiagnosticsError) -> Edition {
        if let edition = editions.first(where: { $0.name == name }) { return edition }
        let names = editions.map(\.name)
        throw DiagnosticsError([
            .error(
                at: SourceLocation(path: "Content/newsletters/\(name).md"), "there is no edition called '\(name)'",
                hint: Suggestion.hint(
                    for: name, in: names,
                    otherwise: names.isEmpty
                        ? "write one in Content/newsletters/ (see docs/newsletters.md)"
                        : "editions: \(names.joined(separator: ", "))"))
        ])
    }
}
