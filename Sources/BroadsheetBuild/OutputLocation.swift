import BroadsheetCore

/// Output folders no build may take, whatever the flags: ones that hold the site, the
/// user's home, or the whole file system.
///
/// The output writer already refuses non-empty folders it did not write; these are refused
/// even with `--adopt-output`, because a site written into them would mix with (and, on the
/// next build, prune files among) the sources or the user's own files.
enum OutputLocation {
    /// The error for building into `output` (a resolved absolute path), or nil when it may be used.
    static func refusal(for output: String, siteRoot root: String, home: String?) -> Diagnostic? {
        let location = SourceLocation(path: output)
        let suggestion = "choose a separate folder, e.g. --output \(root == "/" ? "/tmp/site" : root + "/Output")"
        if output == "/" {
            return .error(
                at: location, "refusing to build into '/': the output folder would be the whole file system", hint: suggestion)
        }
        if let home, home != "/", output == home {
            return .error(at: location, "refusing to build into your home folder (\(output))", hint: suggestion)
        }
        if let home, home != "/", isInside(home, output) {
            return .error(at: location, "refusing to build into \(output): it holds your home folder", hint: suggestion)
        }
        if output == root || isInside(root, output) {
            return .error(at: location, "the output folder \(output) would replace the site's sources", hint: suggestion)
        }
        for sources in [root + "/Content", root + "/Templates"] {
            if output == sources {
                return .error(at: location, "the output folder \(output) would replace the site's sources", hint: suggestion)
            }
            if isInside(output, sources) {
                return .error(
                    at: location, "the output folder \(output) is inside the site's sources (\(sources))", hint: suggestion)
            }
        }
        return nil
    }

    /// True when `path` lies strictly inside `folder` (both absolute, without trailing slashes).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" ? path != "/" : path.hasPrefix(folder + "/")
    }
}
