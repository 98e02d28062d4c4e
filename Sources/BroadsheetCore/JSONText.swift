import Foundation

/// Deterministic JSON for feeds, data files and JSON-LD: keys sorted, slashes unescaped.
///
/// Written by hand because `JSONSerialization` dominated the render stage (it sorts
/// through `AnyHashable` and bridges every string).
public enum JSONText {
    /// Pretty-printed (two-space indent) or compact JSON of dictionaries, arrays, strings, numbers,
    /// booleans and `NSNull` (`null`).
    public static func encode(_ object: Any, pretty: Bool = true) -> String {
        var output = ""
        write(object, into: &output, pretty: pretty, indent: 0)
        return output
    }

    /// JSON that is safe inside `<script type="application/ld+json">`: no `<`, `>` or `&`.
    public static func forScript(_ object: Any) -> String {
        var output = ""
        write(object, into: &output, pretty: false, indent: 0, escapeHTML: true)
        return output
    }

    /// A JSON object for a `<script>`, written key by key: the same text as `forScript` of a
    /// dictionary with those keys, without building, hashing and sorting one (JSON-LD is written
    /// for every article). Keys must be added in the order `forScript` sorts them.
    public struct ScriptObject {
        private var output = "{"
        private var lastKey: String?

        public init() {}

        /// Adds `key` with `value` (a string, number, boolean, array or dictionary).
        public mutating func add(_ key: String, _ value: Any) {
            assert(lastKey.map { $0 < key } ?? true, "keys must be added in sorted order")
            if lastKey != nil { output += "," }
            lastKey = key
            JSONText.writeString(key, into: &output, escapeHTML: true)
            output += ":"
            JSONText.write(value, into: &output, pretty: false, indent: 0, escapeHTML: true)
        }

        /// The object's JSON text.
        public var text: String { lastKey == nil ? "{}" : output + "}" }
    }

    private static func write(_ value: Any, into output: inout String, pretty: Bool, indent: Int, escapeHTML: Bool = false) {
        switch value {
        case let string as String:
            writeString(string, into: &output, escapeHTML: escapeHTML)
        case let bool as Bool:
            output += bool ? "true" : "false"
        case is NSNull:
            output += "null"
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
        // Most strings need no escape: appended whole, not scalar by scalar (JSON-LD was 4% of a build).
        guard needsEscaping(string, escapeHTML: escapeHTML) else {
            output += string
            output += "\""
            return
        }
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

    /// True when `string` holds a character `writeString` escapes: a quote, a backslash, a
    /// control character, U+2028 or U+2029 (bytes E2 80 A8/A9), or `<`, `>`, `&` for scripts.
    private static func needsEscaping(_ string: String, escapeHTML: Bool) -> Bool {
        string.utf8.withContiguousStorageIfAvailable { bytes in
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0..<0x20: return true
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): if escapeHTML { return true }
                case 0xE2:
                    if index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                        return true
                    }
                default: break
                }
            }
            return false
        } ?? true
    }
}
