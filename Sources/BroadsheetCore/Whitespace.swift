import Foundation

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs (Foundation's
    /// `CharacterSet.whitespaces`, Unicode spaces included).
    ///
    /// Every link of every document is trimmed and almost none has anything to trim; checking
    /// the two ends first skips Foundation's bridging to `NSString`, which showed up in profiles.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !Self.isWhitespace(first) && !Self.isWhitespace(last) { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }

    /// `CharacterSet.whitespaces.contains`, without making the set for the ASCII characters
    /// that nearly every text starts and ends with (the set is built anew on each use).
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return CharacterSet.whitespaces.contains(scalar)
    }
}
