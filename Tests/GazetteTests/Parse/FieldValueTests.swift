import Testing
@testable import Gazette

/// Values that read but cannot be published as they are: tags that fold to nothing or onto
/// another, years before 1900, items per page out of range, base URLs with more than a host and
/// a path.
@Suite struct FieldValueTests {
    private func article(title: String = "A", tags: String = "", body: String = "Texte.") -> String {
        "---\ntitle: \(title)\ndate: 2022-06-24T08:00:00+02:00\n\(tags)---\n\(body)\n"
    }

    @Test func tagsThatFoldToNothingOrOntoAnotherAreWarned() throws {
        let (folder, report, warnings) = try buildSite([
            "2022/a.md": article(tags: "tags: [\"🎉\", \"!!!\", Été]\n"),
            "2022/b.md": "---\ntitle: B\ndate: 2022-06-25T08:00:00+02:00\ntags: [ete, ÉTÉ]\n---\nTexte.\n",
        ])
        #expect(report != nil)
        #expect(warnings.filter { $0.message.contains("has no letter or digit") }.count == 2)
        let merged = warnings.filter { $0.message.contains("is filed under the tag \"Été\"") }
        #expect(merged.count == 2)
        #expect(merged.allSatisfy { $0.location.file.hasSuffix("b.md") && $0.location.line == 4 })
        #expect(folder.read("Output/tags/ete/index.html") != nil)
    }

    @Test(arguments: ["0000-06-24T08:00:00+02:00", "1899-12-31T23:00:00+01:00"])
    func yearsBefore1900AreRefused(date: String) throws {
        let (_, report, errors) = try buildSite(["2022/a.md": "---\ntitle: A\ndate: \(date)\n---\nTexte.\n"])
        #expect(report == nil)
        #expect(errors.first?.location.line == 3 && errors.first?.location.column == 7)
        #expect(errors.first?.message.contains("is before 1900") == true)
    }

    @Test(arguments: ["9223372036854775807", "0", "-3", "1001"])
    func itemsPerPageIsRangeChecked(value: String) throws {
        let (_, report, errors) = try buildSite(["2022/a.md": article()], site: "title: T\nbase_url: https://t.example/\nitems_per_page: \(value)\n")
        #expect(report == nil)
        #expect(errors.first?.message == "'items_per_page' must be a whole number from 1 to 1000")
        #expect(errors.first?.location.line == 3)
    }

    @Test(arguments: [
        ("https://t.example/?utm=1", "query"), ("https://t.example/#haut", "fragment"),
        ("https://moi:secret@t.example/", "user name or password"), ("https://t.example/mon site/", "spaces"),
        ("ftp://t.example/", "absolute http(s) URL"), ("https:/t.example/", "absolute http(s) URL"),
    ])
    func baseURLAcceptsOnlyHostPortAndPath(url: String, problem: String) throws {
        let (_, report, errors) = try buildSite(["2022/a.md": article()], site: "title: T\nbase_url: \"\(url)\"\n")
        #expect(report == nil)
        #expect(errors.first?.message.contains(problem) == true, "\(errors)")
        #expect(errors.first?.domain == .configuration)
        #expect(SiteConfig.normalizedBaseURL("https://t.example:8443/actualites") == "https://t.example:8443/actualites/")
    }
}
