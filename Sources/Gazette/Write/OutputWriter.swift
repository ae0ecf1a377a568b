import Wording
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the generated files into a staging folder beside the output folder, then swaps it in
/// atomically: the previous output stays whole until the new one is complete. Files whose bytes
/// did not change are hard links to the previous ones, so they keep their inode and date
/// (`rsync` and static hosts see only what changed).
struct OutputWriter: Sendable {
    /// The output folder as the user named it.
    public let directory: String

    /// File that marks a folder as written by Gazette (and so safe to replace).
    public static let markerName = ".gazette-output"
    /// Files that may sit in a folder Gazette has not written yet (a fresh clone's `Output/.gitignore`);
    /// they are carried over into each new output when they are regular files (never through a link).
    public static let placeholderNames: Set<String> = [".gitignore", ".gitkeep"]

    /// Flushes the new site to the disk (one `syncfs`) before it replaces the old one, so that a
    /// power cut never leaves a swapped-in site with empty files (the command line's default).
    public var syncsToDisk: Bool

    /// Creates a writer for `directory`.
    public init(directory: String, syncsToDisk: Bool = false) {
        self.directory = directory
        self.syncsToDisk = syncsToDisk
    }

    private var target: URL { URL(fileURLWithPath: directory).standardizedFileURL }
    private var stagingPrefix: String { "." + target.lastPathComponent + ".gazette-staging-" }

    /// Checks, before any rendering, that the output folder may be replaced: Gazette's own output,
    /// or an empty folder, never a link (replacing it would strand the tree it points to), nor a
    /// folder inside one of `inputs` (it would publish itself again at every build).
    public func checkTarget(inputs: [String] = []) -> [Diagnostic] {
        if POSIXFile.isSymbolicLink(target.path) {
            return [failure("the output folder is a symbolic link (to \(POSIXFile.canonicalPath(target.path))); Gazette replaces the folder as a whole, so name the real folder with --output")]
        }
        let output = POSIXFile.canonicalPath(target.path)
        for input in inputs {
            let folder = POSIXFile.canonicalPath(input)
            if output == folder || output.hasPrefix(folder + "/") || folder.hasPrefix(output + "/") {
                return [failure("the output folder and the input folder \(input) overlap; write the site outside Content/ and Templates/")]
            }
        }
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else {
            return [failure("the output path exists and is not a folder; refusing to replace it")]
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
        if entries.contains(Self.markerName) { return [] }
        let foreign = entries.filter { !Self.placeholderNames.contains($0) }.sorted()
        guard foreign.isEmpty else {
            let sample = foreign.prefix(3).joined(separator: ", ")
            return [failure("the output folder holds files Gazette did not write (\(sample)\(foreign.count > 3 ? ", …" : "")); refusing to replace it: empty it or choose another --output")]
        }
        return []
    }

    /// Writes `files` and swaps them in. Throws a ``BuildFailure`` (exit code 3) when the disk
    /// refuses before the swap, and the output is then as it was. Once the swap is done the build
    /// has succeeded: a previous tree that cannot be deleted is returned as a warning.
    public func write(_ files: [OutputFile]) throws(BuildFailure) -> [Diagnostic] {
        let staging = try beginStaging()
        parallelForEach(files) { staging.add($0) }
        return try finish(staging)
    }

    /// Creates the staging folder beside the output folder (removing those of killed builds);
    /// files are added to it as they are made, then ``finish(_:progress:)`` swaps it in.
    /// `previousCache` says how the current output's pages were made (what may be kept). With
    /// `reusingSpare` (incremental builds), the staging folder is the output before last, kept in
    /// the build cache (``SpareTree``), and the output it replaces is kept there in turn.
    public func beginStaging(previousCache: BuildCache = BuildCache(), reusingSpare: Bool = false) throws(BuildFailure) -> StagingFolder {
        let problems = checkTarget()
        guard problems.isEmpty else { throw BuildFailure(problems) }
        let fileManager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(stagingPrefix + String(getpid()))
        do throws(POSIXFailure) {
            do {
                try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw POSIXFailure(operation: "creating \(parent.path)", code: Self.errorCode(error))
            }
            removeAbandonedStagingFolders()
            let previous = fileManager.fileExists(atPath: target.path) ? target : nil
            if reusingSpare, let spare = openSpare() {
                return StagingFolder(root: URL(fileURLWithPath: spare.root), previous: previous, previousCache: previousCache, spare: spare)
            }
            if fileManager.fileExists(atPath: staging.path) { _ = Self.removeTree(staging.path) }
            guard mkdir(staging.path, 0o755) == 0 else { throw POSIXFailure(operation: "creating \(staging.path)", code: errno) }
            return StagingFolder(root: staging, previous: previous, previousCache: previousCache)
        } catch {
            throw BuildFailure([failure("\(error)", code: .writeFailed)])
        }
    }

    /// The spare tree of the output folder (``SpareTree``), with its entries as they stand (a new,
    /// empty one when there is none, it cannot be read or it holds anything but files and folders:
    /// a planted link is never written through); nil when the build cache's folder cannot
    /// be made or is on another file system than the output (the two could not be exchanged): the
    /// build then fills a new staging folder.
    private func openSpare() -> SpareTree? {
        let path = BuildCache.cacheFile(forOutput: directory, named: "spare")
        let folder = (path as NSString).deletingLastPathComponent
        guard (try? POSIXFile.createOwnFolder(folder)) != nil else { return nil }
        var cacheInfo = stat(), parentInfo = stat()
        guard stat(folder, &cacheInfo) == 0, stat(target.deletingLastPathComponent().path, &parentInfo) == 0,
              cacheInfo.st_dev == parentInfo.st_dev else { return nil }
        if FileIdentity(ofEntry: path)?.isFolder == true, let inventory = OutputTree(reading: path), inventory.holdsOnlyFilesAndFolders {
            return SpareTree(root: path, inventory: inventory)
        }
        _ = Self.removeTree(path)
        guard mkdir(path, 0o755) == 0 else { return nil }
        return SpareTree(root: path, inventory: OutputTree(entries: [:]))
    }

    /// Completes `staging` (Gazette's marker, the placeholders, the flush) and swaps it in; on
    /// any error before the swap it is deleted and the output stays as it was.
    public func finish(_ staging: StagingFolder, progress: BuildProgress? = nil) throws(BuildFailure) -> [Diagnostic] {
        let parent = target.deletingLastPathComponent()
        let root = staging.root
        let old: String
        do {
            if let problem = staging.firstFailure { throw problem }
            staging.spare?.removeWhatWasNotMade()
            try carryOverPlaceholders(into: root)
            try POSIXFile.write(Data("Written by gazette build; the whole folder is replaced on each build.\n".utf8),
                                to: root.appendingPathComponent(Self.markerName).path, shownAs: Self.markerName)
            if syncsToDisk {
                progress?.begin("sync")
                try POSIXFile.syncFileSystem(containing: root.path)
            }
            guard staging.previous != nil else {
                try AtomicFolderSwap.move(root.path, to: target.path)
                if syncsToDisk { POSIXFile.syncFolder(parent.path) }
                return []
            }
            old = try AtomicFolderSwap.exchange(root.path, target.path)
            if syncsToDisk { POSIXFile.syncFolder(parent.path) }
        } catch {
            _ = Self.removeTree(root.path)
            throw BuildFailure([failure("\(error)", code: .writeFailed)])
        }
        // The output just replaced is the next build's spare tree, where the exchange left it.
        if staging.spare != nil, old == root.path || rename(old, root.path) == 0 { return [] }
        if let problem = Self.removeTree(old) {
            return [Diagnostic.warning(.previousOutputLeft, "the site was written, but the previous one could not be deleted from \(old) (\(problem)); the next build tries again",
                                       at: SourceLocation(file: directory, line: 1, column: 1), domain: .output)]
        }
        return []
    }

    /// Whether the file at `path` holds exactly `contents` (sizes first, bytes only if they match).
    static func holds(_ contents: Data, at path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == contents.count else { return false }
        return FileManager.default.contents(atPath: path) == contents
    }

    /// `.gitignore`/`.gitkeep` of the previous output, copied only when they are regular files:
    /// a link would publish whatever it points to.
    private func carryOverPlaceholders(into staging: URL) throws(POSIXFailure) {
        for name in Self.placeholderNames.sorted() {
            let old = target.appendingPathComponent(name).path
            guard POSIXFile.isRegularFile(old), let data = FileManager.default.contents(atPath: old) else { continue }
            try POSIXFile.write(data, to: staging.appendingPathComponent(name).path, shownAs: name)
        }
    }

    /// Staging folders of builds that were killed (their process is gone) are deleted: by every
    /// build, also one that has nothing to write.
    func removeAbandonedStagingFolders() {
        let parent = target.deletingLastPathComponent()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(stagingPrefix) {
            let pidText = entry.dropFirst(stagingPrefix.count).prefix { $0.isNumber }
            guard let pid = pid_t(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            _ = Self.removeTree(parent.appendingPathComponent(entry).path)
        }
    }

    /// Deletes a tree, making its folders writable first where that is what stops it (a previous
    /// output whose folders lost their `w` bit). Returns the reason when something is left.
    static func removeTree(_ path: String) -> String? {
        guard POSIXFile.isSymbolicLink(path) || FileManager.default.fileExists(atPath: path) else { return nil }
        removeBranchesInParallel(of: path)
        if (try? FileManager.default.removeItem(atPath: path)) != nil { return nil }
        if let enumerator = FileManager.default.enumerator(atPath: path) {
            _ = chmod(path, 0o755)
            for case let relative as String in enumerator {
                let child = path + "/" + relative
                var info = stat()
                if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { _ = chmod(child, 0o755) }
            }
        }
        do {
            try FileManager.default.removeItem(atPath: path)
            return nil
        } catch {
            return String(cString: strerror(errorCode(error)))
        }
    }

    /// Removes the folders two levels below `path` (`articles/2024/`, `tags/sante/`) on every core:
    /// a site is mostly one folder per article, and unlinking them one after the other is most of
    /// the time a build spends after the swap. What cannot be removed here is left for the caller.
    private static func removeBranchesInParallel(of path: String) {
        guard !POSIXFile.isSymbolicLink(path) else { return }
        func folders(in folder: String) -> [String] {
            (POSIXFile.entries(in: folder) ?? []).filter { $0.kind == UInt8(DT_DIR) }.map { folder + "/" + $0.name }
        }
        let branches = folders(in: path).flatMap(folders(in:))
        guard branches.count > 1 else { return }
        parallelForEach(branches) { branch in try? FileManager.default.removeItem(atPath: branch) }
    }

    /// The POSIX error code behind a Foundation file error (EIO when none is given).
    private static func errorCode(_ error: any Error) -> Int32 {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return Int32(nsError.code) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return EIO
    }

    private func failure(_ message: Phrase, code: DiagnosticCode = .outputRefused) -> Diagnostic {
        .error(code, message, at: SourceLocation(file: directory, line: 1, column: 1), domain: .output)
    }
}
