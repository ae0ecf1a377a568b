import Foundation
import Testing
@testable import Gazette

@Suite struct ISODateTests {
    @Test(arguments: [
        ("2024-09-27T13:06:00+02:00", 1_727_435_160.0),
        ("2024-09-27T11:06:00Z", 1_727_435_160.0),
        ("2024-09-27 13:06+02:00", 1_727_435_160.0),
        ("2022-01-01T00:00:00+01:00", 1_640_991_600.0),
        ("2024-02-29T12:00:00.250-05:00", 1_709_226_000.0),
    ])
    func parsesValidDates(text: String, seconds: Double) throws {
        #expect(try ISODate.parse(text).get() == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: [
        ("2022-13-01T08:00:00+02:00", 5),
        ("2022-02-30T08:00:00+02:00", 8),
        ("2022-06-24", 10),
        ("2022-06-24T25:00:00+02:00", 11),
        ("2022-06-24T08:00:00", 19),
        ("2022-06-24T08:00:00+02:00 extra", 25),
        ("24/06/2022", 0),
    ])
    func rejectsInvalidDatesAtTheFault(text: String, offset: Int) {
        guard case .failure(let problem) = ISODate.parse(text) else {
            Issue.record("\(text) should not parse")
            return
        }
        #expect(problem.offset == offset)
    }
}
