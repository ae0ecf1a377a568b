import GazetteMarkdown
import Testing
@testable import Gazette

@Suite struct FrenchTypographyTests {
    @Test(arguments: [
        ("Cybersécurité : augmentation", "Cybersécurité\u{A0}: augmentation"),
        ("pour 33% des sondés", "pour 33\u{A0}% des sondés"),
        ("de 5 à 10 % de son budget", "de 5 à 10\u{A0}% de son budget"),
        ("C’est irréaliste ? Oui!", "C’est irréaliste\u{A0}? Oui\u{A0}!"),
        ("concernés ; chercheurs", "concernés\u{A0}; chercheurs"),
        ("une \"immersivité\" encore", "une «\u{A0}immersivité\u{A0}» encore"),
        ("pour «vivre» avant", "pour «\u{A0}vivre\u{A0}» avant"),
        ("l’« Atlas SIH »", "l’«\u{A0}Atlas SIH\u{A0}»"),
        ("à 13:06 précises", "à 13:06 précises"),
        ("Quoi?!", "Quoi\u{A0}?!"),
        ("qu'ils l'évoquent aujourd'hui", "qu’ils l’évoquent aujourd’hui"),
        ("l'« Atlas »", "l’«\u{A0}Atlas\u{A0}»"),
        ("'seul' 5'", "'seul’ 5'"),
    ])
    func spacesAndQuotes(input: String, expected: String) {
        #expect(FrenchTypography.apply(to: input) == expected)
    }

    @Test func apostrophesInBodiesButNotInCodeOrLinks() {
        let document = MarkdownDocument(parsing: "Qu'ils voient `l'index` et [l'URL](https://x.fr/l'a).")
        FrenchTypography.apply(to: document)
        let html = document.renderHTML()
        #expect(html.hasPrefix("<p>Qu’ils voient <code>l'index</code>"))
        #expect(html.contains("href=\"https://x.fr/l&#x27;a\""), "addresses are left as written")
    }

    @Test func leavesCodeAndLinksAlone() {
        let document = MarkdownDocument(parsing: "Voir `a : b` et [https://x.fr/?q=1](https://x.fr/?q=1) : fin")
        FrenchTypography.apply(to: document)
        let html = document.renderHTML()
        #expect(html.contains("<code>a : b</code>"))
        #expect(html.contains("href=\"https://x.fr/?q=1\">https://x.fr/?q=1</a>"))
        #expect(html.contains("</a>\u{A0}: fin"))
    }
}
