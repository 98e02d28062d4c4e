import BroadsheetCore
import BroadsheetYAML

/// Reads the `edition:` section of site.yaml (the print edition).
enum PrintConfigLoader {
    static let keys = ["chapters", "appendices", "file", "paper"]

    static func read(_ node: YAMLNode, path: String, diagnostics: inout [Diagnostic]) -> PrintConfig {
        if case .scalar(let text, _) = node.content, let enabled = YAMLScalar.bool(text) {
            return PrintConfig(isEnabled: enabled)
        }
        guard var fields = YAMLFields(node, path: path, subject: "the edition section", diagnostics: &diagnostics) else {
            return PrintConfig()
        }
        var config = PrintConfig()
        config.chapters = entries("chapters", &fields)
        config.appendices = entries("appendices", &fields)
        if let file = fields.string("file") {
            if !file.isEmpty && Slug.make(from: file) == file && !Slug.hazards(of: file).contains(where: \.isError) {
                config.file = file
            } else {
                let stem = file.split(separator: ".").count > 1 ? String(file[..<file.lastIndex(of: ".")!]) : file
                let suggestion = Slug.make(from: stem).isEmpty ? "the-report" : Slug.make(from: stem)
                fields.report(
                    .error(
                        at: fields.location(ofKey: "file"), "edition file name '\(TerminalText.escaped(file))' is not a slug",
                        hint: "write lower-case letters, digits and hyphens, without an extension, e.g. `file: \(suggestion)`"))
            }
        }
        if let paper = fields.string("paper") {
            if let known = PrintConfig.Paper.allCases.first(where: { $0.rawValue.lowercased() == paper.lowercased() }) {
                config.paper = known
            } else {
                fields.report(
                    .error(
                        at: fields.location(ofKey: "paper"), "unknown paper size '\(TerminalText.escaped(paper))'",
                        hint: "write `paper: A4` or `paper: Letter`"))
            }
        }
        fields.reportUnknownKeys(known: keys)
        diagnostics += fields.diagnostics
        return config
    }

    /// The slugs of a list with each item's location; nil when the key is absent.
    private static func entries(_ key: String, _ fields: inout YAMLFields) -> [PrintConfig.Entry]? {
        guard let node = fields.node(key) else { return nil }
        guard case .sequence(let items) = node.content else {
            fields.report(
                .error(
                    at: fields.location(of: node), "'\(key)' in the edition section must be a list of article or page slugs",
                    hint: "write `\(key): [overview, the-walls]`"))
            return nil
        }
        var entries: [PrintConfig.Entry] = []
        for item in items {
            guard case .scalar(let slug, _) = item.content, !slug.isEmpty else {
                fields.report(
                    .error(
                        at: fields.location(of: item), "each item of '\(key)' must be the slug of an article or page",
                        hint: "write the slugs as plain values: `\(key): [overview, the-walls]`"))
                continue
            }
            entries.append(PrintConfig.Entry(slug: slug, location: fields.location(of: item)))
        }
        return entries
    }
}
