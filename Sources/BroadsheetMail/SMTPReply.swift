/// A server's reply: a three-digit code and its text lines.
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// The reply code (250, 354, 421, 550…).
    public var code: Int
    /// The text of every line, without the code.
    public var lines: [String]

    /// 2xx and 3xx.
    public var isPositive: Bool { code >= 200 && code < 400 }
    /// 4xx: try again later.
    public var isTemporary: Bool { code >= 400 && code < 500 }

    public var description: String { "\(code) \(lines.joined(separator: " / "))" }
}
