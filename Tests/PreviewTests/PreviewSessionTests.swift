import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Gazette
import Synchronization
import Testing
@testable import Preview

/// `gazette serve` end to end on 127.0.0.1: pages, reload events after an edit, a broken front
/// matter shown and then cleared, and requests that try to leave the folder (issue 10).
@Suite(.serialized, .timeLimit(.minutes(5))) struct PreviewSessionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A site of one article (`front` + `body`) in a new folder, served on a free port until `use` returns.
    private func withPreview(front: String, body: String, requestGuard: RequestGuard = RequestGuard(), port: UInt16 = 0,
                             _ use: (_ port: UInt16, _ folder: URL, _ logged: () -> [String]) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = folder.appendingPathComponent("Content/articles/2022/a.md")
        try FileManager.default.createDirectory(at: article.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("title: Test\nbase_url: https://test.example/\n".utf8).write(to: folder.appendingPathComponent("Content/site.yml"))
        try Data((front + body).utf8).write(to: article)
        let options = BuildOptions(contentDirectory: folder.appendingPathComponent("Content").path,
                                   templatesDirectory: Self.repository.appendingPathComponent("Templates").path,
                                   outputDirectory: folder.appendingPathComponent("preview").path, includeDrafts: true)
        let logged = Mutex<[String]>([])
        var session = PreviewSession(options: options, host: "127.0.0.1", port: port) { line in logged.withLock { $0.append(line) } }
        session.requestGuard = requestGuard
        let (ports, portContinuation) = AsyncStream<UInt16>.makeStream()
        let server = Task {
            defer { portContinuation.finish() }  // a session that ends early fails the test instead of hanging it
            try await session.run { portContinuation.yield($0) }
        }
        defer { server.cancel() }
        var portIterator = ports.makeAsyncIterator()
        try await use(try #require(await portIterator.next()), folder, { logged.withLock { $0 } })
    }

    @Test func servesRebuildsOnEditAndShowsErrorsUntilFixed() async throws {
        let front = "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\n"
        try await withPreview(front: front, body: "Texte original.\n") { port, folder, logged in
            let article = folder.appendingPathComponent("Content/articles/2022/a.md")
            try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))

            let page = try await RawHTTP.get("/articles/2022/a/", port: port)
            #expect(page.status == 200)
            #expect(page.body.contains("Texte original."))
            #expect(page.body.contains(LiveReloadScript.eventsPath), "the reload script is injected")
            #expect(page.headers["cache-control"] == "no-store")

            let socket = try await EventProbe.open(port: port)
            #expect(await socket.nextMessage(within: 120, where: { $0.contains("\"generation\":1") }) != nil, "the latest build, at once")
            try Data((front + "Texte modifié.\n").utf8).write(to: article)
            let reload = try #require(await socket.nextMessage(within: 120, where: { $0.contains("\"reload\"") }))
            #expect(reload.contains("\"type\":\"reload\""))
            #expect(try await RawHTTP.get("/articles/2022/a/", port: port).body.contains("Texte modifié."))

            try Data("---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\nTexte sans fin de front matter.\n".utf8).write(to: article)
            let error = try #require(await socket.nextMessage(within: 120, where: { $0.contains("\"error\"") }))
            // In the site's language (the test site says nothing, so French), as the overlay shows it.
            #expect(error.contains("a.md:1:1: erreur[unclosed-front-matter]\u{A0}: l’en-tête n’est pas fermé"), "\(error)")
            #expect(try await RawHTTP.get("/articles/2022/a/", port: port).status == 200, "the last good build stays served")

            try Data((front + "Texte réparé.\n").utf8).write(to: article)
            #expect(await socket.nextMessage(within: 120, where: { $0.contains("\"reload\"") }) != nil)
            #expect(try await RawHTTP.get("/articles/2022/a/", port: port).body.contains("Texte réparé."))

            // Saved again without a change: the build stops at the comparison, says so, and reloads.
            try Data((front + "Texte réparé.\n").utf8).write(to: article)
            #expect(await socket.nextMessage(within: 120, where: { $0.contains("\"reload\"") }) != nil)
            #expect(logged().last?.hasPrefix("Rien n’a changé depuis la dernière construction\u{A0}: 1 article") == true,
                    "\(logged().suffix(2))")

            for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/articles/..%2f..%2f..%2fsecret.txt", "//secret.txt", "/articles/../../secret.txt"] {
                #expect(try await RawHTTP.get(path, port: port).status == 403, "\(path)")
            }
            let redirect = try await RawHTTP.get("/articles/2022/a", port: port)
            #expect(redirect.status == 301 && redirect.headers["location"] == "/articles/2022/a/")
            let missing = try await RawHTTP.get("/nulle-part/", port: port)
            #expect(missing.status == 404 && missing.body.contains("Page introuvable"))
            #expect(try await RawHTTP.get("/feed.xml", port: port).headers["content-type"] == "application/atom+xml")
        }
    }

    /// A first build that fails: every address answers a page that carries the live-reload script,
    /// so the errors show over it at once, and it reloads when the file is fixed (issue 28, point 4).
    @Test func aSiteThatNeverBuiltShowsItsErrorsAndReloadsWhenFixed() async throws {
        let broken = "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\nTexte sans fin de front matter.\n"
        try await withPreview(front: broken, body: "") { port, folder, _ in
            for path in ["/", "/articles/2022/a/"] {
                let page = try await RawHTTP.get(path, port: port)
                #expect(page.status == 404 && page.body.contains("pas encore pu être construit"), "\(path): \(page.body.prefix(80))")
                #expect(page.body.contains(LiveReloadScript.eventsPath), "the page listens for the next build")
            }
            let events = try await EventProbe.open(port: port)
            #expect(await events.nextMessage(within: 120, where: { $0.contains("\"error\"") })?.contains("unclosed-front-matter") == true)
            let article = folder.appendingPathComponent("Content/articles/2022/a.md")
            try Data("---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\nTexte réparé.\n".utf8).write(to: article)
            #expect(await events.nextMessage(within: 120, where: { $0.contains("\"reload\"") }) != nil)
            #expect(try await RawHTTP.get("/articles/2022/a/", port: port).body.contains("Texte réparé."))
        }
    }

    /// A build that succeeds with warnings tells them to the page, which shows them in a banner
    /// (a misspelt `sumary:` made the summary vanish with no sign in the browser; issue 28, point 3).
    @Test func warningsReachTheOpenPage() async throws {
        let front = "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\nsumary: Un résumé.\n---\n"
        try await withPreview(front: front, body: "Texte.\n") { port, folder, _ in
            let events = try await EventProbe.open(port: port)
            let message = try #require(await events.nextMessage(within: 120, where: { $0.contains("\"reload\"") }))
            #expect(message.contains("\"code\":\"unknown-key\"") && message.contains("sumary"), "\(message)")
            #expect(message.contains("\"file\":\"Content\\/articles\\/2022\\/a.md\""), "named from the content folder: \(message)")
            #expect(message.contains("\"line\":\"4\""), "\(message)")
            let page = try await RawHTTP.get("/articles/2022/a/", port: port)
            #expect(page.body.contains("gazette-avertissements"), "the page's script draws the banner")
            // Fixed: the next build has no warning, and the banner goes.
            try Data("---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\nsummary: Un résumé.\n---\nTexte.\n".utf8)
                .write(to: folder.appendingPathComponent("Content/articles/2022/a.md"))
            let fixed = try #require(await events.nextMessage(within: 120, where: { $0.contains("\"reload\"") && !$0.contains("unknown-key") }))
            #expect(fixed.contains("\"warnings\":[]"), "\(fixed)")
        }
    }

    /// A port another program holds: the preview takes the next free one and says so in French
    /// (it printed `Error: SocketError. Bind(98): Address already in use`; issue 28, point 4).
    @Test func aPortInUseIsReplacedByTheNextFreeOne() async throws {
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && listen(holder, 1) == 0 && getsockname(holder, $0, &length) == 0 }
        }
        #expect(bound)
        let taken = UInt16(bigEndian: address.sin_port)
        try await withPreview(front: "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\n", body: "Texte.\n", port: taken) { port, _, logged in
            #expect(port != taken && port > taken && port <= taken + 10)
            #expect(logged().contains("Le port \(taken) est déjà utilisé (par un autre aperçu\u{A0}?)\u{A0}: l’aperçu prend le port \(port)."), "\(logged())")
            let page = try await RawHTTP.get("/articles/2022/a/", port: port)
            #expect(page.body.contains("Texte."))
        }
    }

    /// DNS rebinding and cross-site pages: a draft is read only through a loopback name, an IP
    /// address or an allowed name; the live-reload stream opens only for the page's own origin.
    @Test func refusesOtherHostsAndOrigins() async throws {
        let front = "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\ndraft: true\n---\n"
        try await withPreview(front: front, body: "Texte secret du brouillon.\n",
                              requestGuard: RequestGuard(allowedHosts: ["Apercu.Redaction.Example"])) { port, _, _ in
            for host in ["evil.example", "evil.example:\(port)", "localhost.evil.example", "127.0.0.1.evil.example", "", "[::1", "a:b:c"] {
                let page = try await RawHTTP.get("/articles/2022/a/", port: port, host: host)
                #expect(page.status == 403, "Host: \(host)")
                #expect(!page.body.contains("Texte secret"), "Host: \(host)")
            }
            #expect(try await RawHTTP.get("/articles/2022/a/", port: port, host: nil).status == 403, "no Host at all")
            for host in ["127.0.0.1", "127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST", "apercu.localhost:\(port)", "[::1]:\(port)",
                         "192.168.1.20:\(port)", "apercu.redaction.example:\(port)"] {
                let page = try await RawHTTP.get("/articles/2022/a/", port: port, host: host)
                #expect(page.status == 200 && page.body.contains("Texte secret"), "Host: \(host)")
            }
            for origin in ["http://evil.example", "null", "http://localhost:\(port)", "https://127.0.0.1:\(port)"] {
                await #expect(throws: TCPConnection.Failure.self, "Origin: \(origin)") { try await EventProbe.open(port: port, origin: origin) }
            }
            await #expect(throws: TCPConnection.Failure.self, "Host refused") { try await EventProbe.open(port: port, host: "evil.example") }
            _ = try await EventProbe.open(port: port, host: "127.0.0.1:\(port)", origin: "http://127.0.0.1:\(port)")
            _ = try await EventProbe.open(port: port, host: "localhost:\(port)", origin: "http://localhost:\(port)")
            _ = try await EventProbe.open(port: port)
        }
    }
}

/// A plain HTTP/1.1 client over a POSIX socket, so that paths reach the server exactly as written.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// GET `path` with `Host: host` (nil: no Host header).
    static func get(_ path: String, port: UInt16, host: String? = "127.0.0.1") async throws -> Response {
        try await onThread { try blockingGet(path, port: port, host: host) }
    }

    private static func blockingGet(_ path: String, port: UInt16, host: String?) throws -> Response {
        let socket = try TCPConnection(port: port)
        try socket.send("GET \(path) HTTP/1.1\r\n" + (host.map { "Host: \($0)\r\n" } ?? "") + "Connection: close\r\n\r\n")
        let raw = socket.readAll()
        let text = String(decoding: raw, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first?.components(separatedBy: "\r\n") ?? []
        let status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}

/// A reader of the live-reload event stream (server-sent events), as a page's `EventSource`;
/// used by one test at a time, its blocking reads on threads of their own (``onThread(_:)``).
final class EventProbe: @unchecked Sendable {
    private let connection: TCPConnection
    private var buffer: [UInt8] = []

    /// Opens the stream, sending `Host: host` and `Origin: origin` (nil: none); throws unless answered 200.
    static func open(port: UInt16, host: String = "127.0.0.1", origin: String? = nil) async throws -> EventProbe {
        try await onThread { try EventProbe(port: port, host: host, origin: origin) }
    }

    private init(port: UInt16, host: String, origin: String?) throws {
        connection = try TCPConnection(port: port)
        try connection.send("GET \(LiveReloadScript.eventsPath) HTTP/1.1\r\nHost: \(host)\r\nAccept: text/event-stream\r\n"
                            + (origin.map { "Origin: \($0)\r\n" } ?? "") + "\r\n")
        while buffer.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
            guard let chunk = connection.read(timeout: 120) else { throw TCPConnection.Failure.closed }
            buffer += chunk
        }
        let end = buffer.firstRange(of: Array("\r\n\r\n".utf8))!.upperBound
        guard String(decoding: buffer[..<end], as: UTF8.self).hasPrefix("HTTP/1.1 200") else { throw TCPConnection.Failure.closed }
        buffer.removeFirst(end)
    }

    /// The data of the next event that satisfies `accept`, skipping others, or nil after `seconds`.
    func nextMessage(within seconds: Double, where accept: @escaping @Sendable (String) -> Bool) async -> String? {
        try? await onThread { self.blockingNextMessage(within: seconds, where: accept) }
    }

    private func blockingNextMessage(within seconds: Double, where accept: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let event = buffer.firstRange(of: Array("\n\n".utf8)) {
                let text = String(decoding: buffer[..<event.lowerBound], as: UTF8.self)
                buffer.removeFirst(event.upperBound)
                guard text.hasPrefix("data: ") else { continue }  // a comment (": ping")
                let data = String(text.dropFirst(6))
                if accept(data) { return data }
                continue
            }
            guard let chunk = connection.read(timeout: max(0.1, deadline.timeIntervalSinceNow)) else { continue }
            buffer += chunk
        }
        return nil
    }
}

/// Runs blocking socket code on a thread of its own, never on the few threads Swift's tasks share:
/// the server under test needs them (two tests blocking on sockets took both on two cores).
func onThread<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}

/// A TCP connection to 127.0.0.1.
final class TCPConnection: Sendable {
    enum Failure: Error { case socket, connect, closed }
    private let descriptor: Int32

    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.socket }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(descriptor)
            throw Failure.connect
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw Failure.closed }
    }

    /// Bytes that arrive within `timeout` seconds, or nil.
    func read(timeout: Double) -> [UInt8]? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = recv(descriptor, &chunk, chunk.count, 0)
        return count > 0 ? Array(chunk[..<count]) : nil
    }

    /// Everything until the server closes the connection (120 s at most: other test suites may keep
    /// the cooperative threads busy, and the server waits for one).
    func readAll() -> [UInt8] {
        var data: [UInt8] = []
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, let chunk = read(timeout: 120) { data += chunk }
        return data
    }
}
