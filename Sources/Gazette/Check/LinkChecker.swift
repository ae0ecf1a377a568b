import Wording
import Foundation
import HTMLInspection

/// `gazette check`: every internal `href` and `src` of a built site must lead to a file of the
/// site, every `#fragment` to an id of its page, and no link may point at a Markdown source.
/// A broken link written in an article is reported at the line of the Markdown file that holds it.
/// A full link to the site itself (`https://gazette-sante.example/articles/…`, as editors paste
/// them) is checked as an internal one.
struct LinkChecker: Sendable {
    /// The built site.
    public let folder: String
    /// The site's `base_url`, ending in `/`.
    public let baseURL: String
    /// The path part of `base_url` (`/` or `/actualites/`), which absolute links start with.
    public let basePath: String
    /// The source of each page made from Markdown, by output path (`articles/2024/x/index.html`).
    public let pageSources: [String: SourceFile]

    /// Checks the site in `folder`.
    public init(folder: String, baseURL: String, pageSources: [String: SourceFile]) {
        self.folder = folder
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        let path = URLComponents(string: self.baseURL)?.path ?? "/"
        basePath = path.hasSuffix("/") ? path : path + "/"
        self.pageSources = pageSources
    }

    /// The broken links, one diagnostic per page and link, and the external (http, https) links
    /// with the place of their first use, for ``ExternalLinkChecker``.
    public func check() -> (broken: [Diagnostic], external: [(url: String, location: SourceLocation)]) {
        let files = Set(Self.listFiles(folder))
        let pages = files.filter { $0.hasSuffix(".html") }.sorted()
        let scans = Dictionary(uniqueKeysWithValues: zip(pages, parallelMap(pages) { page in
            HTMLLinkScan(html: FileManager.default.contents(atPath: folder + "/" + page).map { String(decoding: $0, as: UTF8.self) } ?? "")
        }))
        var diagnostics: [Diagnostic] = []
        var external: [(url: String, location: SourceLocation)] = []
        var externalSeen: Set<String> = []
        for page in pages {
            var seen: Set<String> = []
            for link in scans[page]?.links ?? [] where seen.insert(link.url).inserted {
                let lower = link.url.lowercased()
                let isOnSite = lower.hasPrefix(baseURL.lowercased())
                if !isOnSite, lower.hasPrefix("http://") || lower.hasPrefix("https://") {
                    if externalSeen.insert(link.url).inserted { external.append((link.url, location(of: link.url, on: page))) }
                    continue
                }
                let address = isOnSite ? basePath + link.url.dropFirst(baseURL.count) : link.url
                guard let problem = problem(with: address, shownAs: link.url, on: page, files: files, scans: scans) else { continue }
                diagnostics.append(.error(problem.code, problem.message, at: location(of: link.url, on: page)))
            }
        }
        return (diagnostics, external)
    }

    /// What is wrong with the link to `address` on `page` (written `url`, as messages show it), if anything.
    private func problem(with address: String, shownAs url: String, on page: String, files: Set<String>,
                         scans: [String: HTMLLinkScan]) -> (code: DiagnosticCode, message: Phrase)? {
        guard !address.isEmpty, !address.hasPrefix("//"), !Self.hasScheme(address) else { return nil }
        let parts = address.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let pathPart = String(parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let fragment = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : nil
        var target = page
        if !pathPart.isEmpty {
            guard let resolved = resolve(pathPart, from: page) else {
                return (.brokenLink, "link to \(url) leaves the site (its address is outside \(basePath))")
            }
            let lower = resolved.lowercased()
            if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
                return (.linkToSource, "link to \(url) points at a Markdown file, which is not published; link to the page's address (articles/YEAR/SLUG/)")
            }
            // A folder (with or without its final `/`) is served as its page, as static hosts do.
            let folderPage = SiteLinks.page(in: resolved.isEmpty || resolved.hasSuffix("/") ? resolved : resolved + "/")
            if files.contains(resolved) {
                target = resolved
            } else if files.contains(folderPage) {
                target = folderPage
            } else {
                let hint: Phrase = resolved.hasPrefix("articles/") ? " (a draft, a future article, or an article whose slug changed?)" : ""
                return (.brokenLink, "link to \(url) leads nowhere: the site has no \(resolved.isEmpty ? "index.html" : resolved)\(hint)")
            }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), scans[target]?.ids.contains(fragment) == false {
            return (.brokenFragment, "link to \(url): \(target) has no element with id \"\(fragment)\"")
        }
        return nil
    }

    /// The site-relative path (`articles/2024/x/`) of a link's path part written on `page`, or nil
    /// when it leaves the site.
    private func resolve(_ path: String, from page: String) -> String? {
        let decoded = path.removingPercentEncoding ?? path
        var segments: [Substring]
        if decoded.hasPrefix("/") {
            guard decoded.hasPrefix(basePath) || decoded + "/" == basePath else { return nil }
            segments = decoded.dropFirst(basePath.count).split(separator: "/", omittingEmptySubsequences: false)
        } else {
            segments = page.split(separator: "/", omittingEmptySubsequences: false).dropLast() + decoded.split(separator: "/", omittingEmptySubsequences: false)
        }
        var stack: [Substring] = []
        for (index, segment) in segments.enumerated() {
            switch segment {
            case ".": continue
            case "..":
                guard !stack.isEmpty else { return nil }
                stack.removeLast()
            case "" where index != segments.count - 1: continue
            default: stack.append(segment)
            }
        }
        return stack.joined(separator: "/")
    }

    /// Where to report a link: the first line of the page's Markdown source that holds it, or the page.
    private func location(of url: String, on page: String) -> SourceLocation {
        if let source = pageSources[page] {
            for number in 1...max(1, source.lineCount) {
                guard let line = source.line(number), let range = line.range(of: url) else { continue }
                return SourceLocation(file: source.path, line: number, column: line.unicodeScalars[..<range.lowerBound].count + 1)
            }
            return source.location(line: 1)
        }
        return SourceLocation(file: folder + "/" + page, line: 1, column: 1)
    }

    private static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        return !url[..<colon].contains { $0 == "/" || $0 == "?" || $0 == "#" }
    }

    private static func listFiles(_ folder: String) -> [String] {
        var files: [String] = []
        for case let relative as String in FileManager.default.enumerator(atPath: folder) ?? FileManager.DirectoryEnumerator() {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue { files.append(relative) }
        }
        return files
    }
}
