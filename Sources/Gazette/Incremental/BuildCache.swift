import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the previous build wrote, for an incremental build: for each page, the fingerprint of
/// everything it was made from (``Fingerprint``) and the identity of the file it left in the
/// output (inode, size, modification and status-change times). A page whose fingerprint is unchanged, and whose file
/// is still the one that build wrote, is carried over without being rendered or read.
///
/// With the entries, the cache keeps the previous build as a whole (``BuildRecord``): a build that
/// would write the same site again stops before parsing.
///
/// The cache is one text file per output folder, `.gazette-cache/NAME.manifest` beside the output
/// folder `NAME`, written atomically after the output is swapped in, in a ``CacheFile`` envelope
/// (another version or another binary makes it useless: the build is cold; a truncated or altered
/// file is ignored). What the previous build found of each article is in an ``ArticleCache`` beside it.
struct BuildCache: Sendable {
    /// How one page of the previous output was made and what it left on disk.
    public struct Entry: Sendable, Equatable {
        public var fingerprint: ContentHash
        public var file: FileIdentity
    }

    /// The entries, by output path.
    public private(set) var entries: [String: Entry]
    /// The previous build as a whole (nil: not recorded).
    public var record: BuildRecord?

    /// An empty cache (a cold build).
    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    private static let format = "gazette-cache 6"

    /// The manifest of the output folder `outputDirectory`.
    public static func manifestPath(forOutput outputDirectory: String) -> String {
        cacheFile(forOutput: outputDirectory, named: "manifest")
    }

    /// The file `.gazette-cache/NAME.kind` beside the output folder `NAME` (`outputDirectory`).
    static func cacheFile(forOutput outputDirectory: String, named kind: String) -> String {
        let target = URL(fileURLWithPath: outputDirectory).standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(".gazette-cache")
            .appendingPathComponent(target.lastPathComponent + "." + kind).path
    }

    /// The cache at `path`, or an empty one when it is missing, from another program, or damaged.
    /// (Read over bytes: a manifest has a line per output file and folder.)
    public static func load(from path: String, program: String) -> BuildCache {
        guard let contents = CacheFile.read(path, format: format, program: program) else { return BuildCache() }
        let lines = contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var entries: [String: Entry] = [:]
        var record: BuildRecord?
        var tree: [String: FileIdentity] = [:]
        for line in lines {
            // The first word says what the line is; the rest is split into as many fields as that
            // kind has (the last one, a path, may hold spaces).
            let word = line.prefix { $0 != UInt8(ascii: " ") }
            func fields(_ count: Int) -> [ArraySlice<UInt8>] {
                line.dropFirst(word.count + 1).split(separator: UInt8(ascii: " "), maxSplits: count - 1, omittingEmptySubsequences: false)
            }
            if word.elementsEqual("key".utf8) {
                let fields = fields(4)
                guard fields.count == 4, let key = ContentHash(hexDigits: fields[0]), let articles = Int(digits: fields[1]),
                      let pages = Int(digits: fields[2]), let files = Int(digits: fields[3]) else { return BuildCache() }
                record = BuildRecord(key: key, window: PublicationWindow(start: .distantPast, end: .distantPast), articleCount: articles,
                                     pageCount: pages, fileCount: files, warnings: [], tree: OutputTree(entries: [:]))
            } else if word.elementsEqual("window".utf8) {
                let fields = fields(2)
                guard fields.count == 2, let start = Double(String(decoding: fields[0], as: UTF8.self)),
                      let end = Double(String(decoding: fields[1], as: UTF8.self)) else { return BuildCache() }
                record?.window = PublicationWindow(start: Date(timeIntervalSince1970: start), end: Date(timeIntervalSince1970: end))
            } else if word.elementsEqual("warning".utf8) {
                guard let warning = try? JSONDecoder().decode(Diagnostic.self, from: Data(line.dropFirst(word.count + 1))) else { return BuildCache() }
                record?.warnings.append(warning)
            } else if word.elementsEqual("held".utf8) {
                guard let held = try? JSONDecoder().decode(HeldBackArticle.self, from: Data(line.dropFirst(word.count + 1))) else { return BuildCache() }
                record?.heldBack.append(held)
            } else if word.elementsEqual("tree".utf8) {
                let fields = fields(6)
                guard fields.count == 6, let kind = mode_t(digits: fields[4]), let identity = identity(fields[0...3], kind: kind) else { return BuildCache() }
                tree[String(decoding: fields[5], as: UTF8.self)] = identity
            } else {
                let fields = fields(5)
                guard fields.count == 5, let fingerprint = ContentHash(hexDigits: word),
                      let identity = identity(fields[0...3], kind: S_IFREG) else { return BuildCache() }
                entries[String(decoding: fields[4], as: UTF8.self)] = Entry(fingerprint: fingerprint, file: identity)
            }
        }
        // The tree lists only what the entries do not already say.
        record?.tree = OutputTree(entries: entries.mapValues(\.file).merging(tree) { _, listed in listed })
        var cache = BuildCache(entries: entries)
        cache.record = record
        return cache
    }

    /// The identity of an entry of `kind` written as inode, size, modification and status-change time.
    private static func identity(_ fields: ArraySlice<ArraySlice<UInt8>>, kind: mode_t) -> FileIdentity? {
        let start = fields.startIndex
        guard fields.count == 4, let inode = UInt64(digits: fields[start]), let size = Int64(digits: fields[start + 1]),
              let modified = Int64(digits: fields[start + 2]), let changed = Int64(digits: fields[start + 3]) else { return nil }
        return FileIdentity(inode: inode, size: size, modified: modified, changed: changed, kind: kind)
    }

    /// Writes the cache to `path` (through a temporary file and a rename: a reader sees the old
    /// cache or the new one). Paths with a line break are left out: their pages are rendered again.
    func save(to path: String, program: String) throws(POSIXFailure) {
        // One line a page, written as bytes (15 000 interpolated lines were a twentieth of a
        // one-edit rebuild at 10 000 articles); the other lines, few or short, as text.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 128)
        func startLine() { if !bytes.isEmpty { bytes.append(UInt8(ascii: "\n")) } }
        var lines: [String] = []
        for outputPath in entries.keys.sorted() where !outputPath.utf8.contains(UInt8(ascii: "\n")) {
            let entry = entries[outputPath]!
            startLine()
            entry.fingerprint.appendHexDigits(to: &bytes)
            for number in [String(entry.file.inode), String(entry.file.size), String(entry.file.modified), String(entry.file.changed)] {
                bytes.append(UInt8(ascii: " "))
                bytes += number.utf8
            }
            bytes.append(UInt8(ascii: " "))
            bytes += outputPath.utf8
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A record whose warnings cannot all be written (they would not be repeated) is left out.
        if let record, !record.tree.entries.keys.contains(where: { $0.utf8.contains(UInt8(ascii: "\n")) }),
           case let warnings = record.warnings.compactMap({ try? encoder.encode($0) }), warnings.count == record.warnings.count,
           case let held = record.heldBack.compactMap({ try? encoder.encode($0) }), held.count == record.heldBack.count {
            lines.append("key \(record.key) \(record.articleCount) \(record.pageCount) \(record.fileCount)")
            lines.append("window \(record.window.start.timeIntervalSince1970) \(record.window.end.timeIntervalSince1970)")
            for json in warnings { lines.append("warning " + String(decoding: json, as: UTF8.self)) }
            for json in held { lines.append("held " + String(decoding: json, as: UTF8.self)) }
            for (path, identity) in record.tree.entries.sorted(by: { $0.key < $1.key }) where entries[path]?.file != identity {
                lines.append("tree \(identity.inode) \(identity.size) \(identity.modified) \(identity.changed) \(identity.kind) \(path)")
            }
        }
        for line in lines {
            startLine()
            bytes += line.utf8
        }
        try CacheFile.write(bytes, to: path, format: Self.format, program: program)
    }

    /// The program's identity: its version and its executable's size and modification time, so that
    /// a rebuilt program (whose pages may differ) never trusts the cache of another. When the
    /// executable cannot be found, an identity no other run has: the cache is never trusted.
    public static var currentProgram: String {
        guard let path = Bundle.main.executableURL?.resolvingSymlinksInPath().path, let file = FileIdentity(of: path) else {
            return GazetteVersion.current + " unknown-" + UUID().uuidString
        }
        return GazetteVersion.current + " \(file.size)-\(file.modified)"
    }

    /// Records that `path` was made from `fingerprint` and left `file`.
    public mutating func record(_ path: String, fingerprint: ContentHash, file: FileIdentity) {
        entries[path] = Entry(fingerprint: fingerprint, file: file)
    }
}

/// Which file a path holds, as far as `stat` tells: the same inode, size, modification time and
/// status-change time mean the file was not replaced nor written since. The status-change time
/// (ctime) is what makes a hand edit visible even when the modification time is set back
/// (`touch -d`): no call sets it but the system clock, and copies or restores (`cp -a`, `tar`,
/// `rsync`, a CI cache) give it the time they ran.
struct FileIdentity: Sendable, Equatable {
    public var inode: UInt64
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64
    /// Last status change (write, link, unlink of another name, chmod), nanoseconds since 1970.
    public var changed: Int64

    /// The kind of entry (`S_IFREG`, `S_IFDIR`…): a folder's modification time changes when an
    /// entry is added, removed or renamed in it.
    public var kind = S_IFREG

    /// Whether the entry is a folder.
    public var isFolder: Bool { kind == S_IFDIR }

    /// The identity of the regular file at `path` (nil when there is none).
    public init?(of path: String) {
        guard let identity = FileIdentity(ofEntry: path), identity.kind == S_IFREG else { return nil }
        self = identity
    }

    /// The identity of whatever is at `path`, not following a symbolic link (nil when there is nothing).
    init?(ofEntry path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        self.init(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                  modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
                  changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec), kind: info.st_mode & S_IFMT)
    }

    init(inode: UInt64, size: Int64, modified: Int64, changed: Int64, kind: mode_t = S_IFREG) {
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
        self.kind = kind
    }
}

extension FixedWidthInteger {
    /// The decimal number written in `digits` (an optional leading minus sign, then digits only).
    init?(digits: some Collection<UInt8>) {
        var value: Self = 0
        let negative = digits.first == UInt8(ascii: "-")
        let body = digits.dropFirst(negative ? 1 : 0)
        guard !body.isEmpty else { return nil }
        for digit in body {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Self(digit - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        self = negative ? 0 - value : value
    }
}
