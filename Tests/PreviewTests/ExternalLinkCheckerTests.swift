import FlyingFox
import FlyingSocks
import Foundation
import Gazette
import Synchronization
import Testing

/// `gazette check --external`, against a server of the test's own on 127.0.0.1 (issue 10).
@Suite(.timeLimit(.minutes(5))) struct ExternalLinkCheckerTests {
    @Test func headThenGetBoundedWithACache() async throws {
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        let gets = Counter()
        await server.appendRoute("HEAD /ok") { _ in HTTPResponse(statusCode: .ok) }
        await server.appendRoute("GET /ok") { _ in HTTPResponse(statusCode: .ok) }
        await server.appendRoute("HEAD /sans-head") { _ in HTTPResponse(statusCode: .methodNotAllowed) }
        await server.appendRoute("GET /sans-head") { _ in
            await gets.increment()
            return HTTPResponse(statusCode: .ok)
        }
        await server.appendRoute("*") { _ in HTTPResponse(statusCode: .notFound) }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { Issue.record("no port"); return }
        let base = "http://127.0.0.1:\(port)"
        let at = SourceLocation(file: "a.md", line: 7, column: 3)
        let links = [(base + "/ok", at), (base + "/sans-head", at), (base + "/disparu", at), ("http://127.0.0.1:1/ferme", at)]
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-links-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: cache) }
        // A generous time limit: other suites may keep the server's threads busy for a while.
        let checker = ExternalLinkChecker(cacheFile: cache, timeout: 120, concurrency: 2)
        let found = await checker.check(links)
        #expect(found.map(\.code) == [.brokenExternalLink, .unreachableLink], "\(found)")
        #expect(found.first?.message.contains("/disparu answers HTTP 404") == true && found.first?.location == at)
        #expect(await gets.value >= 1, "GET after a refused HEAD")
        let getsAfterFirstRun = await gets.value
        // The second run answers from the cache: no new request.
        _ = await checker.check(links)
        #expect(await gets.value == getsAfterFirstRun)
        // A corrupt cache is ignored.
        try Data("{oups".utf8).write(to: URL(fileURLWithPath: cache))
        #expect(await checker.check(links).map(\.code) == [.brokenExternalLink, .unreachableLink])
    }

    /// Point 17 of the third hostile round: a server that refuses HEAD and streams a 1 GB body on
    /// GET (a large open-data file) is answered from its status line; the checker stops reading.
    @Test func aStreamedBodyIsNotRead() async throws {
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
        let body = EndlessZeros(count: 1 << 30)
        await server.appendRoute("HEAD /donnees.csv") { _ in HTTPResponse(statusCode: .methodNotAllowed) }
        await server.appendRoute("GET /donnees.csv") { _ in
            HTTPResponse(statusCode: .ok, body: HTTPBodySequence(from: body, count: body.count))
        }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { Issue.record("no port"); return }
        let at = SourceLocation(file: "a.md", line: 2, column: 1)
        let found = await ExternalLinkChecker(timeout: 120).check([("http://127.0.0.1:\(port)/donnees.csv", at)])
        #expect(found.isEmpty, "\(found)")
        // Socket buffers on both sides hold a few MB at most; reading the body would pass 1 GB.
        #expect(body.served.value < 32 << 20, "\(body.served.value) bytes of the body were sent")
    }
}

/// `count` zero bytes, counting how many the server managed to send.
private struct EndlessZeros: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let count: Int
    let served = ServedBytes()

    func makeAsyncIterator() -> Iterator { Iterator(remaining: count, served: served) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var remaining: Int
        let served: ServedBytes
        mutating func next() async -> UInt8? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            served.add(1)
            return 0
        }
        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            guard remaining > 0 else { return nil }
            let size = Swift.min(count, remaining)
            remaining -= size
            served.add(size)
            return [UInt8](repeating: 0, count: size)
        }
    }
}

private final class ServedBytes: Sendable {
    private let total = Mutex(0)
    var value: Int { total.withLock { $0 } }
    func add(_ bytes: Int) { total.withLock { $0 += bytes } }
}

actor Counter {
    var value = 0
    func increment() { value += 1 }
}
