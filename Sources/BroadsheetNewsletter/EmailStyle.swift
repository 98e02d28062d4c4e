import BroadsheetCore
import BroadsheetDocument
import Foundation

/// The email's look, chosen per element: every element the document tree produces gets its
/// CSS inline (mail programs drop style sheets), heading anchors go, links become absolute.
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
        "table": "border-collapse:collapse;margin:0 0 16px 0;font-family:\(sans);font-size:15px;line-height:1.4;color:\(ink);",
        "th": "padding:6px 10px;border-bottom:2px solid \(ink);text-align:left;vertical-align:bottom;",
        "td": "padding:6px 10px;border-bottom:1px solid #d8d2c4;vertical-align:top;",
        "del": "color:\(muted);",
    ]

    /// How the tree is written for email: these styles inline, no heading anchors, URLs
    /// absolute, in-page links pointing at the edition's page on the site.
    static func html(origin: String, pageURL: String) -> HTMLStyle {
        HTMLStyle(
            inlineStyles: inline, headingAnchors: false, origin: origin, pageURL: pageURL,
            extensionMarkup: .email, highlightsCode: false)
    }
}
