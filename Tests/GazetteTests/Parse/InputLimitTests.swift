import Foundation
import Testing
@testable import Gazette

/// Inputs that used to crash the build or run for minutes: each is now fast, and refused with a
/// located error naming the limit and its `site.yml` key where a limit applies (issue 12, items 9, 11–13).
@Suite(.timeLimit(.minutes(2))) struct InputLimitTests {
    private func article(_ body: String) -> String {
        "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\n" + body
    }

    private func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        let elapsed = clock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Amplification: 20 000 copies of a 16-byte shortcode (320 KB) drew 20 000 charts into one
    /// page (over 30 s, 108 MB at half as many); 3 000 tags on one article made 3 000 pages and
    /// feeds (678 MB). Both are refused at the first one past the limit, and raising the key in
    /// `site.yml` lets them through.
    @Test func embedsAndTagsPerArticleAreBounded() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2022/graphiques.md": article("Texte.\n\n" + String(repeating: "[photo=150229]\n\n", count: 20_000)),
            "2022/etiquettes.md": "---\ntitle: B\ndate: 2022-06-24T08:00:00+02:00\ntags: [" + (1...3000).map { "t\($0)" }.joined(separator: ", ") + "]\n---\nTexte.\n",
        ])
        try folder.write("Content/data/charts.yml", "charts:\n  - id: defis\n    photo: 150229\n    kind: bar\n    title: Défis\n    categories: [A]\n    series:\n      - name: Part\n        values: [1]\n")
        let errors = buildDiagnostics(options)
        #expect(errors.map(\.code) == [.limitExceeded, .limitExceeded], "\(errors.prefix(3))")
        let embeds = try #require(errors.first { $0.location.file.hasSuffix("graphiques.md") })
        #expect(embeds.location.line == 5 + 2 * 100 + 2, "at the 101st shortcode")
        #expect(embeds.message.contains("20000 charts and boards, more than the 100 allowed") && embeds.message.contains("max_embeds_per_article"))
        let tags = try #require(errors.first { $0.location.file.hasSuffix("etiquettes.md") })
        #expect(tags.location.line == 4 && tags.message.contains("3000 tags, more than the 30 allowed") && tags.message.contains("max_tags_per_article"))

        try folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nmax_embeds_per_article: 150\nmax_tags_per_article: 40\n")
        try folder.write("Content/articles/2022/graphiques.md", article("Texte.\n\n" + String(repeating: "[photo=150229]\n\n", count: 150)))
        try folder.write("Content/articles/2022/etiquettes.md",
                         "---\ntitle: B\ndate: 2022-06-24T08:00:00+02:00\ntags: [" + (1...40).map { "t\($0)" }.joined(separator: ", ") + "]\n---\nTexte.\n")
        #expect(buildDiagnostics(options).isEmpty)
    }

    @Test func extremeNestingBuildsWithoutOverflowingTheStack() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2022/listes.md": article(String(repeating: "- ", count: 38_000) + "fond\n"),
            "2022/citations.md": "---\ntitle: B\ndate: 2022-06-24T08:00:00+02:00\n---\n" + String(repeating: "> ", count: 80_000) + "citation\n",
            "2022/emphase.md": "---\ntitle: C\ndate: 2022-06-24T08:00:00+02:00\n---\n" + String(repeating: "*a ", count: 80_000) + "b" + String(repeating: "*", count: 80_000) + "\n",
        ])
        #expect(try SiteBuilder(options: options).build().articleCount == 3)
        #expect(folder.read("Output/articles/2022/b/index.html")?.contains("citation") == true)
    }

    @Test func aTableWithTenThousandColumnsIsRefusedAtOnce() throws {
        let folder = try TemporaryFolder()
        let table = "|" + String(repeating: "a|", count: 10_000) + "\n|" + String(repeating: "-|", count: 10_000) + "\n" + String(repeating: "|x\n", count: 2_000)
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n\n" + table)])
        let (errors, seconds) = timed { buildDiagnostics(options) }
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 7)
        #expect(errors.first?.message.contains("10000 columns") == true && errors.first?.message.contains("max_table_columns") == true)
        #expect(seconds < 10)
    }

    @Test func aTableWithTooManyCellsIsRefusedAndTheLimitCanBeRaised() throws {
        let folder = try TemporaryFolder()
        let table = "|" + String(repeating: "a|", count: 50) + "\n|" + String(repeating: "-|", count: 50) + "\n" + String(repeating: "|x\n", count: 5_000)
        let options = try makeSite(in: folder, articles: ["2022/a.md": article(table)])
        let errors = buildDiagnostics(options)
        #expect(errors.first?.message.contains("max_table_cells") == true, "\(errors)")
        try folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nmax_table_cells: 300000\n")
        #expect(try SiteBuilder(options: options).build().articleCount == 1)
    }

    @Test func aBracketRunIsRefusedBeforeCmarkSpendsMinutesOnIt() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Intro.\n\n" + String(repeating: "![[]()", count: 160_000) + "\n")])
        let (errors, seconds) = timed { buildDiagnostics(options) }
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 7)
        #expect(errors.first?.message.contains("max_brackets_per_paragraph") == true)
        #expect(seconds < 10)
    }

    @Test func linkReferenceExpansionIsBounded() throws {
        let folder = try TemporaryFolder()
        let body = "[a]: /" + String(repeating: "x", count: 1000) + "\n\n" + Array(repeating: "[a]", count: 26_000).joined(separator: "\n\n")
        let options = try makeSite(in: folder, articles: ["2022/a.md": article(body)])
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 5)
        #expect(errors.first?.message.contains("max_link_expansion_kb") == true)
    }

    @Test func anArticleLargerThanTheLimitIsRefusedWithoutBeingRead() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": article(String(repeating: "Texte long. ", count: 400_000))])
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(file: folder.path + "/Content/articles/2022/a.md", line: 1, column: 1))
        #expect(errors.first?.message.contains("max_article_kb") == true)
    }

    @Test func dataFilesAreBoundedAndNULBytesRefused() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n")])
        try folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nmax_data_kb: 1\n")
        try folder.write("Content/data/grand.csv", "a,b\n" + String(repeating: "1,2\n", count: 1000))
        try folder.write("Content/data/nul.csv", bytes: Data("a,b\n1,".utf8) + Data(count: 3) + Data("\n".utf8))
        let errors = buildDiagnostics(options)
        #expect(errors.count == 2)
        #expect(errors.first { $0.location.file.hasSuffix("grand.csv") }?.message.contains("max_data_kb") == true)
        #expect(errors.first { $0.location.file.hasSuffix("nul.csv") }?.location == SourceLocation(file: folder.path + "/Content/data/nul.csv", line: 2, column: 3))
    }

    @Test func aDataSetNoChartUsesIsNotParsedBeyondItsHeader() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n")])
        // Row 3 is broken, but nothing uses the file: only its header is read.
        try folder.write("Content/data/inutile.csv", "a,b\n1,2\n\"3,4\n")
        #expect(buildDiagnostics(options).isEmpty)
        try folder.write("Content/data/entete.csv", "a,\"b\n")
        #expect(buildDiagnostics(options).first?.location.file.hasSuffix("entete.csv") == true)
    }

    @Test func chartBoundsAreLocatedErrors() throws {
        let cases: [(String, String)] = [
            ("categories: [\"" + String(repeating: "x", count: 20_000) + "\"]\nseries: [{name: s, values: [1]}]", "categories[0]"),
            ("categories: [a]\nseries: [{name: s, values: [1e100]}]", "series[0].values[0]"),
            ("categories: [" + (0..<10_001).map { "c\($0)" }.joined(separator: ", ") + "]\nseries: [{name: s, values: ["
                + Array(repeating: "1", count: 10_001).joined(separator: ", ") + "]}]", "series"),
        ]
        for (fields, field) in cases {
            let folder = try TemporaryFolder()
            let chart = "```chart\nkind: bar\ntitle: T\n" + fields + "\n```\n"
            let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n\n" + chart)])
            let (errors, seconds) = timed { buildDiagnostics(options) }
            #expect(errors.count == 1)
            #expect(errors.first?.message.contains("'a-graphique-1': " + field + ":") == true, "\(errors)")
            #expect(seconds < 10)
        }
        let donut = "```chart\nkind: donut\ntitle: T\ncategories: [" + (0..<200).map { "c\($0)" }.joined(separator: ", ")
            + "]\nseries: [{name: s, values: [" + Array(repeating: "1", count: 200).joined(separator: ", ") + "]}]\n```\n"
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n\n" + donut)])
        #expect(buildDiagnostics(options).first?.message.contains("200 slices") == true)
    }
}
