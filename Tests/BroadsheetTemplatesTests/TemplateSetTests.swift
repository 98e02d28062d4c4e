import BroadsheetCore
@testable import BroadsheetTemplates
import Foundation
import Testing

/// Templates keyed by name, as files under `Templates/`.
func templateSources(_ texts: [String: String]) -> [String: SourceFile] {
    texts.reduce(into: [:]) { result, item in
        result[item.key] = SourceFile(path: "Templates/\(item.key).mustache", text: item.value)
    }
}

/// Loads texts keyed by template name.
func loadTemplates(_ texts: [String: String]) -> (TemplateSet?, [Diagnostic]) {
    TemplateSet.load(sources: templateSources(texts), folder: "Templates")
}

/// A page's view: a plain struct of stored properties.
struct PageView: Encodable {
    struct Item: Encodable {
        var name: String
        var url: String
    }
    var siteName: String
    var title: String
    var items: [Item]
    var bodyHTML: String
    var showFooter: Bool
}

@Suite("TemplateSet: rendering")
struct TemplateRenderTests {
    static let site: [String: String] = [
        "base": """
        <!doctype html>
        <html>
        <head><title>{{$title}}{{siteName}}{{/title}}</title></head>
        <body>
        {{> partials/header}}
        <main>{{$main}}(no content){{/main}}</main>
        {{#showFooter}}
        {{> partials/footer}}
        {{/showFooter}}
        </body>
        </html>

        """,
        "partials/header": "<header><a href=\"/\">{{siteName}}</a></header>\n",
        "partials/footer": "<footer>© {{siteName}}</footer>\n",
        "list": """
        {{<base}}
        {{$title}}{{title}} – {{siteName}}{{/title}}
        {{$main}}<h1>{{title}}</h1><ul>{{#items}}<li><a href="{{url}}">{{name}}</a></li>{{/items}}</ul>{{{bodyHTML}}}{{/main}}
        {{/base}}

        """,
        "plain": "{{<base}}{{/base}}",
        "email": "{{% CONTENT_TYPE: TEXT}}Hello {{title}} & <friends>\n",
    ]

    static let view = PageView(
        siteName: "Broadsheet",
        title: "Fines & <rulings>",
        items: [PageView.Item(name: "Alibaba", url: "/a/"), PageView.Item(name: "Tencent \"WeChat\"", url: "/t/?x=1&y=2")],
        bodyHTML: "<p>ours</p>",
        showFooter: true)

    func templates() throws -> TemplateSet {
        let (set, diagnostics) = loadTemplates(Self.site)
        #expect(diagnostics.isEmpty)
        return try #require(set)
    }

    @Test("names are sorted paths without .mustache")
    func names() throws {
        let set = try templates()
        #expect(set.names == ["base", "email", "list", "partials/footer", "partials/header", "plain"])
        #expect(set.folder == "Templates")
        #expect(set.contains("partials/header"))
        #expect(!set.contains("missing"))
    }

    @Test("inheritance, blocks, partials and sections render the expected text")
    func inheritance() throws {
        let html = try templates().render("list", Self.view)
        #expect(
            html == """
                <!doctype html>
                <html>
                <head><title>Fines &amp; &lt;rulings&gt; – Broadsheet</title></head>
                <body>
                <header><a href="/">Broadsheet</a></header>
                <main><h1>Fines &amp; &lt;rulings&gt;</h1><ul><li><a href="/a/">Alibaba</a></li><li><a href="/t/?x=1&amp;y=2">Tencent &quot;WeChat&quot;</a></li></ul><p>ours</p></main>
                <footer>© Broadsheet</footer>
                </body>
                </html>

                """)
    }

    @Test("a child that overrides nothing gets the parent's defaults; a false section hides its partial")
    func defaults() throws {
        var view = Self.view
        view.showFooter = false
        let html = try templates().render("plain", view)
        #expect(html.contains("<title>Broadsheet</title>"))
        #expect(html.contains("<main>(no content)</main>"))
        #expect(!html.contains("<footer>"))
    }

    @Test("{{x}} escapes & < > \" ' and {{{x}}} and {{&x}} do not")
    func escaping() throws {
        struct View: Encodable { var x: String }
        let (set, diagnostics) = loadTemplates(["t": "{{x}}|{{{x}}}|{{& x}}"])
        #expect(diagnostics.isEmpty)
        let text = try #require(set).render("t", View(x: #"<a href="x">Tom & Jerry's</a>"#))
        #expect(
            text
                == #"&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;|<a href="x">Tom & Jerry's</a>|<a href="x">Tom & Jerry's</a>"#
        )
    }

    @Test("a text template does not escape")
    func textContentType() throws {
        let text = try templates().render("email", Self.view)
        #expect(text == "Hello Fines & <rulings> & <friends>\n")
    }

    @Test("numbers, booleans, nested structs, empty lists and loop helpers")
    func valueKinds() throws {
        struct Inner: Encodable { var label: String }
        struct View: Encodable {
            var count: Int
            var share: Double
            var flag: Bool
            var inner: Inner
            var empty: [Inner]
            var list: [String]
        }
        let (set, diagnostics) = loadTemplates([
            "t":
                "{{count}}|{{share}}|{{#flag}}yes{{/flag}}|{{inner.label}}|{{^empty}}none{{/empty}}|{{#list}}{{.}}{{^last()}}, {{/last()}}{{/list}}"
        ])
        #expect(diagnostics.isEmpty)
        let view = View(count: 3, share: 55.5, flag: true, inner: Inner(label: "in"), empty: [], list: ["a", "b", "c"])
        #expect(try #require(set).render("t", view) == "3|55.5|yes|in|none|a, b, c")
    }

    @Test("strings wrapped as TemplateText render exactly like plain strings")
    func wrappedTextRendersLikeString() throws {
        struct Item: Encodable {
            var name: String
            var note: String
        }
        struct View: Encodable {
            var title: String
            var empty: String
            var note: String
            /// The name of TemplateText's own property: inside a string section it must come from here.
            var text: String
            var tags: [String]
            var items: [Item]
            var when: Date
            var link: URL
        }
        let template = """
            {{title}}|{{{title}}}|{{&title}}|{{#title}}[{{.}}:{{note}}:{{text}}]{{/title}}|{{^title}}no{{/title}}|\
            {{#empty}}<{{.}}>{{/empty}}|{{^empty}}empty is falsy{{/empty}}|{{uppercased(title)}}|\
            {{lowercased(title)}}|{{capitalized(note)}}|{{reversed(note)}}|{{#empty(empty)}}E{{/empty(empty)}}|\
            {{#tags}}{{.}}{{^last()}},{{/last()}}{{/tags}}|{{#items}}{{name}}={{note}};{{/items}}|\
            {{#items}}{{#name}}{{title}}/{{.}}{{/name}}{{/items}}|{{when}}|{{link}}
            """
        let (set, diagnostics) = loadTemplates(["t": template])
        #expect(diagnostics.isEmpty)
        let templates = try #require(set)
        let view = View(
            title: "Fines & <Rulings>", empty: "", note: "outer note", text: "outer text", tags: ["a&b", "c"],
            items: [Item(name: "x", note: "first"), Item(name: "y", note: "")],
            when: Date(timeIntervalSince1970: 1_600_000_000), link: URL(string: "https://example.org/a?b=1&c=2")!)
        let plain = try templates.render("t", view, wrapsText: false)
        let wrapped = try templates.render("t", view, wrapsText: true)
        #expect(wrapped == plain)
        #expect(plain.hasPrefix("Fines &amp; &lt;Rulings&gt;|Fines & <Rulings>|Fines & <Rulings>|[Fines &amp; &lt;Rulings&gt;:outer note:outer text]||"))
    }

    @Test("a partial named by a value ({{>*name}}) works: such template sets keep plain strings")
    func dynamicPartial() throws {
        struct View: Encodable { var which: String }
        let (set, diagnostics) = loadTemplates(["t": "<{{>*which}}>", "partials/a": "A", "partials/b": "B"])
        #expect(diagnostics.isEmpty)
        #expect(try #require(set).render("t", View(which: "partials/b")) == "<B>")
        #expect(TemplateSet.mayUseDynamicPartial("{{> *name}}"))
        #expect(TemplateSet.mayUseDynamicPartial("{{=<% %>=}}<%>*name%>"))
        #expect(!TemplateSet.mayUseDynamicPartial("{{>partials/card}} {{#a}}*{{/a}} > b"))
    }

    @Test("a nil optional renders as nothing and does not fall through to an outer value of the same name")
    func nilOptional() throws {
        struct Item: Encodable {
            var title: String
            var url: String?
        }
        struct View: Encodable {
            var url: String
            var items: [Item]
        }
        let (set, diagnostics) = loadTemplates(["t": "{{#items}}[{{title}}:{{url}}]{{/items}}"])
        #expect(diagnostics.isEmpty)
        let view = View(url: "/page/", items: [Item(title: "a", url: "/a/"), Item(title: "b", url: nil)])
        let text = try #require(set).render("t", view)
        #expect(text == "[a:/a/][b:]")
        #expect(text.hasPrefix("[a:/a/][b:"))
    }

    @Test("rendering an unknown template is an error at its would-be path")
    func renderMissing() throws {
        let set = try templates()
        #expect(
            throws: Diagnostic.error(
                at: SourceLocation(path: "Templates/nope.mustache"), "the template 'nope' is missing",
                hint: "create Templates/nope.mustache")
        ) {
            try set.render("nope", Self.view)
        }
    }

    @Test("require lists every missing template, in the order asked")
    func requireReportsMissing() throws {
        let set = try templates()
        #expect(set.require(["base", "list"]).isEmpty)
        let missing = set.require(["page", "base", "feed"])
        #expect(
            missing.map(\.description) == [
                "Templates/page.mustache: error: the template 'page' is missing",
                "Templates/feed.mustache: error: the template 'feed' is missing",
            ])
        #expect(missing.first?.hint == "create Templates/page.mustache; every site needs: page, base, feed")
    }

    @Test("the folder-based loader reads subfolders and skips assets/")
    func loadFromDisk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer {
            do { try FileManager.default.removeItem(at: root) } catch { Issue.record("cannot clean up: \(error)") }
        }
        let files = [
            "Templates/page.mustache": "{{> partials/head}}<p>{{title}}</p>",
            "Templates/partials/head.mustache": "<h1>{{siteName}}</h1>",
            "Templates/assets/not-a-template.mustache": "{{#broken}}",
            "Templates/notes.txt": "{{#also-ignored}}",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let (set, diagnostics) = TemplateSet.load(root: root)
        #expect(diagnostics.isEmpty)
        let templates = try #require(set)
        #expect(templates.names == ["page", "partials/head"])
        #expect(try templates.render("page", Self.view) == "<h1>Broadsheet</h1><p>Fines &amp; &lt;rulings&gt;</p>")

        // No folder is no error: a site may have no templates of its own.
        let (empty, noFolder) = TemplateSet.load(root: root, folder: "Themes")
        #expect(noFolder.isEmpty)
        #expect(try #require(empty).names.isEmpty)
    }

    @Test("the site's templates replace a theme's of the same name, partials included; the theme supplies the rest")
    func overlay() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        defer {
            do { try FileManager.default.removeItem(at: root) } catch { Issue.record("cannot clean up: \(error)") }
        }
        let url = root.appendingPathComponent("Templates/partials/head.mustache")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "<h2>{{siteName}}</h2>".write(to: url, atomically: true, encoding: .utf8)
        let theme = [
            "page": SourceFile(path: "<theme>/page.mustache", text: "{{> partials/head}}<p>{{title}}</p>"),
            "partials/head": SourceFile(path: "<theme>/partials/head.mustache", text: "<h1>{{siteName}}</h1>"),
        ]
        let (set, diagnostics) = TemplateSet.load(root: root, theme: theme)
        #expect(diagnostics.isEmpty)
        let templates = try #require(set)
        #expect(templates.names == ["page", "partials/head"])
        #expect(try templates.render("page", Self.view) == "<h2>Broadsheet</h2><p>Fines &amp; &lt;rulings&gt;</p>")
    }
}

@Suite("TemplateSet: errors")
struct TemplateErrorTests {
    struct SyntaxCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var line: Int
        /// 1-based, as swift-mustache reports it and as every other column in Broadsheet is.
        var column: Int
        var message: String
        var hint: String
        var testDescription: String { name }
        var expected: String { "Templates/page.mustache:\(line):\(column): error: template syntax error: \(message)" }
    }

    static let syntaxCases: [SyntaxCase] = [
        SyntaxCase(
            name: "a section closed with the wrong name (column of the wrong name)",
            text: "<ul>\n  <li>{{#items}}{{name}}{{/item}}</li>\n</ul>\n", line: 2, column: 28,
            message: "a section is closed with the wrong name",
            hint: "make {{/name}} match the {{#name}} or {{^name}} it closes"),
        SyntaxCase(
            name: "a section closed with the wrong name on the first line",
            text: "{{#a}}x{{/b}}", line: 1, column: 11,
            message: "a section is closed with the wrong name",
            hint: "make {{/name}} match the {{#name}} or {{^name}} it closes"),
        SyntaxCase(
            name: "an unclosed section is reported just past the end of the file",
            text: "<p>\n{{#items}}\n{{name}}\n</p>", line: 4, column: 5,
            message: "a section is never closed (reported at the end of the file)",
            hint: "add the missing {{/name}}"),
        SyntaxCase(
            name: "an unfinished tag, at the character that ends the name",
            text: "<p>\n<b>{{title</b>\n", line: 2, column: 11,
            message: "a tag is not finished",
            hint: "close the tag with }} (or }}} for {{{…}}})"),
        SyntaxCase(
            name: "an invalid set-delimiter tag",
            text: "{{=<% %>=}}\n<%.%>\n<%={{}}=%>", line: 3, column: 4,
            message: "invalid set-delimiter tag",
            hint: "write it as {{=<% %>=}}"),
    ]

    @Test("a syntax error names the template's path, line and column", arguments: syntaxCases)
    func syntaxError(_ testCase: SyntaxCase) throws {
        let (set, diagnostics) = loadTemplates(["base": "{{$x}}{{/x}}", "page": testCase.text])
        #expect(set == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.location.path == "Templates/page.mustache")
        #expect(diagnostic.location.line == testCase.line)
        #expect(diagnostic.message == "template syntax error: \(testCase.message)")
        #expect(diagnostic.hint == testCase.hint)
        #expect(diagnostic.description == testCase.expected)
    }

    @Test("every broken template is reported, not just the first")
    func severalSyntaxErrors() {
        let (set, diagnostics) = loadTemplates(["a": "{{#x}}", "b": "ok", "c": "{{y"])
        #expect(set == nil)
        #expect(diagnostics.map(\.location.path) == ["Templates/a.mustache", "Templates/c.mustache"])
    }

    @Test("a missing partial is an error at the referencing line, with did-you-mean")
    func missingPartial() {
        let (set, diagnostics) = loadTemplates([
            "page": "<body>\n  <nav>{{> partials/heder}}</nav>\n</body>\n",
            "partials/header": "<header></header>",
        ])
        #expect(set == nil)
        #expect(
            diagnostics.map(\.description) == [
                "Templates/page.mustache:2:8: error: the partial 'partials/heder' does not exist"
            ])
        #expect(diagnostics.first?.hint == "did you mean 'partials/header'?")
    }

    @Test("a missing partial with nothing close says which file to create")
    func missingPartialFallback() {
        let (_, diagnostics) = loadTemplates(["page": "{{>sidebar}}"])
        #expect(diagnostics.map(\.description) == ["Templates/page.mustache:1:1: error: the partial 'sidebar' does not exist"])
        #expect(diagnostics.first?.hint == "create Templates/sidebar.mustache")
    }

    @Test("a missing parent template is a missing partial too")
    func missingParent() {
        let (_, diagnostics) = loadTemplates(["page": "x\n{{< layout }}{{$a}}b{{/a}}{{/layout}}"])
        #expect(diagnostics.map(\.description) == ["Templates/page.mustache:2:1: error: the partial 'layout' does not exist"])
    }

    @Test("every missing partial of every template is reported")
    func manyMissingPartials() {
        let (_, diagnostics) = loadTemplates(["a": "{{>x}} {{> y}}\n{{>x}}", "b": "{{>z}}"])
        #expect(
            diagnostics.map(\.location.description) == [
                "Templates/a.mustache:1:1", "Templates/a.mustache:1:8", "Templates/a.mustache:2:1", "Templates/b.mustache:1:1",
            ])
    }

    @Test("recursive partials a → b → a are one error")
    func recursivePartials() {
        let (set, diagnostics) = loadTemplates(["a": "A{{> b}}", "b": "B\n  {{> a}}"])
        #expect(set == nil)
        #expect(diagnostics.map(\.description) == ["Templates/b.mustache:2:3: error: recursive partials: a → b → a"])
        #expect(diagnostics.first?.hint == "a partial may not include itself, directly or through others")
    }

    @Test("a partial that includes itself is an error")
    func selfRecursion() {
        let (_, diagnostics) = loadTemplates(["tree": "<li>{{#children}}{{> tree}}{{/children}}</li>"])
        #expect(diagnostics.map(\.description) == ["Templates/tree.mustache:1:18: error: recursive partials: tree → tree"])
    }

    @Test("a longer cycle is found once, and templates that only use it are not blamed")
    func longerCycle() {
        let (_, diagnostics) = loadTemplates(["a": "{{>b}}", "b": "{{>c}}", "c": "{{>a}}", "page": "{{>a}}"])
        #expect(diagnostics.map(\.description) == ["Templates/c.mustache:1:1: error: recursive partials: a → b → c → a"])
    }

    @Test("a partial used twice is not a cycle")
    func diamond() throws {
        struct View: Encodable { var x: Int }
        let (set, diagnostics) = loadTemplates(["page": "{{>l}}{{>r}}", "l": "L{{>leaf}}", "r": "R{{>leaf}}", "leaf": "{{x}}"])
        #expect(diagnostics.isEmpty)
        #expect(try #require(set).render("page", View(x: 1)) == "L1R1")
    }

    @Test("triple mustaches, comments and other tags are not partial references")
    func notReferences() {
        let (set, diagnostics) = loadTemplates(["page": "{{{raw}}} {{! a comment }} {{#a}}{{/a}} {{^b}}{{/b}} {{&c}}"])
        #expect(diagnostics.isEmpty)
        #expect(set != nil)
    }
}
