import Foundation
import GazetteMarkdown
import Testing
import TestSupport
@testable import Gazette

/// Incremental builds (`BuildCache`, `PageFingerprints`): what they keep, and that their output is
/// always the cold build's, byte for byte.
@Suite struct IncrementalBuildTests {
    /// A small site with tags, a chart bound to a CSV, a static page and its own copy of the
    /// templates (so that a test may edit them).
    private struct Workspace {
        let folder: TemporaryFolder
        var options: BuildOptions

        init(articleCount: Int = 8) throws {
            folder = try TemporaryFolder()
            try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/Templates")
            try folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nitems_per_page: 3\n")
            try folder.write("Content/data/chiffres.csv", "Année;Part\n2023;12\n2024;15\n")
            try folder.write("Content/data/graphiques.yml", """
                charts:
                  - id: part-annuelle
                    kind: column
                    title: Part annuelle
                    source: Enquête
                    unit: "%"
                    data: chiffres.csv
                    columns:
                      category: Année
                      values: [Part]
                """)
            try folder.write("Content/pages/a-propos.md", "---\ntitle: À propos\n---\n\nQui nous sommes.\n")
            options = BuildOptions(contentDirectory: folder.path + "/Content", templatesDirectory: folder.path + "/Templates",
                                   outputDirectory: folder.path + "/Output")
            options.incremental = true
            options.now = Date(timeIntervalSince1970: 1_800_000_000)
            for index in 0..<articleCount { try writeArticle(index, title: "Article \(index)", tags: ["santé"], body: "Texte \(index).") }
        }

        func articlePath(_ index: Int) -> String { "Content/articles/a\(index).md" }

        func writeArticle(_ index: Int, title: String, tags: [String], body: String, chart: Bool = false, draft: Bool = false,
                          date: String? = nil) throws {
            let day = String(format: "%02d", index % 28 + 1)
            try folder.write(articlePath(index), """
                ---
                title: "\(title)"
                date: \(date ?? "2024-03-\(day)T09:00:00+01:00")
                tags: [\(tags.joined(separator: ", "))]
                summary: Résumé de l’article \(index).
                draft: \(draft)
                ---

                \(body)
                \(chart ? "\n```chart\nid: part-annuelle\n```\n" : "")
                """)
        }

        /// Builds incrementally into `Output`, then cold (no cache) into a fresh folder, and
        /// returns the report of the incremental build and both trees.
        func buildBoth() throws -> (report: BuildReport, incremental: [String: Data], cold: [String: Data]) {
            let report = try SiteBuilder(options: options).build()
            var cold = options
            cold.incremental = false
            cold.outputDirectory = folder.path + "/Cold"
            try? FileManager.default.removeItem(atPath: cold.outputDirectory)
            _ = try SiteBuilder(options: cold).build()
            return (report, folder.snapshot("Output"), folder.snapshot("Cold"))
        }

        var manifest: String { BuildCache.manifestPath(forOutput: options.outputDirectory) }

        /// Removes a file of the output by hand: the next build cannot repeat the previous one as a
        /// whole (``BuildRecord``) and goes page by page.
        func touchOutput() throws {
            try FileManager.default.removeItem(atPath: options.outputDirectory + "/robots.txt")
        }
    }

    @Test func aSecondBuildWithNothingChangedTouchesNothing() throws {
        let workspace = try Workspace()
        let first = try SiteBuilder(options: workspace.options).build()
        #expect(first.filesKept == 0 && !first.isUnchanged)
        // Saving what the next build reuses is a stage of its own, timed last.
        #expect(first.timings.map(\.stage).suffix(3) == ["images", "write", "cache"], "\(first.timings.map(\.stage))")
        let tree = try #require(OutputTree(reading: workspace.options.outputDirectory))
        let second = try SiteBuilder(options: workspace.options).build()
        #expect(second.isUnchanged)
        #expect((second.articleCount, second.pageCount, second.filesWritten) == (first.articleCount, first.pageCount, first.filesWritten))
        // Not one file or folder was written, replaced or added: the same inodes and times.
        #expect(OutputTree(reading: workspace.options.outputDirectory) == tree)
        // The staging folder of a killed build is still removed (PID 2^22+1: above Linux's pid_max).
        try workspace.folder.write(".Output.gazette-staging-4194305/index.html", "half-written")
        #expect(try SiteBuilder(options: workspace.options).build().isUnchanged)
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.path + "/.Output.gazette-staging-4194305"))
    }

    @Test func aBuildAfterTheOutputWasTouchedKeepsEveryPageAndFeedWithoutRenderingIt() throws {
        let workspace = try Workspace()
        let (_, _, cold) = try workspace.buildBoth()
        let recorded = BuildCache.load(from: workspace.manifest, program: BuildCache.currentProgram).entries.count
        #expect(recorded > 10)
        try workspace.touchOutput()
        let report = try SiteBuilder(options: workspace.options).build()
        #expect(!report.isUnchanged)
        #expect(report.filesKept == recorded)
        #expect(workspace.folder.snapshot("Output") == cold)
        // A file added by hand is removed, as a cold build would.
        try workspace.folder.write("Output/ajout.html", "ajouté à la main")
        #expect(try SiteBuilder(options: workspace.options).build().isUnchanged == false)
        #expect(workspace.folder.snapshot("Output") == cold)
    }

    @Test func anUnchangedBuildRepeatsThePreviousWarningsAndOptionsCount() throws {
        var workspace = try Workspace()
        try workspace.folder.write(workspace.articlePath(2), "---\ntitle: Article 2\ndate: 2024-03-03T09:00:00+01:00\nauteur: X\n---\n\nTexte.\n")
        let first = try SiteBuilder(options: workspace.options).build()
        #expect(first.warnings.contains { $0.code == .unknownKey })
        let second = try SiteBuilder(options: workspace.options).build()
        #expect(second.isUnchanged)
        #expect(second.warnings == first.warnings)
        // Another option is another build.
        workspace.options.includeDrafts = true
        #expect(try SiteBuilder(options: workspace.options).build().isUnchanged == false)
        #expect(try SiteBuilder(options: workspace.options).build().isUnchanged)
    }

    @Test func aScheduledArticleIsPublishedWhenItsTimeComes() throws {
        var workspace = try Workspace()
        // Published one hour after the build time.
        try workspace.writeArticle(9, title: "Programmé", tags: ["santé"], body: "Bientôt.", date: "2027-01-15T09:00:00+01:00")
        workspace.options.now = Date(timeIntervalSince1970: 1_799_996_400) // 2027-01-15T07:00:00Z
        #expect(try SiteBuilder(options: workspace.options).build().articleCount == 8)
        #expect(try SiteBuilder(options: workspace.options).build().isUnchanged)
        workspace.options.now = workspace.options.now?.addingTimeInterval(2 * 3600)
        let (report, incremental, cold) = try workspace.buildBoth()
        #expect(!report.isUnchanged && report.articleCount == 9)
        #expect(incremental == cold)
        // Back before its date (SOURCE_DATE_EPOCH of an older commit): withdrawn again.
        workspace.options.now = workspace.options.now?.addingTimeInterval(-3 * 3600)
        #expect(try SiteBuilder(options: workspace.options).build().articleCount == 8)
    }

    @Test func anImageChangedInPlaceIsMadeAgain() throws {
        let workspace = try Workspace()
        _ = try workspace.folder.write("Content/articles/photo.png", bytes: ImageTests.png(40, 30, blue: 10))
        try workspace.writeArticle(1, title: "Article 1", tags: ["santé"], body: "![Une photo](photo.png)")
        _ = try SiteBuilder(options: workspace.options).build()
        let before = workspace.folder.snapshot("Output")["articles/photo-png-40w.avif"]
        _ = try workspace.folder.write("Content/articles/photo.png", bytes: ImageTests.png(40, 30, blue: 250))
        let (report, incremental, cold) = try workspace.buildBoth()
        #expect(!report.isUnchanged)
        #expect(incremental == cold)
        #expect(before != nil && incremental["articles/photo-png-40w.avif"] != before, "same size, other pixels: made again")
    }

    /// A build in which no image changed encodes none: every variant is kept from the previous
    /// build; a changed quality setting makes that format's variants again, and only those.
    @Test func variantsAreKeptUntilTheirImageOrSettingsChange() throws {
        let workspace = try Workspace()
        // Without social cards, whose count would add to the files made.
        try workspace.folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nitems_per_page: 3\nsocial_cards: false\n")
        _ = try workspace.folder.write("Content/articles/photo.png", bytes: ImageTests.png(600, 400))
        try workspace.writeArticle(1, title: "Article 1", tags: ["santé"], body: "![Une photo](photo.png)")
        #expect(try SiteBuilder(options: workspace.options).build().imagesMade == 9, "2 widths in 3 formats, 3 crops for link previews")
        let first = workspace.folder.snapshot("Output").filter { $0.key.hasPrefix("articles/photo-png-") }
        #expect(first.count == 9)
        try workspace.writeArticle(1, title: "Article 1 modifié", tags: ["santé"], body: "![Une photo](photo.png)\n\nUn texte de plus.")
        let (edited, incremental, cold) = try workspace.buildBoth()
        #expect(incremental == cold)
        #expect(edited.imagesMade == 0, "an edited text encodes no image")
        try workspace.folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nitems_per_page: 3\nsocial_cards: false\nimage_quality_avif: 30\n")
        let (requalified, output, coldAgain) = try workspace.buildBoth()
        #expect(output == coldAgain)
        #expect(requalified.imagesMade == 2, "the two AVIF sizes, and nothing else")
        #expect(first.keys.filter { output[$0] != first[$0] }.sorted() == ["articles/photo-png-480w.avif", "articles/photo-png-600w.avif"])
    }

    @Test func anEditedBodyRendersItsPageAndTheFeedsThatShowItNothingElse() throws {
        let workspace = try Workspace()
        _ = try SiteBuilder(options: workspace.options).build()
        let before = BuildCache.load(from: workspace.manifest, program: BuildCache.currentProgram).entries
        try workspace.writeArticle(3, title: "Article 3", tags: ["santé"], body: "Un autre texte.")
        let report = try SiteBuilder(options: workspace.options).build()
        let after = BuildCache.load(from: workspace.manifest, program: BuildCache.currentProgram).entries
        let changed = Set(after.keys.filter { before[$0]?.fingerprint != after[$0]?.fingerprint })
        #expect(changed == ["articles/2024/article-3/index.html", "articles/2024/article-3/partage.png", "feed.xml", "feed.json", "tags/sante/feed.xml"])
        #expect(report.filesKept == after.count - changed.count)
    }

    @Test func aChartsDataAndDrawingAreKeptUntilItsDataChanges() throws {
        let workspace = try Workspace()
        try workspace.writeArticle(0, title: "Article 0", tags: ["santé"], body: "Texte 0.", chart: true)
        _ = try SiteBuilder(options: workspace.options).build()
        let chartFiles: Set<String> = ["data/part-annuelle.csv", "data/part-annuelle.svg"]
        let before = BuildCache.load(from: workspace.manifest, program: BuildCache.currentProgram).entries
        #expect(chartFiles.isSubset(of: Set(before.keys)), "the chart's files have fingerprints")
        try workspace.touchOutput()
        let second = try SiteBuilder(options: workspace.options).build()
        #expect(second.filesKept == before.count)
        try workspace.folder.write("Content/data/chiffres.csv", "Année;Part\n2023;12\n2024;18\n")
        _ = try SiteBuilder(options: workspace.options).build()
        let after = BuildCache.load(from: workspace.manifest, program: BuildCache.currentProgram).entries
        let changed = Set(after.keys.filter { before[$0]?.fingerprint != after[$0]?.fingerprint })
        // The chart's files, the article that shows it, its social card (which draws the chart)
        // and the feeds that carry that article.
        #expect(changed == chartFiles.union(["articles/2024/article-0/index.html", "articles/2024/article-0/partage.png", "feed.xml", "feed.json",
                                             "tags/sante/feed.xml"]))
        let svg = try String(contentsOfFile: workspace.options.outputDirectory + "/data/part-annuelle.svg", encoding: .utf8)
        #expect(svg.contains("18"))
    }

    /// A retitled article moves to another address: the build says so, with the alias that keeps
    /// the old one; with that alias, or back to its first title, it says nothing.
    @Test func aRetitledArticleWarnsThatItsOldAddressIsGone() throws {
        let workspace = try Workspace()
        _ = try SiteBuilder(options: workspace.options).build()
        try workspace.writeArticle(2, title: "Nouveau titre", tags: ["santé"], body: "Texte 2.")
        let report = try SiteBuilder(options: workspace.options).build()
        let warnings = report.warnings.filter { $0.code == .addressChanged }
        #expect(warnings.count == 1, "\(report.warnings)")
        #expect(warnings.first?.message.contains("from articles/2024/article-2/ to articles/2024/nouveau-titre/") == true)
        #expect(warnings.first?.message.hasSuffix("keep it with aliases: [articles/2024/article-2/]") == true, "\(warnings)")
        #expect(warnings.first?.location.file.hasSuffix("a2.md") == true && warnings.first?.location.line == 2, "at the title, which made the address")
        // Back to the first title and retitled again, this time with the alias it gave.
        try workspace.writeArticle(2, title: "Article 2", tags: ["santé"], body: "Texte 2.")
        _ = try SiteBuilder(options: workspace.options).build()
        let text = try #require(workspace.folder.read(workspace.articlePath(2)))
        try workspace.folder.write(workspace.articlePath(2), text.replacingOccurrences(of: "title: \"Article 2\"", with: "title: \"Nouveau titre\"\naliases: [articles/2024/article-2/]"))
        let aliased = try SiteBuilder(options: workspace.options).build()
        #expect(!aliased.warnings.contains { $0.code == .addressChanged }, "\(aliased.warnings)")
    }

    @Test func aRetitledArticleRendersTheListingsAndNeighboursThatNameIt() throws {
        let workspace = try Workspace()
        _ = try SiteBuilder(options: workspace.options).build()
        let before = BuildCache.load(from: workspace.manifest, program: BuildCache.currentProgram).entries
        try workspace.writeArticle(3, title: "Nouveau titre", tags: ["santé"], body: "Texte 3.")
        _ = try SiteBuilder(options: workspace.options).build()
        let after = BuildCache.load(from: workspace.manifest, program: BuildCache.currentProgram).entries
        let changed = Set(after.keys.filter { before[$0]?.fingerprint != after[$0]?.fingerprint })
        // Its page (new address), its neighbours' pagers, the list pages that show it (three
        // articles a page: the second of its tag and its year); not article 7, nor the first pages.
        #expect(changed.contains("articles/2024/nouveau-titre/index.html"))
        #expect(changed.contains("articles/2024/article-2/index.html"))
        #expect(changed.contains("articles/2024/article-4/index.html"))
        #expect(changed.contains("tags/sante/page/2/index.html") && changed.contains("articles/2024/page/2/index.html"))
        #expect(!changed.contains("articles/2024/article-7/index.html"))
        #expect(!changed.contains("tags/sante/index.html") && !changed.contains("articles/2024/index.html"))
    }

    @Test func aMissingDamagedOrForeignCacheGivesAColdBuild() throws {
        let workspace = try Workspace()
        _ = try SiteBuilder(options: workspace.options).build()
        let text = try String(contentsOfFile: workspace.manifest, encoding: .utf8)

        // Damaged: one character of one fingerprint changed; the checksum no longer matches.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[2] = (lines[2].first == "0" ? "1" : "0") + lines[2].dropFirst()
        let damaged = lines.joined(separator: "\n")
        #expect(damaged != text)
        try damaged.write(toFile: workspace.manifest, atomically: true, encoding: .utf8)
        #expect(try SiteBuilder(options: workspace.options).build().filesKept == 0)

        // Written by another program: a valid file whose identity line differs.
        let valid = try String(contentsOfFile: workspace.manifest, encoding: .utf8)
        let body = valid[..<valid.range(of: "\nend ")!.lowerBound].replacingOccurrences(of: "program ", with: "program 0.0.0 ")
        let contents = body.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)[2] // after format and program
        try (body + "\nend \(ContentHash(of: Array(contents.utf8)))\n").write(toFile: workspace.manifest, atomically: true, encoding: .utf8)
        #expect(BuildCache.load(from: workspace.manifest, program: "0.0.0 " + BuildCache.currentProgram).entries.count > 10)
        #expect(try SiteBuilder(options: workspace.options).build().filesKept == 0)

        // Deleted.
        try FileManager.default.removeItem(atPath: workspace.manifest)
        #expect(try SiteBuilder(options: workspace.options).build().filesKept == 0)
        #expect(try SiteBuilder(options: workspace.options).build().filesKept > 10)
    }

    /// ``ArticleCache``: an article whose file and shared inputs did not change is taken from the
    /// cache (a summary altered in the cache shows on the home page), one whose file changed is
    /// parsed again, and so is every article when a data file changes.
    @Test func anUnchangedArticleIsTakenFromTheCacheAndAChangedOneIsParsedAgain() throws {
        let workspace = try Workspace()
        _ = try SiteBuilder(options: workspace.options).build()
        let cachePath = ArticleCache.path(forOutput: workspace.options.outputDirectory)
        let file = workspace.folder.path + "/" + workspace.articlePath(7)
        func alterCachedSummary() throws {
            var cache = ArticleCache.load(from: cachePath, program: BuildCache.currentProgram)
            #expect(cache.records.count == 8)
            try #require(cache.records[file] != nil)
            cache.records[file]?.article.summary = "Résumé venu du cache."
            try cache.save(to: cachePath, program: BuildCache.currentProgram)
            try workspace.touchOutput()
        }
        try alterCachedSummary()
        _ = try SiteBuilder(options: workspace.options).build()
        #expect(workspace.folder.read("Output/index.html")?.contains("Résumé venu du cache.") == true)

        try workspace.writeArticle(7, title: "Article 7", tags: ["santé"], body: "Texte modifié.")
        _ = try SiteBuilder(options: workspace.options).build()
        let home = try #require(workspace.folder.read("Output/index.html"))
        #expect(!home.contains("Résumé venu du cache.") && home.contains("Résumé de l’article 7."))

        try alterCachedSummary()
        try workspace.folder.write("Content/data/chiffres.csv", "Année;Part\n2023;12\n2024;16\n")
        _ = try SiteBuilder(options: workspace.options).build()
        #expect(workspace.folder.read("Output/index.html")?.contains("Résumé venu du cache.") == false)
    }

    /// The article cache loses nothing: its records read and encoded again are the same bytes, a
    /// build that takes every article of the real site (charts, aliases, drafts) from it writes it
    /// again byte for byte, and renders the cold site.
    @Test func theRealSitesArticlesComeBackFromTheCacheAsTheyWere() throws {
        let folder = try TemporaryFolder()
        var options = BuildOptions(contentDirectory: Repository.content, templatesDirectory: Repository.templates,
                                   outputDirectory: folder.path + "/Output")
        options.incremental = true
        options.includeDrafts = true
        options.includeFuture = true
        options.now = Date(timeIntervalSince1970: 1_790_000_000)
        _ = try SiteBuilder(options: options).build()
        let cachePath = ArticleCache.path(forOutput: options.outputDirectory)
        let first = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        let cache = ArticleCache.load(from: cachePath, program: BuildCache.currentProgram)
        let records = cache.records.values
        #expect(records.count >= 7 && records.allSatisfy { $0.validation != nil })
        #expect(records.contains { !($0.validation?.embeds.isEmpty ?? true) })
        // Encoded again from what was read (not the bytes read, which a build writes back), the
        // records are the same bytes.
        let encodedAgain = folder.path + "/encoded-again"
        try ArticleCache(records: cache.records).save(to: encodedAgain, program: BuildCache.currentProgram)
        #expect(try Data(contentsOf: URL(fileURLWithPath: encodedAgain)) == first)

        try FileManager.default.removeItem(atPath: options.outputDirectory + "/robots.txt")
        _ = try SiteBuilder(options: options).build()
        #expect(try Data(contentsOf: URL(fileURLWithPath: cachePath)) == first)
        var cold = options
        cold.incremental = false
        cold.outputDirectory = folder.path + "/Cold"
        _ = try SiteBuilder(options: cold).build()
        #expect(folder.snapshot("Output") == folder.snapshot("Cold"))
    }

    /// A damaged article cache (every truncation and many changed bytes of a real one, past its
    /// checksum) is read as damaged or as some records, never crashes nor loops.
    @Test func damagedArticleRecordsAreRefusedWithoutCrashing() throws {
        let workspace = try Workspace(articleCount: 3)
        try workspace.writeArticle(1, title: "Article 1", tags: ["santé", "cybersécurité"], body: "Texte.", chart: true)
        _ = try SiteBuilder(options: workspace.options).build()
        let cache = ArticleCache.load(from: ArticleCache.path(forOutput: workspace.options.outputDirectory), program: BuildCache.currentProgram)
        var writer = CacheWriter()
        for record in cache.records.values { record.write(to: &writer) }
        let bytes = writer.bytes
        func readAll(_ bytes: [UInt8]) -> Int? {
            var reader = CacheReader(bytes[...])
            var count = 0
            do throws(CacheReader.Damaged) {
                while !reader.isAtEnd {
                    _ = try ArticleCache.Record.read(from: &reader)
                    count += 1
                }
            } catch {
                return nil
            }
            return count
        }
        #expect(readAll(bytes) == 3)
        for length in stride(from: 0, to: bytes.count, by: 1) {
            #expect(readAll(Array(bytes[..<length])) != 3)
        }
        var generator = SeededGenerator(seed: 9)
        for _ in 0..<2000 {
            var damaged = bytes
            damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = readAll(damaged)
        }
    }

    @Test func aPageChangedByHandInTheOutputIsRenderedAgain() throws {
        let workspace = try Workspace()
        let (_, _, cold) = try workspace.buildBoth()
        let page = workspace.folder.path + "/Output/articles/2024/article-1/index.html"
        try Data("modifié à la main".utf8).write(to: URL(fileURLWithPath: page))
        _ = try SiteBuilder(options: workspace.options).build()
        #expect(workspace.folder.snapshot("Output") == cold)
    }

    /// Hostile-input round 3, point 11: the same edit with the page's size and modification time
    /// put back (`touch -d`) is seen too, by the build that would repeat the previous one and by
    /// an edit rebuild that keeps the page.
    @Test(arguments: [false, true]) func aPageChangedByHandWithItsDateRestoredIsRenderedAgain(editContent: Bool) throws {
        let workspace = try Workspace()
        let (_, _, cold) = try workspace.buildBoth()
        let page = workspace.folder.path + "/Output/articles/2024/article-1/index.html"
        var before = stat()
        #expect(stat(page, &before) == 0)
        let original = try #require(FileManager.default.contents(atPath: page))
        var edited = original
        edited.replaceSubrange(0..<9, with: Data("<!--x-->\n".utf8))
        try edited.write(to: URL(fileURLWithPath: page))
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, page, &times, 0) == 0)
        if editContent {
            try workspace.writeArticle(2, title: "Article 2", tags: ["santé"], body: "Texte 2, revu.")
            let (_, incremental, coldAfterEdit) = try workspace.buildBoth()
            #expect(incremental == coldAfterEdit)
        } else {
            _ = try SiteBuilder(options: workspace.options).build()
            #expect(workspace.folder.snapshot("Output") == cold)
        }
    }

    /// The program's identity names its executable's size and date (found through Foundation, on
    /// Linux and macOS alike), the same at every call: otherwise no cache would ever be trusted.
    @Test func theProgramIdentityIsItsExecutable() throws {
        let identity = BuildCache.currentProgram
        #expect(identity == BuildCache.currentProgram)
        #expect(!identity.contains("unknown"), "\(identity)")
        let executable = try #require(FileIdentity(of: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path))
        #expect(identity.hasSuffix(" \(executable.size)-\(executable.modified)"), "\(identity)")
    }

    @Test func aCacheThatCannotBeWrittenIsAWarningAndTheSiteIsBuilt() throws {
        let workspace = try Workspace()
        // A file where the cache folder should be: the folder cannot be created.
        try workspace.folder.write(".gazette-cache", "pas un dossier")
        let report = try SiteBuilder(options: workspace.options).build()
        let warning = try #require(report.warnings.first { $0.code == .cacheNotWritten })
        #expect(warning.location.file == workspace.manifest)
        #expect(workspace.folder.read("Output/index.html") != nil)
        #expect(try SiteBuilder(options: workspace.options).build().filesKept == 0)
    }

    @Test func withoutTheOptionNoCacheIsReadOrWritten() throws {
        var workspace = try Workspace()
        workspace.options.incremental = false
        _ = try SiteBuilder(options: workspace.options).build()
        #expect(!FileManager.default.fileExists(atPath: workspace.manifest))
    }

    /// Random sequences of edits, additions, deletions, tag, draft, data, template and settings
    /// changes; after each step the incremental output must be the cold one. The seed of a failing
    /// sequence is in the failure message.
    @Test(arguments: [UInt64(1), 2, 3])
    func randomEditsGiveTheColdOutputAfterEveryStep(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var workspace = try Workspace(articleCount: 6)
        var articles = Set(0..<6)
        var next = 6
        let steps = Int(ProcessInfo.processInfo.environment["GAZETTE_INCREMENTAL_STEPS"] ?? "") ?? 20
        var kept = 0
        for step in 0..<steps {
            let index = articles.randomElement(using: &random) ?? 0
            let tags = [["santé"], ["santé", "cyber"], ["cyber"], []].randomElement(using: &random)!
            var action = ""
            switch Int.random(in: 0..<14, using: &random) {
            case 0:
                action = "edit body of \(index)"
                try workspace.writeArticle(index, title: "Article \(index)", tags: ["santé"], body: "Texte \(step) modifié.")
            case 1:
                action = "retitle \(index)"
                try workspace.writeArticle(index, title: "Titre \(step)", tags: ["santé"], body: "Texte \(index).")
            case 2:
                action = "add \(next)"
                try workspace.writeArticle(next, title: "Article \(next)", tags: tags, body: "Nouveau.", chart: Bool.random(using: &random))
                articles.insert(next)
                next += 1
            case 3 where articles.count > 2:
                action = "delete \(index)"
                try FileManager.default.removeItem(atPath: workspace.folder.path + "/" + workspace.articlePath(index))
                articles.remove(index)
            case 4:
                action = "tags of \(index) → \(tags)"
                try workspace.writeArticle(index, title: "Article \(index)", tags: tags, body: "Texte \(index).")
            case 5:
                action = "chart in \(index)"
                try workspace.writeArticle(index, title: "Article \(index)", tags: ["santé"], body: "Avec graphique.", chart: true)
            case 6:
                action = "data value"
                try workspace.folder.write("Content/data/chiffres.csv", "Année;Part\n2023;12\n2024;\(10 + step)\n")
            case 7:
                action = "partial edited"
                let partial = workspace.folder.path + "/Templates/partials/tag-list.mustache"
                try (try String(contentsOfFile: partial, encoding: .utf8) + "\n").write(toFile: partial, atomically: true, encoding: .utf8)
            case 8:
                action = "draft \(index)"
                try workspace.writeArticle(index, title: "Article \(index)", tags: ["santé"], body: "Texte \(index).", draft: true)
            case 10:
                action = "nothing"
            case 11:
                action = "a file added to the output by hand"
                try workspace.folder.write("Output/ajout-\(step).html", "ajouté")
            case 12:
                action = "scheduled \(next), a day after the build time"
                let date = ISO8601DateFormatter().string(from: workspace.options.now!.addingTimeInterval(86_400))
                try workspace.writeArticle(next, title: "Article \(next)", tags: tags, body: "Programmé.", date: date)
                articles.insert(next)
                next += 1
            case 13:
                action = "two days pass"
                workspace.options.now = workspace.options.now!.addingTimeInterval(2 * 86_400)
            default:
                action = "site description"
                try workspace.folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nitems_per_page: 3\ndescription: Étape \(step)\n")
            }
            let (report, incremental, cold) = try workspace.buildBoth()
            if action == "nothing" { #expect(report.isUnchanged, "seed \(seed), step \(step): a build with nothing changed did work") }
            kept += report.filesKept
            let differing = Set(incremental.keys).union(cold.keys).filter { incremental[$0] != cold[$0] }.sorted()
            #expect(differing.isEmpty, "seed \(seed), step \(step) (\(action)): \(differing.prefix(5))")
        }
        #expect(kept > 0, "the incremental builds kept nothing: the comparison proved nothing")
    }

    /// ``PageFingerprints/source(of:inputs:)`` reads every field of a published article: each
    /// field changed in turn (a case of an enum for another) changes it. Every field has its change
    /// here, so one added to ``PublishedArticle`` fails until it has one, and a field the
    /// fingerprint forgets fails at its change.
    @Test func changingAnyFieldOfAPublishedArticleChangesItsSource() throws {
        let record = ArticleCacheCodecTests.sampleRecord()
        let validation = try #require(record.validation)
        let retired = RetiredArticle(path: "articles/2023/retire/", date: Date(timeIntervalSince1970: 1_700_300_000), file: "retire.md",
                                     published: Date(timeIntervalSince1970: 1_690_000_000), aliases: [])
        var entry = PublishedArticle(article: record.article, slug: validation.slug, path: validation.path, year: 2024,
                                     tags: [Tag(name: "Santé", slug: "sante")])
        entry.embeds = validation.embeds
        entry.section = Section(name: "Cybersécurité", slug: "cybersecurite", description: "Attaques")
        entry.bylines = [Byline(name: "Autrice", slug: "autrice")]
        entry.replyTo = .article(slug: "autre-article")
        entry.replies = ["reponse"]
        entry.aliasFiles = ["ancien/index.html"]
        entry.images = validation.images
        entry.leadImage = validation.leadImage
        entry.readingMinutes = 4
        entry.search = validation.search
        let inputs = [record.article.file: ContentHash(of: Array("a".utf8)), "autre.md": ContentHash(of: Array("b".utf8)),
                      "Content/data/charts.yml": ContentHash(of: Array("c".utf8))]
        let changes: [String: (inout PublishedArticle) -> Void] = [
            "article": { $0.article.file = "autre.md" },
            "slug": { $0.slug = "autre" },
            "path": { $0.path = "articles/2025/titre/" },
            "year": { $0.year = 2025 },
            "tags": { $0.tags[0].name = "Sante" },
            "embeds": { $0.embeds[0].range.endLine += 1 },
            "section": { $0.section?.description = nil },
            "bylines": { $0.bylines[0].slug = nil },
            "replyTo": { $0.replyTo = .retired(retired) },
            "replies": { $0.replies = [] },
            "aliasFiles": { $0.aliasFiles = ["vieux/index.html"] },
            "images": { $0.images["photo.png"]?.focus = nil },
            "leadImage": { $0.leadImage?.alt = "Autre salle" },
            "readingMinutes": { $0.readingMinutes = 5 },
        ]
        // `search` is read from the file and the tag names, which the fingerprint holds already,
        // and no page shows it.
        let unread: Set = ["search"]
        let fields = Set(Mirror(reflecting: entry).children.compactMap(\.label))
        #expect(fields == Set(changes.keys).union(unread), "each field needs a change here: \(fields.symmetricDifference(Set(changes.keys).union(unread)))")
        let original = try #require(PageFingerprints.source(of: entry, inputs: inputs))
        for (field, change) in changes {
            var changed = entry
            change(&changed)
            #expect(PageFingerprints.source(of: changed, inputs: inputs) != original, "changing \(field) leaves the page's source as it was")
        }
        var retiredTarget = entry
        retiredTarget.replyTo = .retired(retired)
        let before = PageFingerprints.source(of: retiredTarget, inputs: inputs)
        retiredTarget.replyTo = .retired(RetiredArticle(path: retired.path, date: retired.date.addingTimeInterval(60), file: retired.file,
                                                        published: retired.published, aliases: []))
        #expect(PageFingerprints.source(of: retiredTarget, inputs: inputs) != before, "the withdrawal date of the article replied to")
    }
}
