import Foundation
import Testing
@testable import Wording

/// Phrases are keyed by their English text and translated with their values in place.
struct PhraseTests {
    @Test func anInterpolatedPhraseIsKeyedByItsEnglishTextWithPlaceholders() {
        let count = 3, total = 100
        let phrase: Phrase = "\(count) of \(total)"
        #expect(phrase.key == "%@ of %@")
        #expect(phrase.description == "3 of 100")
        let percent: Phrase = "100% stacked bars"
        #expect(percent.key == "100%% stacked bars")
        #expect(Language.fr.text(percent) == "Barres empilées à 100\u{00A0}%")
    }

    @Test func frenchTakesTheValuesInOrderAndANestedPhraseInFrenchToo() {
        let band: Phrase = "\(60) to \(80)"
        #expect(Language.fr.text("from \(1) to \(2)") == "de 1 à 2")
        #expect(Language.fr.text("Note, \(band)") == "Annotation, 60 à 80")
        #expect(Language.en.text("Note, \(band)") == "Note, 60 to 80")
    }

    @Test func positionalPlaceholdersReorderTheValues() {
        #expect(Phrase.fill("%2$@ puis %1$@, %%", with: ["a", "b"]) == "b puis a, %")
        #expect(Phrase.fill("%@ et %@", with: ["a"]) == "a et ")
        #expect(Phrase.fill("100 % sûr", with: []) == "100 % sûr")
        #expect(Phrase.fill("%3$@|%1x$@|%0$@", with: ["a"]) == "|%1x$@|")
    }

    /// A key read from a cache is anyone's text: one of many `%` before a far `$` is read in one
    /// pass, not once from each `%` (which took minutes on this one).
    @Test(.timeLimit(.minutes(1))) func aKeyOfManyPercentSignsIsFilledInOnePass() {
        let key = String(repeating: "%x", count: 200_000) + "$@"
        #expect(Phrase.fill(key, with: ["a"]).count == key.count)
    }

    @Test func verbatimTextIsShownAsItIsInEveryLanguage() {
        let said = Phrase(verbatim: "mapping values are not allowed in this context")
        #expect(Language.fr.text(said) == "mapping values are not allowed in this context")
    }

    @Test func languageTagsBeginningWithFrAreFrench() {
        #expect(Language(tag: "fr-FR") == .fr)
        #expect(Language(tag: "FR") == .fr)
        #expect(Language(tag: "en-GB") == .en)
        #expect(Language(tag: "de") == .en)
    }
}

/// The French table: one entry per key, each using the values its key has, in French typography.
struct FrenchTableTests {
    @Test func noKeyIsTranslatedTwice() {
        var seen: Set<String> = []
        let twice = FrenchPhrases.entries.map(\.key).filter { !seen.insert($0).inserted }
        #expect(twice.isEmpty, "translated twice: \(twice)")
    }

    @Test func everyTranslationShowsEveryValueOfItsKey() {
        for (key, french) in FrenchPhrases.entries {
            let values = (0..<placeholders(in: key)).map { "⟨\($0)⟩" }
            let english = Phrase.fill(key, with: values), shown = Phrase.fill(french, with: values)
            for value in values where english.contains(value) {
                #expect(shown.contains(value), "« \(french) » leaves out a value of « \(key) »")
            }
        }
    }

    @Test func frenchPunctuationHasANoBreakSpaceBeforeIt() {
        for (key, french) in FrenchPhrases.entries {
            let text = Phrase.fill(french, with: Array(repeating: "x", count: placeholders(in: key)))
            // Code between backquotes is written as the editor types it.
            let prose = text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            for part in prose {
                for mark in [" :", " ;", " !", " ?", " %"] {
                    #expect(!part.contains(mark), "« \(french) »: a plain space before « \(mark.dropFirst()) »")
                }
            }
        }
    }

    private func placeholders(in key: String) -> Int {
        key.replacingOccurrences(of: "%%", with: "").components(separatedBy: "%@").count - 1
    }
}
