import Foundation
import Testing
import TestSupport
@testable import Gazette

@Suite struct SlugTests {
    @Test(arguments: [
        ("Cybersécurité : augmentation de 32 % des cyberattaques en direction du monde de la santé en une année",
         "cybersecurite-augmentation-de-32-des-cyberattaques-en-direction-du-monde-de-la-sante-en-une-annee"),
        ("GHT : l’architecture SI commune", "ght-l-architecture-si-commune"),
        ("Œuvre à l'hôpital — « Noël »", "oeuvre-a-l-hopital-noel"),
        ("  ../../etc/passwd  ", "etc-passwd"),
        ("DSI/RSSI", "dsi-rssi"),
        ("???", ""),
    ])
    func foldsDiacriticsAndPunctuation(title: String, slug: String) {
        #expect(Slug.make(from: title) == slug)
    }

    @Test func validatesExplicitSlugs() {
        #expect(Slug.isValid("cyber-32"))
        #expect(!Slug.isValid("../x"))
        #expect(!Slug.isValid("a/b"))
        #expect(!Slug.isValid("Majuscule"))
        #expect(!Slug.isValid(""))
    }

    /// `isValid` reads bytes; it must say exactly whether `make` gives the slug back unchanged,
    /// for every string of up to five characters from letters, digits, hyphens and look-alikes.
    @Test func validityIsWhatMakingTheSlugAgainGivesBack() {
        let alphabet: [String] = ["a", "z", "0", "9", "-", "A", "é", "/", " ", ".", "\u{212A}", "œ", "_"]
        var strings = [""]
        for _ in 0..<4 { strings = strings.flatMap { prefix in alphabet.map { prefix + $0 } } + [""] }
        var generator = SeededGenerator(seed: 4)
        strings += (0..<2000).map { _ in String((0..<5).map { _ in alphabet.randomElement(using: &generator)! }.joined()) }
        for string in Set(strings) {
            #expect(Slug.isValid(string) == (!string.isEmpty && Slug.make(from: string) == string), "\(string)")
        }
    }

    @Test func duplicateSlugsAreReportedWithBothPlaces() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2022/a.md": validArticle,
            "2022/b.md": "---\ndate: 2022-06-25T08:00:00+02:00\ntitle: Un   article !\n---\n",
        ])
        let errors = buildDiagnostics(options).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location.file.hasSuffix("articles/2022/b.md") == true)
        #expect(errors.first?.location.line == 3)
        #expect(errors.first?.message.contains("\"un-article\" is already used by") == true)
        #expect(errors.first?.message.contains("articles/2022/a.md:2") == true)
    }

    @Test func explicitSlugOverridesTheTitleAndMustBeClean() throws {
        let folder = try TemporaryFolder()
        let options = try makeSite(in: folder, articles: [
            "2022/a.md": "---\ntitle: Un article\nslug: ../../dehors\ndate: 2022-06-24T08:00:00+02:00\n---\n",
        ])
        let errors = buildDiagnostics(options)
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 3)
    }

    /// A slug or tag longer than a file name may be is the content's error, located in its
    /// Markdown file (exit 1), not a write failure of the output (exit 3).
    @Test func addressesTooLongForAFileNameAreLocatedContentErrors() throws {
        let folder = try TemporaryFolder()
        let long = String(repeating: "cybersecurite-", count: 22) + "fin"
        let options = try makeSite(in: folder, articles: [
            "2022/a.md": "---\ntitle: Un article\nslug: \(long)\ndate: 2022-06-24T08:00:00+02:00\n---\n",
            "2022/b.md": "---\ntitle: \(long.replacingOccurrences(of: "-", with: " ")) bis\ndate: 2022-06-24T08:00:00+02:00\n---\n",
            "2022/c.md": "---\ntitle: C\ndate: 2022-06-24T08:00:00+02:00\ntags: [court, \(long)]\n---\n",
        ])
        let failure: BuildFailure
        do {
            _ = try SiteBuilder(options: options).build()
            Issue.record("the build passed")
            return
        } catch {
            failure = error
        }
        #expect(failure.exitCode == 1)
        let errors = failure.diagnostics.sorted { $0.location.file < $1.location.file }
        #expect(errors.map(\.code) == [.invalidSlug, .invalidSlug, .invalidSlug], "\(errors)")
        #expect(errors.map { ($0.location.file as NSString).lastPathComponent } == ["a.md", "b.md", "c.md"])
        #expect(errors.map(\.location.line) == [3, 2, 4])
        #expect(errors.allSatisfy { $0.message.contains("over the 200 that file names allow") }, "\(errors)")
    }
}
