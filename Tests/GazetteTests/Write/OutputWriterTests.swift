import Foundation
import Testing
@testable import Gazette

@Suite struct OutputWriterTests {
    let files = [OutputFile(path: "index.html", text: "<p>1</p>"), OutputFile(path: "a/b/index.html", text: "b")]

    @Test func writesIntoAFreshFolderWithItsMarker() throws {
        let folder = try TemporaryFolder()
        #expect(try OutputWriter(directory: folder.path + "/Output").write(files).isEmpty)
        #expect(folder.read("Output/a/b/index.html") == "b")
        #expect(folder.read("Output/" + OutputWriter.markerName) != nil)
    }

    @Test func replacesItsOwnOutputWholeAndDropsStaleFiles() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(directory: folder.path + "/Output")
        #expect(try writer.write(files).isEmpty)
        #expect(try writer.write([OutputFile(path: "index.html", text: "<p>2</p>")]).isEmpty)
        #expect(folder.read("Output/index.html") == "<p>2</p>")
        #expect(folder.read("Output/a/b/index.html") == nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesAFolderWithForeignFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("Home/notes.txt", "précieux")
        #expect(throws: BuildFailure.self) { try OutputWriter(directory: folder.path + "/Home").write(files) }
        #expect(folder.read("Home/notes.txt") == "précieux")
        #expect(folder.read("Home/index.html") == nil)
    }

    @Test func acceptsAFreshCloneOutputFolderAndKeepsItsGitignore() throws {
        let folder = try TemporaryFolder()
        try folder.write("Output/.gitignore", "*\n!.gitignore\n")
        let writer = OutputWriter(directory: folder.path + "/Output")
        #expect(try writer.write(files).isEmpty)
        #expect(try writer.write(files).isEmpty)
        #expect(folder.read("Output/.gitignore") == "*\n!.gitignore\n")
        #expect(folder.read("Output/index.html") == "<p>1</p>")
    }

    @Test func removesStagingFoldersOfKilledBuilds() throws {
        let folder = try TemporaryFolder()
        // PID 2^22+1 is above Linux's pid_max limit, so no process can own it.
        try folder.write(".Output.gazette-staging-4194305/index.html", "half-written")
        #expect(try OutputWriter(directory: folder.path + "/Output").write(files).isEmpty)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(entries == ["Output"])
    }

    @Test func refusesAnOutputPathThatIsAFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("Output", "un fichier")
        let failure = OutputWriter(directory: folder.path + "/Output").checkTarget()
        #expect(failure.first?.domain == .output)
        #expect(BuildFailure(failure).exitCode == 3)
    }
}

extension OutputWriterTests {
    private func inode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    }

    @Test func unchangedFilesKeepTheirInodeChangedOnesAreNew() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(directory: folder.path + "/Output")
        #expect(try writer.write(files).isEmpty)
        let unchanged = try inode(folder.path + "/Output/a/b/index.html")
        let changed = try inode(folder.path + "/Output/index.html")
        #expect(try writer.write([OutputFile(path: "index.html", text: "<p>2</p>"), OutputFile(path: "a/b/index.html", text: "b")]).isEmpty)
        #expect(try inode(folder.path + "/Output/a/b/index.html") == unchanged)
        #expect(try inode(folder.path + "/Output/index.html") != changed)
        #expect(folder.read("Output/index.html") == "<p>2</p>")
    }
}
