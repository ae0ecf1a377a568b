import Foundation
import Testing
@testable import SVGPlot

@Suite struct SpecValidationTests {

    let categories = ["A", "B"]

    @Test func unknownKindNamesTheField() throws {
        let json = #"{"kind": "radar", "title": "x"}"#
        let error = try #require(throws: ChartSpecError.self) { try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8)) }
        #expect(error.description == "kind: unknown chart kind 'radar'; expected one of bar, column, grouped-bar, stacked-bar, stacked-bar-100, line, area, donut, pie, waffle, key-figure, scatter, range, dot, dumbbell, slope")
        #expect(error.unknownName == "radar" && error.knownNames == ChartKind.allCases.map(\.rawValue))
    }

    /// Numbers in messages are written as the editor wrote them in YAML (`10`, not `10.0`), and a
    /// sum's floating-point residue is not shown.
    @Test func messagesWriteNumbersAsTheEditorDid() {
        func message(_ spec: ChartSpec) -> String? {
            do { _ = try ChartRenderer.render(spec); return nil } catch { return error.message.description }
        }
        var band = ChartSpec(kind: .column, title: "t", categories: categories, series: [Series(name: "s", values: [1, 2])])
        band.bands = [ReferenceBand(from: 10, to: 5)]
        #expect(message(band)?.contains("(from: 10, to: 5)") == true, "\(message(band) ?? "")")
        let range = ChartSpec(kind: .range, title: "t", categories: categories,
                              series: [Series(name: "bas", values: [1, 7.5]), Series(name: "haut", values: [2, 3])])
        #expect(message(range)?.contains("the high end (3) is below the low end (7.5)") == true, "\(message(range) ?? "")")
        var waffle = ChartSpec(kind: .waffle, title: "t", categories: ["a", "b", "c"],
                               series: [Series(name: "s", values: [0.1, 0.7, 1])])
        waffle.total = 1
        #expect(message(waffle)?.contains("add up to 1.8, more than the 1 unit") == true, "\(message(waffle) ?? "")")
        let ratio = ChartSpec(kind: .bar, title: "t", unit: .ratio, categories: categories, series: [Series(name: "s", values: [0.5, 33])])
        #expect(message(ratio)?.hasPrefix("33 is far above 1") == true, "\(message(ratio) ?? "")")
    }

    @Test func emptyData() {
        #expect(errorField(of: ChartSpec(kind: .bar, title: "t")) == "categories")
        #expect(errorField(of: ChartSpec(kind: .bar, title: "t", categories: categories)) == "series")
        #expect(errorField(of: ChartSpec(kind: .scatter, title: "t")) == "points")
        #expect(errorField(of: ChartSpec(kind: .keyFigure, title: "t")) == "value")
        #expect(errorField(of: ChartSpec(kind: .line, title: "t", series: [Series(name: "s", values: [1])])) == "x")
    }

    @Test func unequalSeriesLength() {
        let spec = ChartSpec(kind: .groupedBar, title: "t", categories: categories,
                             series: [Series(name: "a", values: [1, 2]), Series(name: "b", values: [1, 2, 3])])
        #expect(errorField(of: spec) == "series[1].values")
    }

    @Test func nonFiniteValues() {
        #expect(errorField(of: ChartSpec(kind: .bar, title: "t", categories: categories, series: [Series(name: "a", values: [1, .nan])])) == "series[0].values[1]")
        #expect(errorField(of: ChartSpec(kind: .bar, title: "t", categories: categories, series: [Series(name: "a", values: [.infinity, 1])])) == "series[0].values[0]")
        #expect(errorField(of: ChartSpec(kind: .scatter, title: "t", points: [Point(x: 1, y: .nan)])) == "points[0].y")
    }

    @Test func negativeValueInADonut() {
        #expect(errorField(of: ChartSpec(kind: .donut, title: "t", categories: categories, series: [Series(name: "a", values: [3, -1])])) == "series[0].values[1]")
    }

    @Test func hundredPercentStackMustAddUp() {
        let bad = ChartSpec(kind: .stackedBar100, title: "t", unit: .percent, categories: ["X", "Y"],
                            series: [Series(name: "a", values: [60, 50]), Series(name: "b", values: [40, 40])])
        #expect(errorField(of: bad) == "categories[1]")
        var good = bad
        good.series[1].values[1] = 50
        #expect(errorField(of: good) == nil)
    }

    @Test func percentagesAreNeverGuessed() {
        let fractions = ChartSpec(kind: .bar, title: "t", unit: .percent, categories: categories, series: [Series(name: "a", values: [0.33, 0.23])])
        #expect(errorField(of: fractions) == "unit")
        var ratio = fractions
        ratio.unit = .ratio
        #expect(errorField(of: ratio) == nil)
        let percentsAsRatio = ChartSpec(kind: .bar, title: "t", unit: .ratio, categories: categories, series: [Series(name: "a", values: [33, 23])])
        #expect(errorField(of: percentsAsRatio) == "series[0].values[0]")
    }

    @Test func singleSeriesKindsRefuseSeveral() {
        let spec = ChartSpec(kind: .bar, title: "t", categories: categories,
                             series: [Series(name: "a", values: [1, 2]), Series(name: "b", values: [1, 2])])
        #expect(errorField(of: spec) == "series")
    }

    @Test func optionsAreChecked() {
        var spec = ChartSpec(kind: .bar, title: "t", categories: categories, series: [Series(name: "a", values: [1, 2])])
        spec.options.width = 50
        #expect(errorField(of: spec) == "options.width")
        spec.options.width = 640
        spec.title = "  "
        #expect(errorField(of: spec) == "title")
    }

    @Test func waffleTotalMustHoldTheValues() {
        #expect(errorField(of: ChartSpec(kind: .waffle, title: "t", categories: ["a"], series: [Series(name: "a", values: [12])], total: 10)) == "total")
    }
}
