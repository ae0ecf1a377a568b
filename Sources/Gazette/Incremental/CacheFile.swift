import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The envelope of a file of the build cache (`.gazette-cache/`): its format on the first line,
/// the program's identity on the second (another version or another binary makes the file
/// useless), then the contents, then `end` and the hash (``ContentHash``) of everything before it,
/// so that a truncated or altered file is recognised and ignored.
enum CacheFile {
    /// The contents of the file at `path` written as `format` by `program`; nil when it is missing,
    /// of another format or program, or damaged.
    static func read(_ path: String, format: String, program: String) -> ArraySlice<UInt8>? {
        guard POSIXFile.isRegularFile(path), let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        // The last line is the checksum of everything before it, then the file ends with a newline.
        guard bytes.last == UInt8(ascii: "\n"),
              let lastBreak = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")),
              case let last = bytes[(lastBreak + 1)..<(bytes.count - 1)], last.starts(with: "end ".utf8),
              let checksum = ContentHash(hexDigits: last.dropFirst(4)),
              ContentHash(of: bytes[..<lastBreak]) == checksum else { return nil }
        let header = Array((format + "\nprogram " + program + "\n").utf8)
        guard lastBreak >= header.count, bytes.starts(with: header) else { return nil }
        return bytes[header.count..<lastBreak]
    }

    /// Writes `contents` as `format` by `program` to `path`, through a temporary file and a rename:
    /// a reader sees the old file or the new one.
    static func write(_ contents: some Collection<UInt8>, to path: String, format: String, program: String) throws(POSIXFailure) {
        var bytes = Array((format + "\nprogram " + program + "\n").utf8)
        bytes.append(contentsOf: contents)
        let checksum = ContentHash(of: bytes)
        bytes.append(contentsOf: "\nend \(checksum)\n".utf8)
        let folder = (path as NSString).deletingLastPathComponent
        try POSIXFile.createFolders(folder, shownAs: folder)
        let temporary = path + ".\(getpid()).tmp"
        try POSIXFile.write(Data(bytes), to: temporary, shownAs: temporary)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXFailure(operation: "renaming \(temporary) to \(path)", code: code)
        }
    }
}

/// A file of the build cache, written after the output is swapped in.
protocol SavedCache {
    /// Writes the cache to `path` for `program`.
    func save(to path: String, program: String) throws(POSIXFailure)
}

extension BuildCache: SavedCache {}
extension ArticleCache: SavedCache {}
