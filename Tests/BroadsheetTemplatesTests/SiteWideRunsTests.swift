import BroadsheetCore
@testable import BroadsheetTemplates
import Foundation
import Testing

@Suite("Site-wide lines: which lines are rendered once")
struct SiteWideRunsFinderTests {
    @Test("Consecutive lines of site values form one run; a page value ends it")
    func runsStopAtPageValues() {
        let text = """
            <title>{{meta.title}}</title>
            <header>
              <a href="{{site.homeHref}}">{{site.title}}</a>
              {{#site.subtitle}}<p>{{site.subtitle}}</p>{{/site.subtitle}}
            </header>
            <main>{{meta.body}}</main>

            """
        let runs = SiteWideRuns.find(in: text)
        #expect(runs.map(\.lines) == [1..<5])
        #expect(runs.first?.text.hasPrefix("<header>\n") == true)
        #expect(runs.first?.text.hasSuffix("</header>\n") == true)
    }

    @Test("A section over a site value may span lines, and names inside it are the section's")
    func multiLineSection() {
        let text = """
            <ul>
            {{#site.menu}}
            <li><a href="{{href}}"{{#isCurrent}} aria-current="page"{{/isCurrent}}>{{title}}</a></li>
            {{/site.menu}}
            </ul>
            {{page}}

            """
        #expect(SiteWideRuns.find(in: text).map(\.lines) == [0..<5])
    }

    @Test("A section over a page value, parents, blocks and dynamic partials are never in a run")
    func refusedTags() {
        let pageSection = "{{#meta.image}}\n{{site.title}} {{site.homeHref}}\n{{/meta.image}}\n"
        #expect(SiteWideRuns.find(in: pageSection).isEmpty)
        let block = "{{site.title}} {{site.homeHref}}\n{{$main}}{{/main}}\n{{site.title}}\n"
        #expect(SiteWideRuns.find(in: block).map(\.lines) == [0..<1])
        let dynamic = "{{site.title}} {{>*site.partial}}\n"
        #expect(SiteWideRuns.find(in: dynamic).isEmpty)
        let transform = "{{uppercased(site.title)}} {{site.homeHref}}\n"
        #expect(SiteWideRuns.find(in: transform).isEmpty)
    }

    @Test("Templates the finder cannot read safely have no runs")
    func refusedTemplates() {
        #expect(SiteWideRuns.find(in: "{{=<% %>=}}\n<%site.title%> <%site.homeHref%>\n").isEmpty)
        #expect(SiteWideRuns.find(in: "{{site.title}} {{site.homeHref}}\r\n").isEmpty)
        #expect(SiteWideRuns.find(in: "{{! a comment\nover two lines }}\n{{site.title}} {{site.homeHref}}\n").isEmpty)
        // The last line has no newline to print after the run's text.
        #expect(SiteWideRuns.find(in: "{{site.title}} {{site.homeHref}}").isEmpty)
    }

    @Test("A single site value is not worth a run; a partial is")
    func threshold() {
        #expect(SiteWideRuns.find(in: "<html lang=\"{{site.language}}\">\n").isEmpty)
        #expect(SiteWideRuns.find(in: "  {{>partials/search-box}}\n").map(\.lines) == [0..<1])
    }

    @Test("Only templates rendered at the top of a page's values hold runs")
    func hosts() {
        let sources = templateSources([
            "base": "{{site.title}}\n",
            "page": "{{<base}}{{/base}}\n",
            "inSection": "{{#items}}{{<framed}}{{/framed}}{{/items}}\n",
            "framed": "{{site.title}}\n",
            "indented": "  {{<shifted}}{{/shifted}}\n",
            "shifted": "{{site.title}}\n",
            "partials/box": "{{site.title}}\n",
            "usesBox": "{{>partials/box}}\n",
        ])
        let hosts = SiteWideTemplates.hosts(sources)
        #expect(hosts.contains("base"))
        #expect(hosts.contains("page"))
        #expect(!hosts.contains("framed"))
        #expect(!hosts.contains("shifted"))
        #expect(!hosts.contains("partials/box"))
    }
}

@Suite("Site-wide lines: rendered once, the same output")
struct SiteWideRenderTests {
    struct MenuItem: Encodable {
        var title: String
        var href: String
        var isCurrent: Bool
    }
    struct Site: Encodable {
        var title: String
        var subtitle: String?
        var menu: [MenuItem]
        var year: Int
    }
    struct Page<SiteValue: Encodable>: Encodable {
        var site: SiteValue
        var title: String
        var body: String
    }

    static let templates = [
        "base": """
            <!doctype html>
            <title>{{title}} — {{site.title}}</title>
            <header>
              <a href="/">{{site.title}}</a>
              {{#site.subtitle}}<p>{{site.subtitle}}</p>{{/site.subtitle}}
              <nav>
                {{#site.menu}}
                <a href="{{href}}"{{#isCurrent}} aria-current="page"{{/isCurrent}}>{{title}}</a>
                {{/site.menu}}
              </nav>
              {{>partials/search}}
            </header>
            <main>
            {{$main}}{{/main}}
            </main>
            <footer>© {{site.year}} {{site.title}}</footer>
            <script src="/a.js"></script>

            """,
        "partials/search": "<form action=\"/search/\">\n  <label>Search {{site.title}}</label>\n</form>\n",
        "article": "{{<base}}{{$main}}<h1>{{title}}</h1>\n{{{body}}}{{/main}}{{/base}}\n",
    ]

    static func site(current: Int?) -> Site {
        Site(
            title: "The <Ledger>", subtitle: nil,
            menu: ["Archive", "Topics"].enumerated().map { index, title in
                MenuItem(title: title, href: "/\(title.lowercased())/", isCurrent: index == current)
            }, year: 2024)
    }

    @Test("Pages render the same with a shared site as with a plain one, for every menu section")
    func sameOutput() throws {
        let set = try #require(loadTemplates(Self.templates).0)
        #expect(set.siteWide?.runs.count == 2)
        for current in [nil, 0, 1] {
            let plain = try set.render("article", Page(site: Self.site(current: current), title: "A & B", body: "<p>x</p>"))
            let shared = try set.shared(Self.site(current: current))
            #expect(shared.encoded[TemplateSet.runsTokenKey] != nil)
            let folded = try set.render("article", Page(site: shared, title: "A & B", body: "<p>x</p>"))
            #expect(folded == plain)
            #expect(folded.contains("<a href=\"/archive/\" aria-current=\"page\">") == (current == 0))
            #expect(folded.contains("<label>Search The &lt;Ledger&gt;</label>"))
        }
    }

    @Test("The stored text is what the page shows: the lines are not rendered per page")
    func textComesFromTheSharedValue() throws {
        let set = try #require(loadTemplates(Self.templates).0)
        var shared = try set.shared(Self.site(current: nil))
        var encoded = shared.encoded
        let key = TemplateSet.runKey(1)
        encoded[key] = TemplateText("<footer>changed</footer>")
        shared = SharedTemplateValue(encoded: encoded)
        let page = try set.render("article", Page(site: shared, title: "T", body: ""))
        #expect(page.contains("<footer>changed</footer>\n"))
        #expect(!page.contains("© 2024"))
        #expect(!page.contains("<script"))
    }

    @Test("A name a run finds only among the page's values disables the shortcut, and the page renders as written")
    func fallThroughToPageValues() throws {
        struct Link: Encodable { var href: String }
        struct LinkSite: Encodable { var links: [Link] }
        let templates = [
            "page": "<nav>\n{{#site.links}}\n<a href=\"{{href}}\">{{title}}</a>\n{{/site.links}}\n</nav>\n<p>{{title}}</p>\n"
        ]
        let set = try #require(loadTemplates(templates).0)
        #expect(set.siteWide != nil)
        let site = LinkSite(links: [Link(href: "/a/")])
        let shared = try set.shared(site)
        #expect(shared.encoded[TemplateSet.runsTokenKey] == nil)
        let first = try set.render("page", Page(site: shared, title: "First", body: ""))
        let second = try set.render("page", Page(site: shared, title: "Second", body: ""))
        #expect(first.contains("<a href=\"/a/\">First</a>"))
        #expect(second.contains("<a href=\"/a/\">Second</a>"))
        #expect(first == (try set.render("page", Page(site: site, title: "First", body: ""))))
    }

    @Test("A typo inside a site-wide section is still an error at its line")
    func typoStillReported() throws {
        let templates = [
            "page": "<nav>\n{{#site.menu}}\n<a href=\"{{href}}\">{{titel}}</a>\n{{/site.menu}}\n</nav>\n"
        ]
        let set = try #require(loadTemplates(templates).0)
        let shared = try set.shared(Self.site(current: nil))
        do {
            _ = try set.render("page", Page(site: shared, title: "T", body: ""))
            Issue.record("expected an unknown-key error")
        } catch {
            #expect(error.message.contains("unknown key 'titel'"))
            #expect(error.location.line == 3)
        }
    }

    @Test("A shared value made by another template set renders every line as written")
    func otherSetsValue() throws {
        let set = try #require(loadTemplates(Self.templates).0)
        let other = try #require(loadTemplates(Self.templates).0)
        let shared = try other.shared(Self.site(current: 1))
        let page = try set.render("article", Page(site: shared, title: "T", body: ""))
        #expect(page == (try set.render("article", Page(site: Self.site(current: 1), title: "T", body: ""))))
    }
}
