import FlyingSocks
import Foundation
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
            // Just past each limit, with nothing left unread: the status says which.
            let line = try TCPConnection(port: port)
            try line.send("GET /" + String(repeating: "a", count: HTTPRequestHead.maxRequestLine) + " HTTP/1.1\r\n\r\n")
            #expect(String(decoding: try await onThread { line.readAll() }, as: UTF8.self).hasPrefix("HTTP/1.1 414"))
            let head = try TCPConnection(port: port)
            try head.send("GET / HTTP/1.1\r\n" + String(repeating: "X-Remplissage: " + String(repeating: "b", count: 1000) + "\r\n", count: 33) + "\r\n")
            #expect(String(decoding: try await onThread { head.readAll() }, as: UTF8.self).hasPrefix("HTTP/1.1 431"))
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -n 128 && exec \"$0\" serve --port 0 --content Content --templates \"$1\" --output Apercu",
                             gazette, PreviewSessionTests.repository.appendingPathComponent("Templates").path]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        // « Aperçu sur http://127.0.0.1:PORT/ »
        var printed = ""
        while !printed.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(printed.split(separator: ":").last.flatMap { UInt16($0.prefix { $0.isNumber }) }, "\(printed)")
        var held: [TCPConnection] = []
        for _ in 0..<300 { held.append(try TCPConnection(port: port)) }
        try await Task.sleep(for: .seconds(1))
        #expect(process.isRunning, "the server is still running with its descriptors exhausted")
        held.removeAll()
        #expect(try await RawHTTP.get("/", port: port).status == 200)
        #expect(process.isRunning)
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
