/// Text made safe to print on a terminal: control characters are shown, never obeyed.
///
/// Subscriber names, addresses, server replies and site content can hold escape sequences
/// (`ESC ]0;…` retitles the window, `ESC [2J` clears it) or bidirectional controls that
/// reorder what the user reads; printed raw, they act on the user's terminal.
public enum TerminalText {
    /// `text` with every C0 control (line feeds too unless `keepingLineFeeds`; tab is kept),
    /// DEL, C1 control, line and paragraph separator and bidirectional control written as `\u{XX}`.
    public static func escaped(_ text: String, keepingLineFeeds: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscaping($0, keepingLineFeeds: keepingLineFeeds) }) else {
            return text
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            if needsEscaping(scalar, keepingLineFeeds: keepingLineFeeds) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// True for the scalars `escaped` rewrites.
    public static func needsEscaping(_ scalar: Unicode.Scalar, keepingLineFeeds: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !keepingLineFeeds
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
