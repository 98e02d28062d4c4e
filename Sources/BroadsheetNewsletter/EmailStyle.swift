import BroadsheetCore
import Foundation

/// Makes HTML that Broadsheet generated (the editor's note, event summaries) fit for email:
/// every element gets its CSS inline, heading anchors go, links become absolute.
enum EmailStyle {
    static let ink = "#1f1d1a"
    static let accent = "#9c2a00"
    static let muted = "#6b6b6b"
    static let serif = "Georgia, 'Times New Roman', serif"
    static let sans = "Helvetica, Arial, sans-serif"

    /// Inline CSS per element name.
    static let inline: [String: String] = [
        "p": "margin:0 0 16px 0;font-family:\(serif);font-size:17px;line-height:1.6;color:\(ink);",
        "h2": "margin:24px 0 8px 0;font-family:\(sans);font-size:20px;line-height:1.3;color:\(ink);",
        "h3": "margin:20px 0 8px 0;font-family:\(sans);font-size:17px;line-height:1.3;color:\(ink);",
        "h4": "margin:16px 0 8px 0;font-family:\(sans);font-size:15px;line-height:1.3;color:\(ink);",
        "ul": "margin:0 0 16px 0;padding:0 0 0 24px;",
        "ol": "margin:0 0 16px 0;padding:0 0 0 24px;",
        "li": "margin:0 0 8px 0;font-family:\(serif);font-size:17px;line-height:1.6;color:\(ink);",
        "blockquote": "margin:0 0 16px 0;padding:0 0 0 16px;border-left:3px solid #d8d2c4;color:\(muted);",
        "a": "color:\(accent);text-decoration:underline;",
        "sup": "font-size:12px;line-height:0;",
        "code": "font-family:Menlo, Consolas, monospace;font-size:15px;",
        "pre": "margin:0 0 16px 0;padding:12px;background-color:#f6f3ec;overflow:auto;",
        "hr": "border:0;border-top:1px solid #d8d2c4;margin:24px 0;",
        "img": "max-width:100%;height:auto;border:0;",
    ]

    /// `html` with inline styles, absolute links, and fragment links pointing at `pageURL`.
    static func apply(_ html: String, origin: String, pageURL: String) -> String {
        let styled = addInlineStyles(removingHeadingAnchors(html))
        return AbsoluteLinks.anchorFragments(AbsoluteLinks.rewrite(styled, origin: origin), pageURL: pageURL)
    }

    /// Drops the `#` anchor links the website puts after headings.
    static func removingHeadingAnchors(_ html: String) -> String {
        var output = ""
        var rest = html[...]
        while let start = rest.range(of: " <a class=\"heading-anchor\"") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "</a>") else {
                rest = rest[start.lowerBound...]
                break
            }
            rest = rest[end.upperBound...]
        }
        output += rest
        return output
    }

    /// Inserts `style="…"` into every opening tag listed in `inline` that has none.
    static func addInlineStyles(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count * 2)
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else {
                rest = rest[open...]
                break
            }
            let tag = rest[open...close]
            let nameEnd = tag.dropFirst().firstIndex { !($0.isLetter || $0.isNumber) } ?? close
            let name = tag[tag.index(after: open)..<nameEnd].lowercased()
            if let style = inline[name], !tag.contains("style=\"") {
                output += tag[..<nameEnd] + " style=\"\(style)\"" + tag[nameEnd...]
            } else {
                output += tag
            }
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }
}
