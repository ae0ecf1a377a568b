import Foundation
import Testing
@testable import Gazette
import VipsImaging

/// Camera photos as readers get them: turned upright, without the camera's metadata, and never
/// a file that can stall or crash the build.
@Suite struct PhotoTests {
    /// A 240×160 JPEG as a camera writes it: EXIF orientation 6 (turn a quarter right: shown
    /// 160×240), GPS position, camera serial number and owner name.
    static let cameraPhoto = FileManager.default.contents(atPath: Repository.root.path + "/Tests/GazetteTests/Media/Fixtures/gps-portrait.jpg")!

    private func build(_ files: [String: Data], site: String? = nil) throws -> (TemporaryFolder, [Diagnostic]) {
        let folder = try TemporaryFolder()
        let body = files.keys.sorted().enumerated().map { "![Photo \($0.offset + 1)](/\($0.element))" }.joined(separator: "\n\n")
        let options = try makeSite(in: folder, articles: ["2024/a.md": "---\ntitle: A\ndate: 2024-06-24T08:00:00+02:00\n---\nTexte.\n\n" + body + "\n"])
        if let site { try folder.write("Content/site.yml", site) }
        for (path, data) in files { try folder.write("Content/" + path, bytes: data) }
        return (folder, buildDiagnostics(options))
    }

    /// `exiftool` (Debian libimage-exiftool-perl, installed by `make deps`) finds no GPS tag, serial
    /// number, owner or camera make in any published image, and the original is not published.
    @Test func noPublishedImageCarriesTheCamerasMetadata() throws {
        let (folder, errors) = try build(["media/photo.jpg": Self.cameraPhoto])
        #expect(errors.isEmpty, "\(errors)")
        let output = folder.path + "/Output"
        let images = try FileManager.default.subpathsOfDirectory(atPath: output)
            .filter { [".jpg", ".png", ".webp", ".avif"].contains(where: $0.hasSuffix) }.sorted()
        #expect(images.count == 3 + 3, "one width in three formats, three crops: \(images)")
        #expect(!images.contains("media/photo.jpg"), "the original, with its metadata, is not published")
        let exiftool = Process()
        exiftool.executableURL = URL(fileURLWithPath: "/usr/bin/exiftool")
        exiftool.arguments = ["-j", "-a", "-G1"] + images.map { output + "/" + $0 }
        let pipe = Pipe()
        exiftool.standardOutput = pipe
        try exiftool.run()
        let report = pipe.fileHandleForReading.readDataToEndOfFile()
        exiftool.waitUntilExit()
        let files = try #require(try JSONSerialization.jsonObject(with: report) as? [[String: Any]])
        #expect(files.count == images.count)
        for file in files {
            let tags = file.keys.filter { $0.contains("GPS") || $0.hasSuffix(":SerialNumber") || $0.hasSuffix(":OwnerName") || $0.hasSuffix(":Make") }
            #expect(tags.isEmpty, "\(file["SourceFile"] ?? ""): \(tags)")
        }
        // The check can fail: the original carries every one of those tags.
        let original = Process()
        original.executableURL = URL(fileURLWithPath: "/usr/bin/exiftool")
        original.arguments = ["-j", "-a", "-G1", folder.path + "/Content/media/photo.jpg"]
        let originalPipe = Pipe()
        original.standardOutput = originalPipe
        try original.run()
        let originalReport = String(decoding: originalPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        original.waitUntilExit()
        #expect(originalReport.contains("GPSLatitude") && originalReport.contains("SerialNumber"))
    }

    /// The photo is turned upright by its EXIF orientation: 240×160 stored, 160×240 shown.
    @Test func photosAreTurnedUpright() throws {
        let (folder, errors) = try build(["media/photo.jpg": Self.cameraPhoto])
        #expect(errors.isEmpty, "\(errors)")
        let page = try #require(folder.read("Output/articles/2024/a/index.html"))
        #expect(page.contains("width=\"160\" height=\"240\""), "the page states the upright size")
        for format in ["jpg", "webp", "avif"] {
            let data = try #require(FileManager.default.contents(atPath: folder.path + "/Output/media/photo-jpg-160w.\(format)"))
            let size = try ImageCodec.probe([UInt8](data)).get()
            #expect(size.width == 160 && size.height == 240, "\(format): \(size)")
        }
    }

    /// Two builds make the same bytes (AVIF and WebP encoders included).
    @Test func variantsAreTheSameFromBuildToBuild() throws {
        let (first, _) = try build(["media/photo.jpg": Self.cameraPhoto])
        let (second, _) = try build(["media/photo.jpg": Self.cameraPhoto])
        let images = first.snapshot("Output").filter { $0.key.hasPrefix("media/") }
        #expect(images.count == 6 && images == second.snapshot("Output").filter { $0.key.hasPrefix("media/") })
    }

    /// A picture larger than max_image_megapixels is refused from its header (a small file can
    /// claim a huge picture); a file cut short, or one libvips cannot read, is refused too: each
    /// a located error, and the previous output stays.
    @Test func oversizedTruncatedAndUnreadablePhotosAreLocatedErrors() throws {
        let site = "title: Test\nbase_url: https://test.example/\nmax_image_megapixels: 1\n"
        let (_, errors) = try build(["media/grande.png": ImageTests.png(1500, 1000), "media/coupee.jpg": Self.cameraPhoto.prefix(Self.cameraPhoto.count * 2 / 3),
                                     "media/illisible.jpg": Data([0xFF, 0xD8, 0xFF]) + Data(repeating: 7, count: 64)], site: site)
        #expect(errors.map(\.code) == [.invalidImage, .limitExceeded, .invalidImage], "\(errors)")
        #expect(errors.map(\.location.line) == [7, 9, 11], "each at its address in the article")
        #expect(errors[0].message.contains("coupee.jpg is damaged or cut short"), "\(errors[0].message)")
        #expect(errors[1].message.contains("1500×1000 pixels") && errors[1].message.contains("max_image_megapixels (1)"), "\(errors[1].message)")
        #expect(errors[2].message.contains("illisible.jpg cannot be read as an image"), "\(errors[2].message)")
    }

    /// A file over max_image_kb is refused before it is read.
    @Test func aFileOverTheSizeLimitIsALocatedError() throws {
        let (_, errors) = try build(["media/photo.jpg": Self.cameraPhoto], site: "title: Test\nbase_url: https://test.example/\nmax_image_kb: 2\n")
        #expect(errors.map(\.code) == [.limitExceeded] && errors.first?.location.line == 7, "\(errors)")
        #expect(errors.first?.message.contains("max_image_kb (2 KiB)") == true, "\(errors)")
    }

    /// `image_widths` chooses the widths (sorted, never wider than the photo); a width that is not
    /// a number of pixels from 16 to 8192 is a located configuration error.
    @Test func theSiteChoosesTheWidths() throws {
        let (folder, errors) = try build(["media/photo.jpg": Self.cameraPhoto], site: "title: Test\nbase_url: https://test.example/\nimage_widths: [300, 100]\n")
        #expect(errors.isEmpty, "\(errors)")
        let files = folder.snapshot("Output").keys.filter { $0.hasPrefix("media/") && $0.hasSuffix(".avif") }.sorted()
        #expect(files == ["media/photo-jpg-100w.avif", "media/photo-jpg-160w.avif"], "100, then the photo's own 160: never enlarged to 300")
        let (_, refused) = try build(["media/photo.jpg": Self.cameraPhoto], site: "title: Test\nbase_url: https://test.example/\nimage_widths: [800, 5]\n")
        #expect(refused.map(\.code) == [.invalidField] && refused.first?.location.line == 3, "\(refused)")
    }

    /// `image_focus` moves the crops for link previews: a focus at the left edge keeps the left of
    /// the picture (the same square as a focus further left, which the edge stops), and names other
    /// files than the centred crops; a focus that is not two numbers from 0 to 1 is a located error.
    @Test func theFocalPointChoosesWhatTheCropsKeep() throws {
        func crops(_ focus: String?) throws -> (TemporaryFolder, [Diagnostic]) {
            let folder = try TemporaryFolder()
            let front = focus.map { "image_focus: \($0)\n" } ?? ""
            let options = try makeSite(in: folder, articles: ["2024/a.md": "---\ntitle: A\ndate: 2024-06-24T08:00:00+02:00\n\(front)---\n![Salle](/media/salle.png)\n"])
            try folder.write("Content/media/salle.png", bytes: ImageTests.png(1200, 600))
            return (folder, buildDiagnostics(options))
        }
        let (centred, none) = try crops(nil)
        let (left, none2) = try crops("0.1, 0.5")
        let (edge, none3) = try crops("[0, 0.5]")
        #expect(none.isEmpty && none2.isEmpty && none3.isEmpty, "\(none + none2 + none3)")
        let square = try #require(centred.snapshot("Output")["media/salle-png-1x1.jpg"])
        let leftSquare = try #require(left.snapshot("Output")["media/salle-png-1x1-f10-50.jpg"])
        #expect(leftSquare != square, "the focus moved the square")
        #expect(edge.snapshot("Output")["media/salle-png-1x1-f0-50.jpg"] == leftSquare, "both stop at the left edge")
        #expect(left.read("Output/articles/2024/a/index.html")?.contains("media/salle-png-16x9-f10-50.jpg") == true)
        let (_, refused) = try crops("0.3")
        #expect(refused.map(\.code) == [.invalidField] && refused.first?.location.line == 4, "\(refused)")
        let (_, outside) = try crops("1.5, 0.2")
        #expect(outside.map(\.code) == [.invalidField], "\(outside)")
    }

    /// `{focus: 0.1, 0.5}` at the end of the picture's caption moves its crops as `image_focus`
    /// does; the caption is shown without it, the front matter's `image_focus` wins over it, an
    /// incremental build that moves it equals a cold one, and braces that do not hold two numbers
    /// from 0 to 1 are a located error.
    @Test func aFocusBesideTheCaptionChoosesWhatTheCropsKeep() throws {
        let folder = try TemporaryFolder()
        let article = { (caption: String, front: String) in
            "---\ntitle: A\ndate: 2024-06-24T08:00:00+02:00\n\(front)---\n![Salle](/media/salle.png \"\(caption)\")\n"
        }
        var options = try makeSite(in: folder, articles: ["2024/a.md": article("La salle rénovée {focus: 0.1, 0.5}", "")])
        options.incremental = true
        try folder.write("Content/media/salle.png", bytes: ImageTests.png(1200, 600))
        #expect(buildDiagnostics(options).isEmpty)
        let page = try #require(folder.read("Output/articles/2024/a/index.html"))
        #expect(page.contains("<figcaption>La salle rénovée</figcaption>"), "the caption without its focus")
        #expect(!page.contains("focus:"))
        #expect(page.contains("media/salle-png-16x9-f10-50.jpg") && folder.snapshot("Output")["media/salle-png-1x1-f10-50.jpg"] != nil)
        try folder.write("Content/articles/2024/a.md", article("{focus: 0.9, 0.5}", ""))
        #expect(buildDiagnostics(options).isEmpty)
        let moved = try #require(folder.read("Output/articles/2024/a/index.html"))
        #expect(moved.contains("media/salle-png-16x9-f90-50.jpg") && !moved.contains("<figcaption>"), "a caption of a focus alone shows none")
        try expectSameAsColdBuild(folder, options)
        try folder.write("Content/articles/2024/a.md", article("Salle {focus: 0.9, 0.5}", "image_focus: 0.2, 0.5\n"))
        #expect(buildDiagnostics(options).isEmpty)
        #expect(folder.read("Output/articles/2024/a/index.html")?.contains("media/salle-png-16x9-f20-50.jpg") == true, "the front matter wins")
        try folder.write("Content/articles/2024/a.md", article("Salle {focus: gauche}", ""))
        let refused = buildDiagnostics(options)
        #expect(refused.map(\.code) == [.invalidField] && refused.first?.location.line == 5, "\(refused)")
    }

    /// A crop for link previews stays within 300 kB: a detailed picture is encoded again, lower,
    /// until it fits (at JPEG 80 this square is over 300 kB).
    @Test func cropsForLinkPreviewsStayWithinTheirCrawlersLimit() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2024/a.md": "---\ntitle: A\ndate: 2024-06-24T08:00:00+02:00\n---\n![Bruit](/media/bruit.png)\n"])
        let noisy = ImageTests.png(1200, 1200, noise: 21)
        try folder.write("Content/media/bruit.png", bytes: noisy)
        #expect(buildDiagnostics(options).isEmpty)
        let atEighty = try ImageCodec.variant(of: [UInt8](noisy), width: 1200, crop: (width: 1200, height: 1200, focus: (x: 0.5, y: 0.5)),
                                              format: .jpeg, quality: 80).get()
        #expect(atEighty.count > 300_000, "the picture is detailed enough to need it: \(atEighty.count)")
        let square = try #require(FileManager.default.contents(atPath: folder.path + "/Output/media/bruit-png-1x1.jpg"))
        #expect(square.count <= 300_000, "\(square.count)")
        #expect(try ImageCodec.probe([UInt8](square)).get().width == 1200)
    }

    /// An iPhone's HEIC and an AVIF are read (libheif) and published like any photo, with JPEG as
    /// the fallback every browser reads.
    @Test func heicAndAVIFPhotosArePublished() throws {
        func fixture(_ name: String) -> Data {
            FileManager.default.contents(atPath: Repository.root.path + "/Tests/GazetteTests/Media/Fixtures/" + name)!
        }
        let (folder, errors) = try build(["media/iphone.heic": fixture("iphone.heic"), "media/photo.avif": fixture("photo.avif")])
        #expect(errors.isEmpty, "\(errors)")
        for stem in ["media/iphone-heic-96w", "media/photo-avif-96w"] {
            for format in ["avif", "webp", "jpg"] {
                let data = try #require(FileManager.default.contents(atPath: folder.path + "/Output/" + stem + "." + format), "\(stem).\(format)")
                let size = try ImageCodec.probe([UInt8](data)).get()
                #expect(size.width == 96 && size.height == 60, "\(stem).\(format): \(size)")
            }
        }
        #expect(!folder.snapshot("Output").keys.contains { $0.hasSuffix(".heic") }, "the original is not published")
        // A file named .heic that is not one is refused like any mislabelled image.
        let (_, refused) = try build(["media/faux.heic": Data("GIF89a".utf8)])
        #expect(refused.map(\.code) == [.invalidImage], "\(refused)")
    }

    /// A focus moved by less than a hundredth keeps the crop's file name, yet the crop is made
    /// again: an incremental build equals a cold one.
    @Test func aSlightlyMovedFocusIsCroppedAgain() throws {
        let folder = try TemporaryFolder()
        let article = { (focus: String) in "---\ntitle: A\ndate: 2024-06-24T08:00:00+02:00\nimage_focus: \(focus)\n---\n![Salle](/media/salle.png)\n" }
        var options = try makeSite(in: folder, articles: ["2024/a.md": article("0.301, 0.5")])
        options.incremental = true
        try folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nsocial_cards: false\n")
        try folder.write("Content/media/salle.png", bytes: ImageTests.png(1200, 400))
        _ = try SiteBuilder(options: options).build()
        try folder.write("Content/articles/2024/a.md", article("0.304, 0.5"))
        _ = try SiteBuilder(options: options).build()
        try expectSameAsColdBuild(folder, options)
    }
}
