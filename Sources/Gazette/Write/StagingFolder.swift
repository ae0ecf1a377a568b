import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The folder a build writes into before it replaces the output (see ``OutputWriter``). Files are
/// added from any thread as they are rendered, so that no page is held longer than its writing.
/// A file whose bytes equal the previous output's is a hard link to it (same inode and date).
public final class StagingFolder: Sendable {
    /// The staging folder itself.
    public let root: URL
    /// The current output, whose unchanged files are linked rather than written.
    public let previous: URL?
    private let createdFolders = Mutex<Set<String>>([])
    private let failure = Mutex<POSIXFailure?>(nil)
    private let added = Atomic(0)

    init(root: URL, previous: URL?) {
        self.root = root
        self.previous = previous
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
            try createFolder(of: file.path)
            let destination = root.path + "/" + file.path
            if let previous {
                let old = previous.path + "/" + file.path
                if OutputWriter.holds(file.contents, at: old), link(old, destination) == 0 { return }
            }
            try POSIXFile.write(file.contents, to: destination, shownAs: file.path)
        } catch {
            failure.withLock { if $0 == nil { $0 = error } }
        }
    }

    /// Creates the folders of `path` once per build.
    private func createFolder(of path: String) throws(POSIXFailure) {
        let folder = (root.path + "/" + path as NSString).deletingLastPathComponent
        try createdFolders.withLock { (created: inout Set<String>) throws(POSIXFailure) in
            guard created.insert(folder).inserted else { return }
            do throws(POSIXFailure) {
                try POSIXFile.createFolders(folder, shownAs: path)
            } catch {
                created.remove(folder)
                throw error
            }
        }
    }
}
