#if canImport(Glibc)
import Glibc
#endif

/// Every folder and file of a built output with its identity (inode, size, modification time), as
/// the build left it: while each entry is still the one recorded, the output holds exactly what
/// that build wrote. A file edited or replaced changes its own identity; a file added, removed or
/// renamed changes the modification time of its folder.
struct OutputTree: Sendable, Equatable {
    /// Identities by path below the output folder: folders end with `/`, the output folder itself is `./`.
    private(set) var entries: [String: FileIdentity]

    /// A tree made of `entries`.
    init(entries: [String: FileIdentity]) {
        self.entries = entries
    }

    /// The tree below `root` as it stands; nil when part of it cannot be read.
    init?(reading root: String) {
        guard let top = FileIdentity(ofEntry: root) else { return nil }
        var entries = ["./": top]
        var folders = [""]
        while let folder = folders.popLast() {
            guard let names = POSIXFile.entries(in: root + "/" + folder) else { return nil }
            for (name, _) in names {
                let path = folder + name
                guard let identity = FileIdentity(ofEntry: root + "/" + path) else { return nil }
                if identity.isFolder {
                    entries[path + "/"] = identity
                    folders.append(path + "/")
                } else {
                    entries[path] = identity
                }
            }
        }
        self.entries = entries
    }

    /// Whether the tree holds regular files and folders only (no symbolic link, no device).
    var holdsOnlyFilesAndFolders: Bool {
        entries.values.allSatisfy { $0.kind == S_IFREG || $0.kind == S_IFDIR }
    }

    /// Whether every entry below `root` is still the one recorded (no entry added, removed or
    /// changed), and all of them files and folders.
    func isIntact(at root: String) -> Bool {
        guard !entries.isEmpty, holdsOnlyFilesAndFolders else { return false }
        return entries.allSatisfy { path, identity in
            FileIdentity(ofEntry: path == "./" ? root : root + "/" + path) == identity
        }
    }
}
