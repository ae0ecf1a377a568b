import Foundation
import Testing
@testable import Gazette

/// Builds the repository's real `Content/` into a temporary folder and reads the pages back.
@Suite struct EndToEndTests {
    let folder: TemporaryFolder
    let report: BuildReport
    /// Wall time of the build, measured around it.
    let buildMilliseconds: Double

    init() throws {
        folder = try TemporaryFolder()
        let options = BuildOptions(contentDirectory: Repository.content, templatesDirectory: Repository.templates,
                                   outputDirectory: folder.path + "/Output")
        let clock = ContinuousClock()
        let start = clock.now
        report = try SiteBuilder(options: options).build()
        let elapsed = clock.now - start
        buildMilliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }

    /// (slug path, title as it appears in HTML, date line) of every article of the source.
    static let articles: [(path: String, title: String, dateLine: String)] = [
        ("articles/2024/cybersecurite-augmentation-de-32-des-cyberattaques-en-direction-du-monde-de-la-sante-en-une-annee/",
         "Cybersécurité\u{A0}: augmentation de 32\u{A0}% des cyberattaques en direction du monde de la santé en une année",
         "Publié le vendredi 27 septembre 2024 à 13h06"),
        ("articles/2024/web-3-metaverse-et-nft-le-marketing-de-la-rencontre-arrive-dans-la-sante/",
         "Web 3, metaverse et NFT\u{A0}: le marketing de la rencontre arrive dans la santé",
         "Publié le lundi 06 mai 2024 à 18h14"),
        ("articles/2022/fuite-de-donnees-a-la-cnam-se-defendre-en-profondeur-plutot-qu-esperer-s-en-premunir/",
         "Fuite de données à la Cnam\u{A0}: se défendre en profondeur plutôt qu’espérer s’en prémunir",
         "Publié le mardi 05 juillet 2022 à 08h00"),
        ("articles/2022/enquete-aupres-des-dsi-rssi-de-ght-enjeux-de-la-cybersecurite-et-confiance-envers-la-direction-en-chiffres/",
         "Enquête auprès des DSI/RSSI de GHT\u{A0}: enjeux de la cybersécurité et confiance envers la direction, en chiffres",
         "Publié le vendredi 01 juillet 2022 à 08h00"),
        ("articles/2022/cybersecurite-dans-les-ght-la-formation-des-usagers-premier-defi-des-dsi-rssi/",
         "Cybersécurité dans les GHT\u{A0}: la formation des usagers, premier défi des DSI/RSSI",
         "Publié le vendredi 24 juin 2022 à 08h00"),
        ("articles/2022/enquete-aupres-des-dsi-rssi-de-ght-architecture-si-commune-et-budgets-cyber-et-cloud-en-chiffres/",
         "Enquête auprès des DSI/RSSI de GHT\u{A0}: architecture SI commune et budgets cyber et cloud, en chiffres",
         "Publié le vendredi 24 juin 2022 à 08h00"),
        ("articles/2022/ght-l-architecture-si-commune-effective-pour-pres-de-4-ght-sur-10-des-budgets-cyber-encore-limites/",
         "GHT\u{A0}: l’architecture SI commune effective pour près de 4 GHT sur 10, des budgets cyber encore limités",
         "Publié le vendredi 24 juin 2022 à 08h00"),
    ]

    @Test func homeListsEveryArticleNewestFirst() throws {
        let home = try #require(folder.read("Output/index.html"))
        var previous = home.startIndex
        for article in Self.articles {
            let link = try #require(home.range(of: "href=\"./\(article.path)\">\(article.title)</a>", range: previous..<home.endIndex),
                                    "\(article.title) missing or out of order")
            previous = link.upperBound
        }
        #expect(report.articleCount == Self.publishedArticleCount(in: Repository.content))
    }

    @Test func everyPageNamesTheSiteIconWhichIsPublished() throws {
        for page in ["Output/index.html", "Output/" + Self.articles[0].path + "index.html", "Output/404.html"] {
            let html = try #require(folder.read(page))
            #expect(html.contains("<link rel=\"icon\" href=\"") && html.contains("assets/favicon.svg\" type=\"image/svg+xml\">"), "\(page)")
        }
        #expect(folder.read("Output/assets/favicon.svg")?.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\"") == true)
    }

    /// How many articles of `content` a build publishes now: not drafts, not dated in the future
    /// (counted from the files, so that an editor adding an article to `Content/` keeps this
    /// test green; the articles above must stay among them).
    static func publishedArticleCount(in content: String) -> Int {
        let files = FileManager.default.enumerator(atPath: content + "/articles")?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        let dates = ISO8601DateFormatter()
        return files.filter { file in
            let text = (try? String(contentsOfFile: content + "/articles/" + file, encoding: .utf8)) ?? ""
            let front = text.components(separatedBy: "\n---").first ?? ""
            let lines = front.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !lines.contains("draft: true") else { return false }
            let date = lines.first { $0.hasPrefix("date:") }.flatMap { dates.date(from: $0.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
            return date.map { $0 <= Date() } ?? true
        }.count
    }

    @Test func everyArticlePageCarriesItsTitleAndFrenchDateLine() throws {
        for article in Self.articles {
            let page = try #require(folder.read("Output/" + article.path + "index.html"), "\(article.path) not written")
            #expect(page.contains("<h1>\(article.title)</h1>"))
            #expect(page.contains(">\(article.dateLine)</time>"))
            #expect(page.contains("<html lang=\"fr\">"))
        }
    }

    @Test func legacyShortcodesAndChartBlocksBecomeFiguresWithTableAndCSV() throws {
        let page = try #require(folder.read("Output/" + Self.articles[4].path + "index.html"))
        #expect(!page.contains("[photo=150229]"))
        #expect(page.components(separatedBy: "<figure class=\"chart\"").count - 1 == 2, "photo 150229 and the confidence chart")
        #expect(page.contains("<p class=\"chart-title\">Le défi de cybersécurité cité en premier par les DSI/RSSI</p>"))
        #expect(page.contains("Source\u{A0}: Health &amp; Tech Research, enquête auprès des DSI/RSSI de 27 GHT, 2022"))
        #expect(page.contains("<th scope=\"row\">Formation et sensibilisation des usagers aux questions de cybersécurité</th><td>33\u{A0}%</td>"))
        #expect(page.contains("<td>23\u{A0}%</td>"))
        #expect(page.contains("<td>73\u{A0}%</td>") && page.contains("<td>10\u{A0}%</td>"))
        #expect(page.contains("href=\"../../../data/defi-cite-en-premier.csv\" download"))
        #expect(page.contains("role=\"img\""))
        let csv = try #require(folder.read("Output/data/defi-cite-en-premier.csv"))
        #expect(csv == "Catégorie,Part des sondés\r\nFormation et sensibilisation des usagers aux questions de cybersécurité,33\r\nBudget alloué à la cybersécurité,23\r\n")
    }

    @Test func boardsGroupTheSurveyFigures() throws {
        let board = try #require(folder.read("Output/" + Self.articles[5].path + "index.html"))
        #expect(board.contains("<section class=\"board\""))
        #expect(board.components(separatedBy: "<figure class=\"chart\"").count - 1 == 6)
        for figure in ["4 sur 10", "7 sur 10", "1 sur 4", "<td>13\u{A0}%</td>", "<td>9\u{A0}%</td>", "<td>&lt; 20\u{A0}%</td>"] {
            #expect(board.contains(figure), "\(figure) missing from the board")
        }
        let keyFigure = try #require(folder.read("Output/" + Self.articles[0].path + "index.html"))
        #expect(keyFigure.contains(">+32\u{A0}%</text>"))
    }

    @Test func writesStaticPageFeedSitemapRobotsAnd404() throws {
        #expect(folder.read("Output/a-propos/index.html")?.contains("<h1>À propos</h1>") == true)
        let feed = try #require(folder.read("Output/feed.xml"))
        #expect(feed.contains("<updated>2024-09-27T13:06:00+02:00</updated>"))
        #expect(folder.read("Output/sitemap.xml")?.contains("<loc>https://gazette-sante.example/a-propos/</loc>") == true)
        #expect(folder.read("Output/robots.txt")?.contains("Sitemap: https://gazette-sante.example/sitemap.xml") == true)
        #expect(folder.read("Output/404.html")?.contains("href=\"/assets/style.css\"") == true)
        #expect(folder.read("Output/assets/style.css")?.contains("prefers-color-scheme: dark") == true)
    }

    @Test func tagPagesListTheirArticles() throws {
        let page = try #require(folder.read("Output/tags/ght/index.html"))
        #expect(page.contains("4\u{A0}articles"))
        #expect(page.contains(Self.articles[6].title))
        #expect(!page.contains(Self.articles[1].title))
    }

    @Test func dateArchivesListEachYearNewestFirst() throws {
        let year = try #require(folder.read("Output/articles/2022/index.html"))
        #expect(year.contains("Articles de 2022"))
        #expect(year.contains("5\u{A0}articles"))
        #expect(!year.contains(Self.articles[0].title))
        let archives = try #require(folder.read("Output/articles/index.html"))
        let newer = try #require(archives.range(of: "href=\"../articles/2024/\">2024</a>"))
        let older = try #require(archives.range(of: "href=\"../articles/2022/\">2022</a>"))
        #expect(newer.lowerBound < older.lowerBound)
    }

    @Test func reportTimesEveryStageInOrder() {
        #expect(report.timings.map(\.stage) == ["load", "templates", "parse", "charts", "validate", "render", "search", "images", "write"])
        // Every stage did measurable work, and the stages together fit inside the build they divide.
        #expect(report.timings.allSatisfy { $0.milliseconds > 0 }, "\(report.timings)")
        #expect(report.timings.map(\.milliseconds).reduce(0, +) <= buildMilliseconds)
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let second = try TemporaryFolder()
        let options = BuildOptions(contentDirectory: Repository.content, templatesDirectory: Repository.templates,
                                   outputDirectory: second.path + "/Output")
        _ = try SiteBuilder(options: options).build()
        #expect(folder.snapshot("Output") == second.snapshot("Output"))
    }
}
