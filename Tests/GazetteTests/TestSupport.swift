import Foundation
import Testing
@testable import Gazette

/// A throw-away folder for one test, removed when the value is released.
final class TemporaryFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` at `relativePath`, creating folders.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        try write(relativePath, bytes: Data(text.utf8))
    }

    @discardableResult
    func write(_ relativePath: String, bytes: Data) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: file)
        return file
    }

    func read(_ relativePath: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(relativePath).path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file below the folder with its bytes, for before/after comparisons.
    func snapshot(_ relativePath: String) -> [String: Data] {
        let root = url.appendingPathComponent(relativePath)
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
        for case let path as String in enumerator {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) { files[path] = data }
        }
        return files
    }
}

/// The repository's own folders, found from this file's path.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var content: String { root.appendingPathComponent("Content").path }
    static var templates: String { root.appendingPathComponent("Templates").path }
}

/// A minimal valid site in `folder/Content` using the repository's templates.
func makeSite(in folder: TemporaryFolder, articles: [String: String]) throws -> BuildOptions {
    try folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\n")
    for (path, text) in articles { try folder.write("Content/articles/" + path, text) }
    return BuildOptions(contentDirectory: folder.path + "/Content", templatesDirectory: Repository.templates,
                        outputDirectory: folder.path + "/Output")
}

/// The diagnostics a failing build reports (empty when it succeeds).
/// Builds `articles` (and `site` as `site.yml` when given) in a new folder: the folder, the report
/// (nil when the build failed), and the warnings or the errors.
func buildSite(_ articles: [String: String], site: String? = nil) throws -> (TemporaryFolder, BuildReport?, [Diagnostic]) {
    let folder = try TemporaryFolder()
    let options = try makeSite(in: folder, articles: articles)
    if let site { try folder.write("Content/site.yml", site) }
    do {
        let report = try SiteBuilder(options: options).build()
        return (folder, report, report.warnings)
    } catch {
        return (folder, nil, error.diagnostics)
    }
}

/// Builds `options`' content cold into `Cold/` beside `Output/` and expects the two trees equal.
func expectSameAsColdBuild(_ folder: TemporaryFolder, _ options: BuildOptions,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    var cold = options
    cold.incremental = false
    cold.outputDirectory = folder.path + "/Cold"
    try? FileManager.default.removeItem(atPath: cold.outputDirectory)
    _ = try SiteBuilder(options: cold).build()
    #expect(folder.snapshot("Output") == folder.snapshot("Cold"), sourceLocation: sourceLocation)
}

func buildDiagnostics(_ options: BuildOptions) -> [Diagnostic] {
    do {
        _ = try SiteBuilder(options: options).build()
        return []
    } catch {
        return error.diagnostics
    }
}

let validArticle = """
---
title: Un article
date: 2022-06-24T08:00:00+02:00
---
Texte.
"""
