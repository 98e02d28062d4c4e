/// Why a command line cannot be split into words (see `CommandWords`).
public struct CommandWordsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in plain language.
    public var reason: String

    /// Creates an error.
    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
