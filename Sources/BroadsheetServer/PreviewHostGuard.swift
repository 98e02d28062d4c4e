import Foundation

/// Which `Host` headers the preview answers: the guard against DNS rebinding.
///
/// A page on `evil.example` whose name is re-pointed at 127.0.0.1 could otherwise read the
/// preview (drafts included) from the reader's own browser; such a request carries
/// `Host: evil.example`. Like webpack-dev-server and Vite, the preview answers only the
/// loopback names, the address it was bound to, and, when `--host` opened it to the network
/// on purpose, that host or (for a wildcard such as 0.0.0.0) any IP address, which no DNS
/// answer can forge.
struct PreviewHostGuard: Sendable {
    /// Accepted host names, lower-case, IPv6 addresses in brackets, without port.
    let names: Set<String>
    /// Whether any IP literal is accepted (the preview listens on every interface).
    let acceptsAnyAddress: Bool

    /// The guard for a server bound to `boundHost` (as given to `--host`).
    init(boundHost: String) {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let bound = Self.normalised(boundHost.contains(":") && !boundHost.hasPrefix("[") ? "[\(boundHost)]" : boundHost)
        let wildcards: Set<String> = ["0", "0.0.0.0", "[::]"]
        acceptsAnyAddress = wildcards.contains(bound)
        if !wildcards.contains(bound) { names.insert(bound) }
        self.names = names
    }

    /// Whether a request with this `Host` header (nil when absent, as HTTP/1.0 allows) is answered.
    func allows(host header: String?) -> Bool {
        guard let header else { return true }
        guard let host = Self.hostPart(of: header) else { return false }
        if names.contains(host) { return true }
        return acceptsAnyAddress && Self.isIPLiteral(host)
    }

    /// The host of a `Host` header, lower-case, without port or a trailing dot; nil when malformed.
    static func hostPart(of header: String) -> String? {
        let value = header.trimmingCharacters(in: .whitespaces)
        var host: Substring
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            host = value[...close]
            let rest = value[value.index(after: close)...]
            guard rest.isEmpty || (rest.first == ":" && rest.dropFirst().allSatisfy(isDigit)) else { return nil }
        } else {
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2, let first = parts.first else { return nil }
            if parts.count == 2 && !parts[1].allSatisfy(isDigit) { return nil }
            host = first
        }
        if host.hasSuffix(".") { host = host.dropLast() }
        guard !host.isEmpty else { return nil }
        return normalised(String(host))
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    private static func normalised(_ host: String) -> String { host.lowercased() }

    /// A dotted IPv4 address or a bracketed IPv6 address.
    static func isIPLiteral(_ host: String) -> Bool {
        if host.hasPrefix("[") && host.hasSuffix("]") {
            let inner = host.dropFirst().dropLast()
            return !inner.isEmpty && inner.allSatisfy { ($0.isASCII && $0.isHexDigit) || $0 == ":" || $0 == "." }
        }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(isDigit) && (Int($0) ?? 256) <= 255 }
    }
}
