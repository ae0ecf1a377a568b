import Foundation
import Testing
@testable import Gazette

@Suite struct FrontMatterTests {
    private func parse(_ text: String) -> (Article?, [Diagnostic]) {
        DocumentParser.article(from: SourceFile(path: "a.md", text: text))
    }

    private func onlyError(_ text: String) -> Diagnostic? {
        let (article, diagnostics) = parse(text)
        #expect(article == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        return errors.first
    }

    @Test func parsesAllFields() throws {
        let (article, diagnostics) = parse("""
        ---
        title: "Cybersécurité : +32 %"
        date: 2024-09-27T13:06:00+02:00
        tags: [cybersécurité, GHT]
        summary: Résumé.
        slug: cyber-32
        draft: true
        author: Rédaction
        source: Health & Tech Research
        ---
        Corps
        """)
        #expect(diagnostics.isEmpty)
        let parsed = try #require(article)
        #expect(parsed.title == "Cybersécurité : +32 %")
        #expect(parsed.date == Date(timeIntervalSince1970: 1_727_435_160))
        #expect(parsed.tags == ["cybersécurité", "GHT"])
        #expect(parsed.slug == "cyber-32")
        #expect(parsed.draft)
        #expect(parsed.sourceNote == "Health & Tech Research")
        #expect(parsed.body == "Corps")
        #expect(parsed.bodyFirstLine == 11)
    }

    @Test func missingFrontMatterIsAnErrorOnLineOne() {
        let error = onlyError("# Titre\n\nTexte\n")
        #expect(error?.location == SourceLocation(file: "a.md", line: 1, column: 1))
        #expect(error?.message.contains("missing front matter") == true)
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect(onlyError("---\ntitle: x\ndate: 2022-06-24T08:00:00+02:00\n")?.message.contains("not closed") == true)
    }

    @Test func invalidYAMLPointsAtTheFileLine() {
        let error = onlyError("---\ntitle: ok\ndate: [2022\nsummary: x\n---\n")
        #expect(error?.message.hasPrefix("invalid YAML") == true)
        #expect(error?.location.line == 4, "libyaml reports the line where the flow sequence breaks")
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() {
        let error = onlyError("---\n- a\n- b\n---\n")
        #expect(error?.location.line == 2)
        #expect(error?.message.contains("mapping") == true)
    }

    @Test func missingTitleIsAnError() {
        let error = onlyError("---\ndate: 2022-06-24T08:00:00+02:00\n---\n")
        #expect(error?.message == "missing required field 'title'")
        #expect(error?.location.line == 2)
    }

    @Test func missingDateIsAnError() {
        #expect(onlyError("---\ntitle: x\n---\n")?.message == "missing required field 'date'")
    }

    @Test func invalidMonthPointsAtTheMonth() {
        let error = onlyError("---\ntitle: x\ndate: 2022-13-01T08:00:00+02:00\n---\n")
        #expect(error?.location == SourceLocation(file: "a.md", line: 3, column: 12))
        #expect(error?.message.contains("month 13 does not exist") == true)
    }

    @Test func invalidDayInQuotedDatePointsAtTheDay() {
        let error = onlyError("---\ntitle: x\ndate: \"2023-02-29T08:00:00+01:00\"\n---\n")
        #expect(error?.location == SourceLocation(file: "a.md", line: 3, column: 16))
    }

    @Test func dateWithoutOffsetIsAnError() {
        #expect(onlyError("---\ntitle: x\ndate: 2022-06-24T08:00\n---\n")?.message.contains("offset is missing") == true)
    }

    @Test func unknownKeyIsAWarningNotAnError() {
        let (article, diagnostics) = parse("---\ntitle: x\ndate: 2022-06-24T08:00:00+02:00\nsubtitle: y\n---\n")
        #expect(article != nil)
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.location == SourceLocation(file: "a.md", line: 4, column: 1))
    }

    @Test func crlfAndBOMAreAccepted() throws {
        let (article, diagnostics) = parse("\u{FEFF}---\r\ntitle: x\r\ndate: 2022-06-24T08:00:00+02:00\r\n---\r\nTexte\r\n")
        #expect(diagnostics.isEmpty)
        #expect(try #require(article).body == "Texte\n")
    }
}
