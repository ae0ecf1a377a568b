import Wording
import Foundation
import SVGPlot

/// A chart ready to draw: its id, its complete spec, and the data behind it.
struct ResolvedChart: Sendable, Equatable, Codable {
    public var id: String
    public var spec: ChartSpec
    /// Where the chart is declared (a chart file or a ```chart block), to tell two charts of one id apart.
    public var declaration: SourceLocation
    /// The files it is made from (its declaration, its data set), by path as shown: what an
    /// incremental build compares to know whether it changed.
    public var sources: [String] = []
}

/// A titled grid of charts.
struct ResolvedBoard: Sendable, Equatable, Codable {
    public var id, title: String
    public var charts: [ResolvedChart]
}

/// Every chart and board declared in `Content/data/`, with data bound and specs checked,
/// addressable by id and by the legacy ids of the source site.
struct ChartCatalog: Sendable {
    public private(set) var charts: [String: ResolvedChart] = [:]
    public private(set) var boards: [String: ResolvedBoard] = [:]
    /// `[photo=…]` id → chart id.
    public private(set) var photos: [String: String] = [:]
    /// `[board=…]` id → board id.
    public private(set) var legacyBoards: [String: String] = [:]
    /// Charts and boards declared but in error (already reported): embeds of them add no new error.
    public private(set) var failed: Set<String> = []
    /// A chart file could not be read whole: an unknown id may be declared in it, so none is reported.
    public private(set) var isIncomplete = false

    /// An empty catalog.
    public init() {}

    /// Binds data sets to chart definitions, checks every spec with SVGPlot, and resolves boards.
    public static func build(charts definitions: [ChartDefinition], boards boardDefinitions: [BoardDefinition],
                             tables: [String: DataTable], unreadableTables: Set<String> = [],
                             failedIDs: Set<String> = [], failedLegacyIDs: (photos: [String: String], boards: [String: String]) = ([:], [:]),
                             isIncomplete: Bool = false, dataFolder: String) -> (ChartCatalog, [Diagnostic]) {
        var catalog = ChartCatalog()
        catalog.failed = failedIDs
        catalog.isIncomplete = isIncomplete
        var diagnostics: [Diagnostic] = []
        var declared = FirstClaims(code: .duplicateID, note: "first declared here")
        var photoDeclared = FirstClaims(code: .duplicateID, note: "first given here")
        for definition in definitions {
            guard declared.claim(definition.id, at: definition.location, diagnostics: &diagnostics, refusal: {
                "chart id '\(definition.id)' is already declared at \($0)"
            }) else { continue }
            if let photo = definition.photo, photoDeclared.claim(photo, at: definition.location, diagnostics: &diagnostics, refusal: {
                "legacy id photo \(photo) is already given to a chart at \($0)"
            }) {
                catalog.photos[photo] = definition.id
            }
            if let file = definition.data?.file, unreadableTables.contains(file) {
                catalog.failed.insert(definition.id)
                continue
            }
            switch resolve(definition, tables: tables, dataFolder: dataFolder) {
            case .success(let chart): catalog.charts[chart.id] = chart
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                catalog.failed.insert(definition.id)
            }
        }
        var boardDeclared = FirstClaims(code: .duplicateID, note: "first declared here")
        for board in boardDefinitions {
            guard boardDeclared.claim(board.id, at: board.location, diagnostics: &diagnostics, refusal: {
                "board id '\(board.id)' is already declared at \($0)"
            }) else { continue }
            var charts: [ResolvedChart] = []
            for (id, location) in board.chartIDs {
                if let chart = catalog.charts[id] {
                    charts.append(chart)
                } else if catalog.failed.contains(id) {
                    catalog.failed.insert(board.id)
                } else if declared.places[id] == nil, !catalog.isIncomplete {
                    let hint = Suggestion.hint(for: id, among: declared.places.keys)
                    diagnostics.append(.error(.unknownChart, "board '\(board.id)' lists unknown chart '\(id)'\(hint)", at: location))
                }
            }
            if let legacy = board.board {
                if catalog.legacyBoards[legacy] != nil {
                    diagnostics.append(.error(.duplicateID, "legacy id board \(legacy) is already given to another board", at: board.location))
                } else {
                    catalog.legacyBoards[legacy] = board.id
                }
            }
            catalog.boards[board.id] = ResolvedBoard(id: board.id, title: board.title, charts: charts)
        }
        // Legacy ids of charts and boards in error where they are declared: known, so that the
        // articles naming them are not reported too (their ids are in `failed`).
        catalog.photos.merge(failedLegacyIDs.photos) { declared, _ in declared }
        catalog.legacyBoards.merge(failedLegacyIDs.boards) { declared, _ in declared }
        return (catalog, diagnostics)
    }

    /// The spec of `definition` with its data set bound, checked by SVGPlot; errors point at the
    /// faulty YAML field or CSV cell.
    static func resolve(_ definition: ChartDefinition, tables: [String: DataTable], dataFolder: String) -> Result<ResolvedChart, Diagnostic> {
        var spec = definition.spec
        var locations = definition.fieldLocations
        var sources = [definition.location.file]
        if let binding = definition.data {
            guard let table = tables[binding.file] else {
                let hint = Suggestion.hint(for: binding.file, among: tables.keys)
                return .failure(.error(.dataFileNotFound, "data file '\(binding.file)' not found in \(dataFolder)/\(hint)", at: binding.fileLocation))
            }
            sources.append(table.file)
            func column(_ name: String, at location: SourceLocation) -> Result<Int, Diagnostic> {
                if let index = table.columnIndex(name) { return .success(index) }
                let hint = Suggestion.hint(for: name, among: table.columns)
                return .failure(.error(.unknownColumn, "column '\(name)' is not in \(table.file) (its columns: \(table.columns.joined(separator: ", ")))\(hint)", at: location))
            }
            var labels: [String] = []
            if let category = binding.category {
                switch column(category, at: binding.categoryLocation) {
                case .failure(let diagnostic): return .failure(diagnostic)
                case .success(let index):
                    labels = table.rows.map { $0[index].text }
                    let field = spec.kind == .line || spec.kind == .area ? "x" : "categories"
                    for (row, cells) in table.rows.enumerated() { locations["\(field)[\(row)]"] = cells[index].location }
                }
            }
            var series: [Series] = []
            for (position, name) in binding.values.enumerated() {
                let location = position < binding.valueLocations.count ? binding.valueLocations[position] : binding.categoryLocation
                switch column(name, at: location) {
                case .failure(let diagnostic): return .failure(diagnostic)
                case .success(let index):
                    var values: [Double] = []
                    for (row, cells) in table.rows.enumerated() {
                        let cell = cells[index]
                        guard let value = table.number(in: cell) else {
                            let message: Phrase = cell.text.trimmingCharacters(in: .whitespaces).isEmpty
                                ? "cell of column '\(name)' is empty: a chart has no way to show a missing value; write 0 if the value is zero, otherwise leave this row out of the data file, or chart this column from a file without it"
                                : "cell \"\(cell.text)\" of column '\(name)' is not a number"
                            return .failure(.error(.notANumber, message, at: cell.location))
                        }
                        values.append(value)
                        locations["series[\(position)].values[\(row)]"] = cell.location
                    }
                    series.append(Series(name: name, values: values))
                }
            }
            spec.series = series
            if spec.kind == .line || spec.kind == .area { spec.x = labels } else { spec.categories = labels }
        }
        do {
            try ChartRenderer.validate(spec)
        } catch {
            var resolved = definition
            resolved.fieldLocations = locations
            return .failure(.error(.invalidChart, "chart '\(definition.id)': \(error.explained)", at: resolved.location(of: error.field)))
        }
        return .success(ResolvedChart(id: definition.id, spec: spec, declaration: definition.location, sources: sources))
    }
}
