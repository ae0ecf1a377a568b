import Foundation
import Testing
@testable import Gazette
#if canImport(Glibc)
import Glibc
#endif

/// The build cache is untrusted input (a CI cache restored from another branch, hostile-input
/// round 3): it may make a build faster, never different, and nothing it holds makes the build
/// read or write outside its folders.
@Suite struct PoisonedCacheTests {
    private func article(_ title: String, _ body: String) -> String {
        "---\ntitle: \(title)\ndate: 2024-03-01T09:00:00+01:00\n---\n\n\(body)\n"
    }

    /// A site built twice incrementally (so that the cache holds a spare tree), and a folder
    /// outside it that nothing may write into.
    private func builtTwice(_ folder: TemporaryFolder) throws -> BuildOptions {
        var options = try makeSite(in: folder, articles: ["2024/a.md": article("Article A", "Premier."),
                                                          "2024/b.md": article("Article B", "Second.")])
        options.incremental = true
        _ = try SiteBuilder(options: options).build()
        _ = try folder.write("Content/articles/2024/b.md", article("Article B", "Second, revu."))
        _ = try SiteBuilder(options: options).build()
        try FileManager.default.createDirectory(atPath: folder.path + "/ailleurs", withIntermediateDirectories: true)
        return options
    }

    /// Point 4: a folder of the spare tree replaced by a link to a folder outside the site.
    @Test func aLinkPlantedInTheSpareTreeIsNotWrittenThrough() throws {
        let folder = try TemporaryFolder()
        let options = try builtTwice(folder)
        let planted = folder.path + "/.gazette-cache/Output.spare/articles"
        try FileManager.default.removeItem(atPath: planted)
        #expect(symlink("../../ailleurs", planted) == 0)
        _ = try folder.write("Content/articles/2024/a.md", article("Article A", "Premier, revu."))
        _ = try SiteBuilder(options: options).build()
        #expect(folder.snapshot("ailleurs").isEmpty)
        #expect(folder.read("Output/articles/2024/article-a/index.html")?.contains("Premier, revu.") == true)
        try expectSameAsColdBuild(folder, options)
    }

    /// The cache folder itself a link to a folder outside the site: neither read nor written through.
    @Test func aCacheFolderThatIsALinkIsReplaced() throws {
        let folder = try TemporaryFolder()
        let options = try builtTwice(folder)
        let cacheFolder = folder.path + "/.gazette-cache"
        try FileManager.default.moveItem(atPath: cacheFolder, toPath: folder.path + "/ailleurs/cache")
        #expect(symlink("ailleurs/cache", cacheFolder) == 0)
        let outside = folder.snapshot("ailleurs")
        _ = try folder.write("Content/articles/2024/a.md", article("Article A", "Premier, revu."))
        let report = try SiteBuilder(options: options).build()
        #expect(report.filesKept == 0, "the cache behind the link is not read")
        #expect(folder.snapshot("ailleurs") == outside)
        #expect(!POSIXFile.isSymbolicLink(cacheFolder))
        try expectSameAsColdBuild(folder, options)
    }

    /// A site whose article shows a photo, built incrementally once; and a secret beside it.
    private func siteWithAPhoto(_ folder: TemporaryFolder) throws -> BuildOptions {
        var options = try makeSite(in: folder, articles: ["2024/a.md": article("Article A", "![Salle des serveurs](photo.png)")])
        _ = try folder.write("Content/articles/2024/photo.png", bytes: ImageTests.png(640, 427))
        _ = try folder.write("secret.txt", "mot de passe")
        options.incremental = true
        _ = try SiteBuilder(options: options).build()
        return options
    }

    /// Point 5: an article cache whose record (checksum recomputed) names another file as the
    /// image's source and a path leaving the output: the article is validated again, and only the
    /// content's photo is published.
    @Test func aForgedImageRecordIsNotTrusted() throws {
        let folder = try TemporaryFolder()
        let options = try siteWithAPhoto(folder)
        let cachePath = ArticleCache.path(forOutput: options.outputDirectory)
        let program = BuildCache.currentProgram
        for forged in ["articles/2024/photo.png", "../../../x.png", "/" + folder.path + "/secret.txt"] {
            var cache = ArticleCache.load(from: cachePath, program: program)
            for (path, record) in cache.records where record.validation?.images.isEmpty == false {
                var validation = try #require(record.validation)
                for (address, image) in validation.images {
                    validation.images[address] = PlacedImage(path: forged, source: folder.path + "/secret.txt", width: image.width, height: image.height)
                }
                cache.records[path]?.validation = validation
            }
            try ArticleCache(records: cache.records).save(to: cachePath, program: program)
            _ = try folder.write("Content/articles/2024/b.md", article("Article B", "Ajouté \(forged.count)."))
            _ = try SiteBuilder(options: options).build()
            #expect(folder.read("Output/articles/2024/photo.png") != "mot de passe", "forged as \(forged)")
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/x.png"))
            try expectSameAsColdBuild(folder, options)
        }
    }

    /// Point 10: the cache names no image file on disk (only paths below the content folder), so a
    /// copy of the site's folder (`cp -a`, built with the same relative paths) never publishes the
    /// original's files.
    @Test func theCacheNamesNoImageFileOnDisk() throws {
        let folder = try TemporaryFolder()
        _ = try siteWithAPhoto(folder)
        for name in ["Output.articles", "Output.manifest"] {
            let bytes = try #require(FileManager.default.contents(atPath: folder.path + "/.gazette-cache/" + name))
            #expect(!String(decoding: bytes, as: UTF8.self).contains(folder.path + "/Content/articles/2024/photo.png"), "\(name)")
        }
    }

    /// With `GAZETTE_CACHE_KEY`, a cache file is read only if it was written with the same key:
    /// one forged or written by a build without the secret (a pull request's) is ignored.
    @Test func aKeyedCacheIsReadOnlyWithItsKey() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/.gazette-cache/Output.manifest"
        let secret = Array("secret du dépôt".utf8), other = Array("autre".utf8)
        try CacheFile.write(Array("contenu".utf8), to: path, format: "essai 1", program: "p", key: secret)
        #expect(CacheFile.read(path, format: "essai 1", program: "p", key: secret).map { Array($0) } == Array("contenu".utf8))
        #expect(CacheFile.read(path, format: "essai 1", program: "p", key: other) == nil)
        #expect(CacheFile.read(path, format: "essai 1", program: "p", key: nil) == nil)
        try CacheFile.write(Array("contenu".utf8), to: path, format: "essai 1", program: "p", key: nil)
        #expect(CacheFile.read(path, format: "essai 1", program: "p", key: secret) == nil, "written without the key")
    }
}
