import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the generated files into a staging folder beside the output folder, then swaps it in
/// atomically: the previous output stays whole until the new one is complete. Files whose bytes
/// did not change are hard links to the previous ones, so they keep their inode and date
/// (`rsync` and static hosts see only what changed).
public struct OutputWriter: Sendable {
    /// The output folder as the user named it.
    public let directory: String

    /// File that marks a folder as written by Gazette (and so safe to replace).
    public static let markerName = ".gazette-output"
    /// Files that may sit in a folder Gazette has not written yet (a fresh clone's `Output/.gitignore`);
    /// they are carried over into each new output.
    public static let placeholderNames: Set<String> = [".gitignore", ".gitkeep"]

    /// Creates a writer for `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    private var target: URL { URL(fileURLWithPath: directory).standardizedFileURL }
    private var stagingPrefix: String { "." + target.lastPathComponent + ".gazette-staging-" }

    /// Checks, before any rendering, that the output folder may be replaced.
    public func checkTarget() -> [Diagnostic] {
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

    /// Writes `files` and swaps them in. Throws a ``BuildFailure`` (exit code 3) when the disk refuses.
    public func write(_ files: [OutputFile]) throws(BuildFailure) {
        let problems = checkTarget()
        guard problems.isEmpty else { throw BuildFailure(problems) }
        let fileManager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(stagingPrefix + String(getpid()))
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            removeAbandonedStagingFolders(in: parent)
            if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            let previous = fileManager.fileExists(atPath: target.path) ? target : nil
            try writeFiles(files, into: staging, previous: previous)
            try carryOverPlaceholders(into: staging)
            try Data("Written by gazette build; the whole folder is replaced on each build.\n".utf8)
                .write(to: staging.appendingPathComponent(Self.markerName))
            if fileManager.fileExists(atPath: target.path) {
                try AtomicFolderSwap.exchange(staging.path, target.path)
                try fileManager.removeItem(at: staging)
            } else {
                try AtomicFolderSwap.move(staging.path, to: target.path)
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw BuildFailure([failure("cannot write the output: \(error)")])
        }
    }

    private func writeFiles(_ files: [OutputFile], into root: URL, previous: URL?) throws {
        var createdFolders: Set<String> = []
        for file in files {
            let folder = root.appendingPathComponent(file.path).deletingLastPathComponent().path
            if createdFolders.insert(folder).inserted {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }
        let failures = parallelMap(files) { file -> String? in
            let destination = root.path + "/" + file.path
            if let previous {
                let old = previous.path + "/" + file.path
                if Self.holds(file.contents, at: old), link(old, destination) == 0 { return nil }
            }
            do {
                try file.contents.write(to: URL(fileURLWithPath: destination))
                return nil
            } catch {
                return "\(file.path): \(error)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw POSIXFailure(operation: "write " + failure, code: EIO) }
    }

    /// Whether the file at `path` holds exactly `contents` (sizes first, bytes only if they match).
    private static func holds(_ contents: Data, at path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == contents.count else { return false }
        return FileManager.default.contents(atPath: path) == contents
    }

    private func carryOverPlaceholders(into staging: URL) throws {
        for name in Self.placeholderNames.sorted() {
            let old = target.appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: old.path) {
                try data.write(to: staging.appendingPathComponent(name))
            }
        }
    }

    /// Staging folders of builds that were killed (their process is gone) are deleted.
    private func removeAbandonedStagingFolders(in parent: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(stagingPrefix) {
            let pidText = entry.dropFirst(stagingPrefix.count).prefix { $0.isNumber }
            guard let pid = pid_t(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    private func failure(_ message: String) -> Diagnostic {
        .error(message, at: SourceLocation(file: directory, line: 1, column: 1), domain: .output)
    }
}
