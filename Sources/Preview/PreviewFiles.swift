import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Maps request paths to the files of the preview folder, and nothing outside it: `..`, `%2e%2e`,
/// encoded slashes, `//`, backslashes, NUL and symbolic links that lead out are refused.
public struct PreviewFiles: Sendable {
    /// What a request path leads to.
    public enum Resolution: Equatable, Sendable {
        /// A file inside the folder (real path) and its media type.
        case file(path: String, contentType: String)
        /// A folder asked for without its final `/`: redirect there, as static hosts do.
        case redirect(location: String)
        case notFound
        case forbidden
    }

    /// The folder served, its symbolic links resolved.
    public let root: String

    /// Serves `folder`.
    public init(folder: String) {
        let standardized = URL(fileURLWithPath: folder).standardizedFileURL.path
        root = realpath(standardized, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? standardized
    }

    /// Where the raw (percent-encoded) request path `rawPath` leads.
    public func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\\"), !rawPath.lowercased().contains("%2f"),
              !rawPath.lowercased().contains("%5c"), let decoded = rawPath.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\") else { return .forbidden }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        // Empty segments are allowed only as the last one (a folder's trailing slash).
        for (index, segment) in segments.enumerated() {
            if segment == "." || segment == ".." { return .forbidden }
            if segment.isEmpty, index != segments.count - 1 { return .forbidden }
        }
        let relative = segments.filter { !$0.isEmpty }.joined(separator: "/")
        let candidate = relative.isEmpty ? root : root + "/" + relative
        guard let real = realpath(candidate, nil).map({ pointer -> String in
            defer { free(pointer) }
            return String(cString: pointer)
        }) else { return .notFound }
        guard real == root || real.hasPrefix(root + "/") else { return .forbidden }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard rawPath.hasSuffix("/") else { return .redirect(location: rawPath + "/") }
            let index = real + "/index.html"
            return FileManager.default.fileExists(atPath: index) ? .file(path: index, contentType: Self.contentType(of: index)) : .notFound
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .forbidden }
        return .file(path: real, contentType: Self.contentType(of: real))
    }

    /// The media type of a file, by its extension.
    public static func contentType(of path: String) -> String {
        if path.hasSuffix("/feed.xml") || path.hasSuffix(".atom") { return "application/atom+xml" }
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "svg": return "image/svg+xml"
        case "csv": return "text/csv; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
