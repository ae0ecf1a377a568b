import FlyingSocks
import Foundation

/// The HTTP side of `gazette serve` (``HTTPListener``): the preview folder's files with the
/// live-reload script in every HTML page, the site's 404 page with status 404, folder redirects,
/// no caching, and the event stream that tells open pages about each build; requests from other
/// sites' pages are refused (``RequestGuard``).
public final class PreviewServer: Sendable {
    private let listener: HTTPListener
    private let files: PreviewFiles
    private let events: BuildEvents
    private let requestGuard: RequestGuard

    /// A server for `folder` on `host`:`port` (`port` 0 picks a free one), answering the requests
    /// `requestGuard` accepts. Throws when the port cannot be taken.
    public init(folder: String, host: String, port: UInt16, events: BuildEvents, requestGuard: RequestGuard = RequestGuard()) throws {
        files = PreviewFiles(folder: folder)
        self.events = events
        self.requestGuard = requestGuard
        listener = host.contains(":") ? try HTTPListener(address: try sockaddr_in6.inet6(ip6: host, port: port))
                                      : try HTTPListener(address: try sockaddr_in.inet(ip4: host, port: port))
    }

    /// The port listened on.
    public var port: UInt16 { listener.port }

    /// Serves until the task is cancelled.
    public func run() async throws {
        let files = self.files, requestGuard = self.requestGuard, events = self.events
        try await listener.run { request in
            guard requestGuard.accepts(host: request.headers["host"]) else {
                return Self.refused("Hôte refusé : l’aperçu ne répond qu’à localhost, à une adresse IP ou à un nom donné par --allowed-host.")
            }
            if request.path == LiveReloadScript.eventsPath {
                guard requestGuard.acceptsLiveReload(host: request.headers["host"], origin: request.headers["origin"]) else {
                    return Self.refused("Connexion refusée : cette page ne vient pas de l’aperçu.")
                }
                return HTTPListener.Reply(status: 200, headers: [("Content-Type", "text/event-stream; charset=utf-8"), ("Cache-Control", "no-store")],
                                          body: .stream(await Self.eventStream(events)))
            }
            return Self.response(for: request, files: files)
        }
    }

    /// Each build's outcome as server-sent events, with a comment every 20 seconds so that a
    /// page that went away is noticed (its write fails).
    private static func eventStream(_ events: BuildEvents) async -> AsyncStream<String> {
        let updates = await events.subscribe()
        return AsyncStream { continuation in
            let forward = Task {
                for await message in updates { continuation.yield("data: " + message + "\n\n") }
                continuation.finish()
            }
            let keepAlive = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(20))
                    continuation.yield(": ping\n\n")
                }
            }
            continuation.onTermination = { _ in
                forward.cancel()
                keepAlive.cancel()
            }
        }
    }

    static func response(for request: HTTPRequestHead, files: PreviewFiles) -> HTTPListener.Reply {
        guard request.method == "GET" || request.method == "HEAD" else {
            return HTTPListener.plain(405, "GET seulement")
        }
        switch files.resolve(request.path) {
        case .file(let path, let contentType):
            return fileResponse(path: path, contentType: contentType, status: 200)
        case .redirect(let location):
            return HTTPListener.Reply(status: 301, headers: [("Location", location), ("Cache-Control", "no-store")], body: .bytes(Data()))
        case .forbidden:
            return refused("Accès refusé : cette adresse sort du site.")
        case .notFound:
            if case .file(let path, let contentType) = files.resolve("/404.html") {
                return fileResponse(path: path, contentType: contentType, status: 404)
            }
            // No site yet (the first build failed): a page that shows the build's errors and
            // reloads once the content is fixed, as every page of a built preview does.
            return HTTPListener.Reply(status: 404, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
                                      body: .bytes(Data(LiveReloadScript.inject(into: notBuiltYet).utf8)))
        }
    }

    /// The page of a preview whose site was never built.
    private static let notBuiltYet = """
    <!DOCTYPE html>
    <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Aperçu en attente</title></head>
    <body style="font:16px/1.5 system-ui,sans-serif;margin:2rem">
    <h1>Le site n’a pas encore pu être construit</h1>
    <p>Corrigez le fichier indiqué par l’erreur et enregistrez-le&#160;: cette page se mettra à jour toute seule.</p>
    </body></html>

    """

    /// 403 with a French explanation.
    private static func refused(_ reason: String) -> HTTPListener.Reply {
        HTTPListener.plain(403, reason)
    }

    private static func fileResponse(path: String, contentType: String, status: Int) -> HTTPListener.Reply {
        guard var data = FileManager.default.contents(atPath: path) else { return HTTPListener.plain(404, "Page introuvable") }
        if contentType.hasPrefix("text/html") {
            data = Data(LiveReloadScript.inject(into: String(decoding: data, as: UTF8.self)).utf8)
        }
        return HTTPListener.Reply(status: status, headers: [("Content-Type", contentType), ("Cache-Control", "no-store")], body: .bytes(data))
    }
}
