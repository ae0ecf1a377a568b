import Testing
@testable import SVGPlot

/// For hundreds of random specs of every kind: no text overlaps another, none leaves the view
/// box, the SVG is well-formed XML and the same spec gives the same bytes.
@Suite struct ChartGeometryPropertyTests {
    static let specsPerKind = 160

    @Test(arguments: ChartKind.allCases)
    func textsNeverOverlapNorLeaveTheViewBox(kind: ChartKind) throws {
        for index in 0..<Self.specsPerKind {
            let seed = UInt64(index) &* 7919 &+ UInt64(kind.rawValue.count)
            let spec = RandomSpecs.spec(kind: kind, seed: seed)
            let svg: String
            do {
                svg = try ChartRenderer.render(spec)
            } catch {
                Issue.record("seed \(seed): generated spec rejected: \(error)")
                continue
            }
            let inspector = SVGInspector(svg)
            #expect(inspector.overlappingTexts.isEmpty, "seed \(seed), \(kind): \(inspector.overlappingTexts.prefix(3))")
            #expect(inspector.textsOutsideViewBox.isEmpty, "seed \(seed), \(kind): \(inspector.textsOutsideViewBox.prefix(3)) in \(inspector.width)×\(inspector.height)")
            #expect(inspector.notesOverMarks.isEmpty, "seed \(seed), \(kind): notes over marks \(inspector.notesOverMarks.prefix(3))")
            if index % 20 == 0 {
                #expect(inspector.xmlError == nil, "seed \(seed): \(inspector.xmlError ?? "")")
                #expect(try ChartRenderer.render(spec) == svg, "seed \(seed): not deterministic")
            }
        }
    }

    /// Small multiples of every kind that takes them, with notes in their panels: same checks.
    @Test(arguments: [ChartKind.bar, .column, .line, .area])
    func smallMultiplesNeverOverlapNorLeaveTheViewBox(kind: ChartKind) throws {
        for index in 0..<Self.specsPerKind / 2 {
            let seed = UInt64(index) &* 6151 &+ 17
            let spec = RandomSpecs.facetted(kind: kind, seed: seed)
            let svg: String
            do {
                svg = try ChartRenderer.render(spec)
            } catch {
                Issue.record("seed \(seed): generated spec rejected: \(error)")
                continue
            }
            let inspector = SVGInspector(svg)
            #expect(inspector.overlappingTexts.isEmpty, "seed \(seed), \(kind): \(inspector.overlappingTexts.prefix(3))")
            #expect(inspector.textsOutsideViewBox.isEmpty, "seed \(seed), \(kind): \(inspector.textsOutsideViewBox.prefix(3))")
            #expect(inspector.notesOverMarks.isEmpty, "seed \(seed), \(kind): notes over marks \(inspector.notesOverMarks.prefix(3))")
        }
    }
}
