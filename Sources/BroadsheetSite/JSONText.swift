/// Deterministic JSON for feeds, data files and JSON-LD: keys sorted, slashes unescaped.
///
/// Written by hand because `JSONSerialization` dominated the render stage (it sorts
/// through `AnyHashable` and bridges every string).
enum JSONText {
    /// Pretty-printed (two-space indent) or compact JSON of dictionaries, arrays, strings, numbers and booleans.
    static func encode(_ object: Any, pretty: Bool = true) -> String {
        var output = ""
        write(object, into: &output, pretty: pretty, indent: 0)
        return output
    }

    /// JSON that is safe inside `<script type="application/ld+json">`: no `<`, `>` or `&`.
    static func forScript(_ object: Any) -> String {
        var output = ""
        write(object, into: &output, pretty: false, indent: 0, escapeHTML: true)
        return output
    }

    private static func write(_ value: Any, into output: inout String, pretty: Bool, indent: Int, escapeHTML: Bool = false) {
        switch value {
        case let string as String:
            writeString(string, into: &output, escapeHTML: escapeHTML)
        case let bool as Bool:
            output += bool ? "true" : "false"
        case let int as Int:
            output += String(int)
        case let double as Double:
            output += double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : String(double)
        case let array as [Any]:
            guard !array.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            for (index, item) in array.enumerated() {
                if index > 0 { output += "," }
                newline(&output, pretty: pretty, indent: indent + 1)
                write(item, into: &output, pretty: pretty, indent: indent + 1, escapeHTML: escapeHTML)
            }
            newline(&output, pretty: pretty, indent: indent)
            output += "]"
        case let dictionary as [String: Any]:
            guard !dictionary.isEmpty else {
                output += "{}"
                return
            }
            output += "{"
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                newline(&output, pretty: pretty, indent: indent + 1)
                writeString(key, into: &output, escapeHTML: escapeHTML)
                output += pretty ? " : " : ":"
                write(dictionary[key]!, into: &output, pretty: pretty, indent: indent + 1, escapeHTML: escapeHTML)
            }
            newline(&output, pretty: pretty, indent: indent)
            output += "}"
        default:
            preconditionFailure(
                "JSONText encodes only strings, numbers, booleans, arrays and dictionaries, not \(type(of: value))")
        }
    }

    private static func newline(_ output: inout String, pretty: Bool, indent: Int) {
        guard pretty else { return }
        output += "\n" + String(repeating: "  ", count: indent)
    }

    private static func writeString(_ string: String, into output: inout String, escapeHTML: Bool) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<" where escapeHTML: output += "\\u003c"
            case ">" where escapeHTML: output += "\\u003e"
            case "&" where escapeHTML: output += "\\u0026"
            case "\u{2028}": output += "\\u2028"
            case "\u{2029}": output += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
