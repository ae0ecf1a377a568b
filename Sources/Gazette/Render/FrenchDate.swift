import Foundation

/// Dates written the way the source site writes them, in French, pinned in code (not ICU).
struct FrenchDate: Sendable {
    /// The zone dates are shown in (the site's, Europe/Paris by default).
    public let timeZone: TimeZone
    /// How the day of the month is written in the long form.
    public let dayFormat: DayFormat
    /// The calendar of `timeZone`, made once (a calendar and its locale made for every date cost
    /// more than the formatting itself).
    private let calendar: Calendar

    /// How the day of the month is written: `1er juillet`, `7 juillet` (French usage, the default)
    /// or `01 juillet`, `07 juillet` (the source site's style), from `day_format` in `site.yml`.
    public enum DayFormat: String, Sendable, Hashable {
        case padded = "01"
        case ordinal = "1er"
    }

    /// Creates a formatter for `timeZone`.
    public init(timeZone: TimeZone, dayFormat: DayFormat = .ordinal) {
        self.timeZone = timeZone
        self.dayFormat = dayFormat
        calendar = Calendar.gregorian(in: timeZone)
    }

    /// The day of the month as the long form writes it.
    private func dayOfMonth(_ day: Int?) -> String {
        switch dayFormat {
        case .padded: return twoDigits(day)
        case .ordinal: return day == 1 ? "1er" : String(day ?? 1)
        }
    }

    static let weekdays = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                         "septembre", "octobre", "novembre", "décembre"]

    /// `vendredi 27 septembre 2024 à 13h06` (`1er`, `7` or `01`, `07` as ``DayFormat`` says).
    public func long(_ date: Date) -> String {
        let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute], from: date)
        let weekday = Self.weekdays[(parts.weekday ?? 1) - 1]
        let month = Self.months[(parts.month ?? 1) - 1]
        return "\(weekday) \(dayOfMonth(parts.day)) \(month) \(parts.year ?? 0) à \(twoDigits(parts.hour))h\(twoDigits(parts.minute))"
    }

    /// `Publié le vendredi 27 septembre 2024 à 13h06`.
    public func publishedLine(_ date: Date) -> String { "Publié le " + long(date) }

    /// `27 septembre 2024`, for lists and archives.
    public func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.day, .month, .year], from: date)
        let day = dayFormat == .ordinal && parts.day == 1 ? "1er" : String(parts.day ?? 1)
        return "\(day) \(Self.months[(parts.month ?? 1) - 1]) \(parts.year ?? 0)"
    }

    /// ISO 8601 with the zone's offset at that date: `2024-09-27T13:06:00+02:00`.
    public func iso8601(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let zone = "\(sign)\(twoDigits(abs(offset) / 3600)):\(twoDigits(abs(offset) % 3600 / 60))"
        return "\(parts.year ?? 0)-\(twoDigits(parts.month))-\(twoDigits(parts.day))T\(twoDigits(parts.hour)):\(twoDigits(parts.minute)):\(twoDigits(parts.second))\(zone)"
    }

    private func twoDigits(_ value: Int?) -> String {
        let number = value ?? 0
        return number < 10 ? "0\(number)" : "\(number)"
    }
}
