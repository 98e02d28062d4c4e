import BroadsheetCore

/// The `edition:` section of site.yaml: what the print edition (PDF and EPUB) holds and how.
public struct PrintConfig: Sendable, Hashable {
    /// A paper size the PDF can be set on.
    public enum Paper: String, Sendable, Hashable, CaseIterable {
        /// ISO A4, 210 × 297 mm (the default).
        case a4 = "A4"
        /// US Letter, 8.5 × 11 in.
        case letter = "Letter"
    }

    /// A document named in `chapters:` or `appendices:`, with where it is named.
    public struct Entry: Sendable, Hashable {
        /// The article's or page's slug.
        public var slug: String
        /// The list item in site.yaml.
        public var location: SourceLocation

        /// Creates an entry.
        public init(slug: String, location: SourceLocation) {
            self.slug = slug
            self.location = location
        }
    }

    /// The chapters in order; nil for the default (the lead article, the others by date).
    public var chapters: [Entry]?
    /// The appendices in order; nil for the default (every page, by weight).
    public var appendices: [Entry]?
    /// The file name without extension (`Output/<file>.pdf`); nil for the slug of the title.
    public var file: String?
    /// The PDF's paper size.
    public var paper: Paper
    /// False when site.yaml says `edition: false`: no PDF, no EPUB, no warning.
    public var isEnabled: Bool

    /// Creates a configuration; the default builds every document on A4.
    public init(
        chapters: [Entry]? = nil, appendices: [Entry]? = nil, file: String? = nil, paper: Paper = .a4, isEnabled: Bool = true
    ) {
        self.chapters = chapters
        self.appendices = appendices
        self.file = file
        self.paper = paper
        self.isEnabled = isEnabled
    }
}
