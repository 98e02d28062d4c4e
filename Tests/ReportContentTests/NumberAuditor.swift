/// Checks that every number in a document's prose appears in a fact the document cites.
enum NumberAuditor {
    /// Every unsupported number of `lines` (entry 0 is line 1 of `path`), given the cited facts' texts.
    static func audit(path: String, lines: [String], factTexts: [String]) -> [NumberAuditFailure] {
        let facts = factTokens(factTexts)
        var failures: [NumberAuditFailure] = []
        for (offset, line) in lines.enumerated() {
            for token in NumberScanner.scan(line) where token.needsSource {
                guard !facts.contains(where: { token.isSupported(by: $0) }) else { continue }
                failures.append(
                    NumberAuditFailure(path: path, line: offset + 1, column: token.column, text: token.text))
            }
        }
        return failures
    }

    /// The numbers of the fact texts that can support prose: exempt ones (years, date parts) cannot.
    static func factTokens(_ texts: [String]) -> [NumberToken] {
        texts.flatMap { $0.split(separator: "\n").flatMap { NumberScanner.scan(String($0)) } }.filter(\.needsSource)
    }
}
