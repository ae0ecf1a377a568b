import Foundation
import Testing
@testable import Gazette

/// Images in articles (issue 11, item 1).
@Suite struct ImageTests {
    /// The first bytes of a PNG of `width` × `height` (signature and IHDR: all the reader needs).
    static func png(_ width: Int, _ height: Int) -> Data {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        for value in [width, height] { bytes += [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
        return Data(bytes + [8, 6, 0, 0, 0, 0, 0, 0, 0])
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
        #expect(page.contains("""
        <figure class="image">
        <img src="../../../articles/2024/salle.png" alt="Salle des serveurs du CHU" width="1200" height="800" loading="lazy" decoding="async">
        <figcaption>La salle rénovée en 2023</figcaption>
        </figure>
        """))
        #expect(page.contains("<img src=\"../../../articles/2024/images/reseau.png\" alt=\"schéma du réseau\" width=\"300\" height=\"200\" loading=\"lazy\" decoding=\"async\">"))
        #expect(page.contains("<img src=\"../../../media/logo.png\""))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://test.example/articles/2024/salle.png\">"))
        #expect(page.contains("\"image\":[\"https://test.example/articles/2024/salle.png\"]"))
        for path in ["articles/2024/salle.png", "articles/2024/images/reseau.png", "media/logo.png"] {
            #expect(FileManager.default.contents(atPath: folder.path + "/Output/" + path) == FileManager.default.contents(atPath: folder.path + "/Content/" + path),
                    "\(path) is copied byte for byte")
        }
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
        #expect(page.contains("<meta property=\"og:image\" content=\"https://test.example/media/une.png\">"), "image: wins over the first image")
        #expect(folder.read("Output/media/une.png") != nil, "and is published")
    }
}
