import BroadsheetContent
import BroadsheetCore
import Foundation

/// Renders the site's search index: one more renderer over the resolved document trees and
/// facts, written as static files that `Templates/assets/search.js` queries in the browser.
///
/// See `SearchIndex` for the files and docs/search.md for the design and its measurements.
public enum SearchIndexRenderer {
    /// Every file of the index for `site`, under `search/`.
    public static func render(_ site: Site) -> [OutputFile] {
        SearchIndex(site: site).files()
    }

    /// The JSON array of entries a pack file (`search/entries/P.pack`) holds, decompressed:
    /// for tests and tools that read the index (golden files keep it readable).
    public static func unpack(_ pack: Data) throws -> Data {
        Data(try Deflate.unzlib(Array(pack)))
    }
}
