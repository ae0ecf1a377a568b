import FrenchStemming
import Testing
@testable import Gazette

/// How search reads French text (SearchText) and stems it (FrenchStemmer): what the index holds
/// and what the search page's script looks up must meet whatever the accents, the case or the
/// inflection a reader types.
@Suite struct SearchTextTests {
    @Test func foldsAccentsCaseAndElisionsAndKeepsNumbersAndAcronyms() {
        #expect(SearchText.words(in: "L’Hôpital de Saint-Étienne : 32 % des GHT, l'œuvre e-santé, 5G et 5 lits")
                == ["hopital", "saint", "etienne", "32", "ght", "oeuvre", "sante", "5g", "5", "lits"])
    }

    @Test func aMarkWrittenApartBelongsToItsLetter() {
        #expect(SearchText.words(in: "cafe\u{301} SÉCURITÉ") == ["cafe", "securite"])
    }

    @Test func stopWordsAloneLeaveNothing() {
        #expect(SearchText.words(in: "le la les de des du qu’il jusqu’à").isEmpty)
    }

    @Test func overlongRunsAreNotWords() {
        #expect(SearchText.words(in: String(repeating: "a", count: SearchText.longestWord + 1) + " mot") == ["mot"])
    }

    @Test(arguments: [("hôpitaux", "hôpital"), ("sécurité", "SECURITE"), ("cyberattaques", "cyberattaque"),
                      ("données", "donnees"), ("l’hôpital", "hopital")])
    func spellingsMeetOnOneStem(written: String, typed: String) throws {
        let stemmer = try #require(FrenchStemmer())
        let stem = { (text: String) in SearchText.words(in: text).map(stemmer.stem) }
        #expect(stem(written) == stem(typed) && !stem(written).isEmpty, "\(stem(written)) ≠ \(stem(typed))")
    }

    @Test func acronymsAndNumbersAreNotStemmed() throws {
        let stemmer = try #require(FrenchStemmer())
        #expect(stemmer.stem("ght") == "ght")
        #expect(stemmer.stem("2024") == "2024")
        #expect(stemmer.stem("5g") == "5g")
    }
}
