import BroadsheetContent
import BroadsheetCore

/// Redirect pages for the old addresses of articles and pages (`aliases:`): a meta refresh,
/// a canonical link to the new address and a visible link, kept out of search engines and the sitemap.
struct AliasPages: Sendable {
    let context: RenderContext

    /// The redirect pages of one document.
    func render(_ document: Document) -> [OutputFile] {
        guard !document.aliases.isEmpty else { return [] }
        let href = HTMLText.escape(context.href(document.sitePath))
        let url = HTMLText.escape(context.absoluteURL(document.sitePath))
        let title = HTMLText.escape(document.title)
        let html = """
            <!DOCTYPE html>
            <html lang="\(HTMLText.escape(context.config.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Moved: \(title)</title>
            <link rel="canonical" href="\(url)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(href)">
            </head>
            <body>
            <p>This page has moved to <a href="\(href)">\(title)</a> (\(url)).</p>
            </body>
            </html>

            """
        return document.aliases.map { OutputFile(path: $0.sitePath.outputPath, text: html) }
    }

    /// An error for every alias whose address is also a page of the site or another alias.
    func collisions(in files: [OutputFile]) -> [Diagnostic] {
        let site = context.site
        var documentPaths: [String: String] = [:]
        for document in site.documents { documentPaths[document.sitePath.outputPath] = document.path }
        // A path written more often than aliases name it is also a page the renderer generates.
        var aliasCounts: [String: Int] = [:]
        for document in site.documents {
            for alias in document.aliases { aliasCounts[alias.sitePath.outputPath, default: 0] += 1 }
        }
        var written: [String: Int] = [:]
        for file in files { written[file.path, default: 0] += 1 }
        let generated = Set(written.compactMap { path, count in count > aliasCounts[path, default: 0] ? path : nil })
        var seen: [String: (document: Document, alias: LoadedAlias)] = [:]
        var diagnostics: [Diagnostic] = []
        for document in site.documents {
            for alias in document.aliases {
                let output = alias.sitePath.outputPath
                if let owner = documentPaths[output] {
                    diagnostics.append(
                        .error(
                            at: alias.location, "alias '\(alias.written)' is the address of \(owner)",
                            hint: "remove the alias: a redirect cannot replace a page that exists"))
                } else if generated.contains(output) {
                    diagnostics.append(
                        .error(
                            at: alias.location, "alias '\(alias.written)' is the address of a page Broadsheet generates",
                            hint: "remove the alias: a redirect cannot replace \(context.href(alias.sitePath))"))
                } else if let first = seen[output], first.document.path == document.path {
                    diagnostics.append(
                        .error(
                            at: alias.location, "alias '\(alias.written)' is listed twice",
                            hint: "remove one of the two; '\(first.alias.written)' and '\(alias.written)' are the same address"))
                } else if let first = seen[output] {
                    diagnostics.append(
                        .error(
                            at: alias.location, "alias '\(alias.written)' is already an alias of \(first.document.path)",
                            hint: "keep each old address in the aliases of one article or page only"))
                } else {
                    seen[output] = (document, alias)
                }
            }
        }
        return diagnostics
    }
}
