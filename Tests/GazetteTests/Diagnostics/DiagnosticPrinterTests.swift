import Foundation
import Testing
import Wording
@testable import Gazette

@Suite struct DiagnosticPrinterTests {
    let source = SourceFile(path: "Content/articles/2022/ght.md", text: "---\ntitle: Été\tGHT\ndate: 2022-13-01\n---\n")

    @Test func printsCompilerStyleWithCodeSourceLineAndCaret() {
        let diagnostic = Diagnostic.error(.invalidDate, Phrase(verbatim: "date \"2022-13-01\" is not a valid date"), at: source.location(line: 3, column: 12))
        let text = DiagnosticPrinter(sources: [source.path: source]).text(diagnostic)
        #expect(text == """
        Content/articles/2022/ght.md:3:12: error[invalid-date]: date "2022-13-01" is not a valid date
        date: 2022-13-01
                   ^

        """)
    }

    @Test func caretsCountCodePointsAndTabsAreShown() {
        // "title: Été\tGHT": G is the 12th code point (É and é are one each, though two bytes).
        let diagnostic = Diagnostic.warning(.yamlTab, Phrase(verbatim: "tab"), at: source.location(line: 2, column: 12))
        let text = DiagnosticPrinter(sources: [source.path: source]).text(diagnostic)
        #expect(text.hasSuffix("title: Été→GHT\n           ^\n"))
    }

    @Test func notesPointAtRelatedPlaces() {
        let first = SourceLocation(file: source.path, line: 2, column: 1)
        let diagnostic = Diagnostic.error(.duplicateSlug, Phrase(verbatim: "slug used twice"), at: source.location(line: 3, column: 1),
                                          notes: [.init(Phrase(verbatim: "first used here"), at: first)])
        let text = DiagnosticPrinter(sources: [source.path: source]).text(diagnostic)
        #expect(text.contains("\nContent/articles/2022/ght.md:2:1: note: first used here\ntitle: Été→GHT\n^\n"))
    }

    @Test func anOptionIsNamedWithoutALine() {
        let diagnostic = Diagnostic.error(.invalidOption, Phrase(verbatim: "--base-url must be absolute"), at: .option("--base-url"), domain: .configuration)
        #expect(DiagnosticPrinter().text(diagnostic) == "--base-url: error[invalid-option]: --base-url must be absolute\n")
    }

    @Test func printsJSONForTools() throws {
        let diagnostic = Diagnostic.warning(.unknownKey, Phrase(verbatim: "unknown key 'x' is ignored"), at: source.location(line: 2),
                                            notes: [.init(Phrase(verbatim: "known keys are listed in the guide"), at: source.location(line: 1))])
        let json = DiagnosticPrinter().json([diagnostic, .error(.invalidOption, Phrase(verbatim: "bad"), at: .option("--base-url"))])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(decoded.first?["file"] as? String == "Content/articles/2022/ght.md")
        #expect(decoded.first?["line"] as? Int == 2)
        #expect(decoded.first?["severity"] as? String == "warning")
        #expect(decoded.first?["code"] as? String == "unknown-key")
        #expect(decoded.first?["origin"] as? String == "file")
        #expect((decoded.first?["notes"] as? [[String: Any]])?.first?["line"] as? Int == 1)
        #expect(decoded.last?["origin"] as? String == "command-line")
    }

    @Test func sortsByFileThenLine() {
        let b = Diagnostic.error(.invalidField, Phrase(verbatim: "b"), at: SourceLocation(file: "b.md", line: 1, column: 1))
        let a2 = Diagnostic.error(.invalidField, Phrase(verbatim: "a2"), at: SourceLocation(file: "a.md", line: 10, column: 1))
        let a1 = Diagnostic.warning(.unknownKey, Phrase(verbatim: "a1"), at: SourceLocation(file: "a.md", line: 2, column: 5))
        #expect(BuildFailure([b, a2, a1]).diagnostics.map(\.message) == ["a1", "a2", "b"])
    }
}
