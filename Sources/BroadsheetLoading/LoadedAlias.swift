import BroadsheetCore
import BroadsheetYAML

/// An old address of an article or page (`aliases:` in front matter), kept working by a
/// redirect page so links to a renamed slug do not break.
public struct LoadedAlias: Sendable, Hashable {
    /// The address as written, e.g. `/articles/old-slug/`.
    public var written: String
    /// Where the redirect page is written, e.g. `articles/old-slug/` (a folder) or `old.html`.
    public var sitePath: SitePath
    /// Where the alias is written in the front matter.
    public var location: SourceLocation
}

/// Reads the `aliases:` list of front matter.
enum AliasListLoader {
    /// Top-level folders whose files Broadsheet writes without pages: a redirect there could replace one.
    static let reservedFolders: Set<String> = ["assets", "search", "data"]

    /// The aliases under `aliases:`, or none; every problem is reported on `fields`.
    static func load(_ fields: inout YAMLFields) -> [LoadedAlias] {
        guard let node = fields.node("aliases", expected: "a list of old addresses such as [/articles/old-slug/]") else {
            return []
        }
        let items: [YAMLNode]
        switch node.content {
        case .sequence(let list): items = list
        case .scalar(let text, _):
            fields.report(
                .error(
                    at: fields.location(of: node), "'aliases' must be a list, found the single value '\(text)'",
                    hint: "write it as a list: `aliases: [\(text)]`"))
            return []
        default:
            fields.report(
                .error(
                    at: fields.location(of: node), "'aliases' must be a list of addresses, found \(node.kindDescription)",
                    hint: "write the old addresses as a list: `aliases: [/articles/old-slug/]`"))
            return []
        }
        var aliases: [LoadedAlias] = []
        for item in items {
            let location = fields.location(of: item)
            guard case .scalar(let text, _) = item.content else {
                fields.report(
                    .error(
                        at: location, "each alias must be an address such as /articles/old-slug/, found \(item.kindDescription)",
                        hint: "write the old addresses as plain values: `aliases: [/articles/old-slug/]`"))
                continue
            }
            switch sitePath(of: text, at: location) {
            case .success(let path): aliases.append(LoadedAlias(written: text, sitePath: path, location: location))
            case .failure(let problem): fields.report(problem)
            }
        }
        return aliases
    }

    /// The output location of an alias: `/a/b/` and `/a/b` are the folder page `a/b/`, `/a/b.html`
    /// is that file; an address that cannot be one is an error at `location`.
    static func sitePath(of text: String, at location: SourceLocation) -> Result<SitePath, Diagnostic> {
        guard text.hasPrefix("/"), !text.hasPrefix("//") else {
            return .failure(
                .error(
                    at: location, "alias '\(text)' must be a path from the site's root, starting with a single /",
                    hint: "write the old address without the domain, e.g. `/articles/old-slug/`"))
        }
        var segments = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.last == "" { segments.removeLast() }
        guard !segments.isEmpty else {
            return .failure(
                .error(
                    at: location, "alias '/' would replace the home page",
                    hint: "an alias names an old address of this page, e.g. `/articles/old-slug/`"))
        }
        for segment in segments where !Slug.isValidSegment(segment) {
            return .failure(
                .error(
                    at: location, "alias '\(text)' has the part '\(segment)', which cannot be used in a URL",
                    hint:
                        "write each part between slashes without spaces, '%', '?', '#' or a leading dot, e.g. `/articles/old-slug/`; write other characters unencoded (`/文章/`)"
                ))
        }
        if reservedFolders.contains(segments[0].lowercased()) {
            return .failure(
                .error(
                    at: location, "alias '\(text)' is inside /\(segments[0])/, where Broadsheet writes its own files",
                    hint: "remove this alias; addresses under /assets/, /search/ and /data/ belong to the generated site"))
        }
        if let last = segments.last, last.lowercased().hasSuffix(".html") {
            return .success(SitePath(file: segments.joined(separator: "/")))
        }
        return .success(SitePath(pageSegments: segments))
    }
}
