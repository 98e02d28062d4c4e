import BroadsheetContent
import BroadsheetCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `broadsheet check --external`: every http(s) link written in the site's Markdown, asked
/// over the network; a dead one is a warning at each place it is written, never an error.
///
/// Requests run `concurrency` at a time, each with a timeout; a link is asked with HEAD and,
/// when the server refuses or fails that, with GET; a failure that may pass (no answer, 429,
/// 5xx) is retried with a doubling pause. Good answers are kept in a cache file for `maxAge`.
public struct ExternalLinkChecker: Sendable {
    /// Requests in flight at once.
    public var concurrency = 8
    /// Seconds to wait for one answer.
    public var timeout: TimeInterval = 10
    /// Further tries after a failure that may pass.
    public var retries = 2
    /// The pause before the first retry, doubled before each next one.
    public var backoff: TimeInterval = 0.5
    /// How long a good answer is trusted.
    public var maxAge: TimeInterval = 7 * 24 * 3600
    /// The cache file (nil: no cache).
    public var cacheFile: URL?

    /// A checker with the defaults and the cache at `cacheFile`.
    public init(cacheFile: URL?) {
        self.cacheFile = cacheFile
    }

    /// The cache file of a site: `ROOT/.broadsheet-cache/external-links.json`.
    public static func defaultCacheFile(root: URL) -> URL {
        root.appendingPathComponent(".broadsheet-cache/external-links.json")
    }

    /// What a check found.
    public struct Summary: Sendable {
        /// Distinct URLs checked.
        public var checked: Int
        /// Of those, answered from the cache.
        public var fromCache: Int
        /// One warning per place a dead link is written.
        public var warnings: [Diagnostic]
    }

    /// Checks every external link of `links` (other links are left out), at time `now`.
    public func check(_ links: [AuthoredLink], root: URL, now: Date = Date()) -> Summary {
        var placesByURL: [String: [AuthoredLink]] = [:]
        for link in links where Self.isExternal(link.href) { placesByURL[link.href, default: []].append(link) }
        var cache = ExternalLinkCache.read(cacheFile)
        let urls = placesByURL.keys.sorted()
        let fresh = urls.filter { cache.isFresh($0, now: now, maxAge: maxAge) }
        let toAsk = urls.filter { !cache.isFresh($0, now: now, maxAge: maxAge) }
        let answers = ask(toAsk)
        var warnings: [Diagnostic] = []
        for (url, problem) in zip(toAsk, answers) {
            guard let problem else {
                cache.remember(url, at: now)
                continue
            }
            cache.forget(url)
            for place in (placesByURL[url] ?? []).sorted(by: { $0.location < $1.location }) {
                warnings.append(
                    .warning(
                        at: place.location, "external link '\(url)' seems dead: \(problem)",
                        hint: "open it in a browser; if it moved, link to the new address or an archived copy"))
            }
        }
        if let cacheFile, let problem = cache.write(to: cacheFile, root: root) { warnings.append(problem) }
        return Summary(checked: urls.count, fromCache: fresh.count, warnings: warnings)
    }

    static func isExternal(_ href: String) -> Bool {
        let lower = href.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    // MARK: - Requests

    /// The problem with each URL (nil when it answered), `concurrency` requests at a time.
    private func ask(_ urls: [String]) -> [String?] {
        // The session's own timeouts: swift-corelibs-foundation does not apply a request's.
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpMaximumConnectionsPerHost = concurrency
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let results = ProblemSlots(count: urls.count)
        let group = DispatchGroup()
        let next = NextIndex()
        for _ in 0..<min(concurrency, urls.count) {
            DispatchQueue.global().async(group: group) {
                while let index = next.take(below: urls.count) {
                    results.store(problem(with: urls[index], session: session), at: index)
                }
            }
        }
        group.wait()
        return results.all
    }

    /// HEAD, then GET when HEAD fails; retried while the failure may pass.
    func problem(with address: String, session: URLSession) -> String? {
        guard let url = URL(string: address) else { return "it is not a valid URL" }
        var attempt = 0
        while true {
            var outcome = request(url, method: "HEAD", session: session)
            // Some servers refuse HEAD (405, 403, even 404) but answer GET: GET decides.
            if case .status(let code) = outcome, code >= 400 { outcome = request(url, method: "GET", session: session) }
            switch outcome {
            case .status(let code) where code < 400: return nil
            case .status(let code) where code != 429 && code < 500: return "HTTP \(code)"
            default:
                guard attempt < retries else {
                    if case .status(let code) = outcome { return "HTTP \(code)" }
                    if case .failure(let reason) = outcome { return reason }
                    return nil
                }
                Thread.sleep(forTimeInterval: backoff * Double(1 << attempt))
                attempt += 1
            }
        }
    }

    private enum Outcome {
        case status(Int)
        case failure(String)
    }

    private func request(_ url: URL, method: String, session: URLSession) -> Outcome {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("Broadsheet link check", forHTTPHeaderField: "User-Agent")
        let box = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { _, response, error in
            if let response = response as? HTTPURLResponse {
                box.value = .status(response.statusCode)
            } else if let error = error as? URLError, error.code == .timedOut {
                box.value = .failure("no answer within \(Int(timeout)) s")
            } else {
                box.value = .failure("cannot connect (\(error?.localizedDescription ?? "no response"))")
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return box.value ?? .failure("no response")
    }

    private final class OutcomeBox: @unchecked Sendable {
        var value: Outcome?
    }
}

/// Hands out indexes to workers, each once.
private final class NextIndex: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// One result slot per URL, each written once.
private final class ProblemSlots: @unchecked Sendable {
    private var slots: [String?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ problem: String?, at index: Int) {
        lock.lock()
        slots[index] = problem
        lock.unlock()
    }

    var all: [String?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
