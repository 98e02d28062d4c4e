/// A command written as one line of text (`/usr/sbin/sendmail -i`), split into its program and
/// arguments the way a POSIX shell splits words, but without a shell: no variables, globs,
/// pipes or redirections. `'…'` and `"…"` keep spaces, and a backslash escapes the next character,
/// so `"/opt/my mail/sendmail" -i` is two words.
public enum CommandWords {
    /// The words of `text`; an unclosed quote, a trailing backslash, a line break or a command
    /// with no word at all is an error.
    public static func split(_ text: String) throws(CommandWordsError) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaping = false
        for character in text {
            if character == "\n" || character == "\r" || character == "\r\n" {
                throw CommandWordsError(reason: "it contains a line break")
            }
            if escaping {
                word.append(character)
                escaping = false
                continue
            }
            switch (quote, character) {
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case ("'", _):
                word.append(character)
            case ("\"", "\\"), (nil, "\\"):
                escaping = true
                inWord = true
            case ("\"", _):
                word.append(character)
            case (nil, "'"), (nil, "\""):
                quote = character
                inWord = true
            case (nil, " "), (nil, "\t"):
                if inWord { words.append(word) }
                word = ""
                inWord = false
            default:
                word.append(character)
                inWord = true
            }
        }
        if let quote { throw CommandWordsError(reason: "a \(quote) quote is never closed") }
        if escaping { throw CommandWordsError(reason: "it ends in a backslash") }
        if inWord { words.append(word) }
        guard !words.isEmpty, !words[0].isEmpty else { throw CommandWordsError(reason: "it names no program") }
        return words
    }
}
