import BroadsheetCore
import Testing

@Suite("Terminal text and command words")
struct TerminalTextTests {
    @Test(
        "control characters are shown, never sent to the terminal",
        arguments: [
            ("plain text, 微信", "plain text, 微信"),
            ("\u{1B}]0;pwned\u{07}", "\\u{1B}]0;pwned\\u{7}"),
            ("a\u{1B}[2Jb", "a\\u{1B}[2Jb"),
            ("C1 \u{9B}31m", "C1 \\u{9B}31m"),
            ("del\u{7F}", "del\\u{7F}"),
            ("line\nbreak\rreturn", "line\\u{A}break\\u{D}return"),
            ("bidi \u{202E}txt.exe", "bidi \\u{202E}txt.exe"),
            ("isolate \u{2066}x\u{2069}", "isolate \\u{2066}x\\u{2069}"),
            ("sep\u{2028}", "sep\\u{2028}"),
            ("tab\tkept", "tab\tkept"),
            ("nul\u{0}", "nul\\u{0}"),
        ])
    func escaped(_ input: String, _ expected: String) {
        #expect(TerminalText.escaped(input) == expected)
        #expect(!TerminalText.escaped(input).unicodeScalars.contains { TerminalText.needsEscaping($0) })
    }

    @Test("line feeds can be kept for multi-line reports; a carriage return never is")
    func lineFeeds() {
        #expect(TerminalText.escaped("a\nb\r\n\u{1B}", keepingLineFeeds: true) == "a\nb\\u{D}\n\\u{1B}")
    }

    @Test(
        "a command line is split like a shell would, without one",
        arguments: [
            ("/usr/sbin/sendmail -i", ["/usr/sbin/sendmail", "-i"]),
            ("  /usr/sbin/sendmail   -i\t-t ", ["/usr/sbin/sendmail", "-i", "-t"]),
            ("'/opt/my mail/sendmail' -i", ["/opt/my mail/sendmail", "-i"]),
            ("\"/opt/my mail/sendmail\" -o \"a 'b' c\"", ["/opt/my mail/sendmail", "-o", "a 'b' c"]),
            ("/opt/my\\ mail/sendmail", ["/opt/my mail/sendmail"]),
            ("/bin/x '' \"\"", ["/bin/x", "", ""]),
            ("/bin/x $HOME `id` ;rm", ["/bin/x", "$HOME", "`id`", ";rm"]),
        ])
    func words(_ line: String, _ expected: [String]) throws {
        #expect(try CommandWords.split(line) == expected)
    }

    @Test(
        "unclosed quotes, a trailing backslash, line breaks and empty commands are errors",
        arguments: [
            ("'/usr/sbin/sendmail -i", "a ' quote is never closed"), ("\"/x", "a \" quote is never closed"),
            ("/x \\", "it ends in a backslash"), ("/x\n-i", "it contains a line break"), ("/x\r\n", "it contains a line break"),
            ("", "it names no program"), ("   ", "it names no program"), ("'' -i", "it names no program"),
        ])
    func badWords(_ line: String, _ reason: String) {
        #expect(throws: CommandWordsError(reason: reason)) { try CommandWords.split(line) }
    }

    @Test(
        "header text: any Unicode, but no line break or control character",
        arguments: [
            ("微信支付 – “quotes”", nil), ("tab\there", nil), ("a\r\nb", "it contains a line break (\\u{D})"),
            ("a\nb", "it contains a line break (\\u{A})"), ("a\u{85}", "it contains a line break (\\u{85})"),
            ("a\u{2028}", "it contains a line break (\\u{2028})"), ("a\u{1B}", "it contains the control character \\u{1B}"),
            ("a\u{0}", "it contains the control character \\u{0}"), ("a\u{9B}", "it contains the control character \\u{9B}"),
        ] as [(String, String?)])
    func headerText(_ text: String, _ problem: String?) {
        #expect(MailHeaderSyntax.problem(withHeaderText: text) == problem)
    }
}
