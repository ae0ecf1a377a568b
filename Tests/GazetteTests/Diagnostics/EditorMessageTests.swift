import Foundation
import SVGPlot
import Testing
import Wording
@testable import Gazette

/// Messages an editor can act on, each asserted by its code and place (issue 8, items 5 and 6).
@Suite struct EditorMessageTests {
    private func diagnostics(_ files: [String: String], raw: [String: Data] = [:], site: String? = nil) throws -> (TemporaryFolder, [Diagnostic]) {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [:])
        if let site { try folder.write("Content/site.yml", site) }
        for (path, text) in files { try folder.write("Content/" + path, text) }
        for (path, bytes) in raw { try folder.write("Content/" + path, bytes: bytes) }
        do {
            return (folder, try SiteBuilder(options: options).build().warnings)
        } catch {
            return (folder, error.diagnostics)
        }
    }

    private func article(_ frontMatter: String = "", body: String = "Texte.") -> String {
        "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n\(frontMatter)---\n\(body)\n"
    }

    @Test func anUnknownKeySuggestsTheNearestKnownOne() throws {
        let (_, found) = try diagnostics(["articles/2022/a.md": article("sumary: Résumé\n")])
        #expect(found.map(\.code) == [.unknownKey])
        #expect(found.first?.location.line == 4 && found.first?.location.column == 1)
        #expect(found.first?.message.hasSuffix("(did you mean 'summary'?)") == true)
    }

    @Test func aStrictBuildCountsTheWarningsThatFailedIt() throws {
        let failure = BuildFailure([.warning(.unknownKey, Phrase(verbatim: "x"), at: SourceLocation(file: "a.md", line: 1, column: 1))])
        #expect(failure.summary(output: "Output").description == "Build failed with 1 warning (--strict); Output/ was left as it was.")
        let errors = BuildFailure([.error(.invalidDate, Phrase(verbatim: "x"), at: SourceLocation(file: "a.md", line: 1, column: 1)),
                                   .error(.invalidDate, Phrase(verbatim: "y"), at: SourceLocation(file: "a.md", line: 2, column: 1))])
        #expect(errors.summary(output: "Output").description == "Build failed with 2 errors; Output/ was left as it was.")
    }

    @Test func aTabInYAMLIsNamedAsATab() throws {
        let (_, found) = try diagnostics(["articles/2022/a.md": article("tags:\n\t- santé\n")])
        #expect(found.map(\.code) == [.yamlTab])
        #expect(found.first?.location.line == 5 && found.first?.location.column == 1)
    }

    @Test func windows1252BytesAreReadBackWithTheirText() throws {
        var bytes = Data(article(body: "La ").utf8.dropLast())
        bytes += Data([0x73, 0xE9, 0x63, 0x75, 0x72, 0x69, 0x74, 0xE9]) + Data(" des SI.\n".utf8)
        let (_, found) = try diagnostics([:], raw: ["articles/2022/a.md": bytes])
        #expect(found.map(\.code) == [.notUTF8])
        #expect(found.first?.location.line == 5 && found.first?.location.column == 5)
        #expect(found.first?.message.contains("«\u{A0}é\u{A0}» in Windows-1252") == true)
        #expect(found.first?.message.contains("« La sécurité des SI. »") == true, "\(found)")
    }

    @Test func aDateOffsetThatIsNotTheSiteZonesIsAWarning() throws {
        let (_, found) = try diagnostics(["articles/2022/a.md": "---\ntitle: A\ndate: 2022-01-24T08:00:00+02:00\n---\nTexte.\n"])
        #expect(found.map(\.code) == [.dateOffset])
        #expect(found.first?.location.line == 3 && found.first?.location.column == 26)
        #expect(found.first?.message.contains("(+01:00)") == true)
    }

    @Test func aFootnoteWithoutDefinitionIsAWarning() throws {
        let (_, found) = try diagnostics(["articles/2022/a.md": article(body: "Intro.\n\nTexte[^1] et `[^code]`.")])
        #expect(found.map(\.code) == [.undefinedFootnote])
        #expect(found.first?.location.line == 7)
        #expect(found.first?.message.hasPrefix("footnote [^1] has no definition") == true)
    }

    @Test func markdownFilesWithAnotherExtensionAreReadOrFlagged() throws {
        let (folder, found) = try diagnostics(["articles/2022/long.markdown": article(), "articles/2022/notes.txt": "brouillon"])
        #expect(found.map(\.code) == [.unreadMarkdownFile])
        #expect(found.first?.location.file.hasSuffix("articles/2022/notes.txt") == true)
        #expect(folder.read("Output/articles/2022/a/index.html") != nil, "the .markdown article is published")
    }

    static let chartFile = "charts:\n  - id: defis\n    kind: bar\n    title: Défis\n    data: defis.csv\n    columns: {category: Défi, values: [Part]}\n"

    @Test func aDataFileWithForeignBytesGivesOneError() throws {
        let (_, found) = try diagnostics(["articles/2022/a.md": article(body: "```chart\nid: defis\n```"), "data/charts.yml": Self.chartFile],
                                         raw: ["data/defis.csv": Data("Défi;Part\nS".utf8) + Data([0xE9]) + Data("curité;33\n".utf8)])
        #expect(found.map(\.code) == [.notUTF8], "no 'data file not found', no 'unknown chart': \(found)")
    }

    @Test func aYAMLErrorInAChartFileGivesOneError() throws {
        let (_, found) = try diagnostics(["articles/2022/a.md": article(body: "[photo=1]\n\n```chart\nid: defis\n```"),
                                          "data/charts.yml": Self.chartFile + "  - id: [oups\n", "data/defis.csv": "Défi;Part\nA;1\n"])
        #expect(found.map(\.code) == [.invalidYAML], "\(found)")
    }

    @Test func aChartInErrorUsedByAnArticleGivesOneError() throws {
        let broken = Self.chartFile.replacingOccurrences(of: "kind: bar", with: "kind: radar")
        let (_, found) = try diagnostics(["articles/2022/a.md": article(body: "```chart\nid: defis\n```"), "data/charts.yml": broken,
                                          "data/defis.csv": "Défi;Part\nA;1\n"])
        #expect(found.map(\.code) == [.invalidChart], "\(found)")
    }

    @Test func waffleValuesPastItsSquaresWithoutTotalAreAnError() throws {
        let chart = "```chart\nkind: waffle\ntitle: GHT\ncategories: [a, b]\nseries: [{name: s, values: [70, 50]}]\n```"
        let (_, found) = try diagnostics(["articles/2022/a.md": article(body: chart)])
        #expect(found.map(\.code) == [.invalidChart])
        #expect(found.first?.message.contains("add up to 120, more than the 100 squares") == true, "\(found)")
    }

    @Test func rawHTMLDroppedInSafeModeIsAWarningThatSaysWhatToDo() throws {
        let body = "<iframe src=\"https://video.example/x\"></iframe>\n\nTexte <span>x</span> et <b>y</b>.\n\n<table><tr><td>1</td></tr></table>"
        let (_, found) = try diagnostics(["articles/2022/a.md": article(body: body)])
        #expect(found.map(\.code) == [.rawHTMLDropped, .rawHTMLDropped, .rawHTMLDropped])
        #expect(found.map(\.location.line) == [5, 7, 9])
        #expect(found.first?.message.contains("write the video's address alone on its line") == true)
        #expect(found.last?.message.contains("write the table in Markdown") == true)
        let (_, allowed) = try diagnostics(["articles/2022/a.md": article(body: body)],
                                           site: "title: Test\nbase_url: https://test.example/\nunsafe_html: true\n")
        #expect(allowed.isEmpty)
    }

    @Test func aBadBaseURLOptionIsACommandLineDiagnostic() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: ["2022/a.md": article()])
        options.baseURL = "https://exemple.fr/?x=1"
        let found = buildDiagnostics(options)
        #expect(found.map(\.code) == [.invalidOption])
        #expect(found.first?.location.origin == .commandLine && found.first?.location.file == "--base-url")
    }

    @Test func everyCodeIsListedInTheDiagnosticsReference() throws {
        let reference = try String(contentsOf: Repository.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(reference.contains("\n| `\(code.rawValue)`"), "docs/diagnostics.md lists no row for \(code.rawValue)")
        }
    }

    /// The chart reference's list of kinds names every kind SVGPlot draws.
    @Test func everyChartKindIsListedInTheChartReference() throws {
        let reference = try String(contentsOf: Repository.root.appendingPathComponent("docs/charts.md"), encoding: .utf8)
        let start = try #require(reference.range(of: "kind: bar "))
        let list = reference[start.lowerBound...].prefix { $0 != "\n" } + reference[start.lowerBound...].split(separator: "\n").dropFirst().first!
        let named = Set(list.split(whereSeparator: { " ,#:".contains($0) }).map(String.init))
        for kind in ChartKind.allCases {
            #expect(named.contains(kind.rawValue), "docs/charts.md's kind list lacks \(kind.rawValue)")
        }
    }
}
