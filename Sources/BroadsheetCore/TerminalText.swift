/// Text from the site's sources made safe to print on a terminal.
///
/// File names, messages that quote content and subscriber names can hold escape sequences
/// (`ESC ]0;…` retitles the window, `ESC [2J` clears it); printed raw they drive the terminal.
public enum TerminalText {
    /// `text` with every control character (C0 including line breaks, DEL, C1) and every bidi
    /// control written as a visible `\u{1B}` escape, so printed content cannot drive the terminal
    /// or reorder the line around it.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscaping(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Control characters and bidi controls: anything a terminal acts on or reorders by.
    static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (value >= 0x7F && value <= 0x9F) || isBidiControl(scalar)
    }

    /// The explicit directional formatting characters (embeddings, overrides, isolates, marks).
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
