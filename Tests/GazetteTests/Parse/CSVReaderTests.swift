import Foundation
import Testing
@testable import Gazette

@Suite struct CSVReaderTests {
    private func read(_ text: String) -> Result<DataTable, Diagnostic> {
        CSVReader.read(SourceFile(path: "d.csv", text: text))
    }

    private func table(_ text: String) throws -> DataTable { try read(text).get() }

    @Test func readsHeaderAndRows() throws {
        let data = try table("a,b\n1,2\n3,4\n")
        #expect(data.columns == ["a", "b"])
        #expect(data.rows.map { $0.map(\.text) } == [["1", "2"], ["3", "4"]])
        #expect(data.rows[1][1].location == SourceLocation(file: "d.csv", line: 3, column: 3))
        #expect(!data.decimalComma)
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndNewlines() throws {
        let data = try table("nom,texte\n\"Dupont, Jean\",\"Il a dit \"\"oui\"\"\"\nx,\"deux\nlignes\"\n")
        #expect(data.rows[0].map(\.text) == ["Dupont, Jean", "Il a dit \"oui\""])
        #expect(data.rows[1][1].text == "deux\nlignes")
        #expect(data.rows.count == 2)
    }

    @Test func crlfLineEndsAndNoFinalNewline() throws {
        let data = try table("a,b\r\n1,2\r\n3,4")
        #expect(data.rows.map { $0.map(\.text) } == [["1", "2"], ["3", "4"]])
    }

    @Test func byteOrderMarkIsIgnored() throws {
        let data = try table("\u{FEFF}Défi,Part\nBudget,23\n")
        #expect(data.columns == ["Défi", "Part"])
    }

    @Test func emptyFieldsAreKept() throws {
        #expect(try table("a,b,c\n,,\n").rows[0].map(\.text) == ["", "", ""])
    }

    @Test func frenchSemicolonExportReadsDecimalCommas() throws {
        let data = try table("Défi;Part\nFormation;33,5\nBudget;\"1 234,5\"\n")
        #expect(data.decimalComma)
        #expect(data.number(in: data.rows[0][1]) == 33.5)
        #expect(data.number(in: data.rows[1][1]) == 1234.5)
    }

    @Test func commaFilesReadDecimalPoints() throws {
        let data = try table("a,b\nx,33.5\ny,abc\n")
        #expect(data.number(in: data.rows[0][1]) == 33.5)
        #expect(data.number(in: data.rows[1][1]) == nil)
    }

    @Test func raggedRowIsLocated() {
        guard case .failure(let error) = read("a,b\n1,2\n3\n") else { Issue.record("accepted"); return }
        #expect(error.location == SourceLocation(file: "d.csv", line: 3, column: 1))
        #expect(error.message.contains("1 field but the header has 2"))
    }

    @Test func unterminatedQuoteIsLocatedAtItsOpening() {
        guard case .failure(let error) = read("a,b\n1,\"ouvert\n2,3\n") else { Issue.record("accepted"); return }
        #expect(error.location == SourceLocation(file: "d.csv", line: 2, column: 3))
        #expect(error.message.contains("unterminated"))
    }

    @Test func quoteInsideAnUnquotedFieldIsAnError() {
        guard case .failure(let error) = read("a\nun \"mot\"\n") else { Issue.record("accepted"); return }
        #expect(error.location.line == 2)
        #expect(error.location.column == 4)
    }

    @Test func emptyFileAndDuplicateColumnsAreErrors() {
        guard case .failure(let empty) = read("") else { Issue.record("accepted"); return }
        #expect(empty.message.contains("empty"))
        guard case .failure(let duplicate) = read("a,a\n1,2\n") else { Issue.record("accepted"); return }
        #expect(duplicate.location.column == 3)
    }
}
