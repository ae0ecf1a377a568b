import Foundation
import Testing
@testable import SVGPlot

@Suite struct NumberFormatTests {
    let nbsp = "\u{00A0}", nnbsp = "\u{202F}", minus = "\u{2212}"

    @Test func frenchPercentWithNoBreakSpace() {
        #expect(NumberFormat(locale: .fr, unit: .percent).string(33, decimals: 0) == "33\(nbsp)%")
    }

    @Test func frenchEurosWithNarrowThousandsSeparatorAndComma() {
        #expect(NumberFormat(locale: .fr, unit: .euro).string(1234.5, decimals: 1) == "1\(nnbsp)234,5\(nbsp)€")
        #expect(NumberFormat(locale: .fr).string(11_700_000, decimals: 0) == "11\(nnbsp)700\(nnbsp)000")
    }

    @Test func realMinusSignAndExplicitPlus() {
        #expect(NumberFormat(locale: .fr).string(-4.25, decimals: 2) == "\(minus)4,25")
        #expect(NumberFormat(locale: .fr, unit: .percent).string(32, decimals: 0, signed: true) == "+32\(nbsp)%")
        #expect(NumberFormat(locale: .fr).string(0, decimals: 0, signed: true) == "0")
        #expect(NumberFormat(locale: .fr).string(-0.001, decimals: 1) == "0,0", "no minus sign on a value that rounds to zero")
    }

    @Test func ratioIsShownAsPercent() {
        #expect(NumberFormat(locale: .fr, unit: .ratio).string(0.33, decimals: 0) == "33\(nbsp)%")
        #expect(NumberFormat(locale: .en, unit: .ratio).string(0.335, decimals: 1) == "33.5%")
    }

    @Test func englishFormats() {
        #expect(NumberFormat(locale: .en).string(1234.5, decimals: 1) == "1,234.5")
        #expect(NumberFormat(locale: .en, unit: .euro).string(-1234, decimals: 0) == "\(minus)€1,234")
        #expect(NumberFormat(locale: .en, unit: .percent).string(33, decimals: 0) == "33%")
    }

    @Test func speechHasNoGroupingSpaces() {
        #expect(NumberFormat(locale: .fr).string(11_700, decimals: 0, forSpeech: true) == "11700")
        #expect(NumberFormat(locale: .fr, unit: .euro).string(1234.5, decimals: 1, forSpeech: true) == "1234,5\(nbsp)€")
    }

    @Test func suffixUnit() {
        #expect(NumberFormat(locale: .fr, unit: .suffix("GHT")).string(135, decimals: 0) == "135\(nbsp)GHT")
    }

    @Test func decimalsNeededStopsAtTwo() {
        let format = NumberFormat(locale: .fr)
        #expect(format.decimalsNeeded(for: [33, 23]) == 0)
        #expect(format.decimalsNeeded(for: [33.5, 23]) == 1)
        #expect(format.decimalsNeeded(for: [1.0 / 3]) == 2)
        #expect(NumberFormat(locale: .fr, unit: .ratio).decimalsNeeded(for: [0.33, 0.1]) == 0)
    }
}

/// The fast fixed-point writer agrees with `%.Nf` everywhere, halves and large values included.
@Suite struct FixedPointTests {
    @Test func writesWhatPrintfWrites() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, 0.5, 1.5, 2.5, 0.125, 0.375, 12.5, 1.005, 0.285, 999.9995, 1e14 + 0.5, 1e15, 123_456_789.123_456, 0.000_000_4]
        values += (0..<3000).map { _ in Double.random(in: 0...1, using: &generator) * pow(10, Double(Int.random(in: -3...16, using: &generator))) }
        values += (0..<1000).map { _ in Double(Int.random(in: 0...100_000, using: &generator)) / [2, 4, 8, 20, 200, 2000].randomElement(using: &generator)! }
        for value in values {
            for decimals in 0...6 {
                #expect(NumberFormat.fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value), "\(value) with \(decimals)")
            }
        }
    }
}
