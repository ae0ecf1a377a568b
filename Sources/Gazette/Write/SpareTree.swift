import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The output before last, kept by incremental builds in `.gazette-cache/NAME.spare` and brought up
/// to date as the next staging folder: after the exchange with the output folder it holds the
/// previous output, so the next build changes only what differs in it instead of linking every
/// unchanged file into a new folder and deleting the old tree. Nothing it holds is trusted but
/// the identity of its files: a file is left only when it is the very file (same inode) the
/// output holds and the build keeps; everything else is replaced, and whatever the build did not
/// make is removed before the swap. Its files may be hard links to the output's, so none is
/// ever written through: a path is cleared before anything is written there.
final class SpareTree: Sendable {
    /// The folder.
    let root: String
    /// Its entries as they stood when the build began.
    private let inventory: OutputTree
    /// The files this build made or kept in it, by path below it.
    private let made = Mutex<Set<String>>([])

    init(root: String, inventory: OutputTree) {
        self.root = root
        self.inventory = inventory
    }

    /// Whether the spare already holds the file of inode `inode` at `path` (the one the build
    /// keeps from the output); it then counts as made.
    func holds(_ path: String, inode: UInt64) -> Bool {
        guard let entry = inventory.entries[path], entry.kind == S_IFREG, entry.inode == inode else { return false }
        made.withLock { _ = $0.insert(path) }
        return true
    }

    /// Makes room for a new file at `path`: whatever stands there goes, and the path counts as made.
    func clear(_ path: String) {
        made.withLock { _ = $0.insert(path) }
        let full = root + "/" + path
        if unlink(full) != 0, errno == EISDIR || errno == EPERM { _ = OutputWriter.removeTree(full) }
    }

    /// Removes the files (and links) standing where the folder `folder` (below the root) or one of
    /// its parents must be, so that it can be created.
    func clearFiles(along folder: String) {
        var prefix = root
        for component in folder.split(separator: "/") {
            prefix += "/" + component
            var info = stat()
            guard lstat(prefix, &info) == 0 else { return }
            if (info.st_mode & S_IFMT) != S_IFDIR { unlink(prefix) }
        }
    }

    /// Removes every entry of the inventory that this build did not make: files first, then the
    /// folders that hold nothing made, deepest first. An entry that is no longer the one listed
    /// (replaced by what the build made) is left.
    func removeWhatWasNotMade() {
        let made = self.made.withLock { $0 }
        var needed: Set<String> = ["./"]
        for path in made {
            // `a/b/c.html` needs `a/b/` and `a/`; a folder already needed has its parents too.
            var end = path.endIndex
            while let slash = path[..<end].lastIndex(of: "/"), needed.insert(String(path[...slash])).inserted {
                end = slash
            }
        }
        let stale = inventory.entries.filter { path, _ in !made.contains(path) && !needed.contains(path) }
        func isStill(_ path: String, _ identity: FileIdentity) -> Bool {
            FileIdentity(ofEntry: root + "/" + path).map { $0.inode == identity.inode && $0.kind == identity.kind } ?? false
        }
        for (path, identity) in stale where !identity.isFolder && isStill(path, identity) {
            unlink(root + "/" + path)
        }
        let folders = stale.filter(\.value.isFolder).sorted { $0.key.count > $1.key.count }
        for (path, identity) in folders where isStill(path, identity) {
            let full = root + "/" + path.dropLast()
            if rmdir(full) != 0 { _ = OutputWriter.removeTree(full) }
        }
    }
}
