/// What loading `data/` gives: the checked catalog of charts and boards, the data sets by name,
/// and the problems found.
struct LoadedCharts: Sendable {
    let catalog: ChartCatalog
    let tables: [String: DataTable]
    let diagnostics: [Diagnostic]
}

extension ChartCatalog {
    /// The data sets and chart files of `data/`, read into a checked catalog; `unloadable` are the
    /// paths of data files that could not be loaded (already reported). A data set that no chart
    /// file names and whose name `isNamedInDocuments` does not find (no ```chart block can use it) is
    /// not parsed beyond its header line: it costs nothing but its reading.
    static func load(from files: [SourceFile], unloadable: Set<String> = [], dataFolder: String,
                     isNamedInDocuments: (String) -> Bool = { _ in true }) -> LoadedCharts {
        var diagnostics: [Diagnostic] = []
        var tables: [String: DataTable] = [:]
        var definitions: [ChartDefinition] = []
        var boards: [BoardDefinition] = []
        var dataSets: [(name: String, file: SourceFile)] = []
        var failedIDs: Set<String> = []
        var failedPhotos: [String: String] = [:], failedLegacyBoards: [String: String] = [:]
        // Files of data/ that could not be loaded: charts using them, or declared in them, add no error.
        var unreadable = Set(unloadable.map { $0.hasPrefix(dataFolder + "/") ? String($0.dropFirst(dataFolder.count + 1)) : $0 })
        var isIncomplete = unreadable.contains { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }
        let prefix = dataFolder + "/"
        for file in files {
            let name = file.path.hasPrefix(prefix) ? String(file.path.dropFirst(prefix.count)) : file.path
            let isYAML = name.hasSuffix(".yml") || name.hasSuffix(".yaml")
            if isYAML, ChartCatalogParser.declaresCharts(file) {
                let chartFile = ChartCatalogParser.parse(file)
                definitions += chartFile.charts
                boards += chartFile.boards
                diagnostics += chartFile.diagnostics
                failedIDs.formUnion(chartFile.failedIDs)
                failedPhotos.merge(chartFile.failedPhotos) { first, _ in first }
                failedLegacyBoards.merge(chartFile.failedLegacyBoards) { first, _ in first }
                isIncomplete = isIncomplete || chartFile.isUnreadable
                continue
            }
            dataSets.append((name, file))
        }
        let named = Set(definitions.compactMap(\.data?.file))
        for (name, file) in dataSets {
            let isUsed = named.contains(name) || isNamedInDocuments(name)
            switch isUsed ? DataSetParser.table(from: file) : DataSetParser.header(of: file) {
            case .success(let table): tables[name] = table
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                unreadable.insert(name)
            }
        }
        let (catalog, problems) = ChartCatalog.build(charts: definitions, boards: boards, tables: tables,
                                                     unreadableTables: unreadable, failedIDs: failedIDs,
                                                     failedLegacyIDs: (failedPhotos, failedLegacyBoards),
                                                     isIncomplete: isIncomplete, dataFolder: dataFolder)
        return LoadedCharts(catalog: catalog, tables: tables, diagnostics: diagnostics + problems)
    }
}
