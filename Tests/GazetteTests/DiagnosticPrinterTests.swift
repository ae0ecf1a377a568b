import Foundation
import Testing
@testable import Gazette

@Suite struct DiagnosticPrinterTests {
    let source = SourceFile(path: "Content/articles/2022/ght.md", text: "---\ntitle: GHT\ndate: 2022-13-01\n---\n")

    @Test func printsCompilerStyleWithSourceLineAndCaret() {
        let diagnostic = Diagnostic.error("date \"2022-13-01\" is not a valid date", at: source.location(line: 3, column: 12))
        let text = DiagnosticPrinter(sources: [source.path: source]).text(diagnostic)
        #expect(text == """
        Content/articles/2022/ght.md:3:12: error: date "2022-13-01" is not a valid date
        date: 2022-13-01
                   ^

        """)
    }

    @Test func printsJSONForTools() throws {
        let diagnostic = Diagnostic.warning("unknown key 'x' is ignored", at: source.location(line: 2))
        let json = DiagnosticPrinter().json([diagnostic])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["file"] as? String == "Content/articles/2022/ght.md")
        #expect(decoded?.first?["line"] as? Int == 2)
        #expect(decoded?.first?["severity"] as? String == "warning")
    }

    @Test func sortsByFileThenLine() {
        let b = Diagnostic.error("b", at: SourceLocation(file: "b.md", line: 1, column: 1))
        let a2 = Diagnostic.error("a2", at: SourceLocation(file: "a.md", line: 10, column: 1))
        let a1 = Diagnostic.warning("a1", at: SourceLocation(file: "a.md", line: 2, column: 5))
        #expect(BuildFailure([b, a2, a1]).diagnostics.map(\.message) == ["a1", "a2", "b"])
    }
}
