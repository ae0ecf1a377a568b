import Testing
@testable import SVGPlot

/// For hundreds of random specs of every kind (with 0–5 notes each) and of small multiples: no
/// text overlaps another, none leaves the view box, no note covers a mark, the SVG is well-formed
/// XML and the same spec gives the same bytes.
@Suite struct ChartGeometryPropertyTests {
    static let specsPerKind = 160

    @Test(arguments: ChartKind.allCases)
    func textsNeverOverlapNorLeaveTheViewBox(kind: ChartKind) throws {
        for index in 0..<Self.specsPerKind {
            let seed = UInt64(index) &* 7919 &+ UInt64(kind.rawValue.count)
            check(RandomSpecs.spec(kind: kind, seed: seed), seed: seed, deeply: index % 20 == 0)
        }
    }

    /// Small multiples of every kind that takes them, with notes in their panels.
    @Test(arguments: [ChartKind.bar, .column, .line, .area])
    func smallMultiplesNeverOverlapNorLeaveTheViewBox(kind: ChartKind) throws {
        for index in 0..<Self.specsPerKind / 2 {
            let seed = UInt64(index) &* 6151 &+ 17
            check(RandomSpecs.facetted(kind: kind, seed: seed), seed: seed, deeply: index % 20 == 0)
        }
    }

    /// Draws `spec` and checks its geometry; `deeply` also parses it as XML and draws it again.
    private func check(_ spec: ChartSpec, seed: UInt64, deeply: Bool) {
        let svg: String
        do {
            svg = try ChartRenderer.render(spec)
        } catch {
            Issue.record("seed \(seed): generated spec rejected: \(error)")
            return
        }
        let inspector = SVGInspector(svg)
        let kind = spec.kind
        #expect(inspector.overlappingTexts.isEmpty, "seed \(seed), \(kind): \(inspector.overlappingTexts.prefix(3))")
        #expect(inspector.textsOutsideViewBox.isEmpty, "seed \(seed), \(kind): \(inspector.textsOutsideViewBox.prefix(3)) in \(inspector.width)×\(inspector.height)")
        #expect(inspector.notesOverMarks.isEmpty, "seed \(seed), \(kind): notes over marks \(inspector.notesOverMarks.prefix(3))")
        if deeply {
            #expect(inspector.xmlError == nil, "seed \(seed): \(inspector.xmlError ?? "")")
            #expect((try? ChartRenderer.render(spec)) == svg, "seed \(seed): not deterministic")
        }
    }
}
