import Wording
import Foundation

/// Numbers written by hand-pinned rules (not the system's ICU, whose spaces vary by version).
///
/// French: decimal comma, narrow no-break space (U+202F) between thousands, no-break space
/// (U+00A0) before `%` and `€`, real minus sign (U+2212). English: `1,234.5`, `33%`, `€1,234`.
public struct NumberFormat: Sendable {
    public let locale: Language
    public let unit: ValueUnit
    /// Writes millions and billions short (`1,2 M`, `836 Md`), for labels drawn in a chart.
    public let compact: Bool

    static let narrowNoBreakSpace = "\u{202F}"
    static let noBreakSpace = "\u{00A0}"
    static let minusSign = "\u{2212}"

    /// Creates a formatter.
    public init(locale: Language, unit: ValueUnit = .none, compact: Bool = false) {
        self.locale = locale
        self.unit = unit
        self.compact = compact
    }

    /// `value` with `decimals` digits, grouped, with its unit; `signed` writes `+` before positive values.
    /// `forSpeech` drops grouping spaces (screen readers read "11 700" as two numbers).
    public func string(_ value: Double, decimals: Int, signed: Bool = false, forSpeech: Bool = false) -> String {
        let shown = unit == .ratio ? value * 100 : value
        var number = plain(shown, decimals: decimals, grouped: !forSpeech)
        if compact, !forSpeech, let (scaled, word) = compactScale(shown) {
            number = plain(scaled, decimals: abs(scaled) < 100 ? 1 : 0, grouped: true) + Self.noBreakSpace + word
        }
        let isZero = number.allSatisfy { $0 == "0" || $0 == "," || $0 == "." }
        let sign = shown < 0 && !isZero ? Self.minusSign : (signed && shown > 0 && !isZero ? "+" : "")
        switch (unit, locale) {
        case (.percent, .fr), (.ratio, .fr): return sign + number + Self.noBreakSpace + "%"
        case (.percent, .en), (.ratio, .en): return sign + number + "%"
        case (.euro, .fr): return sign + number + Self.noBreakSpace + "€"
        case (.euro, .en): return sign + "€" + number
        case (.suffix(let suffix), _): return sign + number + Self.noBreakSpace + suffix
        case (.none, _): return sign + number
        }
    }

    /// `value` divided into millions or billions, with the word for them, when it is that large.
    private func compactScale(_ value: Double) -> (Double, String)? {
        let magnitude = abs(value)
        if magnitude >= 1e9 { return (value / 1e9, locale == .fr ? "Md" : "B") }
        if magnitude >= 1e6 { return (value / 1e6, "M") }
        return nil
    }

    /// The digits of |value| with separators, no sign, no unit.
    func plain(_ value: Double, decimals: Int, grouped: Bool) -> String {
        let digits = Self.fixed(abs(value), decimals: max(0, min(decimals, 6)))
        let parts = digits.split(separator: ".", maxSplits: 1)
        let integer = String(parts[0])
        var result = ""
        if grouped, integer.count >= 4 {
            let separator = locale == .fr ? Self.narrowNoBreakSpace : ","
            for (index, digit) in integer.enumerated() {
                if index > 0, (integer.count - index) % 3 == 0 { result += separator }
                result.append(digit)
            }
        } else {
            result = integer
        }
        if parts.count == 2 { result += (locale == .fr ? "," : ".") + parts[1] }
        return result
    }

    /// `value` (not negative) with `decimals` digits after a point, exactly as `%.Nf` writes it
    /// (the exact binary value rounded half to even), without Foundation's slow formatting for the
    /// common case: when the scaled value is far from a half, rounding it is the same.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let factor = [1.0, 10, 100, 1_000, 10_000, 100_000, 1_000_000][decimals]
        let scaled = value * factor
        let fraction = scaled - scaled.rounded(.down)
        // Below 1e9 the product is off by less than 1e-7, so a fraction this far from a half rounds as the exact value does.
        guard scaled < 1e9, abs(fraction - 0.5) > 1e-6 else { return String(format: "%.\(decimals)f", value) }
        let digits = String(UInt64(scaled.rounded(.toNearestOrAwayFromZero)))
        guard decimals > 0 else { return digits }
        let padded = digits.count > decimals ? digits : String(repeating: "0", count: decimals + 1 - digits.count) + digits
        return padded.dropLast(decimals) + "." + padded.suffix(decimals)
    }

    /// The fewest decimals (at most 2) that write every value exactly as given.
    public func decimalsNeeded(for values: [Double]) -> Int {
        let scale = unit == .ratio ? 100.0 : 1.0
        var needed = 0
        for value in values {
            let shown = abs(value * scale)
            while needed < 2 {
                let factor = pow(10, Double(needed))
                if abs((shown * factor).rounded() - shown * factor) < 1e-6 * max(1, shown * factor) { break }
                needed += 1
            }
        }
        return needed
    }
}
