import Foundation

/// A data set read from CSV, JSON or YAML: named columns and rows of cells, each cell located.
struct DataTable: Sendable {
    /// One value of the table and where it is written.
    public struct Cell: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation
    }

    /// The file the table comes from.
    public var file: String
    /// Column names, from the header row (CSV) or the keys of the records (JSON, YAML).
    public var columns: [String]
    /// The rows; every row has one cell per column (a missing JSON/YAML key is an empty cell).
    public var rows: [[Cell]]
    /// Whether numbers use a decimal comma (French `;`-separated exports).
    public var decimalComma: Bool

    /// The index of `name` among the columns.
    public func columnIndex(_ name: String) -> Int? { columns.firstIndex(of: name) }

    /// The number in `cell`, reading `33,5` as 33.5 when the table uses decimal commas and
    /// ignoring grouping spaces and a trailing `%`; nil when the cell is not a number.
    public func number(in cell: Cell) -> Double? {
        var text = cell.text.trimmingCharacters(in: .whitespaces)
        text.removeAll { $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == " " }
        if text.hasSuffix("%") { text.removeLast() }
        text = text.replacingOccurrences(of: "\u{2212}", with: "-")
        if decimalComma { text = text.replacingOccurrences(of: ",", with: ".") }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
