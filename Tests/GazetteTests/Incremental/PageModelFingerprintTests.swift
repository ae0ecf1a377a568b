import Foundation
import Testing
@testable import Gazette

/// A page is kept by an incremental build when its fingerprint is unchanged, so every value of its
/// model must reach the fingerprint (`PageModels+Fingerprint.swift`, written by hand for speed).
/// Each model of every kind of page, with every optional set and every list filled, is changed one
/// value at a time — through its `Codable` form, so that a field added to a model is changed too,
/// enum payloads included — and each change must change the fingerprint.
@Suite struct PageModelFingerprintTests {
    /// A JSON value, to change one leaf of an encoded model.
    private indirect enum JSONValue: Codable, Equatable {
        case bool(Bool), number(Double), string(String), null
        case array([JSONValue]), object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null } else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
            else { self = .object(try container.decode([String: JSONValue].self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .bool(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            case .null: try container.encodeNil()
            case .array(let value): try container.encode(value)
            case .object(let value): try container.encode(value)
            }
        }

        /// Every leaf's path (keys and indexes) with the value changed there.
        func variants(at path: String = "") -> [(path: String, value: JSONValue)] {
            switch self {
            case .bool(let value): [(path, .bool(!value))]
            case .number(let value): [(path, .number(value + 1))]
            case .string(let value): [(path, .string(value + "·"))]
            case .null: []
            case .array(let items):
                items.indices.flatMap { index in
                    items[index].variants(at: path + "[\(index)]").map { change in
                        var changed = items
                        changed[index] = change.value
                        return (change.path, JSONValue.array(changed))
                    }
                }
            case .object(let fields):
                fields.keys.sorted().flatMap { key in
                    fields[key]!.variants(at: path + "." + key).map { change in
                        var changed = fields
                        changed[key] = change.value
                        return (change.path, JSONValue.object(changed))
                    }
                }
            }
        }

        /// Whether any leaf is `null` (an optional left unset: its changes would not be tried).
        var holdsNull: Bool {
            switch self {
            case .null: true
            case .array(let items): items.contains(where: \.holdsNull)
            case .object(let fields): fields.values.contains(where: \.holdsNull)
            default: false
            }
        }
    }

    private static let link = NavigationLink(label: "Accueil", url: "../", isCurrent: true)
    private static let titled = TitledLink(title: "Santé", url: "../tags/sante/")
    private static let listed = ListedArticle(title: "Titre", url: "a/", dateLine: "Publié le…", isoDate: "2024-01-01", tags: [titled],
                                              summary: "Résumé", isDraft: false, isScheduled: true)
    private static let frame = PageFrame(language: "fr", siteTitle: "Site", pageTitle: "Page", openGraphTitle: "OG", siteName: "Nom",
                                         canonicalURL: "https://t.example/", root: "../", navigation: [link], openGraphType: "article",
                                         siteDescription: "Description", metaDescription: "Méta", publisher: "Éditeur",
                                         legalNoticeURL: "../mentions-legales/", authorsURL: "../auteurs/")
    private static let article = ArticleModel(listing: listed, bodyHTML: "<p>x</p>",
                                              bylines: [BylineLink(name: "Autrice", url: "../auteurs/autrice/", joiner: ""), BylineLink(name: "Auteur", url: "x/", joiner: " et ")],
                                              sourceNote: "Source",
                                              readingTime: "3 min", contents: [ContentsEntry(id: "a", text: "A", isSubsection: true)],
                                              older: titled, newer: titled, related: [listed], breadcrumbs: [link],
                                              notices: [CorrectionNotice(heading: "Rectificatif, le…", isoDate: "2024-02-01T09:00:00+01:00", html: "<p>x</p>",
                                                                         kind: "rectificatif")],
                                              updates: [CorrectionNotice(heading: "Mise à jour, le…", isoDate: "2024-03-01T09:00:00+01:00", html: "<p>y</p>",
                                                                         kind: "mise-a-jour")],
                                              modifiedLine: "Mis à jour le…", modifiedISODate: "2024-03-01T09:00:00+01:00")
    private static let counted = CountedLink(label: "2024", url: "2024/", countLabel: "3 articles")
    private static let pagination = Pagination(number: 2, count: 3, newerURL: "./", olderURL: "page/3/", pages: [
        Pagination.PageNumber(number: 1, url: "./", isCurrent: false), Pagination.PageNumber(number: 2, url: "page/2/", isCurrent: true),
    ])

    private static let author = AuthorModel(name: "Autrice", url: "auteurs/autrice/", role: "Journaliste", bioHTML: "<p>Bio</p>", pictureHTML: "<picture></picture>",
                                            links: [titled], countLabel: "2 articles")

    /// One page of every kind, nothing left empty.
    static let pages: [PageModel.Fields] = [
        .home(articles: [listed], pagination: pagination, lead: PicturedArticle(listing: listed, pictureHTML: "<picture></picture>"),
              sections: [SectionBlock(name: "Cyber", url: "rubriques/cyber/", slug: "cyber",
                                      articles: [PicturedArticle(listing: listed, pictureHTML: "<img>")])]),
        .article(article, isHidden: false, openGraphImage: SharingImage(url: "photo.jpg", width: 1200, height: 675, alt: "Salle"), publishedTime: "2024-01-01T08:00:00+01:00",
                 breadcrumbJSONLD: "{}", jsonLD: "{}"),
        .page(title: "À propos", bodyHTML: "<p>x</p>"),
        .tag(name: "Santé", countLabel: "1 article", count: 1, articles: [listed], feedURL: "feed.xml", feedTitle: "Flux", pagination: pagination),
        .year(year: "2024", countLabel: "1 article", articles: [listed], pagination: pagination),
        .corrections(countLabel: "1 correction", entries: [CorrectedArticle(notice: article.notices[0], article: titled)], feedURL: "feed.xml",
                     pagination: pagination),
        .section(name: "Cyber", description: "Attaques", countLabel: "1 article", articles: [listed], feedURL: "feed.xml", pagination: pagination),
        .author(author, articles: [listed], feedURL: "feed.xml", pagination: pagination, jsonLD: "{}"),
        .authorIndex(authors: [author]),
        .legalNotice(LegalNoticeModel(publisher: "Éditions", address: "1 rue", phone: "01", email: "a@b.fr", registration: "RCS",
                                      director: "Nom", hostName: "Hôte", hostAddress: "2 rue", hostPhone: "03")),
        .retired(dateLine: "Cet article a été retiré du site le…"),
        .archives(years: [counted]),
        .tagIndex(tags: [counted]),
        .search(indexURL: "index/", archivesURL: "archives/", tags: [FilterOption(value: "sante", label: "Santé")],
                years: [FilterOption(value: "2024", label: "2024")]),
        .notFound,
    ]

    private func fingerprint(_ page: PageModel) -> ContentHash {
        var fingerprint = Fingerprint()
        page.addFingerprint(to: &fingerprint)
        return fingerprint.hash
    }

    /// Values the fingerprint leaves out on purpose: made after it from what it holds.
    private static let derived: Set<String> = [".fields.article.breadcrumbJSONLD", ".fields.article.jsonLD"]

    @Test(arguments: pages) func everyValueOfThePageReachesItsFingerprint(fields: PageModel.Fields) throws {
        let page = PageModel(frame: Self.frame, fields: fields)
        let tree = try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(page))
        #expect(!tree.holdsNull, "the sample sets every optional")
        let original = fingerprint(page)
        let variants = tree.variants()
        #expect(variants.count > 10)
        for (path, changed) in variants where !Self.derived.contains(path) {
            let changedPage = try JSONDecoder().decode(PageModel.self, from: try JSONEncoder().encode(changed))
            #expect(fingerprint(changedPage) != original, "\(path) does not reach the fingerprint")
        }
    }
}
