import Wording
import Foundation
import SVGPlot

/// Strict ISO 8601 date-times with an offset: `2024-09-27T13:06:00+02:00`, `2024-09-27 13:06+02:00`, `…Z`.
enum ISODate {
    /// Why a text is not a date, and the 0-based character offset of the fault.
    struct Problem: Error, Equatable {
        let offset: Int
        let reason: Phrase
    }

    static func parse(_ text: String) -> Result<Date, Problem> {
        parseWithOffset(text).map(\.date)
    }

    /// The instant and the offset written with it (in seconds east of UTC), and where the offset starts.
    static func parseWithOffset(_ text: String) -> Result<(date: Date, offsetSeconds: Int, offsetStart: Int), Problem> {
        let chars = Array(text.utf8)
        var position = 0

        func number(_ digits: Int, _ name: Phrase) -> Result<Int, Problem> {
            guard position + digits <= chars.count,
                  chars[position..<position + digits].allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                return .failure(Problem(offset: position, reason: "expected \(digits) digits for \(name)"))
            }
            let value = chars[position..<position + digits].reduce(0) { $0 * 10 + Int($1 - 48) }
            position += digits
            return .success(value)
        }
        func expect(_ allowed: [UInt8], _ what: Phrase) -> Problem? {
            guard position < chars.count, allowed.contains(chars[position]) else {
                return Problem(offset: position, reason: "expected \(what)")
            }
            position += 1
            return nil
        }

        do {
            let yearStart = position
            let year = try number(4, "the year").get()
            guard year >= 1900 else { throw Problem(offset: yearStart, reason: "year \(year) is before 1900") }
            if let problem = expect([UInt8(ascii: "-")], "'-' after the year") { throw problem }
            let monthStart = position
            let month = try number(2, "the month").get()
            guard (1...12).contains(month) else { throw Problem(offset: monthStart, reason: "month \(month) does not exist") }
            if let problem = expect([UInt8(ascii: "-")], "'-' after the month") { throw problem }
            let dayStart = position
            let day = try number(2, "the day").get()
            guard day >= 1, day <= CivilCalendar.daysIn(month: month, year: year) else {
                throw Problem(offset: dayStart, reason: "day \(day) does not exist in that month")
            }
            guard position < chars.count else {
                throw Problem(offset: position, reason: "a time and an offset are needed (e.g. T08:00:00+02:00)")
            }
            if let problem = expect([UInt8(ascii: "T"), UInt8(ascii: " "), UInt8(ascii: "t")], "'T' between date and time") { throw problem }
            let hourStart = position
            let hour = try number(2, "the hour").get()
            guard hour < 24 else { throw Problem(offset: hourStart, reason: "hour \(hour) does not exist") }
            if let problem = expect([UInt8(ascii: ":")], "':' after the hour") { throw problem }
            let minuteStart = position
            let minute = try number(2, "the minute").get()
            guard minute < 60 else { throw Problem(offset: minuteStart, reason: "minute \(minute) does not exist") }
            var second = 0
            if position < chars.count, chars[position] == UInt8(ascii: ":") {
                position += 1
                let secondStart = position
                second = try number(2, "the second").get()
                guard second < 60 else { throw Problem(offset: secondStart, reason: "second \(second) does not exist") }
                if position < chars.count, chars[position] == UInt8(ascii: ".") {
                    position += 1
                    while position < chars.count, chars[position] >= 48, chars[position] <= 57 { position += 1 }
                }
            }
            guard position < chars.count else {
                throw Problem(offset: position, reason: "the time zone offset is missing (add +01:00, +02:00 or Z)")
            }
            var offsetSeconds = 0
            let offsetStart = position
            if chars[position] == UInt8(ascii: "Z") || chars[position] == UInt8(ascii: "z") {
                position += 1
            } else {
                let signStart = position
                if let problem = expect([UInt8(ascii: "+"), UInt8(ascii: "-")], "an offset such as +02:00 or Z") { throw problem }
                let sign = chars[signStart] == UInt8(ascii: "-") ? -1 : 1
                let offsetHours = try number(2, "the offset hours").get()
                if let problem = expect([UInt8(ascii: ":")], "':' in the offset") { throw problem }
                let offsetMinutes = try number(2, "the offset minutes").get()
                guard offsetHours <= 14, offsetMinutes < 60 else { throw Problem(offset: signStart, reason: "offset out of range") }
                offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
            }
            guard position == chars.count else { throw Problem(offset: position, reason: "unexpected text after the date") }
            let days = CivilCalendar.days(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
            return .success((Date(timeIntervalSince1970: TimeInterval(seconds)), offsetSeconds, offsetStart))
        } catch let problem as Problem {
            return .failure(problem)
        } catch {
            return .failure(Problem(offset: 0, reason: "\(error)"))
        }
    }

    /// `+02:00`, `-03:30` or `Z` for an offset in seconds east of UTC.
    static func offsetText(_ seconds: Int) -> String {
        guard seconds != 0 else { return "Z" }
        let magnitude = abs(seconds) / 60
        let hours = String(magnitude / 60), minutes = String(magnitude % 60)
        return (seconds < 0 ? "-" : "+") + String(repeating: "0", count: 2 - hours.count) + hours + ":" + String(repeating: "0", count: 2 - minutes.count) + minutes
    }
}
