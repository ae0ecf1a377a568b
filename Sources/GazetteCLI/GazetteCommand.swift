import ArgumentParser
import Foundation
import Gazette
import Preview
import SVGPlot
import SVGPlotGallery
import Wording

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

extension Language: ExpressibleByArgument {}

/// `--lang`: the language of the messages, the site's by default.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of the messages: fr or en (default: site.yml's language:, English without a site.yml).")
    var lang: Language?

    /// The language asked for, else the site's in `content`.
    func language(content: String) -> Language { lang ?? SiteLanguage.of(contentDirectory: content) }
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
    @OptionGroup var languageOption: LanguageOption
    @Option(help: "The previous publication's gazette-publication.json (a path or its address on the published site): warn of removed corrections and vanished addresses.")
    var previous: String?

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let language = languageOption.language(content: content)
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
            printDiagnostics(report.warnings, sources: report.sources, language: language, heldBack: report.heldBack)
            if timings {
                for timing in report.timings { print("  \(timing.stage): \(String(format: "%.0f", timing.milliseconds)) ms") }
            }
            let elapsed = clock.now - start
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            if format == .text {
                print(language.text(Self.builtLine(report, output: output, milliseconds: milliseconds)))
                if let heldBack = Self.heldBackLine(report.heldBack) { print(language.text(heldBack)) }
            }
        } catch {
            printDiagnostics(error.diagnostics, sources: error.sources, language: language)
            if format == .text {
                FileHandle.standardError.write(Data((language.text(error.summary(output: output)) + "\n").utf8))
            }
            throw ExitCode(error.exitCode)
        }
    }

    /// `Built 7 articles and 3 pages in 412 ms: 38 files written to Output/ (12 unchanged), 1 warning.`
    static func builtLine(_ report: BuildReport, output: String, milliseconds: Double) -> Phrase {
        let files = report.filesWritten
        let written: Phrase = files == 1 ? "1 file" : "\(files) files"
        let outcome: Phrase = report.isUnchanged
            ? "nothing changed since the previous build (the \(written) in \(output)/ are left as they are)"
            : files == 1 ? "1 file written to \(output)/" : "\(files) files written to \(output)/"
        let kept: Phrase = report.filesKept > 0 && !report.isUnchanged ? " (\(report.filesKept) unchanged)" : ""
        let count = report.warnings.count
        let warnings: Phrase = count == 0 ? "" : count == 1 ? ", 1 warning" : ", \(count) warnings"
        let articles: Phrase = report.articleCount == 1 ? "1 article" : "\(report.articleCount) articles"
        let pages: Phrase = report.pageCount == 1 ? "1 page" : "\(report.pageCount) pages"
        return "Built \(articles) and \(pages) in \(String(format: "%.0f", milliseconds)) ms: \(outcome)\(kept)\(warnings)."
    }

    /// `Not published: 1 draft (…); 2 scheduled, the next on … (« … », …).`, or nil when the build held nothing back.
    static func heldBackLine(_ heldBack: [HeldBackArticle]) -> Phrase? {
        let drafts = heldBack.filter { $0.scheduledFor == nil }, scheduled = heldBack.filter { $0.scheduledFor != nil }
        var parts: [Phrase] = []
        if !drafts.isEmpty {
            let files = drafts.prefix(3).map(\.file).joined(separator: ", ") + (drafts.count > 3 ? ", …" : "")
            parts.append(drafts.count == 1 ? "1 draft (\(files))" : "\(drafts.count) drafts (\(files))")
        }
        if let next = scheduled.first, let when = next.scheduledFor {
            parts.append("\(scheduled.count) scheduled, the next on \(when) (« \(next.title) », \(next.file))")
        }
        guard let first = parts.first else { return nil }
        let listed = parts.dropFirst().reduce(first) { "\($0); \($1)" }
        return "Not published: \(listed)."
    }

    private func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: SourceFile], language: Language, heldBack: [HeldBackArticle] = []) {
        guard !diagnostics.isEmpty || format == .json else { return }
        let printer = DiagnosticPrinter(sources: sources, language: language)
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
    @OptionGroup var languageOption: LanguageOption

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
            let warning = languageOption.language(content: content).text("warning: listening on \(host): anyone who can reach this machine can read the preview, drafts included.")
            FileHandle.standardError.write(Data((warning + "\n").utf8))
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
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let published = try dateOption(date, named: "--date")
        let tagList = tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        do {
            let paths = try ArticleScaffold(title: title, tags: tagList, date: published, withData: data).create(in: content)
            paths.forEach { print($0) }
        } catch {
            let printer = DiagnosticPrinter(sources: error.sources, language: languageOption.language(content: content))
            FileHandle.standardError.write(Data(printer.text(error.diagnostics).utf8))
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
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        try waitFor { try await check() }
    }

    private func check() async throws {
        let options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: ".gazette-check-unused")
        let externalChecker = external ? ExternalLinkChecker(cacheFile: ".gazette-cache/external-links.json") : nil
        let language = languageOption.language(content: content)
        do {
            let (diagnostics, sources) = try await SiteCheck(options: options).run(builtFolder: built, external: externalChecker)
            let printer = DiagnosticPrinter(sources: sources, language: language)
            if format == .json { print(printer.json(diagnostics)) } else { FileHandle.standardError.write(Data(printer.text(diagnostics).utf8)) }
            let broken = diagnostics.filter { $0.severity == .error }.count
            guard broken == 0 else {
                if format == .text { FileHandle.standardError.write(Data((language.text(broken == 1 ? "1 broken link." : "\(broken) broken links.") + "\n").utf8)) }
                throw ExitCode(1)
            }
            if format == .text { print(language.text("All links lead somewhere.")) }
        } catch let failure as BuildFailure {
            FileHandle.standardError.write(Data(DiagnosticPrinter(sources: failure.sources, language: language).text(failure.diagnostics).utf8))
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
