import BroadsheetDocument
import Testing

/// Build-time highlighting, one sample per language family: which pieces get which class.
@Suite("Code highlighting")
struct CodeHighlighterTests {
    /// The sample's pieces as `kind:text`, plain text left out.
    private func marked(_ code: String, _ language: String) -> [String] {
        (CodeHighlighter.highlight(code, language: language) ?? []).compactMap { piece in
            piece.kind.map { "\($0.rawValue):\(piece.text)" }
        }
    }

    @Test(
        "each language's keywords, strings, comments, numbers, types and keys",
        arguments: [
            (
                "swift", "let s: String = \"a\\\"b\" // note\n/* block */ 0x1F",
                ["k:let", "t:String", "s:\"a\\\"b\"", "c:// note", "c:/* block */", "n:0x1F"]
            ),
            ("js", "const a = `x\n${y}` // c\nawait f(1.5e3)", ["k:const", "s:`x\n${y}`", "c:// c", "k:await", "n:1.5e3"]),
            ("ts", "interface P { id: number }", ["k:interface", "t:P", "k:number"]),
            (
                "python", "def f(x):\n    \"\"\"Doc.\"\"\"\n    return None  # done",
                ["k:def", "s:\"\"\"Doc.\"\"\"", "k:return", "k:None", "c:# done"]
            ),
            (
                "json", "{\"key\": \"value\", \"n\": -1.5, \"ok\": true}",
                ["a:\"key\"", "s:\"value\"", "a:\"n\"", "n:-1.5", "a:\"ok\"", "k:true"]
            ),
            (
                "yaml", "# facts\n- id: wire-2021\n  date: 2021-09 # month\n  ok: true",
                ["c:# facts", "a:id", "a:date", "n:2021-09", "c:# month", "a:ok", "k:true"]
            ),
            (
                "sh", "export A=1 # set\necho \"$HOME\" ${B} a#b",
                ["k:export", "n:1", "c:# set", "k:echo", "s:\"$HOME\"", "a:${B}"]
            ),
            (
                "html", "<a href=\"/x\" class='y'>t</a><!-- c -->",
                ["t:<a", "a:href", "s:\"/x\"", "a:class", "s:'y'", "t:>", "t:</a>", "c:<!-- c -->"]
            ),
            (
                "css", "@media (x) { a:hover { color: #fff; margin: 0 2px } }",
                ["k:@media", "a:color", "n:#fff", "a:margin", "n:0", "n:2px"]
            ),
            ("sql", "SELECT id FROM t WHERE n > 2 -- c", ["k:SELECT", "k:FROM", "k:WHERE", "n:2", "c:-- c"]),
            ("go", "func main() { var s string = `raw` }", ["k:func", "k:var", "k:string", "s:`raw`"]),
            ("rust", "fn main() -> Option<u8> { let mut x = 5; }", ["k:fn", "t:Option", "k:let", "k:mut", "n:5"]),
            ("c", "#include <stdio.h>\nint main(void) { return 0; }", ["k:#include", "k:int", "k:void", "k:return", "n:0"]),
        ])
    func language(_ language: String, _ code: String, _ expected: [String]) {
        #expect(marked(code, language) == expected)
    }

    @Test("the pieces put together are the code, unchanged, for every language")
    func lossless() {
        let code = "x = \"unterminated\n/* open comment\n<tag attr=\"v\n`tick\n"
        for language in CodeHighlighter.languages {
            let pieces = CodeHighlighter.highlight(code, language: language) ?? []
            #expect(pieces.map(\.text).joined() == code, "\(language)")
        }
    }

    @Test("an unknown language, or none, is not highlighted")
    func unknown() {
        #expect(CodeHighlighter.highlight("x", language: "text") == nil)
        #expect(CodeHighlighter.highlight("x", language: "") == nil)
    }
}
