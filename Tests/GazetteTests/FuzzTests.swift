import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GazetteMarkdown
import Testing
import TestSupport
@testable import Gazette

/// Mutation fuzzing of every parser that reads editor input, from the real content as seeds.
/// Bounded: `GAZETTE_FUZZ_ITERATIONS` inputs per target (300 by default); a failure prints the
/// seed that replays it.
/// One target at a time, each giving its thread back between inputs: the preview server's tests
/// share the two cooperative threads of this machine and must not starve behind the fuzzers.
@Suite(.serialized, .timeLimit(.minutes(5))) struct FuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["GAZETTE_FUZZ_ITERATIONS"] ?? "") ?? 300
    static let alphabet: [String] = ["-", "-", ":", "\"", "'", "[", "]", "{", "}", "\n", "\n", "\r", "\t", "#", ">", "*", "_", "~",
                                     "`", "|", "&", "<", ">", ";", ",", "%", "!", "?", "«", "»", " ", "é", "\u{A0}", "\u{202F}",
                                     "```chart\n", "[photo=", "[board=", "---\n", "&a ", "*a", "\\", "\u{FEFF}", "\u{0}", "0", "9", ".5"]

    /// `text` changed a few times at random: insertions, deletions, duplications.
    static func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let position = characters.isEmpty ? 0 : Int.random(in: 0...characters.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0, 1:
                characters.insert(contentsOf: alphabet.randomElement(using: &rng)!, at: position)
            case 2 where !characters.isEmpty:
                let end = min(characters.count, position + Int.random(in: 1...20, using: &rng))
                if position < end { characters.removeSubrange(position..<end) }
            default:
                let end = min(characters.count, position + Int.random(in: 1...40, using: &rng))
                if position < end { characters.insert(contentsOf: characters[position..<end], at: position) }
            }
        }
        return String(characters)
    }

    static var seeds: [String] {
        let articles = (try? FileManager.default.subpathsOfDirectory(atPath: Repository.content + "/articles")) ?? []
        return articles.filter { $0.hasSuffix(".md") }.sorted().compactMap {
            FileManager.default.contents(atPath: Repository.content + "/articles/" + $0).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    static func dataFile(_ name: String) -> String {
        FileManager.default.contents(atPath: Repository.content + "/data/" + name).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    private func linesAreInside(_ diagnostics: [Diagnostic], _ source: SourceFile) -> Bool {
        diagnostics.allSatisfy { $0.location.line >= 1 && $0.location.line <= source.lineCount + 1 }
    }

    @Test func frontMatter() async {
        let seeds = Self.seeds
        for iteration in 0..<Self.iterations {
            await Task.yield()
            var rng = SeededGenerator(seed: UInt64(iteration))
            let source = SourceFile(path: "a.md", text: Self.mutate(seeds[iteration % seeds.count], &rng))
            let (article, diagnostics) = DocumentParser.article(from: source)
            #expect(article != nil || diagnostics.contains { $0.severity == .error }, "seed \(iteration): rejected without an error")
            #expect(linesAreInside(diagnostics, source), "seed \(iteration): \(diagnostics)")
        }
    }

    @Test func csvReader() async {
        let seed = Self.dataFile("defis-cites-en-premier.csv") + "\"Budget, \"\"cyber\"\"\";\"12,5\"\n"
        for iteration in 0..<Self.iterations {
            await Task.yield()
            var rng = SeededGenerator(seed: UInt64(iteration))
            let source = SourceFile(path: "d.csv", text: Self.mutate(seed, &rng))
            switch CSVReader.read(source) {
            case .success(let table):
                #expect(table.rows.allSatisfy { $0.count == table.columns.count }, "seed \(iteration)")
            case .failure(let diagnostic):
                #expect(linesAreInside([diagnostic], source), "seed \(iteration): \(diagnostic)")
            }
        }
    }

    @Test func chartSpecDecoding() async throws {
        let seed = Self.dataFile("enquete-ght-2022.yml")
        let table = try CSVReader.read(SourceFile(path: "d.csv", text: Self.dataFile("defis-cites-en-premier.csv"))).get()
        for iteration in 0..<Self.iterations {
            await Task.yield()
            var rng = SeededGenerator(seed: UInt64(iteration))
            let source = SourceFile(path: "c.yml", text: Self.mutate(seed, &rng))
            let file = ChartCatalogParser.parse(source)
            let (catalog, more) = ChartCatalog.build(charts: file.charts, boards: file.boards, tables: ["defis-cites-en-premier.csv": table],
                                                     failedIDs: file.failedIDs, isIncomplete: file.isUnreadable, dataFolder: "data")
            #expect(linesAreInside(file.diagnostics + more.filter { $0.location.file == "c.yml" }, source), "seed \(iteration)")
            if iteration % 25 == 0 {
                for chart in catalog.charts.values {
                    let html = FigureRenderer(root: "./").figure(chart, idPrefix: "f")
                    let drawings = html.components(separatedBy: "<svg ").dropFirst().map { "<svg " + ($0.components(separatedBy: "</svg>").first ?? "") + "</svg>" }
                    #expect(drawings.count == 2)
                    for svg in drawings {
                        #expect(XMLParser(data: Data(svg.utf8)).parse(), "seed \(iteration): SVG of \(chart.id) is not well-formed")
                    }
                }
            }
        }
    }

    @Test func embedsAndMarkdownPipeline() async throws {
        let seeds = Self.seeds
        let loaded = ChartCatalog.load(from: [
            SourceFile(path: "data/enquete-ght-2022.yml", text: Self.dataFile("enquete-ght-2022.yml")),
            SourceFile(path: "data/defis-cites-en-premier.csv", text: Self.dataFile("defis-cites-en-premier.csv")),
        ], dataFolder: "data")
        let resolver = EmbedResolver(catalog: loaded.catalog, tables: loaded.tables, dataFolder: "data", maxEmbeds: InputLimits().embedsPerArticle)
        for iteration in 0..<Self.iterations {
            await Task.yield()
            var rng = SeededGenerator(seed: UInt64(iteration))
            let text = Self.mutate(seeds[iteration % seeds.count] + "\n<script>alert(1)</script>\n[x](javascript:alert(2))\n", &rng)
            let unsafe = iteration % 2 == 1
            let body = MarkdownBody(parsing: text, file: "a.md", firstLine: 1, options: MarkdownOptions(allowsRawHTML: unsafe))
            let (embeds, diagnostics) = resolver.resolve(body, slug: "a")
            #expect(linesAreInside(diagnostics, SourceFile(path: "a.md", text: text)), "seed \(iteration): \(diagnostics)")
            let html = ArticleBodyRenderer(reservedIDs: ["contenu"]).render(body, embeds: embeds).html
            #expect(!html.contains("<script"), "seed \(iteration): script tag in output")
            #expect(!html.contains("href=\"javascript:"), "seed \(iteration): javascript link in output")
            #expect(!diagnostics.isEmpty || !html.contains("<pre><code class=\"language-chart\""), "seed \(iteration): a chart block published as code")
            let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
            #expect(Set(ids).count == ids.count && !ids.contains("contenu"), "seed \(iteration): duplicate ids \(ids)")
        }
    }

    /// Templates mutated one at a time (a third of the iterations: each is a whole build): the build
    /// either succeeds or fails with errors located inside the templates, and never hangs or crashes.
    @Test func templates() async throws {
        let names = try FileManager.default.subpathsOfDirectory(atPath: Repository.templates).filter { $0.hasSuffix(".mustache") }.sorted()
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: ["2022/a.md": validArticle, "2022/b.md": "---\ntitle: B\ndate: 2022-06-25T08:00:00+02:00\ntags: [x]\n---\nTexte.\n"])
        options.templatesDirectory = folder.path + "/Templates"
        let extraPieces = ["{{>partials/tag-list}}", "{{<base}}", "{{/base}}", "{{#articles}}", "{{/articles}}", "{{$content}}", "{{{", "{{=<% %>=}}", "{{!"]
        for iteration in 0..<max(10, Self.iterations / 3) {
            await Task.yield()
            var rng = SeededGenerator(seed: UInt64(iteration))
            try? FileManager.default.removeItem(atPath: options.templatesDirectory)
            try FileManager.default.copyItem(atPath: Repository.templates, toPath: options.templatesDirectory)
            let name = names[iteration % names.count]
            let original = try String(contentsOfFile: Repository.templates + "/" + name, encoding: .utf8)
            var mutated = Self.mutate(original, &rng)
            let piece = extraPieces.randomElement(using: &rng)!
            mutated.insert(contentsOf: piece, at: mutated.index(mutated.startIndex, offsetBy: Int.random(in: 0...mutated.count, using: &rng)))
            try folder.write("Templates/" + name, mutated)
            do {
                _ = try SiteBuilder(options: options).renderSite()
            } catch {
                let errors = error.diagnostics.filter { $0.severity == .error }
                #expect(!errors.isEmpty, "seed \(iteration): failed without an error")
                #expect(errors.allSatisfy { $0.location.file.hasPrefix(options.templatesDirectory) }, "seed \(iteration): \(errors)")
            }
        }
    }
}
