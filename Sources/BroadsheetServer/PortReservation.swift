import BroadsheetCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Checks, before the site is built, that the server will be able to listen where asked, and
/// picks a free port for `--port 0`: a taken port is a clear error in a second, not after a build.
enum PortReservation {
    /// The port to listen on: `port` itself, or a free one when it is 0.
    static func check(host: String, port: Int) throws(DiagnosticsError) -> Int {
        guard (0...65535).contains(port) else {
            throw failure("port \(port) is out of range", hint: "choose a port between 1024 and 65535, e.g. --port 4000")
        }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let lookup = getaddrinfo(host, String(port), &hints, &found)
        guard lookup == 0, let address = found else {
            throw failure(
                "cannot listen on '\(host)': \(String(cString: gai_strerror(lookup)))",
                hint: "use an address of this machine, e.g. --host 127.0.0.1")
        }
        defer { freeaddrinfo(found) }
        let socketFD = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard socketFD >= 0 else { throw failure("cannot open a socket: \(String(cString: strerror(errno)))", hint: nil) }
        defer { close(socketFD) }
        var yes: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socketFD, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
            let code = errno
            switch code {
            case EADDRINUSE:
                throw failure(
                    "port \(port) on \(host) is already in use",
                    hint: "stop the other server, or choose another port, e.g. --port \(port == 65535 ? 4000 : port + 1)")
            case EACCES:
                throw failure(
                    "listening on port \(port) needs administrator rights",
                    hint: "choose a port above 1023, e.g. --port 4000")
            case EADDRNOTAVAIL:
                throw failure("\(host) is not an address of this machine", hint: "use --host 127.0.0.1")
            default:
                throw failure("cannot listen on \(host):\(port): \(String(cString: strerror(code)))", hint: nil)
            }
        }
        guard port == 0 else { return port }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        guard named == 0 else { throw failure("cannot find a free port: \(String(cString: strerror(errno)))", hint: nil) }
        let chosen: UInt16 =
            storage.ss_family == sa_family_t(AF_INET6)
            ? withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_port }
            }
            : withUnsafePointer(to: &storage) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_port } }
        return Int(UInt16(bigEndian: chosen))
    }

    /// Whether `host` only accepts connections from this machine.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    private static func failure(_ message: String, hint: String?) -> DiagnosticsError {
        DiagnosticsError([.error(at: SourceLocation(path: "broadsheet serve"), message, hint: hint)])
    }
}
