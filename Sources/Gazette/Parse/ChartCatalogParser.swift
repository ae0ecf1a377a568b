import Wording
import Foundation
import SVGPlot
import Yams

/// A chart declared in a spec file, before its data set is bound.
struct ChartDefinition: Sendable {
    public var id: String
    /// Where the chart is declared (its `id:` line).
    public var location: SourceLocation
    /// Legacy `[photo=…]` id of the source site.
    public var photo: String?
    /// The spec as written (its values may still come from `data`).
    public var spec: ChartSpec
    /// A data set file of `Content/data/` and the columns to read, when the values are not inline.
    public var data: DataBinding?
    /// Where each field of the spec is written, by path (`series[1].values[2]`).
    public var fieldLocations: [String: SourceLocation]

    /// The best location for an error about `field`: the field itself, else its closest parent.
    public func location(of field: String) -> SourceLocation {
        Self.nearest(field, in: fieldLocations) ?? location
    }

    /// The location of `field` in `locations`, else of its closest parent (`series[1]`, `series`).
    static func nearest(_ field: String, in locations: [String: SourceLocation]) -> SourceLocation? {
        var path = field
        while !path.isEmpty {
            if let location = locations[path] { return location }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = String(path[..<cut])
        }
        return nil
    }
}

/// Which file and columns feed a chart.
struct DataBinding: Sendable {
    /// Path below `Content/data/`.
    public var file: String
    public var fileLocation: SourceLocation
    /// Column of categories (bar, column, donut…) or of x values (line, area).
    public var category: String?
    public var categoryLocation: SourceLocation
    /// One series per column, named after it.
    public var values: [String]
    public var valueLocations: [SourceLocation]
}

/// A titled grid of charts (`[board=…]`).
struct BoardDefinition: Sendable {
    public var id: String
    public var location: SourceLocation
    public var board: String?
    public var title: String
    public var chartIDs: [(id: String, location: SourceLocation)]
}

/// Reads the chart spec files of `Content/data/` (YAML with `charts:` and/or `boards:`).
enum ChartCatalogParser {
    /// Whether a YAML file of `data/` declares charts rather than holding a data set.
    public static func declaresCharts(_ source: SourceFile) -> Bool {
        source.text.split(separator: "\n").contains { $0.hasPrefix("charts:") || $0.hasPrefix("boards:") }
    }

    /// What one chart file declares, and what went wrong in it.
    public struct ChartFile {
        public var charts: [ChartDefinition] = []
        public var boards: [BoardDefinition] = []
        public var diagnostics: [Diagnostic] = []
        /// Ids of charts and boards that are declared but in error (reported here, not again where they are used).
        public var failedIDs: Set<String> = []
        /// The legacy ids (`photo:`, `board:`) of those charts and boards, with their ids: an
        /// article's `[photo=…]` naming one is not reported again either.
        public var failedPhotos: [String: String] = [:]
        public var failedLegacyBoards: [String: String] = [:]
        /// The file could not be read as a whole: any id may have been declared in it.
        public var isUnreadable = false
    }

    /// The charts and boards of one spec file, and every problem found in it.
    public static func parse(_ source: SourceFile) -> ChartFile {
        let parser = YAMLParser(source: source, firstLine: 1)
        var file = ChartFile()
        let root: Node?
        switch parser.parse(source.text) {
        case .failure(let diagnostic):
            return ChartFile(diagnostics: [diagnostic], isUnreadable: true)
        case .success(let node): root = node
        }
        guard case .mapping(let mapping)? = root else {
            return ChartFile(diagnostics: [.error(.chartFileShape, "a chart file must be a mapping with charts: and/or boards:", at: parser.location(of: root?.mark))],
                             isUnreadable: true)
        }
        for (key, value) in mapping {
            switch key.string {
            case "charts", "boards":
                let isChart = key.string == "charts"
                for item in value.sequence.map(Array.init) ?? [] {
                    var failure: Diagnostic?
                    if isChart {
                        switch chart(item, parser: parser) {
                        case .success(let definition): file.charts.append(definition)
                        case .failure(let diagnostic): failure = diagnostic
                        }
                    } else {
                        switch board(item, parser: parser) {
                        case .success(let definition): file.boards.append(definition)
                        case .failure(let diagnostic): failure = diagnostic
                        }
                    }
                    if let failure {
                        file.diagnostics.append(failure)
                        if let id = item.mapping?["id"]?.string {
                            file.failedIDs.insert(id)
                            if isChart, let photo = item.mapping?["photo"]?.string { file.failedPhotos[photo] = id }
                            if !isChart, let board = item.mapping?["board"]?.string { file.failedLegacyBoards[board] = id }
                        }
                    }
                }
            default:
                file.diagnostics.append(.warning(.unknownKey, "unknown key '\(key.string ?? "")' is ignored (expected charts: or boards:)",
                                                 at: parser.location(of: key.mark)))
            }
        }
        return file
    }

    /// Keys of a chart besides those of `ChartSpec`.
    static let gazetteKeys: Set<String> = ["id", "photo", "data", "columns"]
    static let specKeys: Set<String> = ["kind", "title", "subtitle", "source", "note", "unit", "locale", "categories",
                                        "series", "x", "points", "value", "label", "total", "rules", "bands", "highlight", "x_title", "y_title", "annotations", "facet", "options"]
    /// The fields of one note (`annotations:`): a misspelt one would point the note elsewhere unseen.
    static let annotationKeys: Set<String> = ["text", "category", "x", "series", "value"]

    /// One decoder for every chart: making a `YAMLDecoder` has Yams read the whole environment to
    /// pick its default encoding (350 000 instructions, twice per chart: 3.5 % of a rebuild). A
    /// decode only reads the decoder's options, so every thread shares this one.
    nonisolated(unsafe) private static let chartDecoder = YAMLDecoder(encoding: .utf8)

    /// One chart: `id`, optional legacy `photo`, the `ChartSpec` fields, and `data`/`columns` or inline values.
    static func chart(_ node: Node, parser: YAMLParser, requireID: Bool = true) -> Result<ChartDefinition, Diagnostic> {
        guard case .mapping(let mapping) = node else {
            return .failure(.error(.chartFileShape, "a chart must be a mapping of its fields (id, kind, title…)", at: parser.location(of: node.mark)))
        }
        let id = mapping["id"]?.string
        if requireID, id == nil || id?.isEmpty == true {
            return .failure(.error(.missingField, "a chart needs an id: (used by ```chart blocks and by boards)", at: parser.location(of: node.mark)))
        }
        if let id, !id.isEmpty, let problem = idProblem(id) {
            return .failure(.error(.invalidID, problem, at: parser.location(of: mapping["id"]?.mark)))
        }
        for (key, _) in mapping {
            guard let name = key.string, !gazetteKeys.contains(name), !specKeys.contains(name) else { continue }
            let hint = Suggestion.hint(for: name, among: gazetteKeys.union(specKeys))
            return .failure(.error(.unknownChartField, "unknown chart field '\(name)'\(hint)", at: parser.location(of: key.mark)))
        }
        if case .sequence(let notes)? = mapping["annotations"] {
            for case .mapping(let note) in notes {
                for (key, _) in note {
                    guard let name = key.string, !annotationKeys.contains(name) else { continue }
                    let hint = Suggestion.hint(for: name, among: annotationKeys)
                    return .failure(.error(.unknownChartField, "unknown field '\(name)' of a note\(hint)", at: parser.location(of: key.mark)))
                }
            }
        }
        var locations: [String: SourceLocation] = [:]
        collectLocations(node, path: "", parser: parser, into: &locations)
        let spec: ChartSpec
        do {
            spec = try chartDecoder.decode(ChartSpec.self, from: node)
        } catch let error as ChartSpecError {
            return .failure(.error(.invalidChart, error.explained, at: locations[error.field] ?? parser.location(of: node.mark)))
        } catch let error as DecodingError {
            let (field, message) = describe(error)
            let at = ChartDefinition.nearest(field, in: locations) ?? parser.location(of: node.mark)
            return .failure(.error(.invalidChart, "\(field.isEmpty ? "chart" : field): \(message)", at: at))
        } catch {
            return .failure(.error(.invalidChart, "invalid chart: \(error)", at: parser.location(of: node.mark)))
        }
        var binding: DataBinding?
        if let dataNode = mapping["data"] {
            guard let file = dataNode.string, !file.isEmpty else {
                return .failure(.error(.invalidField, "data: must name a file of Content/data/", at: parser.location(of: dataNode.mark)))
            }
            let columns = mapping["columns"]
            let category = columns?.mapping?["category"]
            let values = columns?.mapping?["values"]
            let valueNames = values?.sequence.map { $0.compactMap(\.string) } ?? (values?.string).map { [$0] } ?? []
            guard !valueNames.isEmpty else {
                return .failure(.error(.missingField, "columns: needs values: (the columns holding the numbers)",
                                       at: parser.location(of: (columns ?? dataNode).mark)))
            }
            binding = DataBinding(
                file: file, fileLocation: parser.location(of: dataNode.mark), category: category?.string,
                categoryLocation: parser.location(of: (category ?? columns ?? dataNode).mark), values: valueNames,
                valueLocations: values?.sequence.map { $0.map { parser.location(of: $0.mark) } }
                    ?? [parser.location(of: values?.mark)])
        }
        return .success(ChartDefinition(id: id ?? "", location: parser.location(of: (mapping["id"] ?? node).mark),
                                        photo: mapping["photo"]?.string, spec: spec, data: binding, fieldLocations: locations))
    }

    static func board(_ node: Node, parser: YAMLParser) -> Result<BoardDefinition, Diagnostic> {
        guard case .mapping(let mapping) = node, let id = mapping["id"]?.string, !id.isEmpty else {
            return .failure(.error(.missingField, "a board needs an id:", at: parser.location(of: node.mark)))
        }
        if let problem = idProblem(id) {
            return .failure(.error(.invalidID, problem, at: parser.location(of: mapping["id"]?.mark)))
        }
        guard let title = mapping["title"]?.string, !title.isEmpty else {
            return .failure(.error(.missingField, "board '\(id)' needs a title:", at: parser.location(of: node.mark)))
        }
        guard let charts = mapping["charts"]?.sequence, !charts.isEmpty else {
            return .failure(.error(.missingField, "board '\(id)' needs charts: (a list of chart ids)", at: parser.location(of: node.mark)))
        }
        return .success(BoardDefinition(id: id, location: parser.location(of: mapping["id"]?.mark), board: mapping["board"]?.string,
                                        title: title, chartIDs: charts.map { ($0.string ?? "", parser.location(of: $0.mark)) }))
    }

    /// Why `id` cannot name a chart or board, or nil. Ids name files (`Output/data/ID.csv`), so they
    /// take the slug form: no `/`, `..`, capitals (which collide on case-insensitive disks) or spaces.
    static func idProblem(_ id: String) -> Phrase? {
        guard !Slug.isValid(id) else { return nil }
        let suggestion = Slug.make(from: id)
        return suggestion.isEmpty ? "id '\(id)' may only hold lower-case letters a–z, digits and single hyphens"
            : "id '\(id)' may only hold lower-case letters a–z, digits and single hyphens (try '\(suggestion)')"
    }

    /// Field path → location for every node below `node` (`series[0].values[1]`).
    static func collectLocations(_ node: Node, path: String, parser: YAMLParser, into locations: inout [String: SourceLocation]) {
        if !path.isEmpty { locations[path] = parser.location(of: node.mark) }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                collectLocations(value, path: path.isEmpty ? name : path + "." + name, parser: parser, into: &locations)
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() {
                collectLocations(item, path: path + "[\(index)]", parser: parser, into: &locations)
            }
        default:
            break
        }
    }

    /// The field path and a readable message of a decoding error.
    static func describe(_ error: DecodingError) -> (String, Phrase) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce("") { result, key in
                if let index = key.intValue { return result + "[\(index)]" }
                return result.isEmpty ? key.stringValue : result + "." + key.stringValue
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            let expected: Phrase = type == Double.self ? "a number" : type == String.self ? "a text" : Phrase(verbatim: "\(type)")
            return (path(context.codingPath), "expected \(expected)")
        case .valueNotFound(_, let context):
            return (path(context.codingPath), "a value is missing")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "missing required field '\(key.stringValue)'")
        case .dataCorrupted(let context):
            return (path(context.codingPath), Phrase(verbatim: context.debugDescription))
        @unknown default:
            return ("", "\(error)")
        }
    }
}
