import Foundation

/// `gazette check`: builds the site (into a temporary folder, or reads an already built
/// `builtFolder`) and checks its links; the build's own errors come first.
public struct SiteCheck: Sendable {
    public var options: BuildOptions

    /// Checks the site that `options` describe.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// The broken links (errors) and the build's warnings, with the sources they quote; with
    /// `external`, links to other sites are checked too (see ``ExternalLinkChecker``).
    public func run(builtFolder: String? = nil, external: ExternalLinkChecker? = nil) async throws(BuildFailure)
        -> (diagnostics: [Diagnostic], sources: [String: SourceFile]) {
        let (files, report) = try SiteBuilder(options: options).renderSite()
        let folder: String
        var temporary: String?
        if let builtFolder {
            folder = builtFolder
        } else {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-check-\(UUID().uuidString)").path
            _ = try OutputWriter(directory: path).write(files)
            temporary = path
            folder = path
        }
        defer { if let temporary { _ = OutputWriter.removeTree(temporary) } }
        let pageSources = report.pageSources.compactMapValues { report.sources[$0] }
        let links = LinkChecker(folder: folder, baseURL: report.baseURL, pageSources: pageSources).check()
        let externalProblems = await external?.check(links.external) ?? []
        return ((report.warnings + links.broken + externalProblems).sorted(), report.sources)
    }
}
