import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the previous build wrote, for an incremental build: for each page, the fingerprint of
/// everything it was made from (``Fingerprint``) and the identity of the file it left in the
/// output (inode, size, modification time). A page whose fingerprint is unchanged, and whose file
/// is still the one that build wrote, is carried over without being rendered or read.
///
/// The cache is one text file per output folder, `.gazette-cache/NAME.manifest` beside the output
/// folder `NAME`, written atomically after the output is swapped in. It starts with the format and
/// the program's identity (another version or another binary makes it useless: the build is cold)
/// and ends with the SHA-256 of everything before it (a truncated or altered file is ignored).
public struct BuildCache: Sendable {
    /// How one page of the previous output was made and what it left on disk.
    public struct Entry: Sendable, Equatable {
        public var fingerprint: ContentHash
        public var file: FileIdentity
    }

    /// The entries, by output path.
    public private(set) var entries: [String: Entry]

    /// An empty cache (a cold build).
    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    private static let format = "gazette-cache 1"

    /// The manifest of the output folder `outputDirectory`.
    public static func manifestPath(forOutput outputDirectory: String) -> String {
        let target = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(".gazette-cache")
            .appendingPathComponent(target.lastPathComponent + ".manifest").path
    }

    /// The cache at `path`, or an empty one when it is missing, from another program, or damaged.
    public static func load(from path: String, program: String) -> BuildCache {
        guard POSIXFile.isRegularFile(path), let data = FileManager.default.contents(atPath: path),
              let text = String(validating: data, as: UTF8.self) else { return BuildCache() }
        guard let checksumStart = text.range(of: "\nend ", options: .backwards) else { return BuildCache() }
        let body = text[..<checksumStart.lowerBound]
        let checksum = text[checksumStart.upperBound...].trimmingCharacters(in: .newlines)
        guard ContentHash(of: Array(body.utf8)).description == checksum else { return BuildCache() }
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard lines.popFirst() == Substring(format), lines.popFirst() == Substring("program " + program) else { return BuildCache() }
        var entries: [String: Entry] = [:]
        for line in lines {
            let fields = line.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, let fingerprint = ContentHash(hex: fields[0]), let inode = UInt64(fields[1]),
                  let size = Int64(fields[2]), let modified = Int64(fields[3]) else { return BuildCache() }
            entries[String(fields[4])] = Entry(fingerprint: fingerprint, file: FileIdentity(inode: inode, size: size, modified: modified))
        }
        return BuildCache(entries: entries)
    }

    /// Writes the cache to `path` (through a temporary file and a rename: a reader sees the old
    /// cache or the new one). Paths with a line break are left out: their pages are rendered again.
    func save(to path: String, program: String) throws(POSIXFailure) {
        var text = Self.format + "\nprogram " + program
        for (outputPath, entry) in entries.sorted(by: { $0.key < $1.key }) where !outputPath.contains("\n") {
            text += "\n\(entry.fingerprint) \(entry.file.inode) \(entry.file.size) \(entry.file.modified) \(outputPath)"
        }
        text += "\nend \(ContentHash(of: Array(text.utf8)))\n"
        let folder = (path as NSString).deletingLastPathComponent
        try POSIXFile.createFolders(folder, shownAs: folder)
        let temporary = path + ".\(getpid()).tmp"
        try POSIXFile.write(Data(text.utf8), to: temporary, shownAs: temporary)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXFailure(operation: "renaming \(temporary) to \(path)", code: code)
        }
    }

    /// The program's identity: its version and its executable's size and modification time, so that
    /// a rebuilt program (whose pages may differ) never trusts the cache of another.
    public static var currentProgram: String {
        var info = stat()
        let executable = stat("/proc/self/exe", &info) == 0
            ? "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)" : ProcessInfo.processInfo.arguments.first ?? ""
        return GazetteVersion.current + " " + executable
    }

    /// Records that `path` was made from `fingerprint` and left `file`.
    public mutating func record(_ path: String, fingerprint: ContentHash, file: FileIdentity) {
        entries[path] = Entry(fingerprint: fingerprint, file: file)
    }
}

/// Which file a path holds, as far as `stat` tells: the same inode, size and modification time
/// mean the file was not replaced nor written since.
public struct FileIdentity: Sendable, Equatable {
    public var inode: UInt64
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64

    /// The identity of the regular file at `path` (nil when there is none).
    public init?(of path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                  modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    init(inode: UInt64, size: Int64, modified: Int64) {
        self.inode = inode
        self.size = size
        self.modified = modified
    }
}
