import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Checks made before a command writes into a site: that the folder is one.
public enum SiteFolder {
    /// An error unless `root` holds `Content/site.yaml`; `displayRoot` names the folder as the
    /// user gave it (`.` for the current folder).
    public static func check(_ root: URL, displayRoot: String) -> Diagnostic? {
        let settings = root.appendingPathComponent("Content/site.yaml")
        guard !FileManager.default.fileExists(atPath: settings.path) else { return nil }
        let folder = displayRoot == "." ? "the current folder" : "'\(displayRoot)'"
        return .error(
            at: SourceLocation(path: "Content/site.yaml"),
            "not a Broadsheet site: there is no Content/site.yaml in \(folder)",
            hint: "run the command in a site's folder or pass it with --root DIR; start a new site with broadsheet init DIR")
    }

    /// Today in the local time zone, as `YYYY-MM-DD` (the date of new articles).
    public static func today() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }
}
