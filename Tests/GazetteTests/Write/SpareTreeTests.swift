import Foundation
import Testing
@testable import Gazette
#if canImport(Glibc)
import Glibc
#endif

/// `SpareTree`: the output before last, brought up to date as the next staging folder.
@Suite struct SpareTreeTests {
    /// A live output `Output/` and a spare whose files are hard links to the output's (as they are
    /// after an exchange), plus what the spare alone holds.
    private func makeTrees(_ folder: TemporaryFolder) throws -> (output: String, spare: String) {
        let output = folder.path + "/Output", spare = folder.path + "/spare"
        _ = try folder.write("Output/articles/a/index.html", "a, en ligne")
        _ = try folder.write("Output/index.html", "accueil, en ligne")
        try FileManager.default.createDirectory(atPath: spare + "/articles/a", withIntermediateDirectories: true)
        #expect(link(output + "/articles/a/index.html", spare + "/articles/a/index.html") == 0)
        #expect(link(output + "/index.html", spare + "/index.html") == 0)
        _ = try folder.write("spare/articles/ancien/index.html", "un article retiré")
        _ = try folder.write("spare/pagefind/index.json", "{}")
        _ = try folder.write("spare/tags", "un fichier où il faut un dossier")
        return (output, spare)
    }

    private func staging(output: String, spare: String) throws -> StagingFolder {
        let inventory = try #require(OutputTree(reading: spare))
        return StagingFolder(root: URL(fileURLWithPath: spare), previous: URL(fileURLWithPath: output),
                             spare: SpareTree(root: spare, inventory: inventory))
    }

    @Test func aFileWrittenIntoTheSpareNeverChangesTheLiveOutputThroughAHardLink() throws {
        let folder = try TemporaryFolder()
        let (output, spare) = try makeTrees(folder)
        let staging = try staging(output: output, spare: spare)
        staging.add(OutputFile(path: "articles/a/index.html", text: "a, nouvelle version"))
        #expect(staging.firstFailure == nil)
        #expect(folder.read("Output/articles/a/index.html") == "a, en ligne")
        #expect(folder.read("spare/articles/a/index.html") == "a, nouvelle version")
    }

    @Test func whatTheBuildDidNotMakeIsRemovedAndWhatItKeptIsLeftInPlace() throws {
        let folder = try TemporaryFolder()
        let (output, spare) = try makeTrees(folder)
        let staging = try staging(output: output, spare: spare)
        let kept = try #require(FileIdentity(of: spare + "/index.html"))
        #expect(staging.spare?.holds("index.html", inode: kept.inode) == true)
        staging.add(OutputFile(path: "articles/a/index.html", text: "a"))
        staging.add(OutputFile(path: "tags/sante/index.html", text: "santé"))
        #expect(staging.firstFailure == nil)
        staging.spare?.removeWhatWasNotMade()
        #expect(folder.snapshot("spare").keys.sorted() == ["articles/a/index.html", "index.html", "tags/sante/index.html"])
        #expect(FileIdentity(of: spare + "/index.html") == kept)
        #expect(!FileManager.default.fileExists(atPath: spare + "/articles/ancien"))
        #expect(!FileManager.default.fileExists(atPath: spare + "/pagefind"))
        #expect(folder.read("Output/index.html") == "accueil, en ligne")
    }

    /// Through the builder: each edit rebuild brings the output before last up to date; its
    /// output is the cold build's, the page it did not change keeps its inode, and the spare then
    /// holds the output it replaced.
    @Test func anEditRebuildBringsTheOutputBeforeLastUpToDate() throws {
        let folder = try TemporaryFolder()
        func article(_ title: String, _ body: String) -> String {
            "---\ntitle: \(title)\ndate: 2024-03-01T09:00:00+01:00\n---\n\n\(body)\n"
        }
        var options = try makeSite(in: folder, articles: ["2024/a.md": article("Article A", "Premier."),
                                                          "2024/b.md": article("Article B", "Second.")])
        options.incremental = true
        _ = try SiteBuilder(options: options).build()
        let untouched = options.outputDirectory + "/articles/2024/article-a/index.html"
        for round in 1...3 {
            _ = try folder.write("Content/articles/2024/b.md", article("Article B", "Second, version \(round)."))
            let before = try #require(FileIdentity(of: untouched))
            let previous = folder.snapshot("Output")
            _ = try SiteBuilder(options: options).build()
            // The same file, not written again (links made or removed change only its ctime).
            let after = try #require(FileIdentity(of: untouched))
            #expect(after.inode == before.inode && after.modified == before.modified)
            #expect(folder.read("Output/articles/2024/article-b/index.html")?.contains("Second, version \(round).") == true)
            #expect(folder.snapshot(".gazette-cache/Output.spare") == previous)
            try expectSameAsColdBuild(folder, options)
        }
    }
}
