import Foundation
import Testing
@testable import Gazette
@testable import Wording

/// The examples of `docs/diagnostics.md` are messages the code prints: each reads as one of the
/// phrases the code writes (every one of which has its line in ``FrenchPhrases``, which a debug
/// build checks where the phrase is made), values in place of its `%@`, `…` for what the example
/// leaves out (at its end too: an example without `…` is the whole message). And the table holds no phrase the code no longer writes.
@Suite struct DiagnosticExamplesTests {
    /// Each row's code and example, without the location and severity a few examples show first.
    private static func examples() throws -> [(code: String, example: String)] {
        let reference = try String(contentsOf: Repository.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        return reference.split(separator: "\n").compactMap { line -> (String, String)? in
            let cells = String(line).components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            // The example is the cell's first code span; a remark in brackets may follow it.
            guard cells.count >= 4, cells[1].hasPrefix("`"), cells[2].hasPrefix("`"), cells[2].count > 2 else { return nil }
            var example = String(cells[2].dropFirst().prefix { $0 != "`" })
            for severity in ["error[", "warning["] {
                if let start = example.range(of: severity), let end = example[start.upperBound...].range(of: "]: ") { example = String(example[end.upperBound...]) }
            }
            return (String(cells[1].dropFirst().prefix { $0 != "`" }), example)
        }
    }

    /// `pattern` as glob tokens: each character, or nil for a stretch of any text.
    private static func glob(_ text: String, wildcard: String) -> [Character?] {
        text.components(separatedBy: wildcard).enumerated().flatMap { index, part in
            (index == 0 ? [] : [nil]) + part.map { Optional($0) }
        }
    }

    /// Whether some text matches both globs.
    static func overlap(_ a: [Character?], _ b: [Character?]) -> Bool {
        var memo: [Int: Bool] = [:]
        func can(_ i: Int, _ j: Int) -> Bool {
            if let known = memo[i * (b.count + 1) + j] { return known }
            let result: Bool
            if i == a.count && j == b.count {
                result = true
            } else if i < a.count, a[i] == nil {
                result = can(i + 1, j) || (j < b.count && can(i, j + 1))
            } else if j < b.count, b[j] == nil {
                result = can(i, j + 1) || (i < a.count && can(i + 1, j))
            } else {
                result = i < a.count && j < b.count && a[i] == b[j] && can(i + 1, j + 1)
            }
            memo[i * (b.count + 1) + j] = result
            return result
        }
        return can(0, 0)
    }

    @Test func everyExampleIsAMessageTheCodeWrites() throws {
        let rows = try Self.examples()
        #expect(rows.count == DiagnosticCode.allCases.count, "\(rows.count) rows read")
        // A key's `%%` is a `%` once written; `%@` any value.
        let phrases = FrenchPhrases.entries.map { Self.glob($0.key.replacingOccurrences(of: "%%", with: "%"), wildcard: "%@") }.filter { $0.contains { $0 != nil } }
        for row in rows {
            let example = Self.glob(row.example.replacingOccurrences(of: "…", with: "\u{0}"), wildcard: "\u{0}")
            let first = example.first ?? nil
            let candidates = phrases.filter { phrase in
                let head = phrase.first ?? nil
                return head == nil || first == nil || head == first
            }
            #expect(candidates.contains { Self.overlap($0, example) }, "\(row.code): « \(row.example) » is no message the code writes")
        }
    }

    @Test func theFrenchTableHoldsNoPhraseTheCodeNoLongerWrites() throws {
        var sources = ""
        let folder = Repository.root.appendingPathComponent("Sources")
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [] where path.hasSuffix(".swift") && !path.hasSuffix("FrenchPhrases.swift") {
            sources += try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        for (key, _) in FrenchPhrases.entries {
            // The longest stretch of the key between values, as a Swift literal writes it.
            let literal = key.replacingOccurrences(of: "%%", with: "%").components(separatedBy: "%@").max { $0.count < $1.count } ?? ""
            let written = literal.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            let spellings = ["\\u{00A0}", "\\u{A0}"].map { written.replacingOccurrences(of: "\u{00A0}", with: $0) }
            #expect(written.count < 2 || spellings.contains { sources.contains($0) }, "FrenchPhrases translates « \(key) », which no source file writes")
        }
    }
}
