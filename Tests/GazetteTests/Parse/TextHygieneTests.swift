import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Gazette

/// Valid output whatever the bytes: control and bidirectional characters, odd tags, years and
/// numbers, and the base URL (issue 12, items 14–17).
@Suite struct TextHygieneTests {
    /// The byte scan of generated pages finds exactly what the character rule forbids, next to
    /// the multi-byte characters that share its lead bytes (no-break space, U+FFFD).
    @Test(arguments: ["texte", "a\u{0B}b", "\u{0}", "\u{7F}", "\u{85}x", "\u{A0}\u{BF}é", "fin\u{FFFE}", "\u{FFFF}", "\u{FFFD}\u{FFEE}",
                      "tab\tet\r\nligne", "\u{9F}", "«\u{202F}»"])
    func theByteScanMatchesTheCharacterRule(text: String) {
        // At every offset in and across the scan's eight-byte words.
        for padding in 0...9 {
            let padded = String(repeating: "é", count: padding) + text + String(repeating: "x", count: 17 - padding)
            let cleaned = TextHygiene.removingForbidden(utf8: Array(padded.utf8)).map { String(decoding: $0, as: UTF8.self) }
            let expected = TextHygiene.removingForbidden(padded)
            #expect((cleaned ?? padded) == expected, "padding \(padding)")
            #expect((cleaned == nil) == (expected == padded), "padding \(padding)")
        }
    }

    private func article(title: String = "A", tags: String = "", body: String = "Texte.") -> String {
        "---\ntitle: \(title)\ndate: 2022-06-24T08:00:00+02:00\n\(tags)---\n\(body)\n"
    }

    private func build(_ articles: [String: String], site: String? = nil) throws -> (TemporaryFolder, BuildReport?, [Diagnostic]) {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: articles)
        if let site { try folder.write("Content/site.yml", site) }
        do {
            let report = try SiteBuilder(options: options).build()
            return (folder, report, report.warnings)
        } catch {
            return (folder, nil, error.diagnostics)
        }
    }

    @Test func controlCharactersAreWarnedAtTheirPlaceAndRemovedFromEveryOutput() throws {
        let (folder, report, warnings) = try build([
            "2022/a.md": article(title: "\"Titre\u{01} \\x01 échappé\"", body: "Ligne\u{0B}de Word et \u{7F}fin."),
        ])
        #expect(report != nil)
        let file = folder.path + "/Content/articles/2022/a.md"
        #expect(warnings.map(\.location).contains(SourceLocation(file: file, line: 2, column: 14)))
        #expect(warnings.map(\.location).contains(SourceLocation(file: file, line: 5, column: 6)))
        #expect(warnings.allSatisfy { $0.message.contains("control character") })
        for path in ["Output/index.html", "Output/feed.xml", "Output/articles/2022/titre-echappe/index.html", "Output/sitemap.xml"] {
            let bytes = try #require(folder.read(path), "\(path)")
            #expect(!bytes.unicodeScalars.contains(where: TextHygiene.isForbidden), "\(path)")
        }
        let feed = try #require(folder.read("Output/feed.xml"))
        #expect(XMLParser(data: Data(feed.utf8)).parse())
        #expect(folder.read("Output/articles/2022/titre-echappe/index.html")?.contains("Ligne de Word") == true)
    }

    @Test func yamlEscapesOfControlCharactersAreWarnedAndRemoved() throws {
        let (folder, report, warnings) = try build(["2022/a.md": article(title: "\"Titre\\x01 sûr\"")])
        #expect(report != nil)
        #expect(warnings.first?.location.line == 2)
        #expect(folder.read("Output/feed.xml").map { XMLParser(data: Data($0.utf8)).parse() } == true)
    }

    @Test func anUnclosedBidiOverrideIsWarned() throws {
        let (_, report, warnings) = try build(["2022/a.md": article(title: "Budget \u{202E}tceles")])
        #expect(report != nil)
        #expect(warnings.count == 1)
        #expect(warnings.first?.location.line == 2 && warnings.first?.location.column == 15)
        #expect(warnings.first?.message.contains("bidirectional") == true)
        let (_, _, balanced) = try build(["2022/a.md": article(title: "Budget \u{2067}عربي\u{2069} ok")])
        #expect(balanced.isEmpty)
    }

    @Test func tagsThatFoldToNothingOrOntoAnotherAreWarned() throws {
        let (folder, report, warnings) = try build([
            "2022/a.md": article(tags: "tags: [\"🎉\", \"!!!\", Été]\n"),
            "2022/b.md": "---\ntitle: B\ndate: 2022-06-25T08:00:00+02:00\ntags: [ete, ÉTÉ]\n---\nTexte.\n",
        ])
        #expect(report != nil)
        #expect(warnings.filter { $0.message.contains("has no letter or digit") }.count == 2)
        let merged = warnings.filter { $0.message.contains("is filed under the tag \"Été\"") }
        #expect(merged.count == 2)
        #expect(merged.allSatisfy { $0.location.file.hasSuffix("b.md") && $0.location.line == 4 })
        #expect(folder.read("Output/tags/ete/index.html") != nil)
    }

    @Test(arguments: ["0000-06-24T08:00:00+02:00", "1899-12-31T23:00:00+01:00"])
    func yearsBefore1900AreRefused(date: String) throws {
        let (_, report, errors) = try build(["2022/a.md": "---\ntitle: A\ndate: \(date)\n---\nTexte.\n"])
        #expect(report == nil)
        #expect(errors.first?.location.line == 3 && errors.first?.location.column == 7)
        #expect(errors.first?.message.contains("is before 1900") == true)
    }

    @Test(arguments: ["9223372036854775807", "0", "-3", "1001"])
    func itemsPerPageIsRangeChecked(value: String) throws {
        let (_, report, errors) = try build(["2022/a.md": article()], site: "title: T\nbase_url: https://t.example/\nitems_per_page: \(value)\n")
        #expect(report == nil)
        #expect(errors.first?.message == "'items_per_page' must be a whole number from 1 to 1000")
        #expect(errors.first?.location.line == 3)
    }

    @Test(arguments: [
        ("https://t.example/?utm=1", "query"), ("https://t.example/#haut", "fragment"),
        ("https://moi:secret@t.example/", "user name or password"), ("https://t.example/mon site/", "spaces"),
        ("ftp://t.example/", "absolute http(s) URL"), ("https:/t.example/", "absolute http(s) URL"),
    ])
    func baseURLAcceptsOnlyHostPortAndPath(url: String, problem: String) throws {
        let (_, report, errors) = try build(["2022/a.md": article()], site: "title: T\nbase_url: \"\(url)\"\n")
        #expect(report == nil)
        #expect(errors.first?.message.contains(problem) == true, "\(errors)")
        #expect(errors.first?.domain == .configuration)
        #expect(SiteConfig.normalizedBaseURL("https://t.example:8443/actualites") == "https://t.example:8443/actualites/")
    }
}
