/// One result the search can return: an article or page (with its sections), an event, an
/// entity, a comparison table or a source.
struct SearchEntry: Sendable, Hashable {
    /// What the entry is; the raw value is the label the script shows.
    enum Kind: String, Sendable, Hashable {
        case article = "Article", page = "Page", event = "Event", entity = "Entity", comparison = "Table", source = "Source"
    }

    /// Stable across builds and edits: `article/SLUG`, `event/ID`, ….
    var key: String
    var kind: Kind
    /// Shown as the result's title.
    var title: String
    /// Indexed with the title's weight but not shown (an entity's native and short names).
    var extraTitle: String = ""
    /// Root-relative link.
    var href: String
    /// Shown after the kind, when the entry has a date.
    var date: String?
    /// The text, split at headings: the first section has no anchor.
    var sections: [SearchSection]
}

/// A stretch of text under one heading (or before the first one).
struct SearchSection: Sendable, Hashable {
    /// The heading's id, or "" for the text before the first heading.
    var anchor: String
    /// The heading's text.
    var heading: String
    /// Plain text, without markup.
    var text: String
}
