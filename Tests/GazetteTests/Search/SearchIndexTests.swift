import Foundation
import GazetteMarkdown
import FrenchStemming
import Testing
@testable import Gazette

/// The index the build writes in recherche/index/ (SearchIndex, SearchIndexFiles).
@Suite struct SearchIndexTests {
    private static func article(_ title: String, day: Int, body: String, tags: String = "[santé]") -> String {
        "---\ntitle: \(title)\ndate: 2024-03-\(String(format: "%02d", day))T08:00:00+01:00\ntags: \(tags)\nsummary: Résumé.\n---\n\(body)\n"
    }

    private static func document(_ title: String, body: String, tags: [Gazette.Tag] = []) -> SearchDocument {
        SearchDocument(title: title, tags: tags, summary: nil, body: MarkdownBody(parsing: body, file: "a.md", firstLine: 1, options: MarkdownOptions()),
                       path: "articles/2024/a/", date: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func aStemGathersItsSpellingsAndAWordInTheTitleWeighsMore() throws {
        let entries = SearchIndex.entries(of: [Self.document("Les hôpitaux en tension", body: "Un texte."),
                                               Self.document("Autre sujet", body: "Il est question d’un hôpital dans le texte, une fois."),
                                               Self.document("Rien à voir", body: "Aucun mot commun.", tags: [Gazette.Tag(name: "Hôpital", slug: "hopital")])])
        let postings = try #require(entries.first { $0.key == "hopital" }?.postings)
        #expect(postings.map(\.article) == [0, 1, 2])
        #expect(postings[0].impact > postings[1].impact, "in the title (×3) rather than once in the body")
        #expect(postings[0].impact >= 128 && postings[1].impact < 128 && postings[2].impact >= 128, "the headline's mark (a tag is in it)")
        let word = try #require(entries.first { $0.key == "hopitaux" })
        #expect(word.stem == "hopital" && word.uses == 1)
        let tag = try #require(entries.first { $0.key == "#hopital" })
        #expect(tag.postings.map(\.article) == [2])
        let keys: [String] = entries.map(\.key)
        #expect(keys == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "in byte order")
    }

    /// A sentence added to an article (its length 500 → 520 weighted words) leaves the impact of
    /// the words it does not use as it was, so an edit rewrites only the shards of its own words;
    /// a length twice as long still weighs a word less.
    @Test func aSentenceAddedLeavesTheOtherWordsImpacts() {
        #expect(SearchIndex.impact(of: 3, length: 500) == SearchIndex.impact(of: 3, length: 520))
        #expect(SearchIndex.impact(of: 3, length: 500) > SearchIndex.impact(of: 3, length: 1000))
    }

    @Test func theBodyIsReadWithoutItsCodeBlocksAndAddresses() {
        let document = Self.document("Titre", body: "Voir [le rapport](https://exemple.fr/rapport-secret).\n\n```chart\nkind: bar\n```\n")
        #expect(document.words.contains("rapport") && !document.words.contains("exemple") && !document.words.contains("secret"))
        #expect(!document.words.contains("kind") && !document.words.contains("bar"))
        #expect(document.excerpt == "Voir le rapport.")
    }

    @Test func theSearchPageHasAFormThatWorksWithoutScriptAndTheIndexIsWritten() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: ["2024/a.md": Self.article("Titre", day: 1, body: "Texte.", tags: "[santé, RGPD]")])
        options.searchIndex = true
        _ = try SiteBuilder(options: options).build()
        let page = try #require(folder.read("Output/recherche/index.html"))
        #expect(page.contains("<form class=\"search-form\" role=\"search\" method=\"get\">"))
        #expect(page.contains("name=\"q\"") && page.contains("<option value=\"rgpd\">RGPD</option>") && page.contains("<option value=\"2024\">2024</option>"))
        #expect(page.contains("La recherche a besoin de JavaScript") && page.contains("src=\"../assets/search.js\""))
        #expect(page.contains("data-index=\"../recherche/index/\""))
        let meta = try #require(folder.read("Output/recherche/index/meta.json"))
        #expect(meta.contains("\"articles\":1") && meta.contains("\"years\":[[2024,0]]"))
        let records = try #require(folder.read("Output/recherche/index/r/0.json"))
        #expect(records.contains("\"u\":\"articles/2024/titre/\"") && records.contains("\"t\":\"Titre\""))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/Output/recherche/index/s/" + SearchIndexFiles.fileName(forKey: "#rgpd") + ".bin"))
    }

    /// 300 articles over 4 000 words: an edit of one changes the shards of the edited article's words and its
    /// records file; every other file of the index keeps its bytes and its inode.
    @Test func anEditRewritesOnlyTheShardsOfItsWordsAndItsRecords() throws {
        let vocabulary = (0..<4000).map { number in "v" + (0..<3).map { String(UnicodeScalar(97 + (number / [1, 26, 676][$0]) % 26)!) }.joined() }
        var articles: [String: String] = [:]
        for number in 0..<300 {
            let words = (0..<12).map { vocabulary[(number * 37 + $0 * 101) % vocabulary.count] }.joined(separator: " ")
            let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: number, to: Date(timeIntervalSince1970: 1_600_000_000))!
            let stamp = ISO8601DateFormatter().string(from: date)
            // Article 150's words share a beginning: they sit in one or two shards.
            articles["2024/n\(number).md"] = "---\ntitle: \(number == 150 ? "Vaaa" : "Article \(number)")\ndate: \(stamp)\n---\n\(number == 150 ? "vaab vaac" : words)\n"
        }
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: articles)
        options.searchIndex = true
        options.incremental = true
        _ = try SiteBuilder(options: options).build()
        let index = folder.path + "/Output/recherche/index"
        func inodes() -> [String: UInt64] {
            var result: [String: UInt64] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: index)! {
                var info = stat()
                if stat(index + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { result[path] = UInt64(info.st_ino) }
            }
            return result
        }
        let before = inodes()
        let oldText = try #require(folder.read("Content/articles/2024/n150.md"))
        #expect(before.keys.filter { $0.hasPrefix("s/") }.count > 3, "several shards: \(before.keys.sorted())")
        try folder.write("Content/articles/2024/n150.md", "---\ntitle: Vaaa\ndate: \(ISO8601DateFormatter().string(from: Calendar(identifier: .gregorian).date(byAdding: .day, value: 150, to: Date(timeIntervalSince1970: 1_600_000_000))!))\n---\nvaad\n")
        _ = try SiteBuilder(options: options).build()
        let after = inodes()
        let changed = Set(after.keys.filter { before[$0] != after[$0] })
        // The shards that hold a key of the article before or after the edit (its words and their stems).
        let stemmer = try #require(FrenchStemmer())
        let keys = Set((SearchText.words(in: oldText) + ["vaad"]).flatMap { [$0, stemmer.stem($0)] })
        let meta = try #require(folder.read("Output/recherche/index/meta.json"))
        let shardKeys = try #require((try JSONSerialization.jsonObject(with: Data(meta.utf8)) as? [String: Any])?["shards"] as? [String])
        let touched = Set(keys.map { key in
            "s/" + SearchIndexFiles.fileName(forKey: shardKeys.last { !key.utf8.lexicographicallyPrecedes($0.utf8) } ?? shardKeys[0]) + ".bin"
        })
        #expect(changed.isSubset(of: touched.union(["r/4.json", "meta.json"])), "rewritten beyond the edit: \(changed.subtracting(touched).sorted())")
        #expect(changed.contains("r/4.json"), "article 150's records file: \(changed.sorted())")
        #expect(after.keys.filter { $0.hasPrefix("s/") && !touched.contains($0) }.allSatisfy { before[$0] == after[$0] })
        #expect(after.keys.contains { $0.hasPrefix("s/") && !touched.contains($0) }, "every shard holds a word of the article: the test proves nothing")
        try expectSameAsColdBuild(folder, options)
    }
}
