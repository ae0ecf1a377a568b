import Foundation
import Testing
@testable import Gazette

/// Charts declared in `data/`, placed in articles, and every bad input located.
@Suite struct ChartEmbedTests {
    static let specs = """
    charts:
      - id: defis
        photo: 150229
        kind: bar
        title: Défis
        unit: "%"
        data: defis.csv
        columns:
          category: Défi
          values: [Part]
      - id: confiance
        kind: bar
        title: Confiance
        categories: [A, B]
        series:
          - name: Part
            values: [73, 10]
    boards:
      - id: enquete
        board: 151315
        title: Enquête
        charts: [defis, confiance]

    """

    private func site(article body: String, specs: String = specs, csv: String = "Défi;Part\nFormation;33\nBudget;23\n") throws -> (TemporaryFolder, BuildOptions) {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\n" + body])
        try folder.write("Content/data/charts.yml", specs)
        try folder.write("Content/data/defis.csv", csv)
        return (folder, options)
    }

    private func errors(article body: String, specs: String = specs, csv: String = "Défi;Part\nFormation;33\nBudget;23\n") throws -> [Diagnostic] {
        let (folder, options) = try site(article: body, specs: specs, csv: csv)
        return withExtendedLifetime(folder) { buildDiagnostics(options).filter { $0.severity == .error } }
    }

    @Test func resolvesLegacyIdsChartIdsBoardsAndInlineSpecs() throws {
        let body = """
        Texte.

        [photo=150229]

        [board=151315]

        ```chart
        id: confiance
        ```

        ```chart
        kind: key-figure
        title: Hausse
        unit: "%"
        value: 32
        ```
        """
        let (folder, options) = try site(article: body)
        _ = try SiteBuilder(options: options).build()
        let page = try #require(folder.read("Output/articles/2022/a/index.html"))
        #expect(page.components(separatedBy: "<figure class=\"chart\"").count - 1 == 5)
        #expect(page.contains("<section class=\"board\""))
        #expect(page.contains("<td>33\u{A0}%</td>"))
        #expect(folder.read("Output/data/defis.csv") != nil)
        #expect(folder.read("Output/data/a-graphique-4.csv")?.contains("Hausse,32") == true, "inline charts get an id from the article")
        // Ids inside a page never repeat, although the same chart is drawn twice.
        let ids = SVGIDs.all(in: page)
        #expect(Set(ids).count == ids.count)
    }

    @Test(arguments: [
        ("d.json", "[{\"Année\": \"2021\", \"Cas\": 12.5}, {\"Année\": \"2022\", \"Cas\": 30}]"),
        ("d.yml", "- Année: '2021'\n  Cas: 12.5\n- Année: '2022'\n  Cas: 30\n"),
    ])
    func jsonAndYAMLDataSetsFeedCharts(file: String, text: String) throws {
        let specs = "charts:\n  - id: cas\n    kind: line\n    title: Cas\n    data: \(file)\n    columns:\n      category: Année\n      values: [Cas]\n"
        let (folder, options) = try site(article: "```chart\nid: cas\n```\n", specs: specs)
        try folder.write("Content/data/" + file, text)
        _ = try SiteBuilder(options: options).build()
        #expect(folder.read("Output/data/cas.csv") == "x,Cas\r\n2021,12.5\r\n2022,30\r\n")
    }

    @Test func badRecordInAJSONDataSetIsLocated() throws {
        let specs = "charts:\n  - id: cas\n    kind: bar\n    title: Cas\n    data: d.json\n    columns:\n      category: A\n      values: [B]\n"
        let (folder, options) = try site(article: "", specs: specs)
        try folder.write("Content/data/d.json", "[\n  {\"A\": \"x\", \"B\": 1},\n  {\"A\": \"y\", \"B\": \"beaucoup\"}\n]\n")
        let found = withExtendedLifetime(folder) { buildDiagnostics(options) }
        #expect(found.first?.location.file.hasSuffix("d.json") == true)
        #expect(found.first?.location.line == 3)
    }

    @Test func shortcodeInCodeIsLeftAsText() throws {
        let (folder, options) = try site(article: "Écrire `[photo=999]` ou :\n\n    [photo=999]\n")
        _ = try SiteBuilder(options: options).build()
        let page = try #require(folder.read("Output/articles/2022/a/index.html"))
        #expect(page.contains("<code>[photo=999]</code>"))
        #expect(!page.contains("<figure"))
    }

    @Test func unknownLegacyIdSuggestsTheClosest() throws {
        let found = try errors(article: "\n[photo=150292]\n")
        #expect(found.count == 1)
        #expect(found.first?.location.line == 6)
        #expect(found.first?.message.contains("did you mean [photo=150229]?") == true)
    }

    @Test func unknownChartIdInABlockSuggestsTheClosest() throws {
        let found = try errors(article: "```chart\nid: confiense\n```\n")
        #expect(found.first?.location.line == 6)
        #expect(found.first?.location.column == 5)
        #expect(found.first?.message.contains("did you mean 'confiance'?") == true)
    }

    @Test func chartBlockWithInvalidYAMLIsLocated() throws {
        let found = try errors(article: "Texte\n\n```chart\nkind: bar\ntitle: [oups\n```\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("invalid YAML") == true)
        #expect((9...10).contains(found.first?.location.line ?? 0), "libyaml stops at the end of the broken flow sequence")
    }

    @Test func twoSpecsWithOneId() throws {
        let found = try errors(article: "", specs: Self.specs.replacingOccurrences(of: "id: confiance", with: "id: defis"))
        // The second 'defis' is refused, so the board's 'confiance' no longer exists: two real errors.
        #expect(found.map(\.code) == [.duplicateID, .unknownChart], "\(found)")
        #expect(found.first?.location.line == 11)
        #expect(found.first?.notes.map(\.location.line) == [2], "the note points at the first declaration")
    }

    /// One mistake in the chart file gives one error, at its line, saying what is wrong.
    @Test(arguments: [
        ("data: defis.csv", "data: defi.csv", ["data file 'defi.csv' not found in ", "data/ (did you mean 'defis.csv'?)"], 7),
        ("values: [Part]", "values: [Parts]", ["column 'Parts' is not in"], 10),
        ("kind: bar\n    title: Confiance", "kind: radar\n    title: Confiance", ["unknown chart kind 'radar'"], 12),
        ("categories: [A, B]", "categorie: [A, B]", ["did you mean 'categories'?"], 14),
        ("values: [73, 10]", "values: [73, 10, 5]", ["series[0].values: has 3 values but categories has 2"], 17),
        // A name the chart does not have, close to one it has: the nearest is suggested.
        ("kind: bar\n    title: Confiance", "kind: colum\n    title: Confiance", ["unknown chart kind 'colum'", "slope (did you mean 'column'?)"], 12),
        ("categories: [A, B]", "categories: [Cyberattaques, Pannes]\n    highlight: [Cyberattaque]",
         ["highlight[0]: 'Cyberattaque' is not one of the chart's categories (Cyberattaques, Pannes) (did you mean 'Cyberattaques'?)"], 15),
        ("categories: [A, B]", "categories: [A, B]\n    annotations: [{text: Note, category: a}]",
         ["annotations[0].category: 'a' is not one of the chart's categories (A, B) (did you mean 'A'?)"], 15),
    ])
    func mistakeInTheChartFileIsLocated(replacing text: String, with mistake: String, saying fragments: [String], line: Int) throws {
        let found = try errors(article: "", specs: Self.specs.replacingOccurrences(of: text, with: mistake))
        #expect(found.count == 1, "\(found)")
        for fragment in fragments { #expect(found.first?.message.contains(fragment) == true, "\(found)") }
        #expect(found.first?.location.line == line)
    }

    /// A chart or board that cannot be read where it is declared is reported there only: the
    /// articles naming it by legacy id get no second error (nor a suggestion of another chart).
    @Test func aLegacyIdOfAChartInErrorIsNotReportedAgain() throws {
        let broken = Self.specs.replacingOccurrences(of: "kind: bar\n    title: Défis", with: "kind: barre\n    title: Défis")
            .replacingOccurrences(of: "title: Enquête", with: "titre: Enquête")
        let found = try errors(article: "Texte.\n\n[photo=150229]\n\n[board=151315]\n", specs: broken)
        #expect(found.map(\.code) == [.invalidChart, .missingField], "\(found)")
        #expect(found.first?.message.contains("unknown chart kind 'barre'") == true)
    }

    @Test func aNameFarFromEveryKnownOneGetsNoSuggestion() throws {
        let found = try errors(article: "", specs: Self.specs.replacingOccurrences(of: "categories: [A, B]", with: "categories: [A, B]\n    highlight: [Zzzzzz]"))
        #expect(found.first?.message.hasSuffix("is not one of the chart's categories (A, B)") == true, "\(found)")
    }

    @Test func nonNumericCellIsLocatedInTheCSV() throws {
        let found = try errors(article: "", csv: "Défi;Part\nFormation;33\nBudget;vingt-trois\n")
        #expect(found.count == 1)
        #expect(found.first?.location.file.hasSuffix("data/defis.csv") == true)
        #expect(found.first?.location.line == 3)
        #expect(found.first?.location.column == 8)
    }

    @Test func raggedCSVAndUnterminatedQuote() throws {
        let ragged = try errors(article: "[photo=150229]\n", csv: "Défi;Part\nFormation;33;1\n")
        #expect(ragged.count == 1, "charts that read a broken file add no error of their own: \(ragged)")
        #expect(ragged.first?.location.line == 2)
        let unterminated = try errors(article: "", csv: "Défi;Part\n\"Formation;33\n")
        #expect(unterminated.first?.message.contains("unterminated") == true)
    }

    @Test func notesAreDrawnAndTheirMistakesLocated() throws {
        let noted = Self.specs.replacingOccurrences(of: "        values: [73, 10]\n", with: """
                    values: [73, 10]
                annotations:
                  - text: Hausse nette
                    category: A

            """)
        #expect(noted != Self.specs)
        let (folder, options) = try site(article: "```chart\nid: confiance\n```\n", specs: noted)
        try withExtendedLifetime(folder) {
            #expect(buildDiagnostics(options).filter { $0.severity == .error }.isEmpty)
            let page = try String(contentsOfFile: options.outputDirectory + "/articles/2022/a/index.html", encoding: .utf8)
            #expect(page.contains("<g class=\"gz-note\">"))
            #expect(page.contains("Annotation, A\u{A0}: Hausse nette"))
        }
        let unknownCategory = try errors(article: "", specs: noted.replacingOccurrences(of: "category: A", with: "category: Z"))
        #expect(unknownCategory.first?.message.contains("annotations[0].category: 'Z' is not one of the chart's categories (A, B)") == true)
        #expect(unknownCategory.first?.location.line == 20)
        let misspelt = try errors(article: "", specs: noted.replacingOccurrences(of: "category: A", with: "categroy: A"))
        #expect(misspelt.first?.message.contains("unknown field 'categroy' of a note (did you mean 'category'?)") == true)
        #expect(misspelt.first?.location.line == 20)
        #expect(misspelt.first?.location.column == 9)
    }

    @Test func boardListingAnUnknownChart() throws {
        let found = try errors(article: "", specs: Self.specs.replacingOccurrences(of: "charts: [defis, confiance]", with: "charts: [defis, confiences]"))
        #expect(found.first?.message.contains("unknown chart 'confiences' (did you mean 'confiance'?)") == true)
    }

    @Test func anEmptyCellSaysHowToWriteAMissingValue() throws {
        let found = try errors(article: "", csv: "Défi;Part\nFormation;\n")
        let error = try #require(found.first { $0.code == .notANumber })
        #expect(error.message.hasPrefix("cell of column 'Part' is empty: a chart has no way to show a missing value; write 0 if the value is zero"))
        #expect(error.location.line == 2)
    }

    @Test func allErrorsOfTheChartsAreReportedTogether() throws {
        let found = try errors(article: "[photo=1]\n\n[board=2]\n", csv: "Défi;Part\nFormation;x\n")
        // Sorted by file: the article (Content/articles/…) before the data set (Content/data/…).
        #expect(found.map(\.code) == [.unknownLegacyID, .unknownLegacyID, .notANumber], "\(found)")
        #expect(found.map(\.location.line) == [5, 7, 2])
    }
}

enum SVGIDs {
    /// Every `id="…"` of a page.
    static func all(in html: String) -> [String] {
        html.components(separatedBy: " id=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }
}
