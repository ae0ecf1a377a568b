import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on one output folder (`flock` on a hidden file beside it), so that two builds
/// never swap into the same folder at once; the file holds the PID of the build that owns it.
final class OutputLock {
    private let descriptor: Int32

    /// Takes the lock for the output folder `target`, or says which build holds it.
    init(for target: URL, shownAs directory: String) throws(BuildFailure) {
        let parent = target.deletingLastPathComponent()
        let path = parent.appendingPathComponent("." + target.lastPathComponent + ".gazette-lock").path
        let location = SourceLocation(file: directory, line: 1, column: 1)
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw BuildFailure([.error(.outputLocked, "cannot create the lock file \(path): \(String(cString: strerror(errno)))", at: location, domain: .output)])
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let owner = Self.readOwner(descriptor)
            close(descriptor)
            throw BuildFailure([.error(.outputLocked, "another gazette build\(owner.map { " (PID \($0))" } ?? "") is writing this output folder; wait for it to finish or choose another --output",
                                       at: location, domain: .output)])
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        self.descriptor = descriptor
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }

    private static func readOwner(_ descriptor: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
