import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Gazette

/// Updates, corrections and replies (`corrections:`): read with located errors, shown where French
/// newsrooms show them, and dating the article's last change everywhere it is stated.
@Suite struct CorrectionTests {
    private static let article = """
    ---
    title: Budget du GHT
    date: 2024-09-27T13:06:00+02:00
    corrections:
      - date: 2024-09-28T10:00:00+02:00
        kind: Rectificatif
        text: Le budget est de **3 M€**, non de 30 M€ ; l’erreur est corrigée.
      - date: 2024-10-02T09:30:00+02:00
        kind: mise a jour
        text: Le conseil de surveillance a voté le budget.
    ---
    Le texte.
    """

    @Test func readsEachNoticeWithItsKindDateAndText() throws {
        let (article, diagnostics) = DocumentParser.article(from: SourceFile(path: "a.md", text: Self.article))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let corrections = try #require(article?.corrections)
        #expect(corrections.map(\.kind) == [.correction, .update], "the kind read without case or accents")
        #expect(corrections.first?.text.hasPrefix("Le budget est de **3 M€**") == true)
        #expect(article?.lastModified == ISO8601DateFormatter().date(from: "2024-10-02T07:30:00Z"))
    }

    @Test(arguments: [
        ("corrections: rectifié\n", 4, "corrections must be a list of notices"),
        ("corrections:\n  - date: 2024-09-28T10:00:00+02:00\n    kind: erratum\n    text: x\n", 6, "kind \"erratum\" is not one of"),
        ("corrections:\n  - date: 2024-09-28T10:00:00+02:00\n    kind: rectificatif\n", 5, "missing required field 'text'"),
        ("corrections:\n  - date: 28/09/2024\n    kind: rectificatif\n    text: x\n", 5, "date \"28/09/2024\" is not a valid date"),
    ])
    func aMistakeIsALocatedError(front: String, line: Int, message: String) throws {
        let text = "---\ntitle: T\ndate: 2024-09-27T13:06:00+02:00\n" + front + "---\nTexte.\n"
        let (article, diagnostics) = DocumentParser.article(from: SourceFile(path: "a.md", text: text))
        #expect(article == nil)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.location.file == "a.md" && error.location.line == line, "\(error.location)")
    }

    @Test func aCorrectionDatedBeforeTheArticleIsAWarningAtItsDate() throws {
        let text = "---\ntitle: T\ndate: 2024-09-27T13:06:00+02:00\ncorrections:\n  - date: 2023-09-28T10:00:00+02:00\n    kind: rectificatif\n    text: x\n---\nTexte.\n"
        let (article, diagnostics) = DocumentParser.article(from: SourceFile(path: "a.md", text: text))
        #expect(article?.corrections.count == 1)
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning && warning.message.contains("dated before the article") && warning.location.line == 5, "\(diagnostics)")
    }

    @Test func shownAboveAndBelowTheTextAndDatingTheLastChange() throws {
        let (folder, report, diagnostics) = try buildSite(["2024/budget.md": Self.article])
        #expect(report != nil, "\(diagnostics)")
        let page = try #require(folder.read("Output/articles/2024/budget-du-ght/index.html"))
        let correction = try #require(page.range(of: "Rectificatif, le samedi 28 septembre 2024 à 10h00"))
        let body = try #require(page.range(of: "<div class=\"article-body\">"))
        let update = try #require(page.range(of: "Mise à jour, le mercredi 2 octobre 2024 à 09h30"))
        #expect(correction.lowerBound < body.lowerBound && body.lowerBound < update.lowerBound, "a correction above the text, an update below")
        #expect(page.contains("<strong>3 M€</strong>, non de 30 M€\u{A0}; l’erreur"), "Markdown and French typography")
        #expect(page.contains("Mis à jour le mercredi 2 octobre 2024 à 09h30"))
        let jsonLD = try #require(page.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst()
            .compactMap { $0.components(separatedBy: "</script>").first }.first { $0.contains("NewsArticle") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(jsonLD.utf8)) as? [String: Any])
        #expect(object["dateModified"] as? String == "2024-10-02T09:30:00+02:00")
        #expect(folder.read("Output/sitemap.xml")?.contains("<lastmod>2024-10-02T09:30:00+02:00</lastmod>") == true)
        #expect(folder.read("Output/feed.xml")?.contains("<updated>2024-10-02T09:30:00+02:00</updated>") == true)
    }

    @Test func theCorrectionsPageListsEveryCorrectionOfAPublishedArticleNewestFirst() throws {
        let other = "---\ntitle: Autre\ndate: 2024-09-29T08:00:00+02:00\ncorrections:\n  - date: 2024-09-30T08:00:00+02:00\n"
            + "    kind: droit de réponse\n    text: La direction précise.\n---\nTexte.\n"
        let draft = "---\ntitle: Brouillon\ndate: 2024-09-29T08:00:00+02:00\ndraft: true\ncorrections:\n  - date: 2024-10-05T08:00:00+02:00\n"
            + "    kind: rectificatif\n    text: Pas encore.\n---\nTexte.\n"
        let (folder, report, diagnostics) = try buildSite(["2024/budget.md": Self.article, "2024/autre.md": other, "2024/brouillon.md": draft])
        #expect(report != nil, "\(diagnostics)")
        let page = try #require(folder.read("Output/corrections/index.html"))
        let headings = page.components(separatedBy: "class=\"notice-heading\"><time datetime=\"").dropFirst().map { String($0.prefix(25)) }
        #expect(headings == ["2024-10-02T09:30:00+02:00", "2024-09-30T08:00:00+02:00", "2024-09-28T10:00:00+02:00"], "newest first, no draft's")
        #expect(page.contains("href=\"../articles/2024/autre/\">Autre</a>") && page.contains("Droit de réponse, le lundi 30 septembre 2024"))
        #expect(page.contains("3\u{A0}corrections"))
        #expect(folder.read("Output/sitemap.xml")?.contains("<loc>https://test.example/corrections/</loc>") == true)
        #expect(folder.read("Output/index.html")?.contains("href=\"./corrections/\">Corrections</a>") == true, "linked from every footer")
        // Its feed, read by a real parser: one entry per notice, newest first, each naming its article.
        let feed = try #require(folder.read("Output/corrections/feed.xml"))
        final class Titles: NSObject, XMLParserDelegate {
            var titles: [String] = [], ids: [String] = [], current: String?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if name == "title" || name == "id" { current = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { current? += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "title", let current { titles.append(current) }
                if name == "id", let current { ids.append(current) }
                current = nil
            }
        }
        let parser = XMLParser(data: Data(feed.utf8)), reader = Titles()
        parser.delegate = reader
        #expect(parser.parse(), "well-formed")
        #expect(reader.titles.dropFirst() == ["Mise à jour\u{A0}: Budget du GHT", "Droit de réponse\u{A0}: Autre", "Rectificatif\u{A0}: Budget du GHT"])
        #expect(Set(reader.ids).count == 4, "the feed's id and one per notice")
        #expect(page.contains("href=\"../corrections/feed.xml\">Suivre les corrections"))

        let (empty, _, _) = try buildSite(["2024/autre.md": "---\ntitle: Autre\ndate: 2024-09-29T08:00:00+02:00\n---\nTexte.\n"])
        #expect(empty.read("Output/corrections/index.html")?.contains("Aucune correction n’a été publiée.") == true)
    }
}
