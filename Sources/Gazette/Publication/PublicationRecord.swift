import Foundation

/// What a published build contained, written with the site (`gazette-publication.json`) so that
/// the next build, even on a fresh clone, can compare with it: the addresses of its published
/// articles, the corrections each showed, the addresses of withdrawn articles and of aliases.
/// Nothing that the site does not already publish (no draft, no scheduled article, no reason for a
/// withdrawal). Read back with `--previous` (``PreviousPublication``); never the build cache,
/// which is untrusted.
struct PublicationRecord: Codable, Equatable, Sendable {
    static let format = "gazette-publication 1"
    var format = Self.format
    /// The folders of the published articles (`articles/2024/x/`), sorted.
    var articles: [String]
    /// The corrections each article showed, by its folder: `date kind` (`2024-10-02T09:00:00+02:00 rectificatif`).
    var corrections: [String: [String]]
    /// The folders of withdrawn articles, and the former addresses kept as aliases (output files).
    var retired: [String]
    var aliases: [String]

    /// The record of `site` as published (drafts and scheduled articles left out).
    init(site: Site, dates: FrenchDate) {
        let published = site.articles.filter(site.isPublished)
        articles = published.map(\.path).sorted()
        var corrections: [String: [String]] = [:]
        for entry in published where !entry.article.corrections.isEmpty {
            corrections[entry.path] = entry.article.corrections.map { Self.describe($0, dates: dates) }
        }
        self.corrections = corrections
        retired = site.retired.map(\.path).sorted()
        aliases = (published.flatMap(\.aliasFiles) + site.retired.flatMap(\.aliasFiles)).sorted()
    }

    /// How a correction is named in the record: its date and kind.
    static func describe(_ correction: Correction, dates: FrenchDate) -> String {
        "\(dates.iso8601(correction.date)) \(correction.kind.rawValue)"
    }

    /// The file's text: JSON, keys sorted, one line (the record of 100 000 articles is ~4 MB).
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? ""
    }

    /// The record in `data`, or nil when it is not one of this format.
    static func decode(_ data: Data) -> PublicationRecord? {
        guard let record = try? JSONDecoder().decode(PublicationRecord.self, from: data), record.format == format else { return nil }
        return record
    }
}
