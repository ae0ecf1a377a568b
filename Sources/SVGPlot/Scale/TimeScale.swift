import Wording
import Foundation

/// Dates on a linear axis, with ticks at whole days, months or years and French or English labels.
struct TimeScale: Sendable {
    /// A calendar date without time of day.
    public struct Day: Sendable, Equatable, Comparable {
        public var year: Int
        public var month: Int
        public var day: Int
        /// How precisely the date was written: 1 year, 2 month, 3 day.
        public var precision: Int

        /// Days since 1970-01-01.
        public var ordinal: Int { CivilCalendar.days(year: year, month: month, day: day) }

        /// Parses `2024`, `2024-03` or `2024-03-15`.
        public static func parse(_ text: String) -> Day? {
            let parts = text.trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count), parts[0].count == 4,
                  let year = Int(parts[0]), parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
            let month = parts.count > 1 ? Int(parts[1]) : 1
            let day = parts.count > 2 ? Int(parts[2]) : 1
            guard let month, let day, (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: year) else { return nil }
            return Day(year: year, month: month, day: day, precision: parts.count)
        }

        public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }
    }

    /// A tick: its position in days and its label.
    public struct Tick: Sendable, Equatable {
        public var ordinal: Int
        public var label: String
    }

    public let start: Day
    public let end: Day
    public let locale: Language

    /// Creates a scale over the dates `start`...`end`.
    public init(start: Day, end: Day, locale: Language) {
        self.start = start
        self.end = end
        self.locale = locale
    }

    static let frenchMonths = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Short month name (`janv.`).
    func monthName(_ month: Int) -> String {
        (locale == .fr ? Self.frenchMonths : Self.englishMonths)[month - 1]
    }

    /// At most `maxCount` ticks at the finest whole interval (days, months, years) that fits.
    public func ticks(maxCount: Int) -> [Tick] {
        let monthSteps = [1, 2, 3, 6]
        let yearSteps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000]
        let spanDays = end.ordinal - start.ordinal
        if spanDays <= 62 {
            for step in [1, 2, 7, 14] {
                let ticks = dayTicks(step: step)
                if ticks.count <= maxCount { return ticks }
            }
        }
        if spanDays <= 366 * 12 {
            for step in monthSteps {
                let ticks = monthTicks(step: step)
                if ticks.count <= maxCount, ticks.count >= 2 || step == monthSteps.last { return ticks }
            }
        }
        for step in yearSteps {
            let ticks = yearTicks(step: step)
            if ticks.count <= maxCount { return ticks }
        }
        return [Tick(ordinal: start.ordinal, label: String(start.year))]
    }

    private func dayTicks(step: Int) -> [Tick] {
        stride(from: start.ordinal, through: end.ordinal, by: step).map { ordinal in
            let day = Self.civil(ordinal)
            return Tick(ordinal: ordinal, label: locale == .fr ? "\(day.day) \(monthName(day.month))" : "\(monthName(day.month)) \(day.day)")
        }
    }

    private func monthTicks(step: Int) -> [Tick] {
        var ticks: [Tick] = []
        var year = start.year, month = start.month
        if start.day != 1 { month += 1; if month > 12 { month = 1; year += 1 } }
        while (month - 1) % step != 0 { month += 1; if month > 12 { month = 1; year += 1 } }
        while true {
            let ordinal = CivilCalendar.days(year: year, month: month, day: 1)
            guard ordinal <= end.ordinal else { break }
            let showYear = ticks.isEmpty || month == 1
            ticks.append(Tick(ordinal: ordinal, label: showYear ? "\(monthName(month)) \(year)" : monthName(month)))
            month += step
            if month > 12 { month -= 12; year += 1 }
        }
        return ticks
    }

    private func yearTicks(step: Int) -> [Tick] {
        var year = start.year + (start.month == 1 && start.day == 1 ? 0 : 1)
        year = Int((Double(year) / Double(step)).rounded(.up)) * step
        var ticks: [Tick] = []
        while CivilCalendar.days(year: year, month: 1, day: 1) <= end.ordinal {
            ticks.append(Tick(ordinal: CivilCalendar.days(year: year, month: 1, day: 1), label: String(year)))
            year += step
        }
        return ticks
    }

    /// The calendar date of a day ordinal.
    static func civil(_ ordinal: Int) -> Day {
        let date = CivilCalendar.date(days: ordinal)
        return Day(year: date.year, month: date.month, day: date.day, precision: 3)
    }
}
