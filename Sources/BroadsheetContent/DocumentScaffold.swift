import BroadsheetCore
import Foundation

/// A new article or page as `broadsheet new` writes it: a file name from the title's slug and
/// front matter that builds as it is.
///
/// New articles start as drafts, so a half-written piece never reaches the published site by
/// accident; `broadsheet serve --drafts` shows them with a badge.
public struct DocumentScaffold: Sendable, Equatable {
    /// Where the file goes, relative to the site root (`Content/articles/<slug>.md`).
    public var path: String
    /// The URL segment, made from the title.
    public var slug: String
    /// The file's text.
    public var text: String

    /// The scaffold for `title`, or an error when the title gives no usable slug.
    ///
    /// - Parameters:
    ///   - slug: Replaces the slug made from the title.
    ///   - date: The article's date as `YYYY-MM-DD` (injected, so tests do not depend on the clock).
    public static func make(
        kind: LoadedDocument.Kind, title: String, slug: String? = nil, date: String
    ) -> Result<DocumentScaffold, Diagnostic> {
        let trimmed = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            return .failure(
                .error(
                    at: SourceLocation(path: "broadsheet new"), "the title is empty",
                    hint: "pass the title in quotes, e.g. broadsheet new \(kind.rawValue) \"WeChat Pay on Taobao\""))
        }
        if let control = trimmed.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            return .failure(
                .error(
                    at: SourceLocation(path: "broadsheet new"),
                    "the title contains the control character \(String(format: "U+%04X", control.value))",
                    hint: "type the title again without it (it may have been pasted with the text)"))
        }
        let chosen = slug ?? Slug.make(from: trimmed)
        guard Slug.isValidSegment(chosen), chosen == Slug.make(from: chosen) else {
            let reason = slug == nil ? "the title '\(trimmed)' gives no usable URL slug" : "'\(chosen)' is not a valid slug"
            return .failure(
                .error(
                    at: SourceLocation(path: "broadsheet new"), reason,
                    hint: "pass one with --slug, made of lower-case letters, digits and dashes, e.g. --slug wechat-pay"))
        }
        if kind == .page && Permalinks.reservedPageSlugs.contains(chosen) {
            return .failure(
                .error(
                    at: SourceLocation(path: "broadsheet new"), "page slug '\(chosen)' is reserved for a generated section",
                    hint: "choose another with --slug; reserved: \(Permalinks.reservedPageSlugs.sorted().joined(separator: ", "))"
                ))
        }
        if let problem = SlugValidator.validate(
            chosen, at: SourceLocation(path: "broadsheet new"), renameHint: "pass another with --slug"
        ).first(where: { $0.severity == .error }) {
            return .failure(problem)
        }
        let folder = kind == .article ? "Content/articles" : "Content/pages"
        var lines = ["---", "title: \(yamlQuoted(trimmed))"]
        if slug != nil { lines.append("slug: \(chosen)") }
        // No empty `summary: ""`: it would blank the page's meta and Open Graph descriptions
        // (an absent summary falls back to the first paragraph). A comment shows where it goes.
        if kind == .article { lines.append("date: \(date)") }
        lines.append("# summary: one or two sentences for search engines and link previews")
        if kind == .article { lines += ["tags: []", "draft: true"] }
        lines += ["---", "", ""]
        return .success(DocumentScaffold(path: "\(folder)/\(chosen).md", slug: chosen, text: lines.joined(separator: "\n")))
    }

    /// A double-quoted YAML scalar: safe for titles with colons, quotes or a leading `#`.
    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
