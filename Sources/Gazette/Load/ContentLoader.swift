import Wording
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The input files of a site, read and decoded, sorted by path.
struct LoadedContent: Sendable {
    /// `site.yml`, when present.
    public var siteConfig: SourceFile?
    /// `articles/**/*.md`.
    public var articles: [SourceFile] = []
    /// `pages/**/*.md`.
    public var pages: [SourceFile] = []
    /// `authors/*.md`.
    public var authors: [SourceFile] = []
    /// `data/**`: data sets (CSV, JSON, YAML) and chart spec files (YAML).
    public var data: [SourceFile] = []

    /// Images of `articles/`, `pages/`, `authors/` and `media/` (not read yet), by path below the content folder
    /// (`articles/2024/salle.png`) → path on disk.
    public var images: [String: String] = [:]
    /// Paths (as shown) of the files that could not be loaded; their errors are already reported.
    public var unloadablePaths: Set<String> = []

    /// Every file read, by path, for quoting source lines in diagnostics.
    public var allFiles: [SourceFile] { [siteConfig].compactMap { $0 } + articles + pages + authors + data }
}

/// Reads `Content/`: which files are articles, pages and configuration, refusing what must not be read.
struct ContentLoader: Sendable {
    /// The content folder as the user named it (used as the prefix of every path shown).
    public let directory: String

    /// Creates a loader for `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Reads `site.yml` alone (first, since its limits bound the rest), or says why it cannot.
    public func loadSiteConfig() -> Result<SourceFile, Diagnostic> {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        for name in ["site.yml", "site.yaml"] where FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path) {
            return read(name, root: root, maximumBytes: (1 << 20, "its size"))
        }
        return .failure(.error(.siteConfigMissing, "site.yml is missing from the content folder",
                               at: SourceLocation(file: displayPath("site.yml"), line: 1, column: 1), domain: .configuration))
    }

    /// Reads every article, page and data file (not `site.yml`: see ``loadSiteConfig()``), refusing
    /// files larger than `limits` allow; problems become diagnostics, not exceptions.
    public func load(limits: InputLimits = InputLimits()) -> (LoadedContent, [Diagnostic]) {
        var content = LoadedContent()
        var diagnostics: [Diagnostic] = []
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let location = SourceLocation(file: directory, line: 1, column: 1)
            return (content, [.error(.contentNotFound, "content folder not found", at: location, domain: .configuration)])
        }
        let files = listFiles(under: root)
        diagnostics += files.compactMap(unreadWarning)
        for path in files where isImage(path) {
            let resolved = root.appendingPathComponent(path).resolvingSymlinksInPath()
            guard resolved.path.hasPrefix(root.path + "/") else {
                diagnostics.append(.error(.symlinkRefused, "symbolic link points outside the content folder (to \(resolved.path)); refused",
                                          at: SourceLocation(file: displayPath(path), line: 1, column: 1)))
                continue
            }
            content.images[path] = resolved.path
        }
        let candidates = files.compactMap { path in category(of: path).map { (path, $0) } }
        let results = parallelMap(candidates) { relativePath, category in
            (category, read(relativePath, root: root, maximumBytes: category.maximumBytes(limits)))
        }
        for (category, result) in results {
            switch result {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                content.unloadablePaths.insert(diagnostic.location.file)
            case .success(let decoded):
                let hygiene = TextHygiene.warnings(in: decoded)
                diagnostics += hygiene
                let source = hygiene.isEmpty ? decoded : SourceFile(path: decoded.path, text: TextHygiene.removingForbidden(decoded.text))
                switch category {
                case .article: content.articles.append(source)
                case .page: content.pages.append(source)
                case .author: content.authors.append(source)
                case .data: content.data.append(source)
                }
            }
        }
        return (content, diagnostics)
    }

    private enum Category: Sendable {
        case article, page, author, data

        /// The largest file of this kind that is read, and the `site.yml` key that raises it.
        func maximumBytes(_ limits: InputLimits) -> (bytes: Int, key: String) {
            self == .data ? (limits.dataKilobytes * 1024, "max_data_kb") : (limits.articleKilobytes * 1024, "max_article_kb")
        }
    }

    /// Reads and decodes one file, refusing links that lead outside the content folder.
    private func read(_ relativePath: String, root: URL, maximumBytes: (bytes: Int, key: String)) -> Result<SourceFile, Diagnostic> {
        let shownPath = displayPath(relativePath)
        let location = SourceLocation(file: shownPath, line: 1, column: 1)
        // Folders that are links are never entered (``listFiles(under:)``): only a file that is a
        // link itself needs resolving (Foundation's resolution costs more than reading the file).
        var path = root.path + "/" + relativePath
        if !POSIXFile.isRegularFile(path) {
            let resolved = root.appendingPathComponent(relativePath).resolvingSymlinksInPath()
            guard resolved.path.hasPrefix(root.path + "/") else {
                return .failure(.error(.symlinkRefused, "symbolic link points outside the content folder (to \(resolved.path)); refused", at: location))
            }
            path = resolved.path
        }
        var info = stat()
        if stat(path, &info) == 0, Int(info.st_size) > maximumBytes.bytes {
            return .failure(.error(.fileTooLarge, "file is \(Int(info.st_size) / 1024) KiB, more than the \(maximumBytes.bytes / 1024) KiB allowed; split it, or raise \(maximumBytes.key) in site.yml",
                                   at: location))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(.error(.unreadableFile, "cannot read file (it vanished or is not readable)", at: location))
        }
        let bytes = [UInt8](data)
        switch UTF8Decoding.decode(bytes) {
        case .failure(let invalid):
            let byte = String(invalid.byte, radix: 16, uppercase: true)
            let reading = UTF8Decoding.windows1252Reading(of: data, at: invalid).map { character, around -> Phrase in
                ": it reads as «\u{A0}\(character)\u{A0}» in Windows-1252, the usual export of Excel and Word (« \(around) »); save the file as UTF-8"
            } ?? "; save it as UTF-8"
            return .failure(.error(.notUTF8, "file is not valid UTF-8 (byte 0x\(byte))\(reading)",
                                   at: SourceLocation(file: shownPath, line: invalid.line, column: invalid.column)))
        case .success(let text):
            // Searched in the array, not in `Data`, whose iterator checks exclusive access at every
            // byte (7 % of a no-change rebuild's instructions under callgrind).
            if let nul = bytes.firstIndex(of: 0) {
                let before = bytes[..<nul]
                let line = before.count(where: { $0 == UInt8(ascii: "\n") }) + 1
                let column = nul - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
                return .failure(.error(.nulByte, "file holds a NUL byte, so it is not a text file; save it as UTF-8 text",
                                       at: SourceLocation(file: shownPath, line: line, column: column)))
            }
            return .success(SourceFile(path: shownPath, text: text))
        }
    }

    /// Extensions of Markdown files: read as articles or pages.
    static let markdownExtensions: Set<String> = ["md", "markdown"]
    /// Extensions that look like Markdown or text but are not read: flagged, never silently skipped.
    static let unreadTextExtensions: Set<String> = ["mdown", "mkd", "mkdn", "mdwn", "mdtxt", "markdn", "txt", "text", "rmd", "qmd"]

    private func category(of relativePath: String) -> Category? {
        let fileExtension = Self.lowercasedExtension(of: relativePath)
        if ContentFolder.data.holds(relativePath), ["csv", "json", "yml", "yaml"].contains(fileExtension) {
            return .data
        }
        guard Self.markdownExtensions.contains(fileExtension) else { return nil }
        if ContentFolder.articles.holds(relativePath) { return .article }
        if ContentFolder.pages.holds(relativePath) { return .page }
        if ContentFolder.authors.holds(relativePath) { return .author }
        return nil
    }

    /// Whether `relativePath` is an image an article may show (in `articles/`, `pages/`, `authors/` or `media/`).
    private func isImage(_ relativePath: String) -> Bool {
        guard [ContentFolder.articles, .pages, .authors, .media].contains(where: { $0.holds(relativePath) }) else { return false }
        return ImageDimensions.extensions.contains(Self.lowercasedExtension(of: relativePath))
    }

    /// What follows the last dot of the file name, in lower case (`"md"`); empty when the name has no dot.
    static func lowercasedExtension(of path: String) -> String {
        guard let dot = path.utf8.lastIndex(of: UInt8(ascii: ".")), !path.utf8[dot...].contains(UInt8(ascii: "/")) else { return "" }
        return String(path[path.utf8.index(after: dot)...]).lowercased()
    }

    /// A warning for a file of `articles/`, `pages/` or `authors/` that looks like Markdown or text but is not read.
    private func unreadWarning(_ relativePath: String) -> Diagnostic? {
        guard [ContentFolder.articles, .pages, .authors].contains(where: { $0.holds(relativePath) }),
              Self.unreadTextExtensions.contains(Self.lowercasedExtension(of: relativePath)) else { return nil }
        return .warning(.unreadMarkdownFile, "this file is not read: only .md and .markdown files are articles and pages; rename it to .md",
                        at: SourceLocation(file: displayPath(relativePath), line: 1, column: 1))
    }

    /// Relative paths of the regular files and symlinks below `root`, hidden ones skipped, sorted.
    /// (POSIX `readdir`: its entry types spare a `stat` per file, which Foundation's enumerator does not.)
    private func listFiles(under root: URL) -> [String] {
        var paths: [String] = []
        var pending = [""]
        while let relativeFolder = pending.popLast() {
            let folder = relativeFolder.isEmpty ? root.path : root.path + "/" + relativeFolder
            for (name, kind) in POSIXFile.entries(in: folder) ?? [] where !name.hasPrefix(".") {
                let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
                if kind == UInt8(DT_DIR) { pending.append(relative) } else { paths.append(relative) }
            }
        }
        return paths.sorted()
    }

    private func displayPath(_ relativePath: String) -> String {
        directory.hasSuffix("/") ? directory + relativePath : directory + "/" + relativePath
    }
}
