import Foundation
import Testing
@testable import Gazette
import SVGPlot
import VipsImaging

/// Every article without a photo gets a social card: 1200×630, drawn from the `social-card`
/// template with the fonts of `Templates/fonts/`, the same bytes from build to build.
@Suite struct SocialCardTests {
    private func build(_ body: String = "Texte.", site: String? = nil, template: String? = nil) throws -> (TemporaryFolder, [Diagnostic]) {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: [
            "2024/a.md": "---\ntitle: \"Télémédecine : la téléexpertise gagne les hôpitaux de proximité, enquête dans trois régions pilotes\"\n"
                + "date: 2024-06-24T08:00:00+02:00\ntags: [télémédecine]\n---\n" + body + "\n",
        ])
        if let site { try folder.write("Content/site.yml", site) }
        if let template {
            try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/Templates")
            try folder.write("Templates/social-card.mustache", template)
            options.templatesDirectory = folder.path + "/Templates"
        }
        return (folder, buildDiagnostics(options))
    }

    @Test func anArticleWithoutAPhotoHasACardThatLinkPreviewsShow() throws {
        let (folder, errors) = try build()
        #expect(errors.isEmpty, "\(errors)")
        let card = try #require(FileManager.default.contents(atPath: folder.path + "/Output/articles/2024/telemedecine-la-teleexpertise-gagne-les-hopitaux-de-proximite-enquete-dans-trois-regions-pilotes/partage.png"))
        let size = try ImageCodec.probe([UInt8](card)).get()
        #expect(size.width == 1200 && size.height == 630)
        #expect(card.count < 300_000, "\(card.count) bytes")
        let page = try #require(folder.read("Output/articles/2024/telemedecine-la-teleexpertise-gagne-les-hopitaux-de-proximite-enquete-dans-trois-regions-pilotes/index.html"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://test.example/articles/2024/telemedecine-la-teleexpertise-gagne-les-hopitaux-de-proximite-enquete-dans-trois-regions-pilotes/partage.png\">"))
        #expect(page.contains("<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        // The same bytes from another build (fonts, librsvg and the encoder are deterministic).
        let (again, _) = try build()
        #expect(again.snapshot("Output").filter { $0.key.hasSuffix("partage.png") } == folder.snapshot("Output").filter { $0.key.hasSuffix("partage.png") })
    }

    /// The title is wrapped with SVGPlot's metrics into the card's width; a chart is drawn in flat
    /// colours (no `var()`, which librsvg 2.54 does not read).
    @Test func theTitleIsWrappedAndAChartIsDrawnInFlatColours() throws {
        let site = try #require(SiteConfig.parse(SourceFile(path: "site.yml", text: "title: Gazette\nbase_url: https://t.example/\n")).0)
        let here = SourceLocation(file: "a.md", line: 1, column: 1)
        let article = Article(title: "Télémédecine : la téléexpertise gagne les hôpitaux de proximité, enquête dans trois régions pilotes",
                              date: Date(timeIntervalSince1970: 1_719_208_800), updated: nil, dateOffset: 7200, dateOffsetLocation: here, tags: [],
                              summary: nil, slug: nil, draft: false, sourceNote: nil, body: "", bodyFirstLine: 1, file: "a.md",
                              slugLocation: here, tagsLocation: here)
        let entry = PublishedArticle(article: article, slug: "a", path: "articles/2024/a/", year: 2024, tags: [Tag(name: "télémédecine", slug: "telemedecine")])
        let model = SocialCard.model(of: entry, site: Site(config: site, articles: [entry], pages: [], tags: []),
                                     dates: FrenchDate(timeZone: site.timeZone, dayFormat: .padded))
        // Four lines at most, each within the card's width, 74 pixels apart; what does not fit ends with an ellipsis.
        #expect(model.titleLines.map(\.y) == [250, 324, 398, 472], "\(model.titleLines.map(\.text))")
        #expect(model.titleLines.allSatisfy { TextMetrics.width($0.text, size: 62, bold: true) <= 1056 })
        #expect(model.titleLines.map(\.text).joined(separator: " ") == "Télémédecine\u{A0}: la téléexpertise gagne les hôpitaux de proximité, enquête dans trois régions…",
                "\(model.titleLines.map(\.text))")
        #expect(model.label == "TÉLÉMÉDECINE" && model.dateLine == "Publié le lundi 24 juin 2024 à 08h00")
        let chart = try #require(SocialCard.flat("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-16 -16 672 256\" width=\"672\"><style>.gz-c1{fill:var(--gz-c1,#0072B2)}</style><rect class=\"gz-c1\"/></svg>"))
        #expect(chart.viewBox == "-16 -16 672 256" && chart.drawing == "<style>.gz-c1{fill:#0072B2}</style><rect class=\"gz-c1\"/>")
    }

    /// A template that names a file (`<image href="file:///…">`) would have librsvg draw it into a
    /// published picture: the card's SVG is checked first, and the build stops on the template.
    @Test func aCardTemplateThatLoadsAFileIsRefused() throws {
        let hostile = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\"><image href=\"file:///etc/passwd\" width=\"10\" height=\"10\"/></svg>\n"
        let (folder, errors) = try build(template: hostile)
        #expect(errors.map(\.code) == [.unsafeSVG], "\(errors)")
        #expect(errors.first?.location.file == folder.path + "/Templates/social-card.mustache")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Output"), "nothing published")
    }

    @Test func cardsCanBeTurnedOff() throws {
        let (folder, errors) = try build(site: "title: Test\nbase_url: https://test.example/\nsocial_cards: false\n")
        #expect(errors.isEmpty, "\(errors)")
        #expect(!folder.snapshot("Output").keys.contains { $0.hasSuffix("partage.png") })
        #expect(folder.snapshot("Output").values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("og:image") })
    }
}
