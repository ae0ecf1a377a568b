import Testing
@testable import SVGPlot

@Suite struct TextMetricsTests {
    /// Advances read from the font files (units per em 2048): 'm' is 1706 in Liberation Sans and
    /// 1995 in DejaVu Sans, 'i' 455 and 569. The table keeps the wider, rounded up to 1/1000 em.
    @Test func usesTheWidestFontOfTheStack() {
        #expect(TextMetrics.width("m", size: 1000) == 975)
        #expect(TextMetrics.width("mi", size: 1000) == 975 + 278)
        #expect(TextMetrics.width("m", size: 1000) > 1706.0 / 2048 * 1000 * 1.15, "DejaVu is over 15 % wider here")
    }

    @Test func boldIsWider() {
        #expect(TextMetrics.width("Budget", size: 13, bold: true) > TextMetrics.width("Budget", size: 13))
    }

    @Test func unknownCharactersCountAsWide() {
        #expect(TextMetrics.width("漢", size: 10) >= 10)
        #expect(TextMetrics.width("e\u{301}", size: 10) == TextMetrics.width("e", size: 10), "combining marks take no room")
    }
}

@Suite struct TextWrappingTests {
    @Test func wrapsAtSpacesWithinWidth() {
        let text = "Formation et sensibilisation des usagers aux questions de cybersécurité"
        let wrapped = TextWrapping.wrap(text, width: 150, size: 13, maxLines: 5)
        #expect(wrapped.lines.count > 1)
        #expect(!wrapped.isTruncated)
        #expect(wrapped.lines.joined(separator: " ") == text)
        #expect(wrapped.lines.allSatisfy { TextMetrics.width($0, size: 13) <= 150 })
    }

    @Test func neverBreaksAtNoBreakSpaces() {
        let wrapped = TextWrapping.wrap("a 33\u{00A0}% b", width: TextMetrics.width("33\u{00A0}%", size: 13) + 1, size: 13)
        #expect(wrapped.lines.contains("33\u{00A0}%"))
    }

    @Test func cutsAWordTooLongWithAnEllipsis() {
        let wrapped = TextWrapping.wrap("anticonstitutionnellement", width: 60, size: 13)
        #expect(wrapped.isTruncated)
        #expect(wrapped.lines == [wrapped.lines[0]])
        #expect(wrapped.lines[0].hasSuffix("…"))
        #expect(TextMetrics.width(wrapped.lines[0], size: 13) <= 60)
    }

    @Test func limitsTheNumberOfLines() {
        let wrapped = TextWrapping.wrap(String(repeating: "mot ", count: 40), width: 80, size: 13, maxLines: 2)
        #expect(wrapped.lines.count == 2)
        #expect(wrapped.isTruncated)
        #expect(wrapped.lines[1].hasSuffix("…"))
    }
}
