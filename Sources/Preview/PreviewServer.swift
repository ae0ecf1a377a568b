import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `gazette serve` (FlyingFox): the preview folder's files with the live-reload
/// script in every HTML page, the site's 404 page with status 404, folder redirects, no caching,
/// and the WebSocket that tells open pages about each build; requests from other sites' pages
/// are refused (``RequestGuard``).
public final class PreviewServer: Sendable {
    private let server: HTTPServer
    private let files: PreviewFiles
    private let events: BuildEvents
    private let requestGuard: RequestGuard

    /// A server for `folder` on `host`:`port` (`port` 0 picks a free one), answering the requests `requestGuard` accepts.
    public init(folder: String, host: String, port: UInt16, events: BuildEvents, requestGuard: RequestGuard = RequestGuard()) throws {
        files = PreviewFiles(folder: folder)
        self.events = events
        self.requestGuard = requestGuard
        let address: any SocketAddress = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port)
                                                            : try sockaddr_in.inet(ip4: host, port: port)
        server = HTTPServer(address: address, timeout: 60, logger: .disabled)
    }

    /// Serves until the task is cancelled.
    public func run() async throws {
        let files = self.files, requestGuard = self.requestGuard
        let socket = WebSocketHTTPHandler.webSocket(BuildEventsSocket(events: events))
        await server.appendRoute(HTTPRoute("GET \(LiveReloadScript.socketPath)")) { (request: HTTPRequest) async throws -> HTTPResponse in
            guard requestGuard.acceptsWebSocket(host: request.headers[.host], origin: request.headers[HTTPHeader("Origin")]) else {
                return Self.refused("Connexion refusée : cette page ne vient pas de l’aperçu.")
            }
            return try await socket.handleRequest(request)
        }
        await server.appendRoute("*") { (request: HTTPRequest) async throws -> HTTPResponse in
            guard requestGuard.accepts(host: request.headers[.host]) else {
                return Self.refused("Hôte refusé : l’aperçu ne répond qu’à localhost, à une adresse IP ou à un nom donné par --allowed-host.")
            }
            return Self.response(for: request, files: files)
        }
        try await server.run()
    }

    /// Waits until the server accepts connections, and returns its port.
    public func waitUntilListening() async throws -> UInt16 {
        try await server.waitUntilListening()
        switch await server.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: return 0
        }
    }

    static func response(for request: HTTPRequest, files: PreviewFiles) -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [.contentType: "text/plain; charset=utf-8"], body: Data("GET seulement\n".utf8))
        }
        switch files.resolve(request.target.path()) {
        case .file(let path, let contentType):
            return fileResponse(path: path, contentType: contentType, status: .ok, head: request.method == .HEAD)
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location, .cacheControl: "no-store"]))
        case .forbidden:
            return refused("Accès refusé : cette adresse sort du site.")
        case .notFound:
            if case .file(let path, let contentType) = files.resolve("/404.html") {
                return fileResponse(path: path, contentType: contentType, status: .notFound, head: request.method == .HEAD)
            }
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                                body: Data("Page introuvable\n".utf8))
        }
    }

    /// 403 with a French explanation.
    private static func refused(_ reason: String) -> HTTPResponse {
        HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                     body: Data((reason + "\n").utf8))
    }

    private static func fileResponse(path: String, contentType: String, status: HTTPStatusCode, head: Bool) -> HTTPResponse {
        guard var data = FileManager.default.contents(atPath: path) else {
            return HTTPResponse(statusCode: .notFound, headers: HTTPHeaders([.cacheControl: "no-store"]))
        }
        if contentType.hasPrefix("text/html") {
            data = Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self)).utf8)
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: contentType, .cacheControl: "no-store"], body: head ? Data() : data)
    }
}

/// Sends each build's outcome to one open page over its WebSocket, with a keep-alive.
struct BuildEventsSocket: WSMessageHandler {
    let events: BuildEvents

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let updates = await events.subscribe()
        return AsyncStream { continuation in
            let forward = Task {
                for await message in updates { continuation.yield(.text(message)) }
            }
            let keepAlive = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(20))
                    continuation.yield(.text("{\"type\":\"ping\"}"))
                }
            }
            let drain = Task {
                for await _ in client {}
                continuation.finish()
            }
            continuation.onTermination = { _ in
                forward.cancel()
                keepAlive.cancel()
                drain.cancel()
            }
        }
    }
}
