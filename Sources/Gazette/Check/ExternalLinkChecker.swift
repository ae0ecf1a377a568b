import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `gazette check --external`: links to other sites, asked with HEAD (then GET where a server
/// refuses HEAD), a few at a time, each with a time limit; only the status is read, never a body
/// (a GET of a 4 GB open-data file stops at its headers). Answers are kept in a cache file for a
/// day, so that a check run on every commit asks each address once a day.
public struct ExternalLinkChecker: Sendable {
    /// Where answers are kept between runs (nil: no cache).
    public var cacheFile: String?
    /// Seconds each request may take.
    public var timeout: Double
    /// Requests in flight at once.
    public var concurrency: Int
    /// How long a cached answer holds, in seconds.
    public var maximumAge: Double

    /// Creates a checker.
    public init(cacheFile: String? = nil, timeout: Double = 10, concurrency: Int = 8, maximumAge: Double = 86_400) {
        self.cacheFile = cacheFile
        self.timeout = timeout
        self.concurrency = max(1, concurrency)
        self.maximumAge = maximumAge
    }

    /// One answer: the HTTP status (0 when the address could not be reached) and when it came.
    struct Answer: Codable {
        var status: Int
        var reason: String
        var checkedAt: Double
    }

    /// An error for each link answered with 4xx/5xx, a warning for each that could not be reached.
    public func check(_ links: [(url: String, location: SourceLocation)]) async -> [Diagnostic] {
        var cache = loadCache()
        let now = Date().timeIntervalSince1970
        let pending = links.filter { link in cache[link.url].map { now - $0.checkedAt > maximumAge } ?? true }.map(\.url)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        let reader = StatusReader()
        let session = URLSession(configuration: configuration, delegate: reader, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let answers = await withTaskGroup(of: (String, Answer).self) { group in
            var results: [String: Answer] = [:]
            var iterator = pending.makeIterator()
            for _ in 0..<concurrency {
                guard let url = iterator.next() else { break }
                group.addTask { (url, await Self.ask(url, reader: reader, session: session)) }
            }
            while let (url, answer) = await group.next() {
                results[url] = answer
                if let next = iterator.next() { group.addTask { (next, await Self.ask(next, reader: reader, session: session)) } }
            }
            return results
        }
        for (url, answer) in answers where answer.status != 0 { cache[url] = answer }
        saveCache(cache)
        return links.compactMap { link in
            guard let answer = answers[link.url] ?? cache[link.url] else { return nil }
            if answer.status == 0 {
                return .warning(.unreachableLink, "link to \(link.url) could not be checked: \(answer.reason)", at: link.location)
            }
            guard answer.status >= 400 else { return nil }
            return .error(.brokenExternalLink, "link to \(link.url) answers HTTP \(answer.status) (\(answer.reason))", at: link.location)
        }
    }

    /// HEAD, then GET when the server refuses HEAD (405, 403, 501) or fails it.
    private static func ask(_ address: String, reader: StatusReader, session: URLSession) async -> Answer {
        guard let url = URL(string: address) else { return Answer(status: 0, reason: "not a valid address", checkedAt: Date().timeIntervalSince1970) }
        let head = await request(url, method: "HEAD", reader: reader, session: session)
        if [403, 405, 501].contains(head.status) || head.status == 0 {
            let get = await request(url, method: "GET", reader: reader, session: session)
            if get.status != 0 || head.status == 0 { return get }
        }
        return head
    }

    private static func request(_ url: URL, method: String, reader: StatusReader, session: URLSession) async -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("gazette-check/\(GazetteVersion.current)", forHTTPHeaderField: "User-Agent")
        do {
            let status = try await reader.status(of: request, in: session)
            return Answer(status: status, reason: HTTPURLResponse.localizedString(forStatusCode: status), checkedAt: Date().timeIntervalSince1970)
        } catch {
            return Answer(status: 0, reason: error.localizedDescription, checkedAt: Date().timeIntervalSince1970)
        }
    }

    private func loadCache() -> [String: Answer] {
        guard let cacheFile, POSIXFile.isFolder((cacheFile as NSString).deletingLastPathComponent),
              POSIXFile.isRegularFile(cacheFile), let data = FileManager.default.contents(atPath: cacheFile),
              let cache = try? JSONDecoder().decode([String: Answer].self, from: data) else { return [:] }  // a corrupt cache is ignored
        return cache
    }

    private func saveCache(_ cache: [String: Answer]) {
        guard let cacheFile else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(cache) else { return }
        guard (try? POSIXFile.createOwnFolder((cacheFile as NSString).deletingLastPathComponent)) != nil else { return }
        try? data.write(to: URL(fileURLWithPath: cacheFile), options: .atomic)
    }
}

/// Ends each request as soon as its status and headers have arrived, so that no body is read.
private final class StatusReader: NSObject, URLSessionDataDelegate, Sendable {
    private let waiting = Mutex<[Int: CheckedContinuation<Int, any Error>]>([:])

    /// The HTTP status `request` is answered with (after redirects), 0 if not HTTP.
    func status(of request: URLRequest, in session: URLSession) async throws -> Int {
        let task = session.dataTask(with: request)
        return try await withCheckedThrowingContinuation { continuation in
            waiting.withLock { $0[task.taskIdentifier] = continuation }
            task.resume()
        }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        finish(dataTask, with: .success((response as? HTTPURLResponse)?.statusCode ?? 0))
        completionHandler(.cancel)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        finish(task, with: .failure(error ?? URLError(.badServerResponse)))
    }

    private func finish(_ task: URLSessionTask, with result: Result<Int, any Error>) {
        waiting.withLock { $0.removeValue(forKey: task.taskIdentifier) }?.resume(with: result)
    }
}
