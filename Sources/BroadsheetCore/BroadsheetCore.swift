/// BroadsheetCore holds the few values every stage shares: diagnostics with source
/// locations, slugs, site paths, output files and the atomic output writer.
///
/// It depends on Foundation only, so every other module can import it.
public enum BroadsheetCore {
    /// The version printed by `broadsheet --version`.
    public static let version = "0.1.0"
}
