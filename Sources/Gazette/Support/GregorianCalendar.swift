import Foundation

extension Calendar {
    /// A Gregorian calendar in `zone`, independent of the machine's locale.
    static func gregorian(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.locale = Locale(identifier: "en_US_POSIX")
        return calendar
    }
}
