import Foundation
import GazetteMarkdown
import SVGPlot
import Testing
import Wording
@testable import Gazette

/// The article cache's binary codec (`ArticleCache.swift`) is written by hand, field by field: a
/// record with every field set must read back as it was written. The sample must leave nothing
/// unset (no nil, no empty list or text, no false): a field added to `Article`, `ArticleValidation`
/// or a record fails here until the sample sets it, and then the round trip checks the codec.
@Suite struct ArticleCacheCodecTests {
    private static let file = "Content/articles/2024/a.md"
    private static func at(_ line: Int) -> Gazette.SourceLocation { Gazette.SourceLocation(file: file, line: line, column: 3) }

    static func sampleRecord() -> ArticleCache.Record {
        let image = PlacedImage(path: "articles/2024/photo.png", source: "", width: 640, height: 427, alt: "Salle", focus: ImageFocus(x: 0.3, y: 0.4))
        let chart = ResolvedChart(id: "part", spec: ChartSpec(kind: .bar, title: "Part", categories: ["a"], series: [Series(name: "s", values: [1])]),
                                  declaration: at(9), sources: ["Content/data/charts.yml"])
        let article = Article(title: "Titre", date: Date(timeIntervalSince1970: 1_700_000_000), updated: Date(timeIntervalSince1970: 1_700_086_400),
                              dateOffset: 3600, dateOffsetLocation: at(3), tags: ["santé"], summary: "Résumé", slug: "titre", draft: true,
                              sourceNote: "Source", body: "", bodyFirstLine: 12, file: file, slugLocation: at(4),
                              tagsLocation: at(5), aliases: [Alias(path: "ancien/", location: at(6))],
                              image: ImageReference(path: "photo.png", location: at(7)), imageFocus: ImageFocus(x: 0.3, y: 0.4),
                              corrections: [Correction(kind: .correction, date: Date(timeIntervalSince1970: 1_700_090_000), text: "Le *bon* chiffre."),
                                            Correction(kind: .reply, date: Date(timeIntervalSince1970: 1_700_095_000), text: "Réponse.")],
                              unpublished: Date(timeIntervalSince1970: 1_700_200_000), isLead: true, section: "Cybersécurité", sectionLocation: at(10),
                              authors: [AuthorName(text: "Autrice", location: at(11)), AuthorName(text: "Auteur", location: at(12))],
                              replyTo: "autre-article", replyToLocation: at(13))
        // A phrase with a value and a phrase inside, so that the record keeps what a French build shows.
        let warning = Diagnostic.warning(.unknownKey, "unknown key '\("sumary")' is ignored\(Suggestion.hint(for: "sumary", among: ["summary"]))", at: at(8))
        let validation = ArticleValidation(slug: "titre", path: "articles/2024/titre/",
                                           embeds: [PlacedEmbed(range: SourceRange(startLine: 14, startColumn: 1, endLine: 16, endColumn: 3),
                                                                embed: .chart(chart))],
                                           images: ["photo.png": image], leadImage: image, problems: [warning], readingMinutes: 4,
                                           search: SearchDocument(words: ["titre", "hopital"], weights: [3, 1], headlineWords: 1, tagSlugs: ["sante"],
                                                                  excerpt: "Résumé", identity: ContentHash(of: Array("identité".utf8))))
        return ArticleCache.Record(key: ContentHash(of: Array("clé".utf8)), article: article, parseProblems: [warning], validation: validation)
    }

    /// The labels of `value`'s stored properties that hold nothing: nil, an empty collection or text, false.
    private func unset(_ value: Any, prefix: String = "") -> [String] {
        Mirror(reflecting: value).children.flatMap { child -> [String] in
            let label = prefix + (child.label ?? "?")
            let mirror = Mirror(reflecting: child.value)
            if mirror.displayStyle == .optional { return mirror.children.isEmpty ? [label] : [] }
            if let collection = child.value as? any Collection { return collection.isEmpty && label != "article.body" ? [label] : [] }
            if let flag = child.value as? Bool { return flag ? [] : [label] }
            return []
        }
    }

    @Test func theSampleLeavesNothingUnset() throws {
        let record = Self.sampleRecord()
        #expect(unset(record).isEmpty, "set in the sample: \(unset(record))")
        #expect(unset(record.article, prefix: "article.").isEmpty, "set in the sample: \(unset(record.article, prefix: "article."))")
        #expect(unset(record.validation!, prefix: "validation.").isEmpty, "set in the sample: \(unset(record.validation!, prefix: "validation."))")
        let lead = try #require(record.validation?.leadImage)
        #expect(unset(lead, prefix: "validation.leadImage.").filter { $0 != "validation.leadImage.source" }.isEmpty,
                "set in the sample: \(unset(lead, prefix: "validation.leadImage."))")
    }

    @Test func aRecordWithEveryFieldSetReadsBackAsWritten() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/.gazette-cache/Output.articles"
        let record = Self.sampleRecord()
        try ArticleCache(records: [Self.file: record]).save(to: path, program: "p")
        let read = try #require(ArticleCache.load(from: path, program: "p").records[Self.file])
        #expect(read == record.withoutBody)
        #expect(read.article == record.article, "every field of the article")
        #expect(read.validation == record.validation, "every field of the validation")
    }
}
