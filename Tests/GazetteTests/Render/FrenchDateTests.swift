import Foundation
import Testing
@testable import Gazette

@Suite struct FrenchDateTests {
    let paris = FrenchDate(timeZone: TimeZone(identifier: "Europe/Paris")!, dayFormat: .padded)

    /// Every "Publié le" line of the source page, with the front-matter date it comes from.
    @Test(arguments: [
        ("2024-09-27T13:06:00+02:00", "Publié le vendredi 27 septembre 2024 à 13h06"),
        ("2024-07-09T11:30:00+02:00", "Publié le mardi 09 juillet 2024 à 11h30"),
        ("2024-06-27T17:40:00+02:00", "Publié le jeudi 27 juin 2024 à 17h40"),
        ("2024-05-06T18:14:00+02:00", "Publié le lundi 06 mai 2024 à 18h14"),
        ("2022-07-05T08:00:00+02:00", "Publié le mardi 05 juillet 2022 à 08h00"),
        ("2022-07-01T08:00:00+02:00", "Publié le vendredi 01 juillet 2022 à 08h00"),
        ("2022-06-24T08:00:00+02:00", "Publié le vendredi 24 juin 2022 à 08h00"),
    ])
    func publishedLineMatchesTheSourceSite(iso: String, expected: String) throws {
        #expect(paris.publishedLine(try ISODate.parse(iso).get()) == expected)
    }

    @Test func showsParisTimeWhateverTheWrittenOffset() throws {
        let date = try ISODate.parse("2024-01-15T07:30:00Z").get()
        #expect(paris.long(date) == "lundi 15 janvier 2024 à 08h30")
        #expect(paris.iso8601(date) == "2024-01-15T08:30:00+01:00")
    }

    @Test func writesISOWithSummerOffset() throws {
        #expect(paris.iso8601(try ISODate.parse("2024-09-27T11:06:00Z").get()) == "2024-09-27T13:06:00+02:00")
    }

    @Test func theFirstOfTheMonthIsWritten1erUnlessTheSiteAsksForTheSourceStyle() throws {
        let first = try ISODate.parse("2022-07-01T08:00:00+02:00").get()
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        #expect(FrenchDate(timeZone: paris).publishedLine(first) == "Publié le vendredi 1er juillet 2022 à 08h00", "French usage by default")
        #expect(FrenchDate(timeZone: paris, dayFormat: .padded).publishedLine(first) == "Publié le vendredi 01 juillet 2022 à 08h00")
        #expect(FrenchDate(timeZone: paris, dayFormat: .ordinal).publishedLine(first) == "Publié le vendredi 1er juillet 2022 à 08h00")
        #expect(FrenchDate(timeZone: paris, dayFormat: .ordinal).day(first) == "1er juillet 2022")
        let fifth = try ISODate.parse("2022-07-05T08:00:00+02:00").get()
        #expect(FrenchDate(timeZone: paris, dayFormat: .ordinal).publishedLine(fifth) == "Publié le mardi 5 juillet 2022 à 08h00")
    }
}
