import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The folder a build writes into before it replaces the output (see ``OutputWriter``). Files are
/// added from any thread as they are rendered, so that no page is held longer than its writing.
/// A file whose bytes equal the previous output's is a hard link to it (same inode and date).
/// A page whose fingerprint the previous build's cache recorded is kept (``keep(_:fingerprint:)``)
/// without being rendered or read; every fingerprinted file is recorded in the new ``cache``.
final class StagingFolder: Sendable {
    /// The staging folder itself.
    public let root: URL
    /// The current output, whose unchanged files are linked rather than written.
    public let previous: URL?
    /// What the previous build recorded of the current output (empty for a cold build).
    private let previousCache: BuildCache
    private let recorded = Mutex(BuildCache())
    private let createdFolders = Mutex<Set<String>>([])
    private let failure = Mutex<POSIXFailure?>(nil)
    private let added = Atomic(0)
    private let kept = Atomic(0)
    /// The output before last, when the folder is that tree brought up to date (nil: a new, empty folder).
    let spare: SpareTree?

    init(root: URL, previous: URL?, previousCache: BuildCache = BuildCache(), spare: SpareTree? = nil) {
        self.root = root
        self.previous = previous
        self.previousCache = previousCache
        self.spare = spare
    }

    /// The cache of this folder's pages and feeds, for the next build.
    public var cache: BuildCache { recorded.withLock { $0 } }

    /// How many files were kept from the previous output without being rendered.
    public var keptCount: Int { kept.load(ordering: .relaxed) }

    /// Keeps the previous output's file at `path` when the previous build made it from the same
    /// `fingerprint` and it is still the file that build wrote (same ``FileIdentity``): it is
    /// linked here without being read. False when the page must be rendered.
    public func keep(_ path: String, fingerprint: ContentHash) -> Bool {
        guard firstFailure == nil, let previous, let entry = previousCache.entries[path], entry.fingerprint == fingerprint,
              FileIdentity(of: previous.path + "/" + path) == entry.file else { return false }
        var file = entry.file
        if spare?.holds(path, inode: entry.file.inode) != true {
            do throws(POSIXFailure) {
                try createFolder(of: path)
            } catch {
                return false
            }
            spare?.clear(path)
            guard link(previous.path + "/" + path, root.path + "/" + path) == 0 else { return false }
            // The new link changed the file's status-change time: recorded as it now stands.
            guard let linked = FileIdentity(of: root.path + "/" + path) else { return false }
            file = linked
        }
        recorded.withLock { $0.record(path, fingerprint: fingerprint, file: file) }
        added.add(1, ordering: .relaxed)
        kept.add(1, ordering: .relaxed)
        return true
    }

    /// The first write that failed, if any: the build must not swap this folder in.
    var firstFailure: POSIXFailure? { failure.withLock { $0 } }

    /// How many files were added.
    public var fileCount: Int { added.load(ordering: .relaxed) }

    /// Writes `file` (or links the previous output's identical file); a failure is kept for
    /// ``firstFailure`` and later files are skipped.
    public func add(_ file: OutputFile) {
        guard firstFailure == nil else { return }
        added.add(1, ordering: .relaxed)
        do throws(POSIXFailure) {
            try Self.checkInside(file.path)
            try createFolder(of: file.path)
            spare?.clear(file.path)
            let destination = root.path + "/" + file.path
            defer { record(file, at: destination) }
            if let previous {
                let old = previous.path + "/" + file.path
                if OutputWriter.holds(file.contents, at: old), link(old, destination) == 0 { return }
            }
            try POSIXFile.write(file.contents, to: destination, shownAs: file.path)
        } catch {
            failure.withLock { if $0 == nil { $0 = error } }
        }
    }

    /// Refuses a path that could leave the folder (absolute, or with an empty, `.` or `..` part),
    /// whatever produced it: the last guard against a cache or a template naming one.
    private static func checkInside(_ path: String) throws(POSIXFailure) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw POSIXFailure(operation: "writing \(path), which is not a path inside the output", code: EINVAL)
        }
    }

    /// Records a fingerprinted file as it now stands in this folder.
    private func record(_ file: OutputFile, at destination: String) {
        guard let fingerprint = file.fingerprint, let identity = FileIdentity(of: destination) else { return }
        recorded.withLock { $0.record(file.path, fingerprint: fingerprint, file: identity) }
    }

    /// Creates the folders of `path` once per build (outside the lock: threads creating one folder
    /// at the same time both succeed). In a spare tree, files standing in their way are removed.
    private func createFolder(of path: String) throws(POSIXFailure) {
        let folder = (root.path + "/" + path as NSString).deletingLastPathComponent
        guard !createdFolders.withLock({ $0.contains(folder) }) else { return }
        do throws(POSIXFailure) {
            try POSIXFile.createFolders(folder, shownAs: path)
        } catch {
            guard let spare else { throw error }
            spare.clearFiles(along: (path as NSString).deletingLastPathComponent)
            try POSIXFile.createFolders(folder, shownAs: path)
        }
        createdFolders.withLock { _ = $0.insert(folder) }
    }
}
