import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Gazette

/// Nothing is written or read outside its folder; the output is replaced only when it may be, and
/// only once at a time (issue 12, items 1–3 and 5–8).
@Suite struct OutputSafetyTests {
    private func article(_ body: String) -> String {
        "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\n" + body
    }

    @Test func symlinksInTemplatesAreRefused() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n")])
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/Templates")
        try folder.write("secret.txt", "mot de passe")
        chmod(folder.path + "/secret.txt", 0o600)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Templates/assets/secret.txt", withDestinationPath: folder.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Templates/assets/environ", withDestinationPath: "/proc/self/environ")
        try FileManager.default.removeItem(atPath: folder.path + "/Templates/partials/tag-list.mustache")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Templates/partials/tag-list.mustache", withDestinationPath: folder.path + "/secret.txt")
        var templated = options
        templated.templatesDirectory = folder.path + "/Templates"
        let refused = buildDiagnostics(templated).filter { $0.message.contains("symbolic links are refused") }
        #expect(Set(refused.map { ($0.location.file as NSString).lastPathComponent }) == ["secret.txt", "environ", "tag-list.mustache"])
        #expect(refused.allSatisfy { $0.domain == .configuration })
        #expect(folder.read("Output/assets/secret.txt") == nil)
    }

    @Test(arguments: [".gitignore", ".gitkeep"])
    func placeholderSymlinksInTheOutputAreNotFollowed(name: String) throws {
        let folder = try TemporaryFolder()
        try folder.write("secret.txt", "mot de passe")
        try FileManager.default.createDirectory(atPath: folder.path + "/Output", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Output/" + name, withDestinationPath: folder.path + "/secret.txt")
        let writer = OutputWriter(directory: folder.path + "/Output")
        _ = try writer.write([OutputFile(path: "index.html", text: "x")])
        #expect(folder.read("Output/" + name) == nil)
        #expect(folder.read("Output/index.html") == "x")
        #expect(folder.read("secret.txt") == "mot de passe")
    }

    @Test func csvCellsThatSpreadsheetsWouldRunAreNeutralised() {
        #expect(ChartData.csvField("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(ChartData.csvField("+cmd") == "'+cmd")
        #expect(ChartData.csvField("-2+3") == "'-2+3")
        #expect(ChartData.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(ChartData.csvField("\tx") == "'\tx")
        #expect(ChartData.csvField("\r=1") == "\"'\r=1\"")
        #expect(ChartData.csvField("-4") == "-4")
        #expect(ChartData.csvField("+32") == "+32")
        #expect(ChartData.csvField("-1.5e3") == "-1.5e3")
        #expect(ChartData.csvField("Budget") == "Budget")
    }

    @Test func aDownloadedCSVHasNoFormula() throws {
        let folder = try TemporaryFolder()
        let chart = "```chart\nid: formules\nkind: bar\ntitle: T\ncategories: [\"=1+1\", \"@x\"]\nseries:\n  - name: \"+s\"\n    values: [-4, 2]\n```\n"
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n\n" + chart)])
        _ = try SiteBuilder(options: options).build()
        #expect(folder.read("Output/data/formules.csv") == "Catégorie,'+s\r\n'=1+1,-4\r\n'@x,2\r\n")
    }

    @Test func aSymlinkedOutputFolderIsRefused() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n")])
        try FileManager.default.createDirectory(atPath: folder.path + "/deployed", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Output", withDestinationPath: folder.path + "/deployed")
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("the output folder is a symbolic link") == true)
        #expect(BuildFailure(errors).exitCode == 3)
        #expect(POSIXFile.isSymbolicLink(folder.path + "/Output"))
    }

    @Test(arguments: ["Content/public", "Templates/assets/site"])
    func anOutputFolderInsideAnInputIsRefused(inside: String) throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n")])
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/Templates")
        options.templatesDirectory = folder.path + "/Templates"
        options.outputDirectory = folder.path + "/" + inside
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("overlap") == true, "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: options.outputDirectory))
    }

    @Test func aSecondBuildIntoTheSameFolderIsRefusedWithTheFirstOnesPID() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2022/a.md": article("Texte.\n")])
        var held: OutputLock? = try OutputLock(for: URL(fileURLWithPath: options.outputDirectory), shownAs: "Output")
        // flock locks belong to the open file description: a second open in this process conflicts too.
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("another gazette build (PID \(getpid())) is writing this output folder") == true, "\(errors)")
        #expect(BuildFailure(errors).exitCode == 3)
        #expect(held != nil)
        held = nil  // released: the next build goes through
        // (A process another test starts at that moment holds a copy of the lock until its exec
        // closes it: the build is asked again for up to two seconds.)
        var diagnostics = buildDiagnostics(options)
        for _ in 0..<20 where diagnostics.first?.code == .outputLocked {
            Thread.sleep(forTimeInterval: 0.1)
            diagnostics = buildDiagnostics(options)
        }
        #expect(diagnostics.isEmpty)
    }

    @Test func aPreviousTreeOfManyFoldersIsDeletedWithoutFollowingItsLinks() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(directory: folder.path + "/Output")
        let files = (0..<60).map { OutputFile(path: "articles/\(2000 + $0 % 6)/a\($0)/index.html", text: "\($0)") }
            + [OutputFile(path: "tags/x/index.html", text: "t"), OutputFile(path: "index.html", text: "1")]
        _ = try writer.write(files)
        // Links to a folder and to a file outside, at the depths the parallel pass removes.
        _ = try folder.write("outside/keep.txt", "à garder")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Output/articles/2001/lien",
                                                   withDestinationPath: folder.path + "/outside")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/Output/tags/lien",
                                                   withDestinationPath: folder.path + "/outside/keep.txt")
        let warnings = try writer.write([OutputFile(path: "index.html", text: "2")])
        #expect(warnings.isEmpty)
        #expect(folder.snapshot("Output").keys.sorted() == [".gazette-output", "index.html"])
        #expect(folder.read("outside/keep.txt") == "à garder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["Output", "outside"])
    }

    @Test func aPreviousTreeWhoseFoldersLostTheirWriteBitIsStillDeleted() throws {
        guard getuid() != 0 else { return }  // root deletes through missing write bits: nothing to recover
        let folder = try TemporaryFolder()
        let writer = OutputWriter(directory: folder.path + "/Output")
        _ = try writer.write([OutputFile(path: "a/b/index.html", text: "1")])
        chmod(folder.path + "/Output/a", 0o555)
        defer { chmod(folder.path + "/Output/a", 0o755) }
        let warnings = try writer.write([OutputFile(path: "index.html", text: "2")])
        #expect(folder.read("Output/index.html") == "2")
        #expect(warnings.isEmpty, "removeTree makes folders writable again before deleting: \(warnings)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Output"])
    }

    @Test func aPreviousTreeThatCannotBeDeletedIsAWarningAfterASuccessfulSwap() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(directory: folder.path + "/Output")
        _ = try writer.write([OutputFile(path: "a/index.html", text: "1")])
        // An immutable file (chattr +i, root only) cannot be deleted, even by root.
        guard run("/usr/bin/chattr", "+i", folder.path + "/Output/a/index.html") == 0 else { return }
        defer {
            _ = run("/usr/bin/chattr", "-i", folder.path + "/.Output.gazette-staging-\(getpid())/a/index.html")
            _ = run("/usr/bin/chattr", "-i", folder.path + "/Output/a/index.html")
        }
        let warnings = try writer.write([OutputFile(path: "index.html", text: "2")])
        #expect(folder.read("Output/index.html") == "2", "the new site is in place")
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning && warnings.first?.message.contains("the site was written, but the previous one could not be deleted") == true)
    }

    /// Whatever names a file (a template, a forged cache record), the writer refuses a path that
    /// leaves the output, and the output stays as it was.
    @Test func aPathLeavingTheOutputIsRefused() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(directory: folder.path + "/Output")
        _ = try writer.write([OutputFile(path: "index.html", text: "1")])
        for path in ["../dehors.html", "a/../../dehors.html", "/dehors.html", "a//b.html", "./c.html"] {
            #expect(throws: BuildFailure.self, "\(path)") { try writer.write([OutputFile(path: path, text: "2")]) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Output"])
        #expect(folder.read("Output/index.html") == "1")
    }

    private func run(_ tool: String, _ arguments: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func writeErrorsKeepTheirOwnReason() throws {
        let folder = try TemporaryFolder()
        let writer = OutputWriter(directory: folder.path + "/Output")
        // A file whose folder is a file: ENOTDIR or EISDIR (files are written in parallel, so
        // whichever comes first fails), never a generic "Input/output error".
        do {
            _ = try writer.write([OutputFile(path: "a", text: "1"), OutputFile(path: "a/b.html", text: "2")])
            Issue.record("the write should fail")
        } catch {
            let message = error.diagnostics.first?.message ?? ""
            #expect(["is a directory while writing a", "not a directory while creating the folder of a/b.html"].contains(message), "\(message)")
            #expect(!message.contains("Input/output error"), "\(message)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Output"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func noSpaceLeftIsSaidInWords() throws {
        // /dev/full answers every write with ENOSPC, like a full disk.
        do {
            try POSIXFile.write(Data("x".utf8), to: "/dev/full", shownAs: "articles/2024/x/index.html")
            Issue.record("writing to /dev/full should fail")
        } catch {
            #expect(error.code == ENOSPC)
            #expect(error.description == "no space left on device while writing articles/2024/x/index.html")
        }
    }
}
