import Foundation
import Testing
@testable import SVGPlot
import SVGPlotGallery

/// One committed SVG per chart kind and per feature (the gallery samples at 640 px). A change in drawing shows
/// as a diff here; re-record with `RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`,
/// after looking at the result (`make gallery`, or `rsvg-convert` on the files).
@Suite struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test(arguments: ChartSamples.byKind.map(\.0.rawValue) + ChartSamples.features.map(\.0))
    func matchesTheCommittedSnapshot(name: String) throws {
        let spec = try #require((ChartSamples.byKind.map { ($0.0.rawValue, $0.1) } + ChartSamples.features).first { $0.0 == name }?.1)
        let svg = try ChartRenderer.render(spec)
        let file = Self.folder.appendingPathComponent("\(name).svg")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(svg.utf8).write(to: file)
            return
        }
        let recorded = try #require(FileManager.default.contents(atPath: file.path), "no snapshot for \(name)")
        #expect(String(decoding: recorded, as: UTF8.self) == svg, "\(name).svg differs from what is drawn now")
    }
}
