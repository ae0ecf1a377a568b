import Wording
import FlyingSocks
import Foundation
import Gazette

/// `gazette serve`: builds the site into the preview folder, serves it, and rebuilds on every
/// change below `Content/` and `Templates/`, telling open pages to reload or showing the errors.
/// Bad content never stops it.
public struct PreviewSession: Sendable {
    /// Where and how to build (its output is the preview folder).
    public var options: BuildOptions
    public var host: String
    public var port: UInt16
    /// Which requests are answered (host names beyond loopback and IP addresses).
    public var requestGuard = RequestGuard()
    /// Where progress and diagnostics are written (the terminal).
    public var log: @Sendable (String) -> Void

    /// Creates a session; its builds are always incremental (``BuildOptions/incremental``): after
    /// an edit, only the pages it reaches are rendered again.
    public init(options: BuildOptions, host: String, port: UInt16, log: @escaping @Sendable (String) -> Void) {
        var options = options
        options.incremental = true
        self.options = options
        self.host = host
        self.port = port
        self.log = log
    }

    /// Builds, serves and watches until cancelled; `onListening` receives the port once pages can be asked for.
    public func run(onListening: @escaping @Sendable (UInt16) -> Void = { _ in }) async throws {
        let events = BuildEvents()
        await build(events: events)
        try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
        let server = try openServer(events: events)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                onListening(server.port)
                let watcher = FolderWatcher(folders: [options.contentDirectory, options.templatesDirectory])
                for await _ in watcher.changes() {
                    await build(events: events)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The server on ``port``, or, when another program holds it (another preview, often), on the
    /// next free one of the ten after it, said in the terminal; a port no one can take is said in
    /// French with `--port`, not as a socket error.
    private func openServer(events: BuildEvents) throws -> PreviewServer {
        let candidates = port == 0 ? [port] : (0...10).compactMap { port.addingReportingOverflow($0).overflow ? nil : port + $0 }
        for candidate in candidates {
            do {
                let server = try PreviewServer(folder: options.outputDirectory, host: host, port: candidate, events: events, requestGuard: requestGuard)
                if candidate != port { log("Le port \(port) est déjà utilisé (par un autre aperçu\u{A0}?)\u{A0}: l’aperçu prend le port \(candidate).") }
                return server
            } catch SocketError.failed(_, let code, _) where code == EADDRINUSE {
                continue
            }
        }
        throw PreviewError("Les ports \(port) à \(candidates.last ?? port) sont tous utilisés\u{A0}: arrêtez l’autre aperçu, ou choisissez un port avec --port, par exemple --port 3000.")
    }

    /// One build: success or failure is told to the terminal and to the open pages.
    func build(events: BuildEvents) async {
        // The language is read at each build: an editor may change it in site.yml.
        let language = SiteLanguage.of(contentDirectory: options.contentDirectory)
        do {
            let report = try SiteBuilder(options: options).build()
            if !report.warnings.isEmpty { log(DiagnosticPrinter(sources: report.sources, language: language).text(report.warnings)) }
            let articles = report.articleCount == 1 ? "1 article" : "\(report.articleCount) articles"
            if report.isUnchanged {
                log("Rien n’a changé depuis la dernière construction\u{A0}: \(articles) (\(options.outputDirectory)/).")
            } else {
                let kept = report.filesKept > 0 ? ", \(report.filesKept) pages inchangées gardées" : ""
                log("Site reconstruit\u{A0}: \(articles)\(kept) (\(options.outputDirectory)/).")
            }
            await events.buildSucceeded(warnings: report.warnings.map { described($0, in: language) })
        } catch {
            let text = DiagnosticPrinter(sources: error.sources, language: language).text(error.diagnostics)
            log(text + language.text(error.summary(output: options.outputDirectory)))
            await events.buildFailed(text: text, diagnostics: error.diagnostics.map { described($0, in: language) })
        }
    }

    /// A diagnostic as the page receives it; its file named from the content or templates folder
    /// (`Content/articles/2024/a.md`), as the editor knows it.
    private func described(_ diagnostic: Diagnostic, in language: Language) -> [String: String] {
        var file = diagnostic.location.file
        for folder in [options.contentDirectory, options.templatesDirectory] {
            let parent = (folder as NSString).deletingLastPathComponent
            if !parent.isEmpty, file.hasPrefix(parent + "/") { file = String(file.dropFirst(parent.count + 1)) }
        }
        return ["file": file, "line": String(diagnostic.location.line), "column": String(diagnostic.location.column),
                "severity": diagnostic.severity.rawValue, "code": diagnostic.code.rawValue, "message": language.text(diagnostic.wording)]
    }
}

/// A problem of the preview itself, said to the editor as it is.
public struct PreviewError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
