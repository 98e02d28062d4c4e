import BroadsheetContent
import BroadsheetCore
import BroadsheetDocument
import BroadsheetFacts
import BroadsheetMail
import BroadsheetTemplates
import Foundation

/// Draws one edition as an email for one reader (or for nobody: the archived copy):
/// the HTML from `newsletter/email.mustache`, the text part, and the MIME message.
public struct EditionEmailRenderer: Sendable {
    /// The site the editions belong to.
    public let site: Site
    private let templates: TemplateSet
    private let config: NewsletterConfig
    /// The sender from site.yaml.
    public let sender: EmailAddress
    private let replyTo: EmailAddress?

    /// Checks the newsletter settings of site.yaml and prepares rendering.
    public init(site: Site, templates: TemplateSet) throws(DiagnosticsError) {
        guard let config = site.config.newsletter else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: SiteConfigLoader.path), "site.yaml has no `newsletter:` section",
                    hint: "add `newsletter:` with `from:` and `unsubscribeURL:` (see docs/newsletters.md)")
            ])
        }
        var diagnostics: [Diagnostic] = []
        let sender = EmailAddress(parsing: config.from)
        if sender == nil {
            diagnostics.append(
                .error(
                    at: config.location, "the newsletter's `from:` '\(config.from)' is not a valid address",
                    hint: "write `from: \"Name <newsletter@example.org>\"` or a bare address"))
        }
        var replyTo: EmailAddress?
        if let text = config.replyTo {
            replyTo = EmailAddress(parsing: text)
            if replyTo == nil {
                diagnostics.append(
                    .error(
                        at: config.location, "the newsletter's `replyTo:` '\(text)' is not a valid address",
                        hint: "write `replyTo: letters@example.org`, or remove it to take replies at `from:`"))
            }
        }
        guard let sender, diagnostics.isEmpty else { throw DiagnosticsError(diagnostics) }
        self.site = site
        self.templates = templates
        self.config = config
        self.sender = sender
        self.replyTo = replyTo
    }

    /// The edition called `name`, or an error suggesting the closest name.
    public func edition(named name: String) throws(DiagnosticsError) -> Edition {
        try site.edition(named: name)
    }

    /// The complete message of `edition` for `subscriber` (nil: the archived copy, to undisclosed recipients).
    public func message(_ edition: Edition, to subscriber: Subscriber?, date: Date) throws(Diagnostic) -> EmailMessage {
        let unsubscribe = unsubscribeURL(edition, subscriber)
        var targets = [unsubscribe]
        if let mailto = config.unsubscribeMailto {
            targets.append("mailto:\(mailto)?subject=unsubscribe")
        }
        let (html, text) = try render(edition, subscriber: subscriber, unsubscribeURL: unsubscribe)
        return EmailMessage(
            from: sender, to: subscriber.map(\.address), replyTo: replyTo, subject: edition.subject, date: date,
            messageID: messageID(edition, subscriber), unsubscribe: targets, oneClickUnsubscribe: true, text: text,
            html: html)
    }

    /// A stable Message-ID per edition and reader, so a receiving system can spot a duplicate.
    func messageID(_ edition: Edition, _ subscriber: Subscriber?) -> String {
        let host = URL(string: site.config.baseURL)?.host ?? "broadsheet.invalid"
        let reader = subscriber.map { "." + Self.hash($0.address.normalized) } ?? ""
        return "\(edition.name).\(edition.date.isoDate)\(reader)@\(host)"
    }

    func unsubscribeURL(_ edition: Edition, _ subscriber: Subscriber?) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let email = subscriber?.address.address.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        let name = edition.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? edition.name
        return config.unsubscribeURL.replacingOccurrences(of: "{email}", with: email)
            .replacingOccurrences(of: "{edition}", with: name)
    }

    // MARK: - Rendering

    private func render(_ edition: Edition, subscriber: Subscriber?, unsubscribeURL: String) throws(Diagnostic)
        -> (html: String, text: String)
    {
        let siteConfig = site.config
        let origin = siteConfig.origin
        let archiveURL = origin + site.permalinks.href(edition.sitePath)
        let facts = site.facts
        func absolute(_ path: SitePath) -> String { origin + site.permalinks.href(path) }

        let htmlStyle = EmailStyle.html(origin: origin, pageURL: archiveURL)
        let bodyHTML = try HTMLWriter.html(edition.body, style: htmlStyle) { (component: Component) throws(Diagnostic) in
            switch component {
            case .timeline(let query):
                return try eventsHTML(query.select(from: facts), archiveURL: archiveURL)
            case .comparison(let comparison):
                return try templates.render("newsletter/comparison", comparisonView(comparison))
            case .chart(let chart):
                return try templates.render("newsletter/chart", EmailChart(chart: chart, url: archiveURL + "#" + chart.id).view)
            }
        }
        var links = LinkReferences()
        let bodyText = try PlainTextWriter.text(edition.body, style: htmlStyle, links: &links) {
            (component: Component, links: inout LinkReferences) throws(Diagnostic) in
            switch component {
            case .timeline(let query): eventsText(query.select(from: facts), links: &links)
            case .comparison(let comparison): comparisonText(comparisonView(comparison), links: &links)
            case .chart(let chart):
                EmailChart(chart: chart, url: archiveURL + "#" + chart.id)
                    .text(linkNumber: links.number(for: archiveURL + "#" + chart.id))
            }
        }
        let featured = edition.featured.map { article in
            EmailArticleView(
                title: article.title, url: absolute(article.sitePath), dateDisplay: article.date.display(site.config.dateStyle),
                excerpt: article.excerpt, readingMinutes: article.readingMinutes)
        }
        let heading = edition.timelineHeading(site.config.dateStyle)
        let timelineHTML = edition.timeline == nil ? nil : try eventsHTML(edition.events, archiveURL: archiveURL)
        let references = edition.citations.compactMap { citation -> EmailReferenceView? in
            guard let source = facts.source(citation.source) else { return nil }
            let descriptive = source.title.hasPrefix("[") && source.title.hasSuffix("]")
            return EmailReferenceView(
                number: citation.number, anchor: "ref-\(citation.number)", publisher: source.publisher,
                title: descriptive ? String(source.title.dropFirst().dropLast()) : "“\(source.title)”",
                url: source.url, dateDisplay: source.date?.display(site.config.dateStyle))
        }
        let greeting = subscriber.map { "Hello \($0.name ?? "there")," }
        let view = EmailView(
            language: siteConfig.language, subject: edition.subject, preheader: edition.preheader,
            siteTitle: siteConfig.title, siteURL: siteConfig.baseURL, dateDisplay: edition.date.display(site.config.dateStyle),
            greeting: greeting,
            body: bodyHTML, featured: featured, hasFeatured: !featured.isEmpty, timelineHeading: heading,
            timeline: timelineHTML, references: references, hasReferences: !references.isEmpty, archiveURL: archiveURL,
            unsubscribeURL: unsubscribeURL, publisher: siteConfig.publisher)
        let html = try templates.render("newsletter/email", view)

        // The text part, in the same order as the HTML.
        var sections: [String] = []
        sections.append(
            edition.subject + "\n" + String(repeating: "=", count: min(PlainText.width, PlainText.columns(edition.subject))))
        sections.append("\(siteConfig.title) · \(edition.date.display(siteConfig.dateStyle))")
        sections.append("View this edition in your browser: \(archiveURL)")
        if let greeting { sections.append(greeting) }
        if !bodyText.isEmpty { sections.append(bodyText) }
        if !featured.isEmpty {
            sections.append(Self.underlined("In this edition"))
            for article in featured {
                sections.append(
                    PlainText.wrap("\(article.title) [\(links.number(for: article.url))]") + "\n"
                        + PlainText.wrap(
                            "\(article.dateDisplay) · \(article.readingMinutes) min read. \(article.excerpt)", prefix: ""))
            }
        }
        if let heading, edition.timeline != nil {
            sections.append(Self.underlined(heading))
            sections.append(eventsText(edition.events, links: &links))
        }
        if !references.isEmpty {
            sections.append(Self.underlined("Sources"))
            sections.append(
                references.map { reference in
                    PlainText.wrap(
                        "(\(reference.number)) \(reference.publisher), \(reference.title)"
                            + (reference.dateDisplay.map { ", \($0)" } ?? "") + " [\(links.number(for: reference.url))]",
                        prefix: "")
                }.joined(separator: "\n"))
        }
        sections.append(
            "--\n"
                + PlainText.wrap(
                    "You receive this newsletter from \(siteConfig.title) (\(siteConfig.baseURL)). "
                        + "Unsubscribe with one click: \(unsubscribeURL)"))
        sections.append("Links\n" + links.list)
        let text = sections.joined(separator: "\n\n") + "\n"
        return (html, text)
    }

    private static func underlined(_ title: String) -> String {
        title.uppercased() + "\n" + String(repeating: "-", count: min(PlainText.width, PlainText.columns(title)))
    }

    private static func hash(_ text: String) -> String { String(FNV1a.hash(text.utf8), radix: 16) }

    // MARK: - Components

    private func eventViews(_ events: [Event], archiveURL: String) -> [EmailEventView] {
        let origin = site.config.origin
        return events.map { event in
            EmailEventView(
                dateDisplay: event.date.display(site.config.dateStyle), title: event.title,
                url: origin + site.permalinks.eventHref(event.id),
                summary: HTMLWriter.textHTML(
                    site.factTexts.eventSummaries[event.id] ?? [], style: EmailStyle.html(origin: origin, pageURL: archiveURL)),
                isReported: event.confidence == .medium)
        }
    }

    private func eventsHTML(_ events: [Event], archiveURL: String) throws(Diagnostic) -> String {
        try templates.render("newsletter/events", EmailEventsView(events: eventViews(events, archiveURL: archiveURL)))
    }

    private func eventsText(_ events: [Event], links: inout LinkReferences) -> String {
        let origin = site.config.origin
        return events.map { event in
            let url = origin + site.permalinks.eventHref(event.id)
            let summary = Self.text(site.factTexts.eventSummaries[event.id] ?? [], origin: origin, links: &links)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let reported = event.confidence == .medium ? " (reported)" : ""
            return PlainText.wrap(
                "\(event.date.display(site.config.dateStyle)): \(event.title)\(reported) [\(links.number(for: url))]")
                + "\n" + PlainText.wrap(summary, prefix: "  ")
        }.joined(separator: "\n\n")
    }

    /// A fact's text as plain text, its links numbered.
    private static func text(_ text: FactText, origin: String, links: inout LinkReferences) -> String {
        do {
            return try PlainTextWriter<Never>.text(text, style: HTMLStyle(origin: origin), links: &links) {
                (never: Never, _: inout LinkReferences) throws(Diagnostic) -> String in
            }
        } catch {
            preconditionFailure("a text without components cannot fail to render: \(error)")
        }
    }

    private func comparisonView(_ comparison: Comparison) -> EmailComparisonView {
        EmailComparisonView(
            title: comparison.title,
            url: site.config.origin + site.permalinks.href(site.permalinks.comparison(comparison.id)),
            rowHeader: comparison.rowHeader, columns: comparison.columns.map(\.headerWithUnit),
            rows: comparison.rows.map { row in
                EmailRowView(
                    label: row.label,
                    cells: comparison.columns.map { column in row.cells[column.id]?.displayText(in: column) ?? "unknown" })
            })
    }

    private func comparisonText(_ view: EmailComparisonView, links: inout LinkReferences) -> String {
        var lines = [PlainText.wrap("\(view.title) [\(links.number(for: view.url))]")]
        for row in view.rows {
            let cells = zip(view.columns, row.cells).map { "\($0): \($1)" }.joined(separator: "; ")
            lines.append(PlainText.wrap("\(row.label): \(cells)", prefix: "- "))
        }
        return lines.joined(separator: "\n")
    }
}
