import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Gazette

/// Valid output whatever the bytes: control and bidirectional characters.
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

    @Test func controlCharactersAreWarnedAtTheirPlaceAndRemovedFromEveryOutput() throws {
        let (folder, report, warnings) = try buildSite([
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
        let (folder, report, warnings) = try buildSite(["2022/a.md": article(title: "\"Titre\\x01 sûr\"")])
        #expect(report != nil)
        #expect(warnings.first?.location.line == 2)
        #expect(folder.read("Output/feed.xml").map { XMLParser(data: Data($0.utf8)).parse() } == true)
    }

    @Test func anUnclosedBidiOverrideIsWarned() throws {
        let (_, report, warnings) = try buildSite(["2022/a.md": article(title: "Budget \u{202E}tceles")])
        #expect(report != nil)
        #expect(warnings.count == 1)
        #expect(warnings.first?.location.line == 2 && warnings.first?.location.column == 15)
        #expect(warnings.first?.message.contains("bidirectional") == true)
        let (_, _, balanced) = try buildSite(["2022/a.md": article(title: "Budget \u{2067}عربي\u{2069} ok")])
        #expect(balanced.isEmpty)
    }
}
