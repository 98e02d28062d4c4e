import BroadsheetCore
import Mustache

/// A view value that many pages show unchanged (the site's name, menu and links), prepared
/// once by `TemplateSet.shared(_:)` and placed in each page's view under `site`.
///
/// Preparing it encodes the value once instead of once per page, and renders the lines of
/// the templates that read nothing but `site` (`SiteWideRuns`) once instead of once per
/// page. Every page whose `site` is this value then prints those lines from the stored
/// text. Only the `TemplateSet` that made it uses the stored text; another set renders every
/// line as written, so the text can never belong to other templates.
public struct SharedTemplateValue: Encodable, @unchecked Sendable {
    // @unchecked: the stored dictionary is built once and never changed; its values are
    // strings, numbers, arrays and dictionaries of them, and `TemplateText`.
    /// The encoded value, with the pre-rendered runs under their keys.
    let encoded: [String: Any]

    init(encoded: [String: Any]) { self.encoded = encoded }

    /// Only `TemplateSet` encodes this value (`TemplateValueEncoder` reads `encoded`).
    public func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(
            self,
            .init(
                codingPath: encoder.codingPath,
                debugDescription: "a SharedTemplateValue is rendered by the TemplateSet that made it, not encoded"))
    }
}

/// Marks a shared `site` whose runs were all rendered cleanly by one `TemplateSet`.
final class SiteWideRunsToken: Sendable {}

extension TemplateSet {
    /// The key under which a shared value carries its token (see `SiteWideRunsToken`).
    static let runsTokenKey = "broadsheet-site-wide"
    /// The key of run `index`'s text inside the shared value.
    static func runKey(_ index: Int) -> String { "broadsheet-site-wide-\(index)" }

    /// `value` (the view's `site`) prepared for every page that shows it: encoded once, with
    /// the templates' site-wide lines rendered once.
    ///
    /// Each run is rendered with a view holding nothing but `site`; if any name in it had to
    /// be looked up among the page's own values (a `{{title}}` inside `{{#site.menu}}` whose
    /// menu entry has no `title`), the runs are not used and pages render every line as
    /// written, so the output never depends on this shortcut.
    public func shared(_ value: some Encodable) throws(Diagnostic) -> SharedTemplateValue {
        var values: [String: Any]
        do {
            guard let encoded = try TemplateValueEncoder.encode(value, wrapsText: wrapsText) as? [String: Any] else {
                throw EncodingError.invalidValue(
                    value, .init(codingPath: [], debugDescription: "\(type(of: value)) has no named values"))
            }
            values = encoded
        } catch {
            throw .error(
                at: SourceLocation(path: folder), "cannot prepare the site's data: \(error)",
                hint: "this is a bug in Broadsheet (its views are plain values); please report it")
        }
        guard let folded = siteWide else { return SharedTemplateValue(encoded: values) }
        var texts: [String] = []
        for run in folded.runs {
            // A view holding only `site`: any other name a run asks for is recorded as unknown.
            let probe = UnknownKeyRecorder([SiteWideRuns.key: values])
            let output = run.template.render(probe, library: library)
            // The run's lines end with a newline, printed by the line that replaces them.
            guard probe.unknownKeys.isEmpty, output.utf8.last == UInt8(ascii: "\n") else {
                return SharedTemplateValue(encoded: values)
            }
            texts.append(String(decoding: output.utf8.dropLast(), as: UTF8.self))
        }
        for (index, text) in texts.enumerated() { values[Self.runKey(index)] = TemplateText(text) }
        values[Self.runsTokenKey] = folded.token
        return SharedTemplateValue(encoded: values)
    }
}

/// The templates with their site-wide runs replaced, and the runs to render once per `site`.
struct SiteWideTemplates: Sendable {
    /// Each run as a template of its own, named by its template and first line.
    var runs: [(name: String, template: MustacheTemplate)]
    /// The templates with each run replaced by the line that prints its text.
    var library: MustacheLibrary
    /// Identifies shared values made with this set.
    let token = SiteWideRunsToken()

    /// The runs of every template that is only ever rendered at the top of a page's values
    /// (see `hosts`), or nil when no template has any.
    static func make(sources: [String: SourceFile], templates: [String: MustacheTemplate], directive: String)
        -> SiteWideTemplates?
    {
        var runs: [(name: String, template: MustacheTemplate)] = []
        var replaced = templates
        for name in hosts(sources).sorted() {
            guard let file = sources[name] else { continue }
            let found = SiteWideRuns.find(in: file.text)
            guard !found.isEmpty else { continue }
            let parsed = found.compactMap { try? MustacheTemplate(string: directive + $0.text) }
            let keys = parsed.indices.map { TemplateSet.runKey(runs.count + $0) }
            guard parsed.count == found.count,
                let rewritten = try? MustacheTemplate(
                    string: directive + SiteWideRuns.replacing(found, in: file.text, keys: keys))
            else { continue }
            runs += zip(found, parsed).map { ("\(name):\($0.lines.lowerBound + 1)", $1) }
            replaced[name] = rewritten
        }
        guard !runs.isEmpty else { return nil }
        return SiteWideTemplates(runs: runs, library: MustacheLibrary(templates: replaced))
    }

    /// Templates whose top level is always the top of a page's values: rendered directly, or
    /// used as a parent (`{{<name}}`) at the start of a line and outside any section, by
    /// templates that are hosts themselves. A template used as a partial (`{{>name}}`) is not a
    /// host: inside a section its names would be looked up in the section's value first, and
    /// an indented partial indents its lines.
    static func hosts(_ sources: [String: SourceFile]) -> Set<String> {
        var excluded: Set<String> = []
        var usedBy: [String: Set<String>] = [:]
        for (name, file) in sources {
            for use in uses(in: file.text) {
                if use.isPartial || use.depth > 0 || !use.atLineStart { excluded.insert(use.name) }
                usedBy[use.name, default: []].insert(name)
            }
        }
        // A template used by a template that is not a host is not one either.
        var changed = true
        while changed {
            changed = false
            for (name, users) in usedBy where !excluded.contains(name) && !users.isDisjoint(with: excluded) {
                excluded.insert(name)
                changed = true
            }
        }
        return Set(sources.keys).subtracting(excluded)
    }

    private struct Use {
        var name: String
        var isPartial: Bool
        var depth: Int
        var atLineStart: Bool
    }

    /// Every `{{>name}}` and `{{<name}}` in `text`, with the sections open around it.
    private static func uses(in text: String) -> [Use] {
        var uses: [Use] = []
        var open: [Character] = []
        for line in SiteWideRuns.splitLines(text) {
            // A line whose tags cannot be read holds no use this check could act on.
            for tag in SiteWideRuns.tags(in: line) ?? [] {
                let depth = open.count { $0 == "#" || $0 == "^" }
                switch tag.sigil {
                case "#", "^", "$": open.append(tag.sigil)
                case "<":
                    uses.append(Use(name: tag.name, isPartial: false, depth: depth, atLineStart: tag.atLineStart))
                    open.append(tag.sigil)
                case ">":
                    uses.append(Use(name: tag.name, isPartial: true, depth: depth, atLineStart: tag.atLineStart))
                case "/": _ = open.popLast()
                default: break
                }
            }
        }
        return uses
    }
}
