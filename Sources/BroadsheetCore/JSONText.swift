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
            addKey(key)
            JSONText.write(value, into: &output, pretty: false, indent: 0, escapeHTML: true)
        }

        // Typed values are written without asking what they are: casting an `Any` to `[Any]`
        // converts the array element by element, and the casts were most of JSON-LD's cost.

        /// Adds `key` with a string.
        public mutating func add(_ key: String, _ value: String) {
            addKey(key)
            JSONText.writeString(value, into: &output, escapeHTML: true)
        }

        /// Adds `key` with an integer.
        public mutating func add(_ key: String, _ value: Int) {
            addKey(key)
            output += String(value)
        }

        /// Adds `key` with an array of strings.
        public mutating func add(_ key: String, _ values: [String]) {
            addKey(key)
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                JSONText.writeString(value, into: &output, escapeHTML: true)
            }
            output += "]"
        }

        /// Adds `key` with an object.
        public mutating func add(_ key: String, object: ScriptObject) {
            addKey(key)
            output += object.text
        }

        /// Adds `key` with an array of objects.
        public mutating func add(_ key: String, objects: [ScriptObject]) {
            addKey(key)
            output += "[" + objects.map(\.text).joined(separator: ",") + "]"
        }

        private mutating func addKey(_ key: String) {
            assert(lastKey.map { $0 < key } ?? true, "keys must be added in sorted order")
            if lastKey != nil { output += "," }
            lastKey = key
            JSONText.writeString(key, into: &output, escapeHTML: true)
            output += ":"
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
