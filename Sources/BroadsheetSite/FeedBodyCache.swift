import BroadsheetContent
import Foundation

/// The rendered bodies of the articles the feeds show, kept from their article pages.
///
/// Feeds carry the full text of the latest articles; rendering those bodies (components
/// included) a second time doubled the cost of an incremental rebuild. Only feed articles are
/// kept, so a large site does not hold every body in memory. Entries are checked against the
/// document's body, so an edited article is never served stale.
final class FeedBodyCache: @unchecked Sendable {
    // An NSLock (a pthread mutex) rather than Synchronization's Mutex: ThreadSanitizer
    // intercepts pthread locks, but did not see Mutex's lock on Linux and reported two article
    // pages storing their bodies at once as a race.
    private let lock = NSLock()
    private var bodies: [String: (body: DocumentBody, html: String)] = [:]

    /// The cached HTML of `document`'s body, if it was rendered from the same parts.
    func html(for document: Document) -> String? {
        lock.withLock {
            guard let entry = bodies[document.slug], entry.body == document.body else { return nil }
            return entry.html
        }
    }

    /// Keeps `html` as `document`'s rendered body.
    func store(_ html: String, for document: Document) {
        lock.withLock { bodies[document.slug] = (document.body, html) }
    }
}
