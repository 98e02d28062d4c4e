import BroadsheetContent
import BroadsheetFacts
import Foundation
import Testing

@testable import BroadsheetSearch

/// The report's own index: Chinese terms found exactly (precision and recall of bigram
/// matching against the entries' text), and the English names readers type.
@Suite("Search over the report")
struct ReportSearchTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let index: SearchIndex? = {
        let (content, _) = ContentLoader.load(root: root)
        let (facts, _) = FactBookLoader.load(root: root)
        guard let content, let facts else { return nil }
        let (site, _) = SiteResolver.resolve(content, facts: facts, options: SiteResolver.Options())
        return site.map { SearchIndex(site: $0) }
    }()

    /// Every Chinese term of the report (docs/search.md records the result).
    static let chineseTerms = [
        "淘宝", "微信支付", "支付宝", "来往", "腾讯", "微信", "工信部", "财新", "红网", "胡锡进", "屏蔽", "网址链接", "互通",
        "淘宝支持微信支付", "限期解除屏蔽网址链接",
    ]

    @Test("Chinese terms find exactly the entries containing them", arguments: chineseTerms)
    func chinesePrecision(term: String) throws {
        let index = try #require(Self.index)
        let found = Set(index.entryNumbers(matching: term))
        let containing = Set((0..<index.entryCount).filter { index.text(ofEntry: $0).contains(term) })
        #expect(!containing.isEmpty, "the report no longer mentions \(term)")
        #expect(found == containing, "\(term): found \(found.sorted()), containing \(containing.sorted())")
    }

    @Test("names readers type find their entries", arguments: ["Laiwang", "QuickPass", "wechat pay", "Alipay", "antitrust"])
    func names(query: String) throws {
        let index = try #require(Self.index)
        let found = index.entryNumbers(matching: query)
        #expect(!found.isEmpty)
        let words = query.lowercased().split(separator: " ")
        for number in found {
            let text = index.text(ofEntry: number).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            #expect(words.allSatisfy { text.lowercased().contains($0) }, "\(query) matched entry \(number) without the words")
        }
    }

    @Test("the last word matches as a prefix while typing")
    func prefix() throws {
        let index = try #require(Self.index)
        #expect(index.entryNumbers(matching: "Laiw") == index.entryNumbers(matching: "Laiwang"))
        #expect(index.entryNumbers(matching: "zzzzqx").isEmpty)
    }
}
