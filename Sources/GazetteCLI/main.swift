import ArgumentParser
import Foundation
import Gazette
import SVGPlot

/// `gazette`: builds the static site. The work is done by the `Gazette` library.
@main
struct GazetteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Static report-site generator: Content/ + Templates/ → Output/.",
        subcommands: [Build.self, Gallery.self],
        defaultSubcommand: Build.self
    )
}

/// Output format of diagnostics.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder (atomically).")

    @Option(help: "Folder with site.yml, articles/ and pages/.") var content = "Content"
    @Option(help: "Folder with the Mustache templates and assets/.") var templates = "Templates"
    @Option(help: "Folder to write the site into; replaced as a whole.") var output = "Output"
    @Option(name: .customLong("base-url"), help: "Absolute URL of the published site (overrides site.yml).") var baseURL: String?
    @Flag(help: "Publish articles marked draft: true.") var drafts = false
    @Flag(help: "Fail on warnings too.") var strict = false
    @Flag(help: "Print how long each stage took.") var timings = false
    @Option(help: "How to print diagnostics: text or json.") var format: DiagnosticFormat = .text

    func run() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let builder = SiteBuilder(options: BuildOptions(
            contentDirectory: content, templatesDirectory: templates, outputDirectory: output,
            baseURL: baseURL, includeDrafts: drafts, strict: strict))
        do {
            let report = try builder.build()
            printDiagnostics(report.warnings, sources: report.sources)
            if timings {
                for timing in report.timings { print("  \(timing.stage): \(String(format: "%.0f", timing.milliseconds)) ms") }
            }
            let elapsed = clock.now - start
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            if format == .text {
                print("Built \(count(report.articleCount, "article")) and \(count(report.pageCount, "page")): \(count(report.filesWritten, "file")) written to \(output)/ in \(String(format: "%.0f", milliseconds)) ms"
                      + (report.warnings.isEmpty ? "" : ", \(count(report.warnings.count, "warning"))") + ".")
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

    private func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) {
        guard !diagnostics.isEmpty || format == .json else { return }
        let printer = DiagnosticPrinter(sources: sources)
        switch format {
        case .text: FileHandle.standardError.write(Data(printer.text(diagnostics).utf8))
        case .json: print(printer.json(diagnostics))
        }
    }
}

struct Gallery: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write an HTML page with every chart kind, light and dark, desktop and phone.")

    @Option(help: "File to write.") var output = ".build/gallery/index.html"

    func run() throws {
        let url = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(ChartGallery.html().utf8).write(to: url)
        print("Gallery written to \(output)")
    }
}
