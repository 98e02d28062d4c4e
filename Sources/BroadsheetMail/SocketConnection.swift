import COpenSSL
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP connection that can be upgraded to TLS (OpenSSL), read line by line.
///
/// Owns the socket and the OpenSSL objects; `close` (or deinit) frees them.
final class SocketConnection {
    private var descriptor: Int32
    private var context: OpaquePointer?
    private var tls: OpaquePointer?
    private var buffer: [UInt8] = []
    private let host: String

    /// Connects to `host:port`, trying each resolved address, with `timeout` seconds for every read and write.
    init(host: String, port: Int, timeout: Int) throws(MailDeliveryError) {
        self.host = host
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw MailDeliveryError(.temporary, "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var current: UnsafeMutablePointer<addrinfo>? = first
        var connected: Int32 = -1
        while let info = current {
            let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if fd >= 0 {
                var interval = timeval(tv_sec: timeout, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
                setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
                // SMTP is a dialogue of small writes (the DATA body, then the final '.'): without
                // TCP_NODELAY, Nagle's algorithm and delayed ACKs stall each message by ~40 ms.
                var noDelay: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
                if connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    connected = fd
                    break
                }
                lastError = String(cString: strerror(errno))
                closeDescriptor(fd)
            }
            current = info.pointee.ai_next
        }
        guard connected >= 0 else {
            throw MailDeliveryError(.temporary, "cannot connect to \(host):\(port): \(lastError)")
        }
        descriptor = connected
    }

    deinit { close() }

    /// Starts TLS on the open connection, verifying the server's certificate and name.
    func startTLS(caFile: String?) throws(MailDeliveryError) {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw tlsError("cannot create a TLS context") }
        self.context = context
        SSL_CTX_set_default_verify_paths(context)
        if let caFile, SSL_CTX_load_verify_locations(context, caFile, nil) != 1 {
            throw MailDeliveryError(
                .configuration, "cannot load the certificate authorities in \(caFile): \(Self.openSSLErrors())")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        guard let tls = SSL_new(context) else { throw tlsError("cannot create a TLS session") }
        self.tls = tls
        SSL_set_fd(tls, descriptor)
        if Self.isIPAddress(host) {
            X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(tls), host)
        } else {
            host.withCString { name in
                _ = SSL_ctrl(
                    tls, SSL_CTRL_SET_TLSEXT_HOSTNAME, Int(TLSEXT_NAMETYPE_host_name), UnsafeMutableRawPointer(mutating: name))
            }
            SSL_set1_host(tls, host)
        }
        guard SSL_connect(tls) == 1 else {
            let verify = SSL_get_verify_result(tls)
            let reason =
                verify != X509_V_OK
                ? String(cString: X509_verify_cert_error_string(verify)) : Self.openSSLErrors()
            throw MailDeliveryError(.configuration, "TLS handshake with \(host) failed: \(reason)")
        }
    }

    /// Sends all of `text` (UTF-8).
    func write(_ text: String) throws(MailDeliveryError) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.count - offset
            let written: Int = bytes.withUnsafeMutableBytes { raw in
                let pointer = raw.baseAddress!.advanced(by: offset)
                if let tls { return Int(SSL_write(tls, pointer, Int32(min(count, Int(Int32.max))))) }
                return send(descriptor, pointer, count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else {
                throw MailDeliveryError(.temporary, "the connection to \(host) broke while writing: \(Self.lastSystemError())")
            }
            offset += written
        }
    }

    /// One line without its CRLF.
    func readLine() throws(MailDeliveryError) -> String {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                var line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count: Int = chunk.withUnsafeMutableBytes { raw in
                if let tls { return Int(SSL_read(tls, raw.baseAddress, Int32(raw.count))) }
                return recv(descriptor, raw.baseAddress, raw.count, 0)
            }
            guard count > 0 else {
                throw MailDeliveryError(
                    .temporary,
                    count == 0 ? "\(host) closed the connection" : "reading from \(host) failed: \(Self.lastSystemError())")
            }
            buffer += chunk[..<count]
        }
    }

    /// Frees TLS state and closes the socket.
    func close() {
        if let tls {
            SSL_shutdown(tls)
            SSL_free(tls)
            self.tls = nil
        }
        if let context {
            SSL_CTX_free(context)
            self.context = nil
        }
        if descriptor >= 0 {
            closeDescriptor(descriptor)
            descriptor = -1
        }
    }

    private func tlsError(_ message: String) -> MailDeliveryError {
        MailDeliveryError(.configuration, "\(message): \(Self.openSSLErrors())")
    }

    private static func isIPAddress(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    private static func lastSystemError() -> String { String(cString: strerror(errno)) }

    private static func openSSLErrors() -> String {
        var messages: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var text = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &text, text.count)
            messages.append(String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.isEmpty ? "unknown OpenSSL error" : messages.joined(separator: "; ")
    }
}

/// `close(2)`, named so it does not clash with the connection's own `close()`.
private func closeDescriptor(_ descriptor: Int32) {
    #if canImport(Glibc)
        _ = Glibc.close(descriptor)
    #elseif canImport(Darwin)
        _ = Darwin.close(descriptor)
    #endif
}
