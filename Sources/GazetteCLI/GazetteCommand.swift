import ArgumentParser
import Foundation
import Gazette
import Preview
import SVGPlot
import SVGPlotGallery

/// `gazette`: builds the static site. The work is done by the `Gazette` library.
@main
struct GazetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Static report-site generator: Content/ + Templates/ → Output/.",
        version: GazetteVersion.current,
        subcommands: [Build.self, Serve.self, New.self, Check.self, Due.self, Gallery.self],
        defaultSubcommand: Build.self
    )
}

/// Output format of diagnostics.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into the output folder (atomically).",
        discussion: """
        Examples:
          gazette build
          gazette build --drafts --output /tmp/apercu
          gazette build --strict --format json > diagnostics.json
        """)

    @Option(help: "Folder with site.yml, articles/ and pages/.") var content = "Content"
    @Option(help: "Folder with the Mustache templates and assets/.") var templates = "Templates"
    @Option(help: "Folder to write the site into; replaced as a whole.") var output = "Output"
    @Option(name: .customLong("base-url"), help: "Absolute URL of the published site (overrides site.yml).") var baseURL: String?
    @Flag(help: "Publish articles marked draft: true.") var drafts = false
    @Flag(help: "Publish articles dated after the build time too.") var future = false
    @Flag(name: .customLong("no-search"), help: "Do not write the search index (recherche/index/).") var noSearch = false
    @Flag(name: .customLong("no-cache"), help: "Render every page: neither read nor write the build cache (.gazette-cache/ beside the output).")
    var noCache = false
    @Option(help: "Build time that decides which articles are published yet (default: SOURCE_DATE_EPOCH, else now).") var now: String?
    @Flag(help: "Fail on warnings too.") var strict = false
    @Flag(help: "Print how long each stage took.") var timings = false
    @Flag(help: "No progress line (it is shown only on a terminal, for builds over a second).") var quiet = false
    @Option(help: "How to print diagnostics: text or json (with the articles held back).") var format: DiagnosticFormat = .text
    @Option(help: "The previous publication's gazette-publication.json (a path or its address on the published site): warn of removed corrections and vanished addresses.")
    var previous: String?

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        var options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
                                   baseURL: baseURL, includeDrafts: drafts, strict: strict)
        options.includeFuture = future
        options.searchIndex = !noSearch
        options.incremental = !noCache
        options.syncsToDisk = true
        options.previousPublication = previous
        let progress = BuildProgress()
        options.progress = progress
        options.now = try dateOption(now, named: "--now")
        let builder = SiteBuilder(options: options)
        let progressLine = !quiet && ProgressLine.isTerminal ? ProgressLine(progress: progress) : nil
        progressLine?.start()
        do {
            let report = try { () throws(BuildFailure) in
                defer { progressLine?.stop() }
                return try builder.build()
            }()
            printDiagnostics(report.warnings, sources: report.sources, heldBack: report.heldBack)
            if timings {
                for timing in report.timings { print("  \(timing.stage): \(String(format: "%.0f", timing.milliseconds)) ms") }
            }
            let elapsed = clock.now - start
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            if format == .text {
                let outcome = report.isUnchanged
                    ? "nothing changed since the previous build (the \(count(report.filesWritten, "file")) in \(output)/ are left as they are)"
                    : "\(count(report.filesWritten, "file")) written to \(output)/" + (report.filesKept > 0 ? " (\(report.filesKept) unchanged)" : "")
                print("Built \(count(report.articleCount, "article")) and \(count(report.pageCount, "page")) in \(String(format: "%.0f", milliseconds)) ms: "
                      + outcome + (report.warnings.isEmpty ? "" : ", \(count(report.warnings.count, "warning"))") + ".")
                if let heldBack = Self.heldBackLine(report.heldBack) { print(heldBack) }
            }
        } catch {
            printDiagnostics(error.diagnostics, sources: error.sources)
            if format == .text {
                FileHandle.standardError.write(Data((error.summary(output: output) + "\n").utf8))
            }
            throw ExitCode(error.exitCode)
        }
    }

    private func count(_ number: Int, _ noun: String) -> String { BuildFailure.count(number, noun) }

    /// `Not published: 1 draft (…); 2 scheduled, the next on … (« … », …).`, or nil when the build held nothing back.
    static func heldBackLine(_ heldBack: [HeldBackArticle]) -> String? {
        let drafts = heldBack.filter { $0.scheduledFor == nil }, scheduled = heldBack.filter { $0.scheduledFor != nil }
        var parts: [String] = []
        if !drafts.isEmpty {
            parts.append(BuildFailure.count(drafts.count, "draft") + " (" + drafts.prefix(3).map(\.file).joined(separator: ", ")
                         + (drafts.count > 3 ? ", …" : "") + ")")
        }
        if let next = scheduled.first, let when = next.scheduledFor {
            parts.append("\(scheduled.count) scheduled, the next on \(when) (« \(next.title) », \(next.file))")
        }
        return parts.isEmpty ? nil : "Not published: " + parts.joined(separator: "; ") + "."
    }

    private func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: SourceFile], heldBack: [HeldBackArticle] = []) {
        guard !diagnostics.isEmpty || format == .json else { return }
        let printer = DiagnosticPrinter(sources: sources)
        switch format {
        case .text: FileHandle.standardError.write(Data(printer.text(diagnostics).utf8))
        case .json: print(printer.json(diagnostics, heldBack: heldBack))
        }
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: build it, serve it on 127.0.0.1 and rebuild on every change, with live reload.",
        discussion: """
        Open pages reload after each build; a build error is shown over the page until it is fixed.
        Drafts and articles dated in the future are shown (with a « Brouillon » or « Programmé »
        badge) unless --no-drafts. The preview is written to
        its own folder (.gazette-preview), never to Output/.

        Examples:
          gazette serve
          gazette serve --port 3000 --open
          gazette serve --no-drafts
        """)

    @Option(help: "Folder with site.yml, articles/ and pages/.") var content = "Content"
    @Option(help: "Folder with the Mustache templates and assets/.") var templates = "Templates"
    @Option(help: "Folder the preview is built into.") var output = ".gazette-preview"
    @Option(help: "Port to listen on (0: any free port).") var port: UInt16 = 8080
    @Option(help: "Address to listen on; anything but 127.0.0.1 or ::1 exposes the preview to the network.") var host = "127.0.0.1"
    @Option(name: .customLong("allowed-host"),
            help: "A host name the preview also answers (besides localhost, *.localhost and IP addresses); repeatable.")
    var allowedHosts: [String] = []
    @Flag(help: "Open the home page in the browser.") var open = false
    @Flag(name: .customLong("no-drafts"), help: "Show the site as published, without drafts.") var noDrafts = false

    func run() throws {
        do {
            try waitFor { try await serve() }
        } catch let problem as PreviewError {
            FileHandle.standardError.write(Data((problem.description + "\n").utf8))
            throw ExitCode(2)
        }
    }

    private func serve() async throws {
        if host != "127.0.0.1", host != "::1" {
            FileHandle.standardError.write(Data("warning: listening on \(host): anyone who can reach this machine can read the preview, drafts included.\n".utf8))
        }
        var options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
                                   baseURL: nil, includeDrafts: !noDrafts, strict: false)
        options.includeFuture = !noDrafts
        options.searchIndex = true
        var session = PreviewSession(options: options, host: host, port: port) { line in
            FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
        }
        session.requestGuard = RequestGuard(allowedHosts: allowedHosts)
        let openBrowser = open, host = self.host
        try await session.run { port in
            let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
            // Unbuffered, so that the address shows at once even when the output is not a terminal.
            FileHandle.standardOutput.write(Data("Aperçu sur \(url) (Ctrl-C pour arrêter)\n".utf8))
            if openBrowser { Self.openInBrowser(url) }
        }
    }

    private static func openInBrowser(_ url: String) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xdg-open")
        #endif
        process.arguments = [url]
        try? process.run()
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new article (a draft) with its front matter filled in, and print its path.",
        discussion: """
        The slug is written into the front matter: changing the title later keeps the address.

        Examples:
          gazette new "Cybersécurité : les GHT renforcent leurs équipes"
          gazette new "Budget cloud 2025" --tags cloud,budget --data
          gazette new "Annonce" --date 2025-03-01T09:00:00+01:00
        """)

    @Argument(help: "The article's title.") var title: String
    @Option(help: "Tags, separated by commas.") var tags: String = ""
    @Option(help: "Publication date with time and offset (default: now).") var date: String?
    @Flag(help: "Also write a starter CSV and chart for the article.") var data = false
    @Option(help: "Folder with site.yml, articles/ and pages/.") var content = "Content"

    func run() throws {
        let published = try dateOption(date, named: "--date")
        let tagList = tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            let paths = try ArticleScaffold(title: title, tags: tagList, date: published, withData: data).create(in: content)
            paths.forEach { print($0) }
        } catch {
            FileHandle.standardError.write(Data(DiagnosticPrinter(sources: error.sources).text(error.diagnostics).utf8))
            throw ExitCode(error.exitCode)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site in a temporary folder and check every internal link and #fragment.",
        discussion: """
        A broken link written in an article is reported at its line in the Markdown file; links to
        .md files and to pages that are not published (drafts) are broken links. Exit code 1 when
        any link is broken.

        --external also asks other sites (HEAD, then GET), 8 at a time, 10 s each; answers are kept
        a day in .gazette-cache/external-links.json. An address that cannot be reached is a warning,
        one that answers 4xx or 5xx an error.

        Examples:
          gazette check
          gazette check --built Output
          gazette check --external
        """)

    @Option(help: "Folder with site.yml, articles/ and pages/.") var content = "Content"
    @Option(help: "Folder with the Mustache templates and assets/.") var templates = "Templates"
    @Option(help: "Check this already built site instead of building one.") var built: String?
    @Option(help: "How to print diagnostics: text or json.") var format: DiagnosticFormat = .text
    @Flag(help: "Also check links to other sites (needs the network).") var external = false

    func run() throws {
        try waitFor { try await check() }
    }

    private func check() async throws {
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: ".gazette-check-unused")
        let externalChecker = external ? ExternalLinkChecker(cacheFile: ".gazette-cache/external-links.json") : nil
        do {
            let (diagnostics, sources) = try await SiteCheck(options: options).run(builtFolder: built, external: externalChecker)
            let printer = DiagnosticPrinter(sources: sources)
            if format == .json { print(printer.json(diagnostics)) } else { FileHandle.standardError.write(Data(printer.text(diagnostics).utf8)) }
            let broken = diagnostics.filter { $0.severity == .error }.count
            guard broken == 0 else {
                if format == .text { FileHandle.standardError.write(Data("\(BuildFailure.count(broken, "broken link")).\n".utf8)) }
                throw ExitCode(1)
            }
            if format == .text { print("All links lead somewhere.") }
        } catch let failure as BuildFailure {
            FileHandle.standardError.write(Data(DiagnosticPrinter(sources: failure.sources).text(failure.diagnostics).utf8))
            throw ExitCode(failure.exitCode)
        }
    }
}

struct Gallery: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write an HTML page with every chart kind, light and dark, desktop and phone.")

    @Option(help: "File to write.") var output = ".build/gallery/index.html"

    func run() throws {
        let url = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(ChartGallery.html(source: ChartSpecYAML.text).utf8).write(to: url)
        print("Gallery written to \(output)")
    }
}

/// Runs `work` to its end from a synchronous command. The root command stays synchronous so that
/// `gazette build` never starts Swift's concurrency runtime (valgrind 3.19, which `make memcheck`
/// runs on a whole build, crashes on an `async` main).
func waitFor(_ work: @escaping @Sendable () async throws -> Void) throws {
    nonisolated(unsafe) var failure: (any Error)?
    let done = DispatchSemaphore(value: 0)
    Task {
        do { try await work() } catch { failure = error }
        done.signal()
    }
    done.wait()
    if let failure { throw failure }
}
