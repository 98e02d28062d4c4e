import BroadsheetLoading

/// A correction, resolved: shown as a dated note on its article or page.
///
/// The convention newsrooms follow: a corrected text says so on the page itself, with the
/// date and what changed, and `/corrections/` logs every correction (docs/content.md).
public struct Correction: Sendable, Hashable {
    /// The day the correction was made.
    public var date: PublicationDate
    /// What was corrected, its links resolved.
    public var note: FactText
}
