import Foundation
import Testing
@testable import Preview

/// The preview server serves only what is inside its folder (issue 10).
@Suite struct PreviewFilesTests {
    let folder: URL
    let files: PreviewFiles

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-preview-\(UUID().uuidString)")
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("articles/2024/a"), withIntermediateDirectories: true)
        try Data("<p>a</p>".utf8).write(to: site.appendingPathComponent("articles/2024/a/index.html"))
        try Data("x".utf8).write(to: site.appendingPathComponent("data.csv"))
        try Data("secret".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("lien.txt").path, withDestinationPath: folder.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("dehors").path, withDestinationPath: folder.path)
        files = PreviewFiles(folder: site.path)
    }

    @Test(arguments: ["/../secret.txt", "/%2e%2e/secret.txt", "/articles/%2E%2E/%2e%2e/../secret.txt", "/articles%2f..%2f..%2fsecret.txt",
                      "//etc/passwd", "/articles//2024/", "/lien.txt", "/dehors/secret.txt", "/a\\..\\secret.txt", "/x%00.html", "/./data.csv"])
    func pathsThatLeaveTheFolderAreRefused(path: String) {
        #expect(files.resolve(path) == .forbidden, "\(path)")
    }

    @Test func foldersServeTheirIndexAndRedirectWithoutTheirSlash() {
        #expect(files.resolve("/articles/2024/a") == .redirect(location: "/articles/2024/a/"))
        guard case .file(let path, let type) = files.resolve("/articles/2024/a/") else { Issue.record("no index"); return }
        #expect(path.hasSuffix("/articles/2024/a/index.html") && type == "text/html; charset=utf-8")
        #expect(files.resolve("/articles/2024/") == .notFound)
        #expect(files.resolve("/nulle-part/") == .notFound)
    }

    @Test func mediaTypesFollowTheExtension() {
        #expect(PreviewFiles.contentType(of: "/s/feed.xml") == "application/atom+xml")
        #expect(PreviewFiles.contentType(of: "/s/sitemap.xml") == "application/xml")
        #expect(PreviewFiles.contentType(of: "/s/data/a.csv") == "text/csv; charset=utf-8")
        #expect(PreviewFiles.contentType(of: "/s/a.svg") == "image/svg+xml")
        #expect(PreviewFiles.contentType(of: "/s/a.woff2") == "font/woff2")
        #expect(PreviewFiles.contentType(of: "/s/a.JPG") == "image/jpeg")
    }

    @Test func theReloadScriptGoesBeforeTheEndOfTheBody() {
        let page = LiveReloadScript.inject(into: "<html><body><p>x</p></body></html>")
        #expect(page.hasSuffix("</script>\n</body></html>"))
        #expect(page.contains(LiveReloadScript.eventsPath))
    }
}
