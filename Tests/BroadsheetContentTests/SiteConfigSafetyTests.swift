import BroadsheetCore
import Testing

@testable import BroadsheetContent

/// site.yaml values that reach attributes, links and feeds: base URL, language, menu links.
@Suite("site.yaml safety")
struct SiteConfigSafetyTests {
    static func config(baseURL: String = "https://example.org/", language: String = "en", menuURL: String = "/about/")
        -> String
    {
        """
        title: T
        description: D
        baseURL: '\(baseURL.replacingOccurrences(of: "'", with: "''"))'
        language: '\(language.replacingOccurrences(of: "'", with: "''"))'
        author: A
        publisher: P
        menu:
          - title: M
            url: '\(menuURL.replacingOccurrences(of: "'", with: "''"))'
        """
    }

    static func messages(_ text: String, override: String? = nil) -> [String] {
        SiteConfigLoader.load(SourceFile(path: "Content/site.yaml", text: text), baseURLOverride: override).1.map(\.description)
    }

    @Test(
        "unsafe base URLs are refused at their line, whatever the trick",
        arguments: [
            ("https://x.example/\"><script>alert(1)</script>", "contains a quote, which a URL cannot hold"),
            ("https://x.example/'onmouseover='alert(1)", "contains a quote, which a URL cannot hold"),
            ("https://x.example/<img>", "contains an angle bracket, which a URL cannot hold"),
            ("https://x.example/a b/", "contains a space, which a URL cannot hold"),
            ("https://x.example/\u{1B}[2J", "contains a control character, which a URL cannot hold"),
            ("https://x.example/\u{85}", "contains a control character, which a URL cannot hold"),
            ("https://x.example/a\u{3000}b", "contains a space, which a URL cannot hold"),
            ("https://x.example/100%", "contains a '%' that starts no %XX escape, which a URL cannot hold"),
            ("https://例子.example/", "contains '例', which a URL cannot hold"),
            ("https://x.example/`", "contains '`', which a URL cannot hold"),
            ("javascript:alert(1)", "is not an absolute http(s) URL"),
            ("https:///path-only", "is not an absolute http(s) URL"),
            ("//x.example/", "is not an absolute http(s) URL"),
            ("https://x.example/#top", "must not have a query, a fragment or a user name"),
            ("https://user:pw@x.example/", "must not have a query, a fragment or a user name"),
        ])
    func unsafeBaseURLs(_ url: String, _ problem: String) {
        // YAML itself refuses control characters, so those come in through --base-url.
        let viaFile = !url.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        let messages = viaFile ? Self.messages(Self.config(baseURL: url)) : Self.messages(Self.config(), override: url)
        let prefix = viaFile ? "Content/site.yaml:3:10: error: baseURL '" : "--base-url: error: baseURL '"
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix(prefix) == true, "\(messages)")
        #expect(messages.first?.hasSuffix(problem) == true, "\(messages)")
    }

    @Test("--base-url is checked the same way and reported at the flag")
    func overrideIsChecked() {
        let messages = Self.messages(Self.config(), override: "https://example.org/\"><script>")
        #expect(
            messages == [
                "--base-url: error: baseURL 'https://example.org/\"><script>' contains a quote, which a URL cannot hold"
            ])
        #expect(Self.messages(Self.config(), override: "http://127.0.0.1:4000/").isEmpty)
    }

    @Test(
        "good base URLs pass",
        arguments: ["https://example.org", "http://127.0.0.1:4000/", "https://x.example/a%20b/r~e_p-o.rt/"])
    func goodBaseURLs(_ url: String) {
        #expect(Self.messages(Self.config(baseURL: url)).isEmpty)
    }

    @Test(
        "language must be a BCP 47 tag",
        arguments: [
            ("en", true), ("EN-gb", true), ("zh-Hant-TW", true), ("sr-Latn-RS", true), ("es-419", true), ("x-klingon", true),
            ("i-navajo", true), ("en\"><script>", false), ("zh_CN", false), ("e", false), ("en-", false), ("-en", false),
            ("en--gb", false), ("english-language", true), ("toolongtag-x", false), ("en-GB-abcdefghi", false), ("中文", false),
            ("en gb", false), ("x", false),
        ])
    func languages(_ tag: String, _ valid: Bool) {
        let messages = Self.messages(Self.config(language: tag))
        if valid {
            #expect(messages.isEmpty, "\(messages)")
        } else {
            #expect(messages == ["Content/site.yaml:4:11: error: language '\(tag)' is not a BCP 47 language tag"])
        }
    }

    @Test("protocol-relative menu links are refused", arguments: ["//evil.example/", "///evil.example", "/\\evil.example/"])
    func protocolRelativeMenu(_ url: String) {
        #expect(
            Self.messages(Self.config(menuURL: url)) == [
                "Content/site.yaml:9:10: error: menu url '\(url)' is protocol-relative: it leads to another site"
            ])
    }

    @Test(
        "other schemes in the menu are refused",
        arguments: ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "file:///etc"])
    func unsafeSchemes(_ url: String) {
        #expect(
            Self.messages(Self.config(menuURL: url)) == [
                "Content/site.yaml:9:10: error: menu url '\(url)' must start with / or http(s)://"
            ])
    }
}
