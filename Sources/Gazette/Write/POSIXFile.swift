import Wording
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The C library's `write` (a method of ``POSIXFile`` has its name).
#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// A failed system call: what was being done and the system's own reason (its `errno`, never rewrapped).
struct POSIXFailure: Error, CustomStringConvertible, PhraseConvertible {
    /// What was being done, as a phrase: `writing articles/2024/x/index.html`.
    let operation: Phrase
    let code: Int32

    /// `no space left on device while writing articles/2024/x/index.html` (the system's words
    /// for the error, then ours for the operation).
    var phrase: Phrase {
        let reason = String(cString: strerror(code))
        return "\(reason.prefix(1).lowercased() + reason.dropFirst()) while \(operation)"
    }

    var description: String { phrase.description }
}

/// Small POSIX file operations that report the real `errno`.
enum POSIXFile {
    /// The entries of `folder` but `.` and `..`, each with its kind as `readdir` gives it (`DT_DIR`,
    /// `DT_REG`, `DT_LNK`…: no `stat` per entry; asked of `lstat` where the file system does not
    /// say); nil when the folder cannot be read.
    static func entries(in folder: String) -> [(name: String, kind: UInt8)]? {
        guard let stream = opendir(folder) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: String, kind: UInt8)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            var kind = entry.pointee.d_type
            if kind == UInt8(DT_UNKNOWN) {
                var info = stat()
                let mode = lstat(folder + "/" + name, &info) == 0 ? info.st_mode & S_IFMT : S_IFREG
                kind = mode == S_IFDIR ? UInt8(DT_DIR) : mode == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
            }
            entries.append((name, kind))
        }
        return entries
    }

    /// Writes `data` to a new file at `path` (mode 644), failing with the system's reason.
    /// The bytes of the regular file at `path`, read whole; nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if got == -1, errno == EINTR { continue }
                guard got > 0 else { failed = true; break }
                count += got
            }
        }
        return failed ? nil : bytes
    }

    static func write(_ data: Data, to path: String, shownAs name: String) throws(POSIXFailure) {
        try write(path, shownAs: name) { descriptor in data.withUnsafeBytes { writeAll($0, to: descriptor) } }
    }

    /// Writes `parts` one after the other as the file `path` (see ``write(_:to:shownAs:)``).
    static func write(_ parts: [[UInt8]], to path: String, shownAs name: String) throws(POSIXFailure) {
        try write(path, shownAs: name) { descriptor in
            for part in parts {
                let failure = part.withUnsafeBytes { writeAll($0, to: descriptor) }
                if failure != 0 { return failure }
            }
            return 0
        }
    }

    /// Creates or truncates `path`, lets `fill` write to it, closes it; `fill` returns an errno or 0.
    private static func write(_ path: String, shownAs name: String, _ fill: (Int32) -> Int32) throws(POSIXFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw POSIXFailure(operation: "writing \(name)", code: errno) }
        var failure = fill(descriptor)
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { throw POSIXFailure(operation: "writing \(name)", code: failure) }
    }

    /// Writes all of `buffer`, again after a short write or an interruption; the errno of a failure, else 0.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Creates the folder `path` and its missing parents (mode 755), failing with the system's
    /// reason (`not a directory` when a parent is a file), which Foundation's error would hide.
    static func createFolders(_ path: String, shownAs name: String) throws(POSIXFailure) {
        // The folder itself first: usually its parent exists, and one call is enough.
        if mkdir(path, 0o755) == 0 { return }
        var code = errno
        if code == ENOENT {
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { throw POSIXFailure(operation: "creating the folder of \(name)", code: code) }
            try createFolders(parent, shownAs: name)
            if mkdir(path, 0o755) == 0 { return }
            code = errno
        }
        var info = stat()
        // A link standing where the folder must be is not followed (ENOTDIR).
        guard code == EEXIST, lstat(path, &info) == 0 else { throw POSIXFailure(operation: "creating the folder of \(name)", code: code) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw POSIXFailure(operation: "creating the folder of \(name)", code: ENOTDIR) }
    }

    /// Flushes everything written to the file system that holds the folder `path` to the disk:
    /// one `syncfs` instead of an `fsync` per file.
    static func syncFileSystem(containing path: String) throws(POSIXFailure) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXFailure(operation: "opening \(path)", code: errno) }
        defer { close(descriptor) }
        guard syncFileSystem(descriptor) == 0 else { throw POSIXFailure(operation: "flushing \(path) to the disk", code: errno) }
    }

    /// glibc's `syncfs`, which Swift's Glibc module does not declare; `sync` (every file system)
    /// where it is missing.
    private static let syncFileSystem: @convention(c) (Int32) -> Int32 = {
        #if os(Linux)
        if let symbol = dlsym(nil, "syncfs") { return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self) }
        #endif
        return { _ in sync(); return 0 }
    }()

    /// Flushes the entries of the folder `path` (a rename in it) to the disk; best effort.
    static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Creates the folder `path` (and its missing parents) for contents the build owns (the build
    /// cache's): a symbolic link standing in its place is removed first, never what it points to.
    static func createOwnFolder(_ path: String) throws(POSIXFailure) {
        if isSymbolicLink(path) { unlink(path) }
        try createFolders(path, shownAs: path)
    }

    /// Whether `path` is a folder itself (not a link to one).
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is a regular file itself (not a link to one).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether `path` is a symbolic link.
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// `path` with every symbolic link of its existing part resolved (the rest appended as written).
    static func canonicalPath(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        guard let resolved = realpath(existing.path, nil) else { return existing.path }
        defer { free(resolved) }
        let base = String(cString: resolved)
        return rest.reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
    }
}
