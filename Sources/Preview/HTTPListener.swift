import FlyingSocks
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The preview's HTTP/1.1 server, on FlyingSocks' non-blocking sockets: heads read within the
/// limits of ``HTTPRequestHead`` and within a time limit (408 and closed otherwise, so a slow
/// client frees its connection), responses written within ``writeTimeout``, keep-alive, bodies
/// whole or streamed (server-sent events). Accepting never stops the server: it holds at most
/// ``clientLimit`` connections, leaving ``descriptorReserve`` descriptors free (further clients
/// wait in the listen queue), and when an accept fails all the same (`EMFILE`) it waits and
/// accepts again. FlyingFox's server, used before, had no limit on a head's size and ended when
/// an accept failed.
final class HTTPListener: Sendable {
    /// What to answer to one request.
    struct Reply: Sendable {
        enum Body: Sendable {
            case bytes(Data)
            /// Chunks written as they come (a `text/event-stream`), until the stream ends or
            /// the client leaves.
            case stream(AsyncStream<String>)
        }

        var status: Int
        var headers: [(name: String, value: String)]
        var body: Body
    }

    /// Seconds a response (or one chunk of a stream) may take to be written.
    static let writeTimeout = 30.0

    private let socket: Socket
    /// The port listened on.
    let port: UInt16
    /// Seconds a client has to send a whole head (and, between requests, to start the next one).
    private let headTimeout: Double
    /// Descriptors the server leaves free for the rest of the process: the builds, and the system's
    /// dispatch library, which opens files of `/proc` to watch its threads and stops the process
    /// (SIGILL) when it cannot (seen with 300 connections under `ulimit -n 128`).
    static let descriptorReserve = 32
    /// The most connections held at once: the open-files limit less ``descriptorReserve``.
    private let clientLimit: Int
    private let clients = Atomic(0)

    /// Listens on `address` (the port is taken now: a port in use fails here), giving each client
    /// `headTimeout` seconds to send a request's head.
    init(address: some SocketAddress, headTimeout: Double = 15) throws {
        self.headTimeout = headTimeout
        clientLimit = max(8, Self.raiseDescriptorLimit() - Self.descriptorReserve)
        socket = try Socket(domain: Int32(type(of: address).family))
        try socket.setValue(true, for: .localAddressReuse)
        #if canImport(Darwin)
        // A write to a client that left must fail, not end the process (Linux sends with MSG_NOSIGNAL).
        try socket.setValue(true, for: .noSIGPIPE)
        #endif
        try socket.bind(to: address)
        try socket.listen()
        switch try socket.sockname() {
        case .ip4(_, let port), .ip6(_, let port): self.port = port
        default: port = 0
        }
    }

    /// Answers each request with `respond` until the task is cancelled.
    func run(_ respond: @escaping @Sendable (HTTPRequestHead) async -> Reply) async throws {
        // The first timed wait makes the system's dispatch library open the descriptor of its
        // timers; made later, while descriptors are exhausted, that fails and it stops the process
        // (SIGILL, seen with 300 connections under `ulimit -n 128`). So one wait now.
        try await Task.sleep(for: .milliseconds(1))
        let pool: some AsyncSocketPool = .make()
        try await pool.prepare()
        let listening = try AsyncSocket(socket: socket, pool: pool)
        defer { try? listening.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask { await self.accept(on: listening, respond) }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Accepts connections until cancelled; a failed accept (no descriptor left) waits a little.
    private func accept(on listening: AsyncSocket, _ respond: @escaping @Sendable (HTTPRequestHead) async -> Reply) async {
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                guard clients.load(ordering: .relaxed) < clientLimit else {
                    try? await Task.sleep(for: .milliseconds(20))
                    continue
                }
                do {
                    let client = try await listening.accept()
                    clients.add(1, ordering: .relaxed)
                    group.addTask {
                        await self.serve(client, respond)
                        self.clients.subtract(1, ordering: .relaxed)
                    }
                } catch {
                    try? await Task.sleep(for: .milliseconds(100))
                }
            }
        }
    }

    /// Reads requests from `client` and answers them, until it closes, asks to, or breaks a limit.
    private func serve(_ client: AsyncSocket, _ respond: @escaping @Sendable (HTTPRequestHead) async -> Reply) async {
        defer { try? client.close() }
        var pending: [UInt8] = []
        while !Task.isCancelled {
            let head: HTTPRequestHead
            do {
                let buffered = pending
                guard let (read, rest) = try await Self.within(headTimeout, { try await Self.readHead(from: client, after: buffered) }) else { return }
                (head, pending) = (read, rest)
            } catch let problem as HTTPRequestHead.Problem {
                try? await Self.write(Self.plain(problem.status), to: client, omittingBody: false, keepAlive: false)
                await Self.drain(client)
                return
            } catch is TimedOut {
                try? await Self.write(Self.plain(408), to: client, omittingBody: false, keepAlive: false)
                return
            } catch {
                return
            }
            // A body is never read: the connection cannot carry another request after it.
            let keepAlive = head.keepsAlive && !head.hasBody
            let reply = await respond(head)
            do {
                try await Self.write(reply, to: client, omittingBody: head.method == "HEAD", keepAlive: keepAlive)
            } catch {
                return
            }
            if !keepAlive { return }
        }
    }

    /// After a refusal (414, 431) the client may still be sending the head that broke the limit;
    /// closing with its bytes unread makes the system reset the connection, and the client can
    /// lose the reply on its way. So the sending side is shut, and what still comes is read and
    /// dropped, a megabyte and a second at most, before the socket closes (a lingering close).
    private static func drain(_ client: AsyncSocket) async {
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        _ = try? await within(1) {
            var dropped = 0
            while dropped < 1 << 20, let chunk = try? await client.read(atMost: 16384), !chunk.isEmpty { dropped += chunk.count }
            return true
        }
    }

    /// The next head from `client`, after the bytes `buffered` already read, with the bytes read
    /// past it; nil when the client closes before sending one.
    private static func readHead(from client: AsyncSocket, after buffered: [UInt8]) async throws -> (HTTPRequestHead, [UInt8])? {
        var bytes = buffered
        while true {
            if let (head, length) = try HTTPRequestHead.parse(bytes[...]) { return (head, Array(bytes[length...])) }
            let chunk: [UInt8]
            do {
                chunk = try await client.read(atMost: 4096)
            } catch SocketError.disconnected {
                return nil
            }
            if chunk.isEmpty { return nil }
            bytes += chunk
        }
    }

    private static func write(_ reply: Reply, to client: AsyncSocket, omittingBody: Bool, keepAlive: Bool) async throws {
        var head = "HTTP/1.1 \(reply.status) \(reason(reply.status))\r\n"
        for (name, value) in reply.headers { head += "\(name): \(value)\r\n" }
        switch reply.body {
        case .bytes(let data):
            head += "Content-Length: \(data.count)\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n"
            let bytes = Data(head.utf8) + (omittingBody ? Data() : data)
            try await within(writeTimeout) { try await client.write(bytes) }
        case .stream(let chunks):
            head += "Connection: close\r\n\r\n"
            let bytes = Data(head.utf8)
            try await within(writeTimeout) { try await client.write(bytes) }
            guard !omittingBody else { return }
            for await chunk in chunks {
                try await within(writeTimeout) { try await client.write(Data(chunk.utf8)) }
            }
        }
    }

    /// A short plain-text answer for an error status.
    static func plain(_ status: Int, _ text: String? = nil) -> Reply {
        Reply(status: status, headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")],
              body: .bytes(Data(((text ?? reason(status)) + "\n").utf8)))
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        default: "Status \(status)"
        }
    }

    private struct TimedOut: Error {}

    /// `operation`'s result, or ``TimedOut`` (and `operation` cancelled) after `seconds`.
    private static func within<Value: Sendable>(_ seconds: Double, _ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw TimedOut() }
            return value
        }
    }

    /// Raises the soft limit of open files to the hard one (macOS starts processes at 256): a
    /// browser opens several connections per page, and the preview must not run out first.
    /// Returns the limit now in force.
    private static func raiseDescriptorLimit() -> Int {
        #if canImport(Glibc)
        let openFiles = Int32(RLIMIT_NOFILE.rawValue)
        #else
        let openFiles = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        guard getrlimit(openFiles, &limit) == 0 else { return 1024 }
        // macOS refuses more than OPEN_MAX (10 240) however high the hard limit.
        let wanted = min(limit.rlim_max, 10_240)
        let current = Int(clamping: limit.rlim_cur)
        guard limit.rlim_cur < wanted else { return current }
        limit.rlim_cur = wanted
        return setrlimit(openFiles, &limit) == 0 ? Int(clamping: wanted) : current
    }
}
