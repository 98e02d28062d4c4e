import BroadsheetTemplates
/// An edition's archive page, `/newsletters/NAME/`.
struct EditionPageView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var subject: String
    var preheader: String
    var dateDisplay: String
    var dateISO: String
    /// Trusted HTML: the editor's note with components rendered for the web.
    var body: String
    var featured: [RenderedCard]
    var hasFeatured: Bool
    /// Trusted HTML: the timeline window, or nil.
    var timeline: String?
    var timelineHeading: String?
    var references: [ReferenceView]
    var hasReferences: Bool
    var emailHTMLHref: String
    var emailTextHref: String
    var emlHref: String
    var indexHref: String
}

/// `/newsletters/`: every edition, newest first.
struct EditionIndexView: Sendable, Encodable {
    /// The site's name, menu and links, prepared once for every page (`RenderContext.siteView`).
    var site: SharedTemplateValue
    var meta: PageMeta
    var editions: [EditionLink]
    var feedHref: String
}

/// An edition in the index.
struct EditionLink: Sendable, Encodable {
    var subject: String
    var href: String
    var dateDisplay: String
    var dateISO: String
    var preheader: String
}
