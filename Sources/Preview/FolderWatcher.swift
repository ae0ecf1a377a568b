import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells when anything changes below some folders: inotify on Linux (every folder watched,
/// new ones added as they appear), a modification-time scan twice a second elsewhere. Changes
/// that come together (an editor writes a temporary file, then renames it) are debounced into one.
public final class FolderWatcher: @unchecked Sendable {
    private let folders: [String]
    private let debounce: Duration

    /// Watches `folders`; changes closer than `debounce` to each other make one event.
    public init(folders: [String], debounce: Duration = .milliseconds(150)) {
        self.folders = folders.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        self.debounce = debounce
    }

    /// One element per batch of changes, until the task that iterates it is cancelled.
    public func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let raw = rawChanges()
        let debounce = self.debounce
        let task = Task {
            var iterator = raw.makeAsyncIterator()
            while await iterator.next() != nil {
                // Wait until the changes stop for `debounce`, then announce them once.
                try? await Task.sleep(for: debounce)
                continuation.yield()
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    #if os(Linux)
    private func rawChanges() -> AsyncStream<Void> {
        guard let inotify = Inotify() else { return pollingChanges() }
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        folders.forEach(inotify.watchTree)
        Thread {
            inotify.readEvents { continuation.yield() }
            continuation.finish()
        }.start()
        continuation.onTermination = { _ in inotify.close() }
        return stream
    }
    #endif

    #if !os(Linux)
    private func rawChanges() -> AsyncStream<Void> { pollingChanges() }
    #endif

    /// Scans modification times and sizes twice a second (where inotify is not available).
    private func pollingChanges() -> AsyncStream<Void> {
        let folders = self.folders
        return AsyncStream { continuation in
            let task = Task {
                var previous = Self.snapshot(folders)
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(500))
                    let current = Self.snapshot(folders)
                    if current != previous { continuation.yield() }
                    previous = current
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private static func snapshot(_ folders: [String]) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for folder in folders {
            for case let relative as String in FileManager.default.enumerator(atPath: folder) ?? FileManager.DirectoryEnumerator() {
                let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + relative)
                let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let size = (attributes?[.size] as? NSNumber)?.doubleValue ?? 0
                result[folder + "/" + relative] = [date, size]
            }
        }
        return result
    }
}

#if os(Linux)
/// An inotify descriptor watching folder trees; used by one reading thread after setup.
private final class Inotify: @unchecked Sendable {
    private let descriptor: Int32
    private var watched: [Int32: String] = [:]
    private static let mask = UInt32(IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF)

    init?() {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
    }

    /// Watches `folder` and every folder below it (hidden ones skipped).
    func watchTree(_ folder: String) {
        let id = inotify_add_watch(descriptor, folder, Self.mask)
        if id >= 0 { watched[id] = folder }
        for child in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !child.hasPrefix(".") {
            var isFolder: ObjCBool = false
            let path = folder + "/" + child
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { watchTree(path) }
        }
    }

    /// Blocks reading events, calling `onChange` for each batch, until the descriptor is closed;
    /// new folders are watched as they appear.
    func readEvents(onChange: () -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let header = MemoryLayout<inotify_event>.size
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            var offset = 0
            while offset + header <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                let nameLength = Int(event.len)
                if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = watched[event.wd] {
                    let name = buffer[(offset + header)..<min(count, offset + header + nameLength)].prefix { $0 != 0 }
                    watchTree(parent + "/" + String(decoding: name, as: UTF8.self))
                }
                offset += header + nameLength
            }
            onChange()
        }
    }

    func close() { _ = Glibc.close(descriptor) }
}
#endif
