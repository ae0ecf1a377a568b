import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The envelope of a file of the build cache (`.gazette-cache/`): its format on the first line,
/// the program's identity on the second (another version or another binary makes the file
/// useless), then the contents, then `end` and the hash (``ContentHash``) of the contents, so that
/// a truncated or altered file is recognised and ignored (the two first lines must be exactly this
/// format's and this program's). Anyone can recompute a plain hash: with `GAZETTE_CACHE_KEY` set
/// in the environment, the hash is keyed (BLAKE2s as a MAC), and a file written without that key
/// (by a pull request's build, say) is ignored like a damaged one (see `docs/guarantees.md`).
enum CacheFile {
    /// The key of the environment's `GAZETTE_CACHE_KEY` (hashed to 32 bytes when longer); nil when unset or empty.
    static var environmentKey: [UInt8]? {
        guard let value = ProcessInfo.processInfo.environment["GAZETTE_CACHE_KEY"], !value.isEmpty else { return nil }
        let bytes = Array(value.utf8)
        return bytes.count <= 32 ? bytes : ContentHash(of: bytes).bytes
    }

    /// The checksum of `contents`, keyed with `key` when there is one.
    private static func checksum(of contents: some Collection<UInt8>, key: [UInt8]?) -> ContentHash {
        key.map { ContentHash(of: contents, key: $0) } ?? ContentHash(of: contents)
    }

    /// The contents of the file at `path` written as `format` by `program` (with `key`); nil when
    /// it is missing, of another format or program, or damaged (or written with another key or
    /// none), or when it or its folder is a link.
    static func read(_ path: String, format: String, program: String, key: [UInt8]? = environmentKey) -> ArraySlice<UInt8>? {
        // POSIXFile.read opens no link and reads regular files only.
        guard POSIXFile.isFolder((path as NSString).deletingLastPathComponent), let bytes = POSIXFile.read(path) else { return nil }
        let header = Array(header(format: format, program: program).utf8)
        // The last line is the checksum of the contents, then the file ends with a newline.
        guard bytes.starts(with: header), bytes.last == UInt8(ascii: "\n"),
              let lastBreak = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")), lastBreak >= header.count,
              case let last = bytes[(lastBreak + 1)..<(bytes.count - 1)], last.starts(with: "end ".utf8),
              let checksum = ContentHash(hexDigits: last.dropFirst(4)),
              case let contents = bytes[header.count..<lastBreak], Self.checksum(of: contents, key: key) == checksum else { return nil }
        return contents
    }

    /// Writes `contents` as `format` by `program` to `path` (checksum keyed with `key`, if any),
    /// through a temporary file and a rename: a reader sees the old file or the new one. The
    /// contents are written as they are, not copied into one buffer with the envelope (the
    /// article cache is megabytes at the end of a build).
    static func write(_ contents: [UInt8], to path: String, format: String, program: String,
                      key: [UInt8]? = environmentKey) throws(POSIXFailure) {
        let header = Array(header(format: format, program: program).utf8)
        let footer = Array("\nend \(checksum(of: contents, key: key))\n".utf8)
        let folder = (path as NSString).deletingLastPathComponent
        try POSIXFile.createOwnFolder(folder)
        let temporary = path + ".\(getpid()).tmp"
        try POSIXFile.write([header, contents, footer], to: temporary, shownAs: temporary)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXFailure(operation: "renaming \(temporary) to \(path)", code: code)
        }
    }

    private static func header(format: String, program: String) -> String {
        format + "\nprogram " + program + "\n"
    }
}

/// A file of the build cache, written after the output is swapped in.
protocol SavedCache {
    /// Writes the cache to `path` for `program`.
    func save(to path: String, program: String) throws(POSIXFailure)
}

extension BuildCache: SavedCache {}
extension ArticleCache: SavedCache {}
