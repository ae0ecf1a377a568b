import Foundation

/// The input files of a site, read and decoded, sorted by path.
public struct LoadedContent: Sendable {
    /// `site.yml`, when present.
    public var siteConfig: SourceFile?
    /// `articles/**/*.md`.
    public var articles: [SourceFile] = []
    /// `pages/**/*.md`.
    public var pages: [SourceFile] = []

    /// Every file read, by path, for quoting source lines in diagnostics.
    public var allFiles: [SourceFile] { [siteConfig].compactMap { $0 } + articles + pages }
}

/// Reads `Content/`: which files are articles, pages and configuration, refusing what must not be read.
public struct ContentLoader: Sendable {
    /// The content folder as the user named it (used as the prefix of every path shown).
    public let directory: String

    /// Creates a loader for `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Reads every file; problems become diagnostics, not exceptions.
    public func load() -> (LoadedContent, [Diagnostic]) {
        var content = LoadedContent()
        var diagnostics: [Diagnostic] = []
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let location = SourceLocation(file: directory, line: 1, column: 1)
            return (content, [.error("content folder not found", at: location, domain: .configuration)])
        }
        for relativePath in listFiles(under: root) {
            let shownPath = displayPath(relativePath)
            let location = SourceLocation(file: shownPath, line: 1, column: 1)
            let url = root.appendingPathComponent(relativePath)
            let resolved = url.resolvingSymlinksInPath()
            guard resolved.path.hasPrefix(root.path + "/") else {
                diagnostics.append(.error("symbolic link points outside the content folder (to \(resolved.path)); refused", at: location))
                continue
            }
            guard let category = category(of: relativePath) else { continue }
            guard let data = FileManager.default.contents(atPath: resolved.path) else {
                diagnostics.append(.error("cannot read file (it vanished or is not readable)", at: location))
                continue
            }
            switch UTF8Decoding.decode([UInt8](data)) {
            case .failure(let invalid):
                let byte = String(invalid.byte, radix: 16, uppercase: true)
                diagnostics.append(.error("file is not valid UTF-8 (byte 0x\(byte)); save it as UTF-8",
                                          at: SourceLocation(file: shownPath, line: invalid.line, column: invalid.column)))
            case .success(let text):
                let source = SourceFile(path: shownPath, text: text)
                switch category {
                case .siteConfig: content.siteConfig = source
                case .article: content.articles.append(source)
                case .page: content.pages.append(source)
                }
            }
        }
        if content.siteConfig == nil {
            diagnostics.append(.error("site.yml is missing from the content folder",
                                      at: SourceLocation(file: displayPath("site.yml"), line: 1, column: 1),
                                      domain: .configuration))
        }
        return (content, diagnostics)
    }

    private enum Category { case siteConfig, article, page }

    private func category(of relativePath: String) -> Category? {
        if relativePath == "site.yml" || relativePath == "site.yaml" { return .siteConfig }
        guard relativePath.hasSuffix(".md") else { return nil }
        if relativePath.hasPrefix("articles/") { return .article }
        if relativePath.hasPrefix("pages/") { return .page }
        return nil
    }

    /// Relative paths of the regular files and symlinks below `root`, hidden ones skipped, sorted.
    private func listFiles(under root: URL) -> [String] {
        let keys: [URLResourceKey] = [.isDirectoryKey, .isSymbolicLinkKey]
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys,
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        let prefixLength = root.path.count + 1
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isDirectory == true, values?.isSymbolicLink != true { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefixLength)))
        }
        return paths.sorted()
    }

    private func displayPath(_ relativePath: String) -> String {
        directory.hasSuffix("/") ? directory + relativePath : directory + "/" + relativePath
    }
}
