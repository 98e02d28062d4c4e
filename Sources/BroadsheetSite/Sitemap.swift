import BroadsheetCore

/// `sitemap.xml`: every HTML page but the 404, the search page and redirects, with the last change of articles.
struct Sitemap {
    let context: RenderContext

    func render(paths: [String]) -> OutputFile {
        var lastModified: [String: String] = [:]
        for article in context.site.articles {
            lastModified[article.sitePath.outputPath] = (article.updated ?? article.date)?.isoDate
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted()
        where path.hasSuffix("index.html") && path != context.permalinks.search.outputPath
            && !context.aliasOutputPaths.contains(path)
        {
            let folder = String(path.dropLast("index.html".count))
            xml += "  <url><loc>\(HTMLText.escape(context.absoluteURL(SitePath(file: folder))))</loc>"
            if let date = lastModified[path] { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }
}
