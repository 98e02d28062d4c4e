import BroadsheetBuild
import BroadsheetCore
import Foundation
import Hummingbird
import Logging

/// `broadsheet serve`: builds the site in memory, serves it on loopback, rebuilds what a saved
/// file affects and tells open pages to reload, showing build errors over the page.
///
/// The generator never links this module; only the command-line tool does.
public struct PreviewServer: Sendable {
    /// Where and what to serve.
    public struct Options: Sendable {
        /// The site (root, drafts); its base URL is replaced by the preview's own address.
        public var site: SiteBuilder.Options
        /// The address to listen on; loopback unless the user asks otherwise.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: Int
        /// At most this many live-reload streams at once (each holds a connection); more get 503.
        public var maxEventStreams = 64
        /// How often open streams get a heartbeat comment, which is how a stream whose page went away is found and released.
        public var heartbeatInterval: Duration = .seconds(2)
        /// A keep-alive connection with no request in progress for this long is closed.
        public var idleTimeout: Duration = .seconds(30)

        /// Creates options.
        public init(site: SiteBuilder.Options, host: String = "127.0.0.1", port: Int = 4000) {
            self.site = site
            self.host = host
            self.port = port
        }
    }

    private let options: Options
    private let console: PreviewConsole

    /// Creates a server; nothing happens until `run`.
    public init(_ options: Options, console: PreviewConsole) {
        self.options = options
        self.console = console
    }

    /// Builds, serves and watches until SIGINT or SIGTERM. `ready` gets the URL once the server listens.
    ///
    /// Throws the diagnostics of problems that stop the preview from starting (a taken port,
    /// a missing site folder); build errors do not stop it: they are shown until fixed.
    public func run(ready: @escaping @Sendable (String) -> Void = { _ in }) async throws(DiagnosticsError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.site.root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: options.site.root.path), "the site folder does not exist",
                    hint: "pass the site's folder (the one holding Content/) with --root")
            ])
        }
        if !PortReservation.isLoopback(options.host) {
            console.standardError(
                "warning: serving on \(options.host) lets other machines on the network read the preview, drafts included\n")
        }
        let port = try PortReservation.check(host: options.host, port: options.port)
        let urlHost =
            ["0", "0.0.0.0", "::", "[::]"].contains(options.host)
            ? "127.0.0.1" : (options.host.contains(":") && !options.host.hasPrefix("[") ? "[\(options.host)]" : options.host)
        let url = "http://\(urlHost):\(port)/"
        var site = options.site
        site.baseURL = url
        site.write = false
        site.versionsAssetURLs = false

        // Watch before building, so a save during the first build is not missed.
        let watcher = try SourceWatcher(root: site.root)
        let hub = PreviewHub()
        let rebuilder = PreviewRebuilder(options: site, hub: hub, console: console)
        rebuilder.buildFirst()
        let thread = Thread { rebuilder.run(watcher: watcher) }
        thread.name = "broadsheet-preview-rebuilder"
        thread.start()
        defer {
            rebuilder.stop()
            hub.close()
        }

        // Heartbeats find streams whose page went away (their sockets would otherwise wait in
        // CLOSE_WAIT until the next rebuild writes to them).
        let interval = options.heartbeatInterval
        let heartbeat = Task {
            while !Task.isCancelled {
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return  // cancelled: the server is stopping
                }
                hub.beat()
            }
        }
        defer { heartbeat.cancel() }

        var logger = Logger(label: "broadsheet.preview")
        logger.logLevel = .error
        let console = self.console
        let idle = options.idleTimeout.components
        let app = Application(
            responder: PreviewResponder(
                hub: hub, hosts: PreviewHostGuard(boundHost: options.host), maxEventStreams: options.maxEventStreams),
            server: .http1(
                configuration: .init(
                    idleTimeout: .nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000))),
            configuration: .init(address: .hostname(options.host, port: port), serverName: "Broadsheet preview"),
            onServerRunning: { _ in
                console.say("Serving the site at \(url)  (Ctrl-C to stop)", essential: true)
                ready(url)
            },
            logger: logger)
        do {
            try await app.runService()
        } catch {
            throw DiagnosticsError([
                .error(
                    at: SourceLocation(path: "broadsheet serve"), "the preview server stopped: \(error)",
                    hint: "if the port was taken meanwhile, choose another with --port")
            ])
        }
        console.say("Stopped.")
    }
}
