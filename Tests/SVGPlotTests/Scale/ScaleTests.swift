import Testing
@testable import SVGPlot

/// Ticks and nice domains compared with d3's published behaviour (d3-array and d3-scale test suites).
@Suite struct LinearScaleTests {
    @Test(arguments: [
        (0.0, 1.0, 10, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        (0.0, 1.0, 9, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        (0.0, 1.0, 8, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        (0.0, 1.0, 7, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0.0, 1.0, 6, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0.0, 1.0, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0.0, 1.0, 4, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0.0, 1.0, 3, [0.0, 0.5, 1.0]),
        (0.0, 1.0, 2, [0.0, 0.5, 1.0]),
        (0.0, 1.0, 1, [0.0, 1.0]),
        (0.0, 10.0, 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        (0.0, 10.0, 5, [0, 2, 4, 6, 8, 10]),
        (0.0, 10.0, 3, [0, 5, 10]),
        (0.0, 10.0, 2, [0, 5, 10]),
        (0.0, 10.0, 1, [0, 10]),
        (-10.0, 10.0, 10, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        (-10.0, 10.0, 5, [-10, -5, 0, 5, 10]),
        (-10.0, 10.0, 3, [-10, -5, 0, 5, 10]),
        (-10.0, 10.0, 6, [-10, -5, 0, 5, 10]),
        (-10.0, 10.0, 7, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        (-10.0, 10.0, 2, [-10, 0, 10]),
        (-10.0, 10.0, 1, [0]),
        (1.0, 0.0, 5, [1.0, 0.8, 0.6, 0.4, 0.2, 0.0]),
        (10.0, -10.0, 5, [10, 5, 0, -5, -10]),
        (0.5, 0.5, 5, [0.5]),
    ])
    func ticksMatchD3(start: Double, stop: Double, count: Int, expected: [Double]) {
        #expect(LinearScale.ticks(start, stop, count: count) == expected)
    }

    @Test func noTicksForNonPositiveCountOrNaN() {
        #expect(LinearScale.ticks(0, 1, count: 0).isEmpty)
        #expect(LinearScale.ticks(.nan, 1, count: 5).isEmpty)
    }

    @Test(arguments: [
        (1.1, 10.9, 10, 1.0, 11.0),
        (10.9, 1.1, 10, 11.0, 1.0),
        (0.7, 11.001, 10, 0.0, 12.0),
        (123.1, 6.7, 10, 130.0, 0.0),
        (0.0, 0.49, 10, 0.0, 0.5),
        (0.0, 14.1, 5, 0.0, 20.0),
        (0.0, 15.0, 5, 0.0, 20.0),
        (0.0, 0.96, 10, 0.0, 1.0),
        (0.0, 96.0, 10, 0.0, 100.0),
        (-0.1, 51.1, 8, -10.0, 60.0),
        (0.0, 0.0, 10, 0.0, 0.0),
        (0.5, 0.5, 10, 0.5, 0.5),
    ])
    func niceMatchesD3(start: Double, stop: Double, count: Int, low: Double, high: Double) {
        let domain = LinearScale.nice(start, stop, count: count)
        #expect(domain.0 == low && domain.1 == high, "nice(\(start), \(stop)) gave \(domain)")
    }

    @Test func mapsDomainToRange() {
        let scale = LinearScale(domain: (0, 100), range: (10, 210))
        #expect(scale(0) == 10)
        #expect(scale(50) == 110)
        #expect(scale(-50) == -90)
    }

    @Test func decimalsFollowTheStep() {
        #expect(LinearScale.decimals(forStep: 5) == 0)
        #expect(LinearScale.decimals(forStep: 0.5) == 1)
        #expect(LinearScale.decimals(forStep: 0.25) == 2)
    }
}

@Suite struct BandScaleTests {
    @Test func bandsArePaddedAndEvenlySpaced() {
        let band = BandScale(count: 4, range: (0, 100), paddingInner: 0.2, paddingOuter: 0.1)
        #expect(abs(band.step - 100 / 4.0) < 1e-9)
        #expect(abs(band.bandwidth - 20) < 1e-9)
        #expect(abs(band.start(0) - 2.5) < 1e-9)
        #expect(abs((band.start(3) + band.bandwidth) - 97.5) < 1e-9)
    }
}

@Suite struct TimeScaleTests {
    typealias Day = TimeScale.Day

    @Test func parsesYearsMonthsAndDays() {
        #expect(Day.parse("2024")?.ordinal == CivilCalendar.days(year: 2024, month: 1, day: 1))
        #expect(Day.parse("2024-02")?.month == 2)
        #expect(Day.parse("2024-02-29")?.day == 29)
        #expect(Day.parse("2023-02-29") == nil)
        #expect(Day.parse("24-02") == nil)
        #expect(Day.parse("2024-13") == nil)
    }

    @Test func civilIsTheInverseOfDaysFromCivil() {
        for ordinal in stride(from: -800_000, to: 800_000, by: 997) {
            let day = TimeScale.civil(ordinal)
            #expect(CivilCalendar.days(year: day.year, month: day.month, day: day.day) == ordinal)
        }
    }

    @Test func monthTicksUseFrenchAbbreviations() throws {
        let scale = TimeScale(start: try #require(Day.parse("2023-11")), end: try #require(Day.parse("2024-04")), locale: .fr)
        #expect(scale.ticks(maxCount: 10).map(\.label) == ["nov. 2023", "déc.", "janv. 2024", "févr.", "mars", "avr."])
    }

    @Test func fewerTicksWhenRoomIsShort() throws {
        let scale = TimeScale(start: try #require(Day.parse("2015")), end: try #require(Day.parse("2024")), locale: .fr)
        #expect(scale.ticks(maxCount: 4).map(\.label) == ["2015", "2020"])
        #expect(scale.ticks(maxCount: 10).count == 10)
    }

    @Test func englishLabels() throws {
        let scale = TimeScale(start: try #require(Day.parse("2024-01-01")), end: try #require(Day.parse("2024-01-03")), locale: .en)
        #expect(scale.ticks(maxCount: 5).map(\.label) == ["Jan 1", "Jan 2", "Jan 3"])
    }
}
