import Yams

/// Reads the data sets of `Content/data/`: CSV files, or JSON and YAML lists of records.
enum DataSetParser {
    /// The table of `source`, by its extension.
    public static func table(from source: SourceFile) -> Result<DataTable, Diagnostic> {
        if source.path.lowercased().hasSuffix(".csv") { return CSVReader.read(source) }
        return records(from: source)
    }

    /// The table of a data set that no chart uses, read no further than needed to list it: a CSV
    /// file's header line (checked), nothing of a JSON or YAML file. Its rows are left empty.
    public static func header(of source: SourceFile) -> Result<DataTable, Diagnostic> {
        guard source.path.lowercased().hasSuffix(".csv") else {
            return .success(DataTable(file: source.path, columns: [], rows: [], decimalComma: false))
        }
        let header = source.text.prefix { $0 != "\n" }
        return CSVReader.read(SourceFile(path: source.path, text: String(header) + "\n"))
    }

    /// A JSON or YAML file holding a list of records (`- {Défi: Budget, Part: 23}`).
    static func records(from source: SourceFile) -> Result<DataTable, Diagnostic> {
        let parser = YAMLParser(source: source, firstLine: 1)
        let root: Node?
        switch parser.parse(source.text) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let node): root = node
        }
        guard case .sequence(let items)? = root else {
            return .failure(.error(.dataSetShape, "a data set must be a list of records (one mapping of column: value per row)",
                                   at: parser.location(of: root?.mark)))
        }
        var columns: [String] = []
        var maps: [[String: DataTable.Cell]] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                return .failure(.error(.dataSetShape, "each row must be a mapping of column: value", at: parser.location(of: item.mark)))
            }
            var row: [String: DataTable.Cell] = [:]
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                guard case .scalar(let scalar) = value else {
                    return .failure(.error(.dataSetShape, "the value of \"\(name)\" must be a single number or text", at: parser.location(of: value.mark)))
                }
                if !columns.contains(name) {
                    columns.append(name)
                }
                row[name] = DataTable.Cell(text: scalar.string, location: parser.location(of: value.mark))
            }
            maps.append(row)
        }
        let rows = zip(maps, items).map { row, item in
            columns.map { row[$0] ?? DataTable.Cell(text: "", location: parser.location(of: item.mark)) }
        }
        return .success(DataTable(file: source.path, columns: columns, rows: rows,
                                  decimalComma: false))
    }
}
