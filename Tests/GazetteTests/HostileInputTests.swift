import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Gazette

/// Odd and hostile input: a clear error or correct output, never a crash or a hang.
@Suite(.timeLimit(.minutes(2))) struct HostileInputTests {
    private func article(_ title: String, body: String = "Texte.", extra: String = "") -> String {
        "---\ntitle: \(title)\ndate: 2022-06-24T08:00:00+02:00\n\(extra)---\n\(body)\n"
    }

    @Test func loneCarriageReturnsAreLineBreaks() throws {
        let (article, diagnostics) = DocumentParser.article(from: SourceFile(path: "a.md", text: "---\rtitle: x\rdate: 2022-06-24T08:00:00+02:00\rbad: [\r---\r"))
        #expect(article == nil)
        #expect(diagnostics.first?.location.line == 5, "lines are counted across lone CRs: \(diagnostics)")
    }

    @Test func emptyFileAndFrontMatterOnly() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/vide.md": "", "2022/seul.md": "---\ntitle: Seul\ndate: 2022-06-24T08:00:00+02:00\n---"])
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.location.file.hasSuffix("vide.md") == true)
        try folder.write("Content/articles/2022/vide.md", article("Plus vide"))
        #expect(try SiteBuilder(options: options).build().articleCount == 2)
    }

    @Test func twentyMegabyteArticle() throws {
        let folder = try TemporaryFolder()
        let paragraph = String(repeating: "Le budget alloué à la cybersécurité reste insuffisant : 23 % des sondés. ", count: 40) + "\n\n"
        let body = String(repeating: paragraph, count: 20 * 1024 * 1024 / paragraph.utf8.count + 1)
        let options = try makeSite(in: folder, articles: ["2022/long.md": article("Long", body: body)])
        // Past the default max_article_kb (4 MiB): raised in site.yml, as the error says.
        try folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nmax_article_kb: 32768\n")
        #expect(try SiteBuilder(options: options).build().articleCount == 1)
        #expect((folder.read("Output/articles/2022/long/index.html")?.utf8.count ?? 0) > 20_000_000)
    }

    @Test func deeplyNestedListsAndQuotes() throws {
        let folder = try TemporaryFolder()
        let lists = String(repeating: "- ", count: 10_000) + "fond\n\n"
        let quotes = String(repeating: "> ", count: 10_000) + "citation\n"
        let options = try makeSite(in: folder, articles: [
            "2022/listes.md": article("Listes", body: lists), "2022/citations.md": article("Citations", body: quotes),
        ])
        #expect(try SiteBuilder(options: options).build().articleCount == 2)
        #expect(folder.read("Output/articles/2022/citations/index.html")?.contains("citation") == true)
    }

    @Test func yamlAliasBombIsRefusedQuickly() throws {
        var lines = ["a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for level in 1..<12 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]") }
        let source = SourceFile(path: "a.md", text: "---\ntitle: x\ndate: 2022-06-24T08:00:00+02:00\n" + lines.joined(separator: "\n") + "\ntags: *a11\n---\n")
        let (article, diagnostics) = DocumentParser.article(from: source)
        #expect(article == nil)
        #expect(diagnostics.first?.message.contains("billion laughs") == true)
    }

    @Test func veryDeepYAMLIsAnError() {
        let source = SourceFile(path: "a.md", text: "---\ntitle: x\nx: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n---\n")
        let (_, diagnostics) = DocumentParser.article(from: source)
        #expect(diagnostics.first?.message.contains("nesting") == true)
        #expect(diagnostics.first?.location.line == 3)
    }

    @Test func twoHundredThousandRowCSV() throws {
        var csv = "Jour,Incidents\n"
        for day in 0..<200_000 { csv += "\(day),\(day % 97)\n" }
        let table = try CSVReader.read(SourceFile(path: "big.csv", text: csv)).get()
        #expect(table.rows.count == 200_000)
        #expect(table.rows[199_999][0].location.line == 200_001)
    }

    @Test func dataPathsCannotLeaveTheDataFolder() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [:])
        try folder.write("Content/data/charts.yml", "charts:\n  - id: x\n    kind: bar\n    title: X\n    data: ../../../etc/passwd\n    columns:\n      values: [root]\n")
        let errors = buildDiagnostics(options)
        #expect(errors.first?.message.contains("not found in") == true)
    }

    @Test func namesWithSpacesAndAccents() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["Été 2022/un article à part.md": article("Un été à l’hôpital")])
        _ = try SiteBuilder(options: options).build()
        #expect(folder.read("Output/articles/2022/un-ete-a-l-hopital/index.html") != nil)
    }

    @Test func markupInEveryFieldIsEscapedEverywhere() throws {
        let folder = try TemporaryFolder()
        let evil = "</script><script>alert(1)</script> & \"q\" 'a'"
        var options = try makeSite(in: folder, articles: [
            "2022/a.md": article(evil.replacingOccurrences(of: "\"", with: "\\\"").wrappedInQuotes,
                                 body: "[photo=1]\n\n<script>alert(2)</script>\n\n[x](javascript:alert(3))",
                                 extra: "summary: \(evil.replacingOccurrences(of: "\"", with: "\\\"").wrappedInQuotes)\ntags: [\(evil.replacingOccurrences(of: "\"", with: "\\\"").wrappedInQuotes)]\nslug: piege\n"),
        ])
        try folder.write("Content/site.yml", "title: \(evil.replacingOccurrences(of: "\"", with: "\\\"").wrappedInQuotes)\nbase_url: https://test.example/\ndescription: \(evil.replacingOccurrences(of: "\"", with: "\\\"").wrappedInQuotes)\n")
        try folder.write("Content/data/charts.yml", "charts:\n  - id: c\n    photo: 1\n    kind: bar\n    title: \(evil.replacingOccurrences(of: "\"", with: "\\\"").wrappedInQuotes)\n    data: d.csv\n    columns:\n      category: nom\n      values: [n]\n")
        try folder.write("Content/data/d.csv", "nom,n\n\"\(evil.replacingOccurrences(of: "\"", with: "\"\""))\",3\n")
        options.includeDrafts = false
        _ = try SiteBuilder(options: options).build()
        for (path, data) in folder.snapshot("Output") where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(path) lets a script through")
            #expect(!text.contains("javascript:"), "\(path) keeps a javascript: link")
        }
        let page = try #require(folder.read("Output/articles/2022/piege/index.html"))
        let scripts = page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().compactMap { $0.components(separatedBy: "</script>").first }
        #expect(scripts.count == 2, "NewsArticle and BreadcrumbList")
        let jsonLD = try #require(scripts.first { $0.contains("\"NewsArticle\"") })
        let object = try JSONSerialization.jsonObject(with: Data(jsonLD.utf8)) as? [String: Any]
        #expect(object?["headline"] as? String == evil, "JSON-LD keeps the title intact once decoded")
        let feed = try #require(folder.read("Output/feed.xml"))
        #expect(XMLParser(data: Data(feed.utf8)).parse(), "the feed stays well-formed XML")
        #expect(page.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}

private extension String {
    var wrappedInQuotes: String { "\"" + self + "\"" }
}
