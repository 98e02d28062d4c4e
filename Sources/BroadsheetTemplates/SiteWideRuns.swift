import BroadsheetCore

/// Finds the lines of a template that show only site-wide values (`site.…`), such as the
/// masthead, the menu and the footer of `base.mustache`.
///
/// Every page repeats them, with the same values, so `TemplateSet` renders them once per
/// distinct `site` view (see `SharedTemplateValue`) instead of once per page: on a site of ten
/// thousand articles that was about a quarter of all the template engine's work.
///
/// A run is a sequence of whole lines, so that Mustache's standalone-tag rule (a tag alone on
/// its line leaves no blank line) gives the same output whether the lines are rendered on
/// their own or inside the template. The analysis is deliberately narrow and refuses anything
/// it cannot reason about (delimiter changes, pragmas, carriage returns, tags spanning lines):
/// a template it refuses simply renders as written. Whether the lines really depend on
/// nothing but `site` is then checked by rendering them (`SharedTemplateValue`), not assumed.
struct SiteWideRuns {
    /// One run: the lines it spans (0-based, end exclusive) and its text, newlines included.
    struct Run: Equatable {
        var lines: Range<Int>
        var text: String
    }

    /// The key of the view that runs may read, at the top level of the template.
    static let key = "site"

    /// The runs of `text` worth rendering once (at least two tags, or a section or partial).
    static func find(in text: String) -> [Run] {
        guard !text.contains("\r"), let lines = classify(text) else { return [] }
        var runs: [Run] = []
        var start: Int?
        var lastSafeEnd: Int?
        func close() {
            defer {
                start = nil
                lastSafeEnd = nil
            }
            guard let first = start, let last = lastSafeEnd, last >= first else { return }
            let span = lines[first...last]
            let tags = span.reduce(0) { $0 + $1.tagCount }
            guard tags >= 2 || span.contains(where: \.hasSectionOrPartial) else { return }
            runs.append(Run(lines: first..<(last + 1), text: span.map(\.text).joined()))
        }
        for (index, line) in lines.enumerated() {
            guard line.isFoldable else {
                close()
                continue
            }
            if start == nil {
                guard line.depthAtStart == 0 else { continue }
                start = index
            }
            if line.depthAtEnd == 0 { lastSafeEnd = index }
        }
        close()
        return runs
    }

    /// `text` with each run replaced by one line that prints the run's pre-rendered value,
    /// `{{{site.KEY}}}`, where `keys[i]` names run `i`.
    static func replacing(_ runs: [Run], in text: String, keys: [String]) -> String {
        let lines = splitLines(text)
        var output = ""
        var index = 0
        for (run, key) in zip(runs, keys) {
            output += lines[index..<run.lines.lowerBound].joined()
            output += "{{{\(Self.key).\(key)}}}\n"
            index = run.lines.upperBound
        }
        output += lines[index...].joined()
        return output
    }

    // MARK: - Lines

    /// What the run finder needs to know of one line.
    struct Line {
        var text: String
        /// Sections (`#`, `^`) open when the line starts and when it ends.
        var depthAtStart: Int
        var depthAtEnd: Int
        /// Every tag can be part of a run: see `classify`.
        var isFoldable: Bool
        var tagCount: Int
        var hasSectionOrPartial: Bool
    }

    /// The lines of `text` with their tags' nesting, or nil for a template the finder does not handle.
    static func classify(_ text: String) -> [Line]? {
        var lines: [Line] = []
        // Open tags, innermost last: `#`/`^` sections, `<` parents and `$` blocks.
        var open: [Character] = []
        for lineText in splitLines(text) {
            var line = Line(
                text: lineText, depthAtStart: open.count { $0 == "#" || $0 == "^" }, depthAtEnd: 0,
                // The last line of a file without a newline cannot be replaced by a line.
                isFoldable: lineText.hasSuffix("\n"), tagCount: 0, hasSectionOrPartial: false)
            // A tag that does not end on its line (a comment over several lines) is not handled.
            guard let tags = Self.tags(in: lineText) else { return nil }
            for tag in tags {
                let (sigil, name) = (tag.sigil, tag.name)
                let sections = open.count { $0 == "#" || $0 == "^" }
                let insideBlock = open.contains { $0 == "<" || $0 == "$" }
                switch sigil {
                case "!":
                    continue
                case "=", "%":
                    // Changed delimiters or content type: the finder's reading of the text would be wrong.
                    return nil
                case "<", "$":
                    open.append(sigil)
                    line.isFoldable = false
                case "/":
                    guard let last = open.popLast() else { return nil }
                    if last == "<" || last == "$" { line.isFoldable = false }
                    line.tagCount += 1
                case "#", "^":
                    if insideBlock || (sections == 0 && !isSiteWide(name)) { line.isFoldable = false }
                    open.append(sigil)
                    line.tagCount += 1
                    line.hasSectionOrPartial = true
                case ">":
                    // A partial named by a value (`{{>*name}}`) could be anything.
                    if insideBlock || name.hasPrefix("*") { line.isFoldable = false }
                    line.tagCount += 1
                    line.hasSectionOrPartial = true
                default:
                    if insideBlock || (sections == 0 && !isSiteWide(name)) { line.isFoldable = false }
                    line.tagCount += 1
                }
            }
            line.depthAtEnd = open.count { $0 == "#" || $0 == "^" }
            lines.append(line)
        }
        return open.isEmpty ? lines : nil
    }

    /// One `{{…}}` tag of a line.
    struct Tag {
        /// `#`, `^`, `/`, `>`, `<`, `$`, `!`, `=`, `%`, `&` (also for `{{{…}}}`), or a space for a variable.
        var sigil: Character
        /// The name after the sigil, trimmed.
        var name: String
        /// Nothing, not even a space, comes before the tag on its line.
        var atLineStart: Bool
    }

    /// The tags of one line (default delimiters), or nil when a tag does not close on it.
    static func tags(in line: String) -> [Tag]? {
        var tags: [Tag] = []
        var rest = Substring(line)
        while let openBrace = rest.range(of: "{{") {
            let isTriple = rest[openBrace.upperBound...].hasPrefix("{")
            let bodyStart = isTriple ? rest.index(after: openBrace.upperBound) : openBrace.upperBound
            guard let closeBrace = rest[bodyStart...].range(of: isTriple ? "}}}" : "}}") else { return nil }
            let body = rest[bodyStart..<closeBrace.lowerBound].trimmingWhitespace()
            let sigil: Character = isTriple ? "&" : (body.first.map { "#^/><$&!=%".contains($0) ? $0 : " " } ?? " ")
            let name = isTriple || sigil == " " ? body : body.dropFirst().trimmingWhitespace()
            tags.append(Tag(sigil: sigil, name: name, atLineStart: line[..<openBrace.lowerBound].isEmpty))
            rest = rest[closeBrace.upperBound...]
        }
        return tags
    }

    /// `site` or `site.…`, without transforms: a name that only the `site` view can answer at
    /// the top level of a page's values.
    static func isSiteWide(_ name: String) -> Bool {
        guard !name.contains("(") else { return false }
        return name == Self.key || name.hasPrefix(Self.key + ".")
    }

    /// The lines of `text`, each with its newline (the last one may lack it).
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
