import FlyingSocks
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Preview

/// The preview's server against clients that would take it down (hostile-input round 3,
/// points 7 and 8).
@Suite(.serialized, .timeLimit(.minutes(5))) struct HTTPListenerTests {
    /// A listener on a free port of 127.0.0.1 answering « bonjour », served until `use` returns.
    private func withListener(headTimeout: Double, _ use: (UInt16) async throws -> Void) async throws {
        let listener = try HTTPListener(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), headTimeout: headTimeout)
        let task = Task { try await listener.run { _ in HTTPListener.plain(200, "bonjour") } }
        defer { task.cancel() }
        try await use(listener.port)
    }

    /// Point 8: a 10 MB header, a 1 MB request line and a client that stops halfway are each
    /// answered (431, 414, 408) and closed within seconds, and requests sent meanwhile are served.
    @Test func oversizedAndSlowClientsAreCutOffWhileOthersAreServed() async throws {
        try await withListener(headTimeout: 2) { port in
            let slow = try TCPConnection(port: port)
            try slow.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Lent: ")
            let hugeHeader = Sender(port: port, "GET / HTTP/1.1\r\nX-Enorme: " + String(repeating: "a", count: 10_000_000) + "\r\n\r\n")
            let hugeLine = Sender(port: port, "GET /" + String(repeating: "a", count: 1_000_000) + " HTTP/1.1\r\n\r\n")
            #expect(try await RawHTTP.get("/", port: port).body == "bonjour\n", "served while the others are in flight")
            #expect(try await onThread { hugeHeader.finished(within: 10) }, "the 10 MB header's connection is closed")
            #expect(try await onThread { hugeLine.finished(within: 10) }, "the 1 MB request line's connection is closed")
            #expect(String(decoding: try await onThread { slow.readAll() }, as: UTF8.self).hasPrefix("HTTP/1.1 408"))
        }
        // Just past each limit, with nothing left unread: the status says which (with a head timeout
        // long enough that a loaded machine still reads the whole head before it: 408 otherwise).
        try await withListener(headTimeout: 30) { port in
            let line = try TCPConnection(port: port)
            try line.send("GET /" + String(repeating: "a", count: HTTPRequestHead.maxRequestLine) + " HTTP/1.1\r\n\r\n")
            let lineAnswer = String(decoding: try await onThread { line.readAll() }, as: UTF8.self)
            #expect(lineAnswer.hasPrefix("HTTP/1.1 414"), "\(lineAnswer.prefix(40))")
            let head = try TCPConnection(port: port)
            try head.send("GET / HTTP/1.1\r\n" + String(repeating: "X-Remplissage: " + String(repeating: "b", count: 1000) + "\r\n", count: 33) + "\r\n")
            let headAnswer = String(decoding: try await onThread { head.readAll() }, as: UTF8.self)
            #expect(headAnswer.hasPrefix("HTTP/1.1 431"), "\(headAnswer.prefix(40))")
            #expect(try await RawHTTP.get("/", port: port).status == 200)
        }
    }

    /// Point 7: `gazette serve` with 128 file descriptors and 300 connections held open keeps
    /// running (accepts wait and retry), and answers once they are gone.
    @Test func theServerOutlivesRunningOutOfDescriptors() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-fd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Content/articles"), withIntermediateDirectories: true)
        try Data("title: Test\nbase_url: https://test.example/\n".utf8).write(to: folder.appendingPathComponent("Content/site.yml"))
        let gazette = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gazette").path
        #expect(FileManager.default.isExecutableFile(atPath: gazette), "swift test builds the command too: \(gazette)")
        let errors = folder.appendingPathComponent("serve.log").path
        let server = try CleanProcess(["/usr/bin/prlimit", "--nofile=128:128", "--", gazette, "serve", "--port", "0",
                                       "--content", folder.path + "/Content", "--output", folder.path + "/Apercu",
                                       "--templates", PreviewSessionTests.repository.appendingPathComponent("Templates").path],
                                      log: errors)
        defer { server.stop() }
        func log() -> String { (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "" }
        // « Aperçu sur http://127.0.0.1:PORT/ »
        let printed = try await onThread { server.firstLine() }
        let port = try #require(printed.split(separator: ":").last.flatMap { UInt16($0.prefix { $0.isNumber }) }, "\(printed)")
        var held: [TCPConnection] = []
        for index in 0..<300 {
            guard let connection = try? TCPConnection(port: port) else {
                Issue.record("connection \(index) refused: \(log()) (running: \(server.isRunning))")
                return
            }
            held.append(connection)
        }
        try await Task.sleep(for: .seconds(1))
        #expect(server.isRunning, "the server is still running with its descriptors exhausted: \(log())")
        held.removeAll()
        #expect(try await RawHTTP.get("/", port: port).status == 200, "\(server.isRunning ? "" : server.ending ?? ""): \(log())")
        #expect(server.isRunning, "\(server.ending ?? ""): \(log())")
    }
}

/// A program started with nothing of the test process but its standard input: no descriptor is
/// inherited (Foundation's `Process` passes on every one not marked close-on-exec, such as other
/// tests' sockets), standard output on a pipe, standard error to the file `log`.
private final class CleanProcess: Sendable {
    private let pid: pid_t
    private let output: Int32

    init(_ arguments: [String], log: String) throws {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw TCPConnection.Failure.socket }
        let logFile = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, logFile, 2)
        // glibc 2.34's posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not declare.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
            throw TCPConnection.Failure.socket
        }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        var pid: pid_t = 0
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        close(pipeEnds[1])
        close(logFile)
        guard status == 0 else { throw TCPConnection.Failure.socket }
        self.pid = pid
        output = pipeEnds[0]
    }

    /// The first line the program prints (blocking).
    func firstLine() -> String {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(output, &byte, 1) == 1, byte != UInt8(ascii: "\n") { line.append(byte) }
        return String(decoding: line, as: UTF8.self)
    }

    private let ended = Mutex<String?>(nil)

    /// How the process ended (`exit 1`, `signal 4`), once ``isRunning`` has seen it end.
    var ending: String? { ended.withLock { $0 } }

    var isRunning: Bool {
        ended.withLock { ending in
            guard ending == nil else { return false }
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            guard result != 0 else { return true }
            ending = result != pid ? "unknown" : (status & 0x7F == 0 ? "exit \((status >> 8) & 0xFF)" : "signal \(status & 0x7F)")
            return false
        }
    }

    func stop() {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(output)
    }
}

/// Sends `text` on its own thread (a blocking send), and tells when the send has ended: all sent,
/// or the server closed the connection.
private final class Sender: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(port: UInt16, _ text: String) {
        let connection = try? TCPConnection(port: port)
        Thread.detachNewThread { [done] in
            try? connection?.send(text)
            _ = connection?.readAll()
            done.signal()
        }
    }

    /// Whether the connection ended within `seconds`.
    func finished(within seconds: Double) -> Bool {
        done.wait(timeout: .now() + seconds) == .success
    }
}
