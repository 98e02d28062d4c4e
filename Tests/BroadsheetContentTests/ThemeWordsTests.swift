import BroadsheetCore
import Testing

@testable import BroadsheetContent

/// site.yaml's `words:`: the theme's own words in a publication's voice.
@Suite("Theme words")
struct ThemeWordsTests {
    static let required = "title: T\ndescription: D\nbaseURL: https://example.org/\nlanguage: en\nauthor: A\npublisher: P\n"

    static func load(_ extra: String) -> (SiteConfig?, [String]) {
        let (config, diagnostics) = SiteConfigLoader.load(SourceFile(path: "Content/site.yaml", text: required + extra))
        return (config, diagnostics.map(\.description))
    }

    @Test("without words: the theme's defaults, with no kicker")
    func defaults() throws {
        let (config, messages) = Self.load("")
        #expect(messages.isEmpty)
        let words = try #require(config).words
        #expect(words.kicker == nil)
        #expect([words.lead, words.leadLink, words.latest, words.search] == ["Featured", "Read the article", "Latest", "Search this site"])
    }

    @Test("each word can be set; the others keep their defaults")
    func overrides() throws {
        let (config, messages) = Self.load("words:\n  kicker: 一份报告\n  latest: 最新\n")
        #expect(messages.isEmpty)
        let words = try #require(config).words
        #expect(words.kicker == "一份报告")
        #expect(words.latest == "最新")
        #expect(words.lead == "Featured")
    }

    @Test("a misspelt word is reported at its line with a did-you-mean, and not a list")
    func misspelt() {
        let (_, messages) = Self.load("words:\n  kiker: Report\n")
        #expect(messages == ["Content/site.yaml:8:3: warning: unknown key 'kiker' in words is ignored"])
        let (_, wrongShape) = Self.load("words: [a, b]\n")
        #expect(wrongShape.count == 1)
        #expect(wrongShape.first?.hasPrefix("Content/site.yaml:7:8: error:") == true)
    }
}
