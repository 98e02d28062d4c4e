/// Escaping for Typst's two syntaxes: markup (running text) and code (string literals, labels).
enum TypstText {
    /// `text` as literal markup: every character Typst's markup gives a meaning (`*`, `_`, `#`,
    /// `[`, `]`, `@`, `<`, `$`, `/` for comments, `-` and `.` for shorthands and list markers…)
    /// is escaped with a backslash, and line breaks become spaces.
    static func markup(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "\\", "#", "*", "_", "`", "$", "[", "]", "<", ">", "@", "~", "=", "-", "+", "/", "\"", "'", ".", ":":
                result.append("\\")
                result.append(character)
            case "\n", "\r", "\r\n", "\t":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }

    /// `text` as a Typst string literal, quotes included.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A label: `<kind:name>` with every character Typst does not allow in labels replaced.
    static func label(_ kind: String, _ parts: String...) -> String {
        let name = ([kind] + parts).joined(separator: ":")
        let safe = String(
            name.unicodeScalars.map { scalar -> Character in
                let allowed =
                    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.:".unicodeScalars.contains(scalar)
                return allowed ? Character(scalar) : "_"
            })
        return "<" + safe + ">"
    }
}
