import Foundation
import Testing
@testable import Gazette
import VipsImaging

/// Images in articles (issue 11, item 1).
@Suite struct ImageTests {
    /// The first bytes of a PNG of `width` × `height` (signature and IHDR: all the reader needs).
    /// A valid PNG of `width` × `height` pixels (RGBA, a gradient over `blue`, or grey noise of ±`noise`), its image data stored
    /// uncompressed, so that libvips reads it whole.
    static func png(_ width: Int, _ height: Int, blue: UInt8 = 160, noise: Int = 0) -> Data {
        func crc32(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return ~crc
        }
        func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            bigEndian(UInt32(data.count)) + Array(type.utf8) + data + bigEndian(crc32(Array(type.utf8) + data))
        }
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (1 + width * 4))
        var seed: UInt32 = 12345
        for y in 0..<height {
            raw.append(0)
            for x in 0..<width {
                guard noise > 0 else {
                    raw += [UInt8(x * 255 / max(1, width - 1)), UInt8(y * 255 / max(1, height - 1)), blue, 255]
                    continue
                }
                // Grey noise around mid-grey, the same from run to run: detail that compresses badly.
                seed = seed &* 1_664_525 &+ 1_013_904_223
                let grey = UInt8(clamping: 128 + Int(seed >> 16) % (2 * noise + 1) - noise)
                raw += [grey, grey, grey, 255]
            }
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(raw.count, start + 65535)
            let length = UInt16(end - start)
            zlib += [end == raw.count ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            zlib += raw[start..<end]
            start = end
        } while start < raw.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in raw { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        zlib += bigEndian(b << 16 | a)
        let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 6, 0, 0, 0]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", []))
    }

    @Test func sizesAreReadFromEveryFormat() throws {
        #expect(try ImageDimensions.read(Self.png(640, 427), fileExtension: "png").get() == (640, 427))
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xAB, 0x02, 0x80, 0x03]
        #expect(try ImageDimensions.read(Data(jpeg + Array(repeating: 0, count: 20)), fileExtension: "JPG").get() == (640, 427))
        #expect(try ImageDimensions.read(Data(Array("GIF89a".utf8) + [0x80, 0x02, 0xAB, 0x01, 0, 0]), fileExtension: "gif").get() == (640, 427))
        var webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + Array(repeating: UInt8(0), count: 8)
        webp += [0x7F, 0x02, 0x00, 0xAA, 0x01, 0x00] + Array(repeating: UInt8(0), count: 4)
        #expect(try ImageDimensions.read(Data(webp), fileExtension: "webp").get() == (640, 427))
        let svg = Data("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 427\"><rect/></svg>".utf8)
        #expect(try ImageDimensions.read(svg, fileExtension: "svg").get() == (640, 427))
        #expect(try ImageDimensions.read(Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"32px\" height=\"16\"/>".utf8), fileExtension: "svg").get() == (32, 16))
        #expect(ImageDimensions.read(Self.png(1, 1), fileExtension: "jpg").map { _ in 0 } == .failure(.notTheFormat(expected: "JPEG")))
    }

    private func build(_ body: String, files: [String: Data]) throws -> (TemporaryFolder, [Diagnostic]) {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: ["2024/a.md": "---\ntitle: A\ndate: 2024-06-24T08:00:00+02:00\n---\n" + body + "\n"])
        for (path, data) in files { try folder.write("Content/" + path, bytes: data) }
        return (folder, buildDiagnostics(options))
    }

    @Test func imagesBesideInAFolderOrInMediaArePublishedWithTheirSize() throws {
        let body = """
        ![Salle des serveurs du CHU](salle.png "La salle rénovée en 2023")

        Un schéma ![schéma du réseau](images/reseau.png) dans le texte, et le logo ![logo](/media/logo.png).
        """
        let (folder, errors) = try build(body, files: ["articles/2024/salle.png": Self.png(1200, 800),
                                                       "articles/2024/images/reseau.png": Self.png(300, 200), "media/logo.png": Self.png(64, 64)])
        #expect(errors.isEmpty, "\(errors)")
        let page = try #require(folder.read("Output/articles/2024/a/index.html"))
        let sizes = "sizes=\"(max-width: 44.5rem) calc(100vw - 2.5rem), 42rem\""
        func srcset(_ stem: String, _ widths: [Int], _ ext: String) -> String {
            widths.map { "../../../\(stem)-\($0)w.\(ext) \($0)w" }.joined(separator: ", ")
        }
        // The first image of the body is fetched first; the others wait until they are scrolled to.
        #expect(page.contains("""
        <figure class="image">
        <picture><source type="image/avif" srcset="\(srcset("articles/2024/salle-png", [480, 800, 1200], "avif"))" \(sizes)>\
        <source type="image/webp" srcset="\(srcset("articles/2024/salle-png", [480, 800, 1200], "webp"))" \(sizes)>\
        <img src="../../../articles/2024/salle-png-800w.png" srcset="\(srcset("articles/2024/salle-png", [480, 800, 1200], "png"))" \(sizes) \
        alt="Salle des serveurs du CHU" width="1200" height="800" fetchpriority="high" decoding="async"></picture>
        <figcaption>La salle rénovée en 2023</figcaption>
        </figure>
        """), "\(page)")
        #expect(page.contains("<img src=\"../../../articles/2024/images/reseau-png-300w.png\" srcset=\"../../../articles/2024/images/reseau-png-300w.png 300w\" \(sizes) alt=\"schéma du réseau\" width=\"300\" height=\"200\" loading=\"lazy\" decoding=\"async\"></picture>"))
        #expect(page.contains("<img src=\"../../../media/logo-png-64w.png\""))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://test.example/articles/2024/salle-png-16x9.jpg\">"))
        #expect(page.contains("<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"675\">"))
        #expect(page.contains("<meta property=\"og:image:alt\" content=\"Salle des serveurs du CHU\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(page.contains("\"image\":[\"https://test.example/articles/2024/salle-png-16x9.jpg\",\"https://test.example/articles/2024/salle-png-4x3.jpg\",\"https://test.example/articles/2024/salle-png-1x1.jpg\"]"))
        // Every file the page names is published at the size it says; no original is.
        let published = try FileManager.default.subpathsOfDirectory(atPath: folder.path + "/Output").filter { $0.hasSuffix(".png") || $0.hasSuffix(".avif") || $0.hasSuffix(".webp") || $0.hasSuffix(".jpg") }
        #expect(published.count == 3 * 3 + 3 + 3 + 3, "\(published.sorted())")
        for path in published {
            let data = try #require(FileManager.default.contents(atPath: folder.path + "/Output/" + path))
            let size = try ImageCodec.probe([UInt8](data)).get()
            let width = Int(path.split(separator: "-").last!.prefix { $0.isNumber }) ?? 1200
            #expect(size.width == width || path.contains("x"), "\(path): \(size)")
        }
        #expect(!published.contains("articles/2024/salle.png") && !published.contains("media/logo.png"))
    }

    @Test func missingOutsideWithoutAltOrMislabelledImagesAreLocatedErrors() throws {
        let body = """
        Intro.

        ![Absente](absente.png)

        ![Dehors](../../../secret.png)

        ![](salle.png)

        ![Faux PNG](faux.png)
        """
        let (_, errors) = try build(body, files: ["articles/2024/salle.png": Self.png(10, 10), "articles/2024/faux.png": Data("GIF89a".utf8)])
        #expect(errors.map(\.code) == [.imageNotFound, .imageOutsideContent, .imageWithoutAlt, .invalidImage], "\(errors)")
        #expect(errors.map(\.location.line) == [7, 9, 11, 13])
        #expect(errors.map(\.location.column) == [12, 11, 5, 13], "at the address")
    }

    /// An SVG that could run script on the site's address is a located error, and nothing is
    /// published; a plain drawing is copied as it is.
    @Test func anActiveSVGIsRefusedWhereItIsPlaced() throws {
        let active = Data("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<rect onclick=\"alert(document.cookie)\"/></svg>".utf8)
        let plain = Data("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect/></svg>".utf8)
        let (folder, errors) = try build("Texte.\n\n![Carte](carte.svg)\n\n![Plan](plan.svg)",
                                         files: ["articles/2024/carte.svg": active, "articles/2024/plan.svg": plain])
        #expect(errors.map(\.code) == [.unsafeSVG], "\(errors)")
        #expect(errors.first?.location.file.hasSuffix("articles/2024/a.md") == true && errors.first?.location.line == 7)
        #expect(errors.first?.message.contains("the event attribute onclick on <rect> (line 2)") == true, "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Output/articles/2024/carte.svg"))

        let (published, none) = try build("![Plan](plan.svg)", files: ["articles/2024/plan.svg": plain])
        #expect(none.isEmpty, "\(none)")
        #expect(FileManager.default.contents(atPath: published.path + "/Output/articles/2024/plan.svg") == plain)
    }

    @Test func aFrontMatterImageIsThePictureOfLinkPreviews() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2024/a.md": "---\ntitle: A\ndate: 2024-06-24T08:00:00+02:00\nimage: /media/une.png\n---\n![Salle](salle.png)\n",
            "2024/b.md": "---\ntitle: B\ndate: 2024-06-23T08:00:00+02:00\nimage: absente.png\n---\nTexte.\n",
        ])
        try folder.write("Content/media/une.png", bytes: Self.png(1200, 630))
        try folder.write("Content/articles/2024/salle.png", bytes: Self.png(10, 10))
        let errors = buildDiagnostics(options)
        #expect(errors.map(\.code) == [.imageNotFound] && errors.first?.location.line == 4, "\(errors)")
        try folder.write("Content/articles/2024/b.md", "---\ntitle: B\ndate: 2024-06-23T08:00:00+02:00\n---\nTexte.\n")
        _ = try SiteBuilder(options: options).build()
        let page = try #require(folder.read("Output/articles/2024/a/index.html"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://test.example/media/une-png-16x9.jpg\">"), "image: wins over the first image")
        #expect(page.contains("<meta property=\"og:image:width\" content=\"1120\">\n<meta property=\"og:image:height\" content=\"630\">"),
                "cut to 16:9 within the picture, never enlarged")
        #expect(!page.contains("og:image:alt"), "the front matter gives no alt text")
        #expect(folder.read("Output/media/une-png-16x9.jpg") != nil, "and is published")
    }
}
