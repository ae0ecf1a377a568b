import Foundation
import Testing
@testable import Gazette

@Suite struct BuildProgressTests {
    @Test func renderingCountsEveryPageItAnnounced() throws {
        var options = BuildOptions(contentDirectory: Repository.content, templatesDirectory: Repository.templates, outputDirectory: "/nonexistent")
        let progress = BuildProgress()
        options.progress = progress
        _ = try SiteBuilder(options: options).renderSite()
        let last = progress.snapshot
        #expect(last.stage == "render")
        #expect(last.total > 20)
        #expect(last.done == last.total)
    }

    @Test func aBuildThatSyncsToDiskEndsWithTheSync() throws {
        let folder = try TemporaryFolder()
        var options = BuildOptions(contentDirectory: Repository.content, templatesDirectory: Repository.templates, outputDirectory: folder.path + "/Output")
        let progress = BuildProgress()
        options.progress = progress
        options.syncsToDisk = true
        let report = try SiteBuilder(options: options).build()
        #expect(progress.snapshot.stage == "sync")
        #expect(report.filesWritten > 20)
        #expect(folder.read("Output/index.html")?.contains("<html") == true)
    }

    @Test func theLineShowsStageCountAndRate() {
        let now = ContinuousClock.now
        let snapshot = BuildProgress.Snapshot(stage: "render", done: 4210, total: 10581, stageStart: now - .seconds(2))
        #expect(snapshot.line(now: now) == "render  4 210 / 10 581  2 105/s")
        #expect(BuildProgress.Snapshot(stage: "sync", done: 0, total: 0, stageStart: now).line(now: now) == "sync…")
        #expect(BuildProgress.Snapshot(stage: "parse", done: 0, total: 7, stageStart: now).line(now: now) == "parse  0 / 7")
    }
}
