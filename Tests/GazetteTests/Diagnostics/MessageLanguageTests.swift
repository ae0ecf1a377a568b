import Foundation
import Testing
import Wording
@testable import Gazette

/// Messages are printed in the site's language: French for this site, English with `--lang en`
/// or when there is no `site.yml` to say who reads them. Codes, paths and quoted lines stay as they are.
@Suite struct MessageLanguageTests {
    let source = SourceFile(path: "Content/articles/2024/a.md", text: "---\ntitle: A\nsumary: B\n---\n")

    private var unknownKey: Diagnostic {
        .warning(.unknownKey, "unknown key '\("sumary")' is ignored\(Suggestion.hint(for: "sumary", among: ["summary"]))", at: source.location(line: 3),
                 notes: [.init("first used here", at: source.location(line: 2))])
    }

    @Test func theTerminalReadsFrenchWithItsTypographyAndTheSameCodeAndCaret() {
        let text = DiagnosticPrinter(sources: [source.path: source], language: .fr).text(unknownKey)
        #expect(text == """
        Content/articles/2024/a.md:3:1: attention[unknown-key]\u{A0}: le champ «\u{A0}sumary\u{A0}» est inconnu et ignoré (vouliez-vous dire «\u{A0}summary\u{A0}»\u{A0}?)
        sumary: B
        ^
        Content/articles/2024/a.md:2:1: note\u{A0}: utilisé d’abord ici
        title: A
        ^

        """)
        #expect(DiagnosticPrinter(sources: [source.path: source]).text(unknownKey).hasPrefix(
            "Content/articles/2024/a.md:3:1: warning[unknown-key]: unknown key 'sumary' is ignored (did you mean 'summary'?)\n"))
    }

    @Test func jsonKeepsItsSeverityAndCodeAndGivesTheMessageInTheLanguage() throws {
        let json = DiagnosticPrinter(language: .fr).json([unknownKey])
        let entry = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])?.first)
        #expect(entry["severity"] as? String == "warning" && entry["code"] as? String == "unknown-key")
        #expect(entry["message"] as? String == "le champ «\u{A0}sumary\u{A0}» est inconnu et ignoré (vouliez-vous dire «\u{A0}summary\u{A0}»\u{A0}?)")
        #expect((entry["notes"] as? [[String: Any]])?.first?["message"] as? String == "utilisé d’abord ici")
    }

    @Test func aFailedBuildSaysSoInFrench() {
        let failure = BuildFailure([unknownKey, .error(.invalidDate, "the year", at: source.location(line: 2))])
        #expect(Language.fr.text(failure.summary(output: "Output")) == "Construction interrompue par 1 erreur\u{A0}; Output/ est resté tel quel.")
    }

    @Test(arguments: [("language: fr\n", Language.fr), ("language: fr-FR\n", .fr), ("language: en\n", .en), ("title: Sans langue\n", .fr),
                      (nil as String?, .en), ("title: [non fermé\n", .en)] as [(String?, Language)])
    func theSiteYmlSaysTheLanguage(settings: String?, language: Language) throws {
        let folder = try TemporaryFolder()
        if let settings { _ = try folder.write("Content/site.yml", bytes: Data(settings.utf8)) } else { _ = try folder.write("Content/articles/a.md", bytes: Data()) }
        #expect(SiteLanguage.of(contentDirectory: folder.url.appendingPathComponent("Content").path) == language)
    }
}
