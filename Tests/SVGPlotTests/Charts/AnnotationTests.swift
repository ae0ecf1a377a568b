import Foundation
import Testing
@testable import SVGPlot

/// Notes (`annotations`): where they are refused, how they are read, where they go, and what a
/// phone does with a note that fits nowhere.
@Suite struct AnnotationTests {
    let columns = ChartSpec(kind: .column, title: "Délai", categories: ["T1", "T2", "T3", "T4"],
                            series: [Series(name: "Jours", values: [41, 35, 22, 18])])
    let lines = ChartSpec(kind: .line, title: "Incidents", series: [Series(name: "Rançongiciels", values: [12, 15, 11]),
                                                                     Series(name: "Hameçonnage", values: [30, 28, 35])],
                          x: ["2022", "2023", "2024"])

    @Test func badNotesNameTheirField() {
        var spec = columns
        spec.annotations = [ChartAnnotation(text: "Nouvel outil", category: "T9")]
        #expect(errorField(of: spec) == "annotations[0].category")
        spec.annotations = [ChartAnnotation(text: "  ", category: "T1")]
        #expect(errorField(of: spec) == "annotations[0].text")
        spec.annotations = [ChartAnnotation(text: "Nouvel outil", x: "T1")]
        #expect(errorField(of: spec) == "annotations[0].category")
        spec.annotations = [ChartAnnotation(text: "a", category: "T1", series: "Heures")]
        #expect(errorField(of: spec) == "annotations[0].series")
        spec.annotations = Array(repeating: ChartAnnotation(text: "a", category: "T1"), count: 9)
        #expect(errorField(of: spec) == "annotations")
        var line = lines
        line.annotations = [ChartAnnotation(text: "a", x: "2025")]
        #expect(errorField(of: line) == "annotations[0].x")
        line.annotations = [ChartAnnotation(text: "a", x: "2023", value: .nan)]
        #expect(errorField(of: line) == "annotations[0].value")
        var scatter = ChartSpec(kind: .scatter, title: "t", points: [Point(x: 1, y: 2)])
        scatter.annotations = [ChartAnnotation(text: "a", x: "un")]
        #expect(errorField(of: scatter) == "annotations[0].x")
        scatter.annotations = [ChartAnnotation(text: "a", x: "1")]
        #expect(errorField(of: scatter) == "annotations[0].value")
        var donut = ChartSpec(kind: .donut, title: "t", categories: ["a"], series: [Series(name: "s", values: [1])])
        donut.annotations = [ChartAnnotation(text: "a", category: "a")]
        #expect(errorField(of: donut) == "annotations")
        var stack = ChartSpec(kind: .stackedBar100, title: "t", unit: .percent, categories: ["a"],
                              series: [Series(name: "s", values: [40]), Series(name: "u", values: [60])])
        stack.annotations = [ChartAnnotation(text: "a", category: "a", value: 120)]
        #expect(errorField(of: stack) == "annotations[0].value")
    }

    @Test func theyAreReadFromJSONWithNumbersAsX() throws {
        let json = #"{"kind": "line", "title": "t", "x": [2022, 2023], "series": [{"name": "s", "values": [1, 2]}], "annotations": [{"text": "Record", "x": 2023, "value": 2}]}"#
        let spec = try JSONDecoder().decode(ChartSpec.self, from: Data(json.utf8))
        #expect(spec.annotations == [ChartAnnotation(text: "Record", x: "2023", value: 2)])
        #expect(errorField(of: spec) == nil)
    }

    @Test func theDescriptionReadsEachNoteWithItsPlace() throws {
        var spec = lines
        spec.annotations = [ChartAnnotation(text: "Attaque d’un CHU", x: "2023", series: "Rançongiciels")]
        let svg = try ChartRenderer.render(spec)
        #expect(svg.contains("Annotation, 2023 (Rançongiciels)\u{A0}: Attaque d’un CHU.</desc>"))
    }

    @Test func aNoteMayPointAtAValueAlone() throws {
        var spec = lines
        spec.annotations = [ChartAnnotation(text: "Seuil d’alerte", value: 20)]
        let svg = try ChartRenderer.render(spec)
        #expect(SVGInspector(svg).noteTexts.map(\.content) == ["Seuil d’alerte"])
        #expect(svg.contains("Annotation, 20\u{A0}: Seuil d’alerte."))
        var slope = ChartSpec(kind: .slope, title: "t", categories: ["a"], series: [Series(name: "2021", values: [1]), Series(name: "2023", values: [2])])
        slope.annotations = [ChartAnnotation(text: "a", value: 1)]
        #expect(errorField(of: slope) == "annotations[0].category", "a slope's notes point at a category")
    }

    /// A note's value is read as the axis writes it: with the chart's unit (a ratio as a percentage).
    @Test(arguments: [(ValueUnit.percent, 20.0, "20\u{A0}%"), (.ratio, 0.2, "20\u{A0}%"), (.euro, 1500, "1500\u{A0}€"), (.none, 20, "20")])
    func aNotesValueIsReadInTheChartsUnit(unit: ValueUnit, value: Double, read: String) throws {
        var spec = lines
        spec.unit = unit
        spec.series = spec.series.map { Series(name: $0.name, values: $0.values.map { unit == .ratio ? $0 / 100 : $0 }) }
        spec.annotations = [ChartAnnotation(text: "Seuil d’alerte", value: value)]
        #expect(try ChartRenderer.render(spec).contains("Annotation, \(read)\u{A0}: Seuil d’alerte."))
    }

    @Test func aNoteStandsBesideItsAnchorJoinedByALeader() throws {
        var spec = columns
        spec.options.valueLabels = false
        spec.annotations = [ChartAnnotation(text: "Nouvel outil", category: "T3")]
        let svg = try ChartRenderer.render(spec)
        let note = try #require(SVGInspector(svg).noteTexts.first)
        // The T3 column's top: the third of four bands, at 22 on the axis.
        let leader = try #require(SVGInspector.capture(#"<g class="gz-note">\n<line x1="([-0-9.]+)" y1="([-0-9.]+)" x2="([-0-9.]+)" y2="([-0-9.]+)""#, in: svg).first)
            .compactMap(Double.init)
        #expect(leader.count == 4)
        let anchorX = leader[0], noteDistance = min(abs(note.minX - leader[2]), abs(note.maxX - leader[2]), abs(note.minY - leader[3]), abs(note.maxY - leader[3]))
        #expect(noteDistance <= 2.01, "the leader ends on the note's edge")
        #expect((note.minX - 110...note.maxX + 110).contains(anchorX), "the note stays near its column")
        #expect(!svg.contains("<circle"), "placed, not numbered")
    }

    @Test func onAPhoneANoteThatFitsNowhereBecomesANumberedMarkerAndItsTextGoesUnder() throws {
        var spec = ChartSpec(kind: .column, title: "Délai", categories: (1...12).map { "M\($0)" },
                             series: [Series(name: "Jours", values: (1...12).map { Double(40 + $0 % 3) })])
        spec.options.width = 335
        spec.annotations = [ChartAnnotation(text: "Un texte de note bien trop long pour trouver une place libre dans un graphique de téléphone où chaque colonne porte déjà sa valeur et où la grille occupe tout", category: "M6")]
        let svg = try ChartRenderer.render(spec)
        let inspector = SVGInspector(svg)
        #expect(inspector.noteTexts.isEmpty)
        #expect(svg.contains("<circle"))
        #expect(inspector.texts.filter { $0.content == "1" }.count == 2, "the number on the marker and before the text")
        let listed = try #require(inspector.texts.first { $0.content.hasPrefix("Un texte de note") })
        let axisLabel = try #require(inspector.texts.first { $0.content == "M6" })
        #expect(listed.minY > axisLabel.maxY, "the text is under the chart")
        #expect(inspector.overlappingTexts.isEmpty)
    }

    /// The halo behind a note (and scatter and reference labels) is a `style`: HTML's validator
    /// refuses `paint-order` as an attribute of inline SVG, and the site's pages must stay valid.
    @Test func halosAreStylesThatHTMLAccepts() throws {
        var spec = lines
        spec.annotations = [ChartAnnotation(text: "Record", x: "2024", series: "Hameçonnage")]
        let svg = try ChartRenderer.render(spec)
        #expect(svg.contains("style=\"paint-order:stroke\""))
        #expect(!svg.contains(" paint-order="))
    }
}
