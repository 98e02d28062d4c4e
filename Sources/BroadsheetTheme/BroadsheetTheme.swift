import Foundation

/// The house theme built into the binary: the repository's `Templates/` (templates, partials and
/// assets), embedded as Swift source at build time by the `EmbedTheme` plugin.
///
/// A site's own `Templates/` overrides it file by file; whatever the site does not have comes
/// from here, so a site needs no templates at all to build.
public enum BuiltInTheme {
    /// What diagnostics write in place of `Templates` for the theme's files:
    /// `<built-in theme>/article.mustache`.
    public static let folder = "<built-in theme>"

    /// Every file of the theme, sorted by its path relative to `Templates/`.
    public static var files: [ThemeFile] { embeddedFiles }

    /// The theme's file at `path` (relative to `Templates/`, e.g. `assets/style.css`), if any.
    public static func file(_ path: String) -> ThemeFile? {
        embeddedFiles.first { $0.path == path }
    }
}

/// One file of the built-in theme.
public struct ThemeFile: Sendable, Hashable {
    /// The path relative to `Templates/`, `/`-separated: `partials/card.mustache`, `assets/style.css`.
    public let path: String
    /// The contents as the generated source writes them. The theme lives in a global for the
    /// whole run, so it holds the source's literals rather than `Data`: LeakSanitizer cannot
    /// follow `Data`'s storage from a global (its enum packs the pointer) and would report
    /// every file as leaked.
    private let contents: Contents

    private enum Contents: Sendable, Hashable {
        case text(String)
        case base64(String)
    }

    /// A text file (what the generated source uses for UTF-8 files).
    public init(path: String, text: String) {
        self.path = path
        self.contents = .text(text)
    }

    /// A binary file, stored as base64 in the generated source.
    public init(path: String, base64: String) {
        guard Data(base64Encoded: base64) != nil else {
            preconditionFailure("the generated theme source holds invalid base64 for \(path)")
        }
        self.path = path
        self.contents = .base64(base64)
    }

    /// The file's bytes.
    public var data: Data {
        switch contents {
        case .text(let text): Data(text.utf8)
        case .base64(let encoded): Data(base64Encoded: encoded) ?? Data()
        }
    }

    /// The file as UTF-8 text.
    public var text: String {
        switch contents {
        case .text(let text): text
        case .base64: String(decoding: data, as: UTF8.self)
        }
    }

    /// True for a Mustache template (outside `assets/`).
    public var isTemplate: Bool { path.hasSuffix(".mustache") && !path.hasPrefix("assets/") }

    /// True for a file under `assets/`, copied to the output's `assets/`.
    public var isAsset: Bool { path.hasPrefix("assets/") }
}
