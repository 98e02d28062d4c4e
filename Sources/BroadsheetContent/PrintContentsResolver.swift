import BroadsheetCore

/// Checks the `edition:` lists of site.yaml against the published documents, or works out the
/// default order: the lead article, the other articles oldest first, then the pages as appendices.
enum PrintContentsResolver {
    static func resolve(
        _ config: PrintConfig, lead: String?, articles: [Article], pages: [Document], drafts: Set<String>,
        future: Set<String> = []
    ) -> (PrintContents, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let known = Set(articles.map(\.slug) + pages.map(\.slug))
        var seen: [String: SourceLocation] = [:]
        func check(_ entries: [PrintConfig.Entry], list: String) -> [String] {
            var slugs: [String] = []
            for entry in entries {
                if let first = seen[entry.slug] {
                    diagnostics.append(
                        .error(
                            at: entry.location, "'\(entry.slug)' is already in the print edition (line \(first.line ?? 0))",
                            hint: "name each article or page once in `chapters:` and `appendices:`"))
                    continue
                }
                seen[entry.slug] = entry.location
                if known.contains(entry.slug) {
                    slugs.append(entry.slug)
                } else if future.contains(entry.slug) {
                    diagnostics.append(
                        .error(
                            at: entry.location,
                            "\(list) entry '\(entry.slug)' is dated in the future, which the print edition leaves out",
                            hint: "build with --future to include it, or remove it from `\(list):` until its date"))
                } else if drafts.contains(entry.slug) {
                    diagnostics.append(
                        .error(
                            at: entry.location, "\(list) entry '\(entry.slug)' is a draft, which the print edition leaves out",
                            hint: "publish it (remove `draft: true`), build with --drafts, or remove it from `\(list):`"))
                } else {
                    diagnostics.append(
                        .error(
                            at: entry.location, "\(list) entry '\(entry.slug)' is not an article or page",
                            hint: Suggestion.hint(
                                for: entry.slug, in: known.sorted(),
                                otherwise: "write the slug of a published article or page (its file name without .md)")))
                }
            }
            return slugs
        }
        let chapters = config.chapters.map { check($0, list: "chapters") } ?? defaultChapters(lead: lead, articles: articles)
        let appendices =
            config.appendices.map { check($0, list: "appendices") }
            ?? pages.map(\.slug).filter { !chapters.contains($0) }
        return (PrintContents(chapters: chapters, appendices: appendices), diagnostics)
    }

    /// The lead article, then the others oldest first (same date: by weight, then slug).
    static func defaultChapters(lead: String?, articles: [Article]) -> [String] {
        let ordered = articles.sorted { lhs, rhs in
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            return (lhs.weight, lhs.slug) < (rhs.weight, rhs.slug)
        }
        let leadSlug = lead ?? articles.first?.slug
        return ordered.filter { $0.slug == leadSlug }.map(\.slug) + ordered.filter { $0.slug != leadSlug }.map(\.slug)
    }
}
