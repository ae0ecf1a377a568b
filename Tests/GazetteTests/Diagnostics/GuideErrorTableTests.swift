import Foundation
import Testing
@testable import Gazette

/// The table of frequent errors in the editors' guide (`docs/guide-redaction.md`, « Erreurs
/// fréquentes »): each row's mistake is made here, and the build must report that code with a
/// message that reads in French as the row shows it (`…` standing for any text). A message reworded
/// without the guide fails this test; so does a row that no mistake produces.
@Suite struct GuideErrorTableTests {
    /// Each code of the table, with a site that makes its mistake: articles (below
    /// `Content/articles/`) and other files (below `Content/`), as bytes.
    private static let mistakes: [String: (articles: [String: String], files: [String: Data])] = {
        let head = "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\n"
        let chart = { (lines: String) in head + "---\n```chart\n" + lines + "```\n" }
        // The smallest valid PNG: one transparent pixel.
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=") ?? Data()
        let data = ["data/charts.yml": Data("charts:\n  - id: defis\n    kind: bar\n    title: Défis\n    categories: [a, b]\n    series: [{name: s, values: [1, 2]}]\n".utf8)]
        return [
            "invalid-date": (["2024/a.md": "---\ntitle: A\ndate: 2024-13-01T09:00:00+01:00\n---\nTexte.\n"], [:]),
            "date-offset": (["2024/a.md": "---\ntitle: A\ndate: 2024-03-01T09:00:00+02:00\n---\nTexte.\n"], [:]),
            "unquoted-colon": (["2024/a.md": "---\ntitle: Télémédecine : la téléexpertise\ndate: 2024-03-01T09:00:00+01:00\n---\nTexte.\n"], [:]),
            "quote-in-quotes": (["2024/a.md": "---\ntitle: \"Il a dit \"non\"\"\ndate: 2024-03-01T09:00:00+01:00\n---\nTexte.\n"], [:]),
            "yaml-tab": (["2024/a.md": "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\ntags:\n\t- a\n---\nTexte.\n"], [:]),
            "not-utf8": (["2024/a.md": "---\ntitle: Caf\u{E9}\ndate: 2024-03-01T09:00:00+01:00\n---\nTexte.\n"], [:]),
            "unknown-key": (["2024/a.md": head + "sumary: Résumé.\n---\nTexte.\n"], [:]),
            "tags-without-brackets": (["2024/a.md": head + "tags: télémédecine, financement\n---\nTexte.\n"], [:]),
            "unfinished-article": (["2024/a.md": head + "summary: \"\(ArticleScaffold.placeholderSummary)\"\n---\nTexte.\n"], [:]),
            "unknown-chart": (["2024/a.md": chart("id: defi\n")], data),
            "invalid-chart": (["2024/a.md": chart("kind: bar\ntitle: T\ncategories: [Cyberattaques, Pannes]\nseries: [{name: s, values: [1, 2]}]\nhighlight: [Cyberattaque]\n")], [:]),
            "not-a-number": (["2024/a.md": chart("kind: bar\ntitle: T\ndata: parts.csv\ncolumns: {category: Défi, values: [Part]}\n")],
                             ["data/parts.csv": Data("Défi;Part\nFormation;\n".utf8)]),
            "unknown-author": (["2024/a.md": head + "author: Claire Martine\n---\nTexte.\n"],
                               ["authors/claire-martin.md": Data("---\nname: Claire Martin\n---\n".utf8)]),
            "image-without-alt": (["2024/a.md": head + "---\n![](photo.png)\n"], [:]),
            "image-not-found": (["2024/a.md": head + "---\n![Carte des GHT](carte-ght.png)\n"], ["media/carte-ght.png": png]),
            "unknown-section": (["2024/a.md": head + "section: Cybersécuritée\n---\nTexte.\n"],
                                ["site.yml": Data("title: Test\nbase_url: https://test.example/\nsections:\n  - name: Cybersécurité\n".utf8)]),
            "invalid-field": (["2024/a.md": head + "corrections:\n  - date: 2024-03-02T09:00:00+01:00\n    kind: erratum\n    text: Corrigé.\n---\nTexte.\n"], [:]),
            "duplicate-slug": (["2024/a.md": head + "---\nUn.\n", "2024/b.md": head + "---\nDeux.\n"], [:]),
            "undefined-footnote": (["2024/a.md": head + "---\nTexte[^1].\n"], [:]),
            "control-character": (["2024/a.md": head + "---\nTexte\u{0B}collé.\n"], [:]),
        ]
    }()

    /// The rows of the table: the code and the message as the guide shows it.
    private static func rows() throws -> [(code: String, shown: String)] {
        let guide = try String(contentsOf: Repository.root.appendingPathComponent("docs/guide-redaction.md"), encoding: .utf8)
        let table = try #require(guide.components(separatedBy: "## 6. Erreurs fréquentes").dropFirst().first)
        return table.split(separator: "\n").compactMap { line -> (String, String)? in
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            let shown = String(line[line.index(line.startIndex, offsetBy: 3)..<end])
            guard let open = shown.firstIndex(of: "["), let close = shown.firstIndex(of: "]") else { return nil }
            return (String(shown[shown.index(after: open)..<close]), shown)
        }
    }

    @Test func everyRowOfTheGuidesTableIsWhatTheBuildSays() throws {
        let rows = try Self.rows()
        #expect(rows.count >= 20, "\(rows.map(\.code))")
        for row in rows {
            guard let mistake = Self.mistakes[row.code] else {
                Issue.record("the guide's row \(row.code) has no mistake in this test")
                continue
            }
            let folder = try TemporaryFolder()
            let options = try makeSite(in: folder, articles: [:])
            for (path, text) in mistake.articles {
                // The not-utf8 mistake is a Latin-1 file: its é written as one byte.
                let bytes = row.code == "not-utf8" ? Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }) : Data(text.utf8)
                _ = try folder.write("Content/articles/" + path, bytes: bytes)
            }
            for (path, bytes) in mistake.files { _ = try folder.write("Content/" + path, bytes: bytes) }
            var diagnostics = buildDiagnostics(options)
            if diagnostics.isEmpty { diagnostics = (try? SiteBuilder(options: options).build().warnings) ?? [] }
            // What the terminal prints in French, after the file, line and column.
            let printer = DiagnosticPrinter(language: .fr)
            let said = diagnostics.filter { $0.code.rawValue == row.code }.map { diagnostic in
                String(printer.text(diagnostic).prefix { $0 != "\n" }.dropFirst("\(diagnostic.location): ".count))
            }
            #expect(said.contains { Self.reads($0, as: row.shown) }, "\(row.code): the guide shows « \(row.shown) », the build says \(said.isEmpty ? diagnostics.map(\.message) : said)")
        }
    }

    /// Whether `message` holds the parts of `shown` between its `…`, in order.
    static func reads(_ message: String, as shown: String) -> Bool {
        // The guide's table may write a no-break space as a plain one.
        let spaces = { (text: String) in text.replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ") }
        var rest = spaces(message)[...]
        for part in spaces(shown).components(separatedBy: "…").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}
