import BroadsheetCore

/// An article: a document that always has a publication date.
///
/// Pages may or may not be dated, so `Document.date` is optional; an article without one is
/// refused when it is loaded, and this type carries that guarantee to every renderer, which
/// reads `article.date` without unwrapping. Everything else reads through to the document.
@dynamicMemberLookup
public struct Article: Sendable, Hashable {
    /// The resolved document.
    public var document: Document
    /// When it was published.
    public var date: PublicationDate

    /// An article of `document`, published on `date`.
    public init(document: Document, date: PublicationDate) {
        self.document = document
        self.date = date
    }

    /// The document's properties, read through.
    public subscript<Value>(dynamicMember keyPath: KeyPath<Document, Value>) -> Value {
        document[keyPath: keyPath]
    }

    /// The last update, or the publication date when there was none.
    public var lastModified: PublicationDate { document.updated ?? date }
}
