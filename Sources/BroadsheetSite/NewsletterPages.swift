import BroadsheetContent
import BroadsheetCore
import BroadsheetFacts

/// The web side of newsletters: each edition's archive page, the index of editions and their Atom feed.
///
/// The email itself is drawn by BroadsheetNewsletter from the same `Edition`; these pages link to
/// the copies it writes beside them (`email.html`, `email.txt`, `NAME.eml`).
struct NewsletterPages: Sendable {
    let context: RenderContext

    private var site: Site { context.site }
    private var permalinks: Permalinks { context.permalinks }

    func render() throws(Diagnostic) -> [OutputFile] {
        guard !site.editions.isEmpty else { return [] }
        var files: [OutputFile] = []
        for edition in site.editions { files.append(try page(edition)) }
        files.append(try index())
        files.append(feed())
        return files
    }

    private func page(_ edition: Edition) throws(Diagnostic) -> OutputFile {
        let components = ComponentHTML(context: context)
        let body = try components.body(edition.body)
        let references = context.references(edition.citations)
        let timeline = edition.timeline == nil ? nil : try components.timeline(edition.events, compact: true)
        let name = edition.name
        let view = EditionPageView(
            site: context.siteView(section: "newsletters"),
            meta: context.meta(
                title: edition.subject, description: edition.preheader, path: edition.sitePath, bodyClass: "edition",
                published: edition.date.rfc3339),
            subject: edition.subject, preheader: edition.preheader, dateDisplay: edition.date.display(context.dateStyle),
            dateISO: edition.date.isoDate, body: body, featured: edition.featured.map(context.renderedCard),
            hasFeatured: !edition.featured.isEmpty, timeline: timeline,
            timelineHeading: edition.timelineHeading(context.dateStyle), references: references,
            hasReferences: !references.isEmpty,
            emailHTMLHref: context.href(permalinks.newsletterEmail(name, file: "email.html")),
            emailTextHref: context.href(permalinks.newsletterEmail(name, file: "email.txt")),
            emlHref: context.href(permalinks.newsletterEmail(name, file: "\(name).eml")),
            indexHref: context.href(permalinks.newsletters))
        return OutputFile(path: edition.sitePath.outputPath, text: try context.render("newsletter", view))
    }

    private func index() throws(Diagnostic) -> OutputFile {
        let count = site.editions.count
        let view = EditionIndexView(
            site: context.siteView(section: "newsletters"),
            meta: context.meta(
                title: "Newsletter", description: "Every edition of the \(site.config.title) newsletter (\(count)).",
                path: permalinks.newsletters, bodyClass: "list"),
            editions: site.editions.map {
                EditionLink(
                    subject: $0.subject, href: context.href($0.sitePath), dateDisplay: $0.date.display(context.dateStyle),
                    dateISO: $0.date.isoDate, preheader: $0.preheader)
            },
            feedHref: context.href(permalinks.newsletterFeed))
        return OutputFile(path: permalinks.newsletters.outputPath, text: try context.render("newsletters", view))
    }

    private func feed() -> OutputFile {
        let config = context.config
        func x(_ text: String) -> String { HTMLText.escape(text) }
        let feedURL = context.absoluteURL(permalinks.newsletterFeed)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(x(config.language))">
              <title>\(x(config.title)): newsletter</title>
              <id>\(x(feedURL))</id>
              <link rel="alternate" type="text/html" href="\(x(context.absoluteURL(permalinks.newsletters)))"/>
              <link rel="self" type="application/atom+xml" href="\(x(feedURL))"/>
              <updated>\(site.editions.map(\.date).max()?.rfc3339 ?? "1970-01-01T00:00:00Z")</updated>
              <author><name>\(x(config.author))</name></author>
              <generator version="\(BroadsheetCore.version)">Broadsheet</generator>

            """
        for edition in site.editions {
            let url = context.absoluteURL(edition.sitePath)
            xml += """
                  <entry>
                    <title>\(x(edition.subject))</title>
                    <id>\(x(url))</id>
                    <link rel="alternate" type="text/html" href="\(x(url))"/>
                    <published>\(edition.date.rfc3339)</published>
                    <updated>\(edition.date.rfc3339)</updated>
                    <summary type="text">\(x(edition.preheader))</summary>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return OutputFile(path: permalinks.newsletterFeed.outputPath, text: xml)
    }
}
