import BroadsheetContent
import BroadsheetCore
import Foundation

/// The Atom feed and JSON Feed 1.1 of the latest articles, with full content and absolute links.
struct FeedRenderer {
    let context: RenderContext
    let components: ComponentHTML
    static let entryCount = 20

    func render() throws(Diagnostic) -> [OutputFile] {
        let articles = Array(context.site.articles.prefix(Self.entryCount))
        var contents: [String] = []
        for article in articles {
            let url = context.absoluteURL(article.sitePath)
            let html = AbsoluteLinks.rewrite(try components.body(of: article.document), origin: context.config.origin)
            contents.append(AbsoluteLinks.anchorFragments(html, pageURL: url))
        }
        return [
            OutputFile(path: "feed.xml", text: atom(articles, contents)),
            OutputFile(path: "feed.json", text: jsonFeed(articles, contents)),
        ]
    }

    private func updated(_ article: Article) -> PublicationDate { article.lastModified }

    private func atom(_ articles: [Article], _ contents: [String]) -> String {
        let config = context.config
        let feedUpdated = articles.map(updated).max()?.rfc3339 ?? "1970-01-01T00:00:00Z"
        func x(_ text: String) -> String { HTMLText.escape(text) }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(x(config.language))">
              <title>\(x(config.title))</title>
            """
        if let subtitle = config.subtitle { xml += "\n  <subtitle>\(x(subtitle))</subtitle>" }
        xml += """

              <id>\(x(config.baseURL))</id>
              <link rel="alternate" type="text/html" href="\(x(config.baseURL))"/>
              <link rel="self" type="application/atom+xml" href="\(x(context.absoluteURL(SitePath(file: "feed.xml"))))"/>
              <updated>\(feedUpdated)</updated>
              <author><name>\(x(config.author))</name></author>
              <generator version="\(BroadsheetCore.version)">Broadsheet</generator>

            """
        for (article, content) in zip(articles, contents) {
            let url = context.absoluteURL(article.sitePath)
            xml += """
                  <entry>
                    <title>\(x(article.title))</title>
                    <id>\(x(url))</id>
                    <link rel="alternate" type="text/html" href="\(x(url))"/>
                    <published>\(article.date.rfc3339)</published>
                    <updated>\(updated(article).rfc3339)</updated>

                """
            for author in article.authors { xml += "    <author><name>\(x(author))</name></author>\n" }
            for tag in article.tags { xml += "    <category term=\"\(x(tag.slug))\" label=\"\(x(tag.name))\"/>\n" }
            xml += """
                    <summary type="text">\(x(article.excerpt))</summary>
                    <content type="html">\(x(content))</content>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return xml
    }

    private func jsonFeed(_ articles: [Article], _ contents: [String]) -> String {
        let config = context.config
        let items: [[String: Any]] = zip(articles, contents).map { article, content in
            let url = context.absoluteURL(article.sitePath)
            var item: [String: Any] = [
                "id": url, "url": url, "title": article.title, "content_html": content, "summary": article.excerpt,
                "date_published": article.date.rfc3339, "date_modified": updated(article).rfc3339,
                "authors": article.authors.map { ["name": $0] },
                "language": config.language,
            ]
            if !article.tags.isEmpty { item["tags"] = article.tags.map(\.name) }
            return item
        }
        let feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1", "title": config.title,
            "home_page_url": config.baseURL, "feed_url": context.absoluteURL(SitePath(file: "feed.json")),
            "description": config.description, "language": config.language,
            "authors": [["name": config.author]], "items": items,
        ]
        return JSONText.encode(feed) + "\n"
    }
}
