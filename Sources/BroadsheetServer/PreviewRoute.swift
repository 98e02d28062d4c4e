import BroadsheetCore

/// What the preview server does with one request target, decided from the target and the set
/// of files alone.
///
/// Files are looked up in the in-memory site by their decoded path; the file system is never
/// touched, so no target can reach outside the built site. Targets that try (dot segments,
/// encoded or not, backslashes, NUL bytes, broken escapes) are refused outright.
public enum PreviewRoute: Sendable, Equatable {
    /// Serve this output file.
    case file(String)
    /// A folder requested without its trailing slash: redirect to this location.
    case redirect(String)
    /// No such file: the site's 404 page.
    case notFound
    /// A target that could only be an attempt to escape the site, or is not a path at all.
    case badRequest(String)
    /// The live-reload event stream.
    case events
    /// The live-reload script.
    case script

    /// The reserved prefix of the preview's own endpoints.
    public static let internalPrefix = "/__broadsheet/"

    /// Resolves a raw request target (`/articles/x/?a=b`) against the paths of the site.
    public static func resolve(target: String, exists: (String) -> Bool) -> PreviewRoute {
        guard target.hasPrefix("/") else { return .badRequest("the request target is not an absolute path") }
        let withoutFragment = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = parts[0]
        let query = parts.count > 1 ? "?" + parts[1] : ""
        if rawPath == internalPrefix + "events" { return .events }
        if rawPath == internalPrefix + "live.js" { return .script }
        guard let decoded = percentDecoded(rawPath) else {
            return .badRequest("the path has a broken percent escape or is not UTF-8")
        }
        var segments: [Substring] = []
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." || segment == ".." { return .badRequest("the path has a '.' or '..' segment") }
            if segment.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) {
                return .badRequest("the path has a backslash or a control character")
            }
            segments.append(segment)
        }
        let joined = segments.joined(separator: "/")
        let isFolder = decoded.hasSuffix("/") || segments.isEmpty
        if isFolder {
            let index = joined.isEmpty ? "index.html" : joined + "/index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(joined) { return .file(joined) }
        if exists(joined + "/index.html") {
            // One leading slash: `//about/` would be a protocol-relative URL, to a host named "about".
            return .redirect("/" + String(rawPath.drop(while: { $0 == "/" })) + "/" + query)
        }
        return .notFound
    }

    /// Decodes `%XX` escapes once (never twice: `%252e` stays `%2e`); nil for broken escapes or bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(HexDigit.value), let low = iterator.next().flatMap(HexDigit.value) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
