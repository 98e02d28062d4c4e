/// A page's place in the site, as a clean URL path without the base path: `""` for the
/// home page, `"articles/some-slug/"` for an article, `"feed.xml"` for a file.
public struct SitePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path relative to the site root, never starting with `/`.
    public let relative: String

    /// A path to a file, such as `feed.xml` or `compare/x/table.csv`.
    public init(file relative: String) {
        self.relative = relative
    }

    /// A folder page, written as `segments/index.html` and linked as `segments/`.
    public init(page segments: String...) {
        self.init(pageSegments: segments)
    }

    /// A folder page from a list of segments.
    public init(pageSegments segments: [String]) {
        let joined = segments.filter { !$0.isEmpty }.joined(separator: "/")
        self.relative = joined.isEmpty ? "" : joined + "/"
    }

    /// The home page.
    public static let home = SitePath(file: "")

    /// True for folder pages (written as `index.html` inside the folder).
    public var isPage: Bool { relative.isEmpty || relative.hasSuffix("/") }

    /// The file to write, relative to the output folder.
    public var outputPath: String { isPage ? relative + "index.html" : relative }

    /// The link from the site root, given the base URL's path (e.g. `/` or `/report/`).
    public func href(basePath: String) -> String {
        basePath + relative.addingPercentEncodingForPath()
    }

    public var description: String { "/" + relative }

    public static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.relative < rhs.relative }
}

extension String {
    /// Percent-encodes everything a URL path may not contain, keeping `/`.
    func addingPercentEncodingForPath() -> String {
        // Almost every path (slugs are checked) needs nothing: it is returned as it is, not
        // copied byte by byte; this runs for every link of every page.
        guard containsUTF8Byte(where: { !Self.isPathByte($0) }) else { return self }
        var result = ""
        for byte in utf8 {
            if Self.isPathByte(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }

    /// A byte a URL path keeps as it is: ASCII letters, digits, `-._~` and `/`.
    private static func isPathByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default: false
        }
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
