import Testing

@testable import BroadsheetServer

@Suite("Preview Host guard")
struct PreviewHostGuardTests {
    static let loopback = PreviewHostGuard(boundHost: "127.0.0.1")

    @Test(
        "loopback names are answered, with or without a port, in any case",
        arguments: [
            "127.0.0.1", "127.0.0.1:4000", "localhost", "LocalHost:4000", "localhost.", "[::1]", "[::1]:4000", " localhost ",
        ])
    func loopbackNames(_ host: String) {
        #expect(Self.loopback.allows(host: host))
    }

    @Test(
        "other names and addresses are refused on a loopback preview",
        arguments: [
            "evil.example", "evil.example:4000", "127.0.0.1.evil.example", "localhost.evil.example", "127.0.0.2", "0.0.0.0",
            "192.168.1.20:4000", "", ":4000", "localhost:4000:80", "localhost:abc", "[::1", "[::1]x", "[::2]", "local host",
        ])
    func otherNames(_ host: String) {
        #expect(!Self.loopback.allows(host: host))
    }

    @Test("no Host header (HTTP/1.0) is answered: a browser always sends one")
    func noHost() {
        #expect(Self.loopback.allows(host: nil))
    }

    @Test("--host with a name or an address accepts that host too")
    func boundHost() {
        let named = PreviewHostGuard(boundHost: "preview.lan")
        #expect(named.allows(host: "preview.lan:4000"))
        #expect(named.allows(host: "PREVIEW.LAN"))
        #expect(!named.allows(host: "evil.example"))
        #expect(!named.allows(host: "10.0.0.5"))
        let v6 = PreviewHostGuard(boundHost: "fd00::5")
        #expect(v6.allows(host: "[fd00::5]:4000"))
        #expect(!v6.allows(host: "[fd00::6]"))
    }

    @Test("a wildcard --host accepts any IP address (DNS cannot forge one) but no other name")
    func wildcard() {
        for bound in ["0.0.0.0", "::", "[::]"] {
            let wildcard = PreviewHostGuard(boundHost: bound)
            #expect(wildcard.allows(host: "192.168.1.20:4000"))
            #expect(wildcard.allows(host: "[fe80::1]:4000"))
            #expect(wildcard.allows(host: "localhost"))
            #expect(!wildcard.allows(host: "evil.example"))
            #expect(!wildcard.allows(host: "1.2.3.4.evil.example"))
            #expect(!wildcard.allows(host: "256.1.1.1"))
            #expect(!wildcard.allows(host: "0.0.0.0.evil"))
        }
    }
}
