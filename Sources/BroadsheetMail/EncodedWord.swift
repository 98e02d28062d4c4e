import Foundation

/// RFC 2047 encoded words for header text that is not plain ASCII (a Chinese subject, an accented name).
public enum EncodedWord {
    /// UTF-8 bytes per encoded word: 36 bytes make 48 base64 characters, a 60-character word,
    /// so `Subject: ` and one word stay within 78 characters.
    static let bytesPerWord = 36

    /// The longest word left plain: `Reply-To: ` and the word stay within 78 characters.
    static let longestPlainWord = 66

    /// True when `text` can go into a header as it is and come back exactly: printable ASCII
    /// without `=?`, single spaces between words (a receiver may collapse runs of spaces or drop
    /// one at either end) and no word too long to fold.
    public static func isPlain(_ text: String) -> Bool {
        guard text.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }), !text.contains("=?") else { return false }
        guard !text.hasPrefix(" "), !text.hasSuffix(" "), !text.contains("  ") else { return false }
        return text.split(separator: " ").allSatisfy { $0.utf8.count <= longestPlainWord }
    }

    /// `text` as it is when plain, otherwise as `=?UTF-8?B?…?=` words separated by single
    /// spaces (fold there; a decoder drops the space between two encoded words, so every space
    /// of `text` is kept inside the words); characters are never split across words.
    public static func encode(_ text: String) -> String {
        guard !isPlain(text) else { return text }
        return words(text).joined(separator: " ")
    }

    /// The encoded words of `text`, each at most 75 characters.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerWord {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }
}
