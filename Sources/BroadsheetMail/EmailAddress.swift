import BroadsheetCore
import Foundation

/// A mailbox: an address with an optional display name.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain`, as written (ASCII; internationalised addresses are not supported).
    public var address: String
    /// The name shown by mail programs.
    public var displayName: String?

    /// Parses `Name <local@domain>`, `"Name" <local@domain>` or `local@domain`; nil when invalid.
    public init?(parsing text: String) {
        let (name, address) = MailHeaderSyntax.split(text)
        self.init(address: address, displayName: name)
    }

    /// An address and name; nil when the address is not valid.
    public init?(address: String, displayName: String? = nil) {
        guard Self.problem(with: address) == nil else { return nil }
        self.address = address
        let name = displayName?.trimmingCharacters(in: .whitespaces)
        self.displayName = (name?.isEmpty ?? true) ? nil : name
    }

    /// Why `address` cannot be used, or nil when it can (see `MailHeaderSyntax.problem(withAddress:)`).
    public static func problem(with address: String) -> String? {
        MailHeaderSyntax.problem(withAddress: address)
    }

    /// The address in lower case, for recognising the same mailbox twice.
    public var normalized: String { address.lowercased() }

    /// The mailbox as a header value: the name quoted or RFC 2047-encoded as needed.
    public var headerValue: String {
        guard let name = displayName else { return address }
        if !EncodedWord.isPlain(name) { return "\(EncodedWord.encode(name)) <\(address)>" }
        let specials = Set("()<>[]:;@\\,.\"".utf8)
        if name.utf8.contains(where: specials.contains) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\" <\(address)>"
        }
        return "\(name) <\(address)>"
    }

    /// The mailbox for people to read: `Name <address>`, not encoded.
    public var displayText: String { displayName.map { "\($0) <\(address)>" } ?? address }

    public var description: String { displayText }
}
