import Foundation

/// Deterministic JSON for feeds, data files and JSON-LD.
enum JSONText {
    /// Pretty-printed (or compact) JSON with sorted keys and unescaped slashes.
    static func encode(_ object: Any, pretty: Bool = true) -> String {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: options) else {
            preconditionFailure("JSON objects built by Broadsheet contain only strings, numbers, bools, arrays and dictionaries")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// JSON that is safe inside `<script type="application/ld+json">`: no `</`, `<!--` or `]]>`.
    static func forScript(_ object: Any) -> String {
        encode(object, pretty: false)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
