import Testing
@testable import Gazette

@Suite struct SourceFileTests {
    @Test(arguments: ["un\r\ndeux\r\ntrois\r\n", "un\rdeux\rtrois\r", "\u{FEFF}un\ndeux\ntrois\n", "un\ndeux\r\ntrois\r"])
    func lineBreaksAndByteOrderMarkAreNormalisedWithoutMovingLines(text: String) {
        let source = SourceFile(path: "a.md", text: text)
        #expect(source.text == "un\ndeux\ntrois\n")
        #expect(source.lineCount == 3)
        #expect((1...3).map { source.line($0) } == ["un", "deux", "trois"])
    }

    @Test func linesAreCutOnCharacterBoundaries() {
        let source = SourceFile(path: "a.md", text: "é🏥\n« x »\nfin")
        #expect(source.lineCount == 3)
        #expect(source.line(2) == "« x »")
        #expect(source.line(3) == "fin")
        #expect(source.line(0) == nil && source.line(4) == nil)
        #expect(source.text(lines: 1..<3) == "é🏥\n« x »")
        #expect(source.text(lines: 2..<9) == "« x »\nfin")
        #expect(source.text(lines: 3..<3) == "")
        #expect(source.text(fromLine: 2) == "« x »\nfin")
        #expect(source.text(fromLine: 4) == "")
    }

    @Test func aLocationNamesTheFile() {
        #expect(SourceFile(path: "articles/a.md", text: "").location(line: 2, column: 5) == SourceLocation(file: "articles/a.md", line: 2, column: 5))
    }
}
