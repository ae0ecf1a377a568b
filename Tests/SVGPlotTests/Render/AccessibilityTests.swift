import Foundation
import Testing
@testable import SVGPlot
import SVGPlotGallery

@Suite struct AccessibilityTests {
    let spec = ChartSpec(kind: .bar, title: "Le défi cité en premier", unit: .percent,
                         categories: ["Formation et sensibilisation", "Budget"],
                         series: [Series(name: "Sondés", values: [33, 23])])

    @Test func svgIsANamedAndDescribedImage() throws {
        let svg = try ChartRenderer.render(spec)
        let ids = SVGInspector.capture(#"aria-labelledby="([^ ]+) ([^"]+)""#, in: svg).first ?? []
        #expect(svg.contains("role=\"img\""))
        #expect(ids.count == 2)
        #expect(svg.contains("<title id=\"\(ids[0])\">Le défi cité en premier</title>"))
        #expect(svg.contains("<desc id=\"\(ids[1])\">Barres horizontales. Formation et sensibilisation\u{A0}: 33\u{A0}%. Budget\u{A0}: 23\u{A0}%.</desc>"))
    }

    @Test func theTextAlternativeIsTheTitleThenTheDescription() {
        #expect(ChartRenderer.textAlternative(spec)
                == "Le défi cité en premier. Barres horizontales. Formation et sensibilisation\u{A0}: 33\u{A0}%. Budget\u{A0}: 23\u{A0}%.")
    }

    @Test func aStandaloneChartDrawsItsTextsAndKeepsItsLightColours() throws {
        var hidden = spec
        hidden.source = "Enquête"
        hidden.options.showsTitle = false
        hidden.options.showsSource = false
        let inline = try ChartRenderer.render(hidden)
        let standalone = try ChartRenderer.renderStandalone(hidden)
        #expect(!inline.contains(">Le défi cité en premier</text>") && !inline.hasPrefix("<?xml"))
        #expect(standalone.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(standalone.contains(">Le défi cité en premier</text>"))
        #expect(standalone.contains("Enquête</text>"))
        #expect(standalone.contains(" style=\"\(ChartColours.customProperties(light: true))\""))
        #expect(standalone.contains("class=\"gz-bg\""))
    }

    @Test func descriptionWritesNumbersWithoutGroupingSpaces() throws {
        var big = spec
        big.unit = .none
        big.series[0].values = [11_700, 2_500_000]
        let svg = try ChartRenderer.render(big)
        #expect(svg.contains("Formation et sensibilisation\u{A0}: 11700. Budget\u{A0}: 2500000."))
        #expect(svg.contains(">2,5\u{A0}M</text>"), "drawn labels are compact")
    }

    @Test func noScriptsNoExternalReferences() throws {
        for (_, sample) in ChartSamples.byKind {
            let svg = try ChartRenderer.render(sample)
            #expect(!svg.contains("<script"))
            #expect(!svg.contains("href"))
            #expect(!svg.contains("@import"))
            let urls = SVGInspector.capture(#"url\(([^)]*)\)"#, in: svg).map { $0[0] }
            #expect(urls.allSatisfy { $0.hasPrefix("#") }, "only internal references: \(urls)")
        }
    }

    @Test func hostileLabelsAreEscaped() throws {
        var hostile = spec
        hostile.title = "</title><script>alert(1)</script>"
        hostile.categories = ["<b onclick=\"x\">A</b> & co", "B"]
        let svg = try ChartRenderer.render(hostile)
        #expect(!svg.contains("<script>"))
        #expect(!svg.contains("<b "))
        #expect(svg.contains("&lt;/title&gt;&lt;script&gt;"))
        #expect(SVGInspector(svg).xmlError == nil)
    }

    @Test func seriesAfterTheFirstArePatternedSoColourIsNotTheOnlyChannel() throws {
        let grouped = ChartSpec(kind: .groupedBar, title: "t", categories: ["A"],
                                series: [Series(name: "2021", values: [1]), Series(name: "2022", values: [2])])
        let svg = try ChartRenderer.render(grouped)
        #expect(svg.contains("<pattern id="))
        #expect(svg.contains("fill=\"url(#"))
    }

    @Test func sameSpecSameBytesAndIdsDifferBetweenCharts() throws {
        #expect(try ChartRenderer.render(spec) == ChartRenderer.render(spec))
        var other = spec
        other.title = "Autre"
        let ids = { (svg: String) in SVGInspector.capture(#"<title id="([^"]+)""#, in: svg).first?.first }
        #expect(try ids(ChartRenderer.render(spec)) != ids(ChartRenderer.render(other)))
    }

    @Test func coordinatesHaveAtMostTwoDecimals() throws {
        for (_, sample) in ChartSamples.byKind {
            let svg = try ChartRenderer.render(sample)
            #expect(SVGInspector.capture(#"[0-9]\.[0-9]{3,}"#, in: svg.replacingOccurrences(of: Theme.styleSheet, with: "")).isEmpty)
        }
    }
}

/// Labels written on hatched or dotted fills sit on a solid box of the fill's base colour, so that
/// the pattern's marks (drawn in the label's own colour) never touch them; the label's contrast is
/// then that of `onN` on `cN` (≥ 4.5:1, `PaletteContrastTests`).
@Suite struct PatternLabelTests {
    @Test(arguments: ["pie", "donut", "stacked-bar", "stacked-bar-100"])
    func everyLabelOnAPatternHasASolidBackdrop(sample: String) throws {
        let kind = try #require(ChartKind(rawValue: sample))
        let spec = try #require(ChartSamples.byKind.first { $0.0 == kind }?.1)
        let svg = try ChartRenderer.render(spec)
        let lines = svg.split(separator: "\n").map(String.init)
        var checked = 0
        for (index, line) in lines.enumerated() {
            // A label in the colour of a patterned series' marks (series 2 and after are patterned).
            guard line.hasPrefix("<text"), let slot = SVGInspector.capture(#"class="gz-on([2-9])""#, in: line).first?.first else { continue }
            let previous = index > 0 ? lines[index - 1] : ""
            #expect(previous.hasPrefix("<rect") && previous.contains("rx=\"2\"") && previous.contains("class=\"gz-c\(slot)\""),
                    "\(sample): label without backdrop: \(line)")
            #expect(!line.contains("stroke="), "the halo is replaced by the backdrop")
            checked += 1
        }
        #expect(checked > 0, "\(sample) has no label on a pattern: the test checked nothing")
    }
}

/// WCAG contrast of the palette against the page background, in both modes.
@Suite struct PaletteContrastTests {
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ offset: Int) -> Double {
            let value = Double(Int(String(digits[offset..<offset + 2]), radix: 16) ?? 0) / 255
            return value <= 0.039_28 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test(arguments: [true, false])
    func marksReachThreeToOne(light: Bool) {
        let background = Theme.value("bg", light: light)
        for slot in 1...Theme.seriesLight.count {
            #expect(Self.contrast(Theme.value("c\(slot)", light: light), background) >= 3, "c\(slot) light=\(light)")
        }
        #expect(Self.contrast(Theme.value("axis", light: light), background) >= 3)
        #expect(Self.contrast("#FFFFFF", "#F0E442") < 3, "the check can fail: yellow on white is too pale")
    }

    @Test(arguments: [true, false])
    func textReachesFourAndAHalfToOne(light: Bool) {
        let background = Theme.value("bg", light: light)
        #expect(Self.contrast(Theme.value("text", light: light), background) >= 4.5)
        #expect(Self.contrast(Theme.value("muted", light: light), background) >= 4.5)
        #expect(Self.contrast(Theme.value("c1", light: light), background) >= 4.5, "the key figure is written in c1")
        for slot in 1...Theme.seriesLight.count {
            #expect(Self.contrast(Theme.value("on\(slot)", light: light), Theme.value("c\(slot)", light: light)) >= 4.5,
                    "label on c\(slot) light=\(light)")
        }
    }

    /// A highlight greys the other bars in the axis colour: they keep 3:1 on the page (above), and
    /// the value written inside one of them, in the first series' label colour, keeps 4.5:1 on it.
    @Test(arguments: [true, false])
    func labelsOnGreyedBarsReachFourAndAHalfToOne(light: Bool) throws {
        #expect(Paint.dimmed == Paint.axis)
        #expect(Self.contrast(Theme.value("on1", light: light), Theme.value("axis", light: light)) >= 4.5, "light=\(light)")
        let spec = ChartSpec(kind: .bar, title: "t", categories: ["Bretagne", "Île-de-France"],
                             series: [Series(name: "Part", values: [40, 60])], highlight: ["Île-de-France"])
        let svg = try ChartRenderer.render(spec)
        #expect(svg.contains("class=\"gz-axis\""), "the other bar is greyed")
        #expect(svg.contains("class=\"gz-on1\""), "its value is written inside it in the label colour")
    }
}
