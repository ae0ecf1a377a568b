import Foundation
import Testing
@testable import Gazette

/// Chart and board ids name files of the output (`data/<id>.csv`): each must be a slug, declared
/// once, or it is a located error and nothing is written.
@Suite struct ChartIdTests {
    private func article(_ body: String) -> String {
        "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\n" + body
    }

    private func inlineChart(id: String) -> String {
        "```chart\nid: \(id)\nkind: bar\ntitle: T\ncategories: [a]\nseries:\n  - name: s\n    values: [1]\n```\n"
    }

    @Test(arguments: ["../../../victime", "./same", "x/../same", "Chiffres", "a b", "/etc/passwd"])
    func chartIdsThatAreNotSlugsAreLocatedErrorsAndWriteNothing(id: String) throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n\n" + inlineChart(id: id))])
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("may only hold lower-case letters") == true, "\(errors)")
        #expect(errors.first?.location == SourceLocation(file: folder.path + "/Content/articles/2022/a.md", line: 8, column: 5))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Output"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.deletingLastPathComponent().appendingPathComponent("victime.csv").path))
    }

    @Test func chartFileIdsAndBoardIdsMustBeSlugsToo() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n")])
        try folder.write("Content/data/charts.yml", """
        charts:
          - id: ../dehors
            kind: bar
            title: T
            categories: [a]
            series: [{name: s, values: [1]}]
        boards:
          - id: Tableau/1
            title: B
            charts: [x]

        """)
        let errors = buildDiagnostics(options)
        let file = folder.path + "/Content/data/charts.yml"
        #expect(errors.map(\.location) == [SourceLocation(file: file, line: 2, column: 9), SourceLocation(file: file, line: 8, column: 9)])
        #expect(errors.allSatisfy { $0.message.contains("may only hold lower-case letters") })
    }

    @Test func twoChartsDeclaringOneIdAreAnErrorAtTheSecond() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2022/a.md": article("Texte.\n\n" + inlineChart(id: "same")),
            "2022/b.md": "---\ntitle: B\ndate: 2022-06-25T08:00:00+02:00\n---\nTexte.\n\n" + inlineChart(id: "same"),
        ])
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.location.file.hasSuffix("2022/b.md") == true)
        #expect(errors.first?.message.contains("chart id 'same' is already declared at") == true)
    }
}
