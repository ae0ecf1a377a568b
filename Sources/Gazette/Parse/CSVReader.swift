import Wording
import Foundation

/// An RFC 4180 CSV reader that knows where every cell is, so that a bad cell can be pointed at.
///
/// Accepts UTF-8 with or without BOM (removed when the file is loaded), CRLF or LF line ends,
/// quoted fields with embedded separators, newlines and doubled quotes, and `,` or `;` as
/// separator (chosen from the header line; `;` files read numbers with a decimal comma).
/// Written for Gazette rather than taken from a library because errors must carry the line and
/// column of the faulty cell, which neither CSV package available here reports.
enum CSVReader {
    /// Reads `source` into a table; the first problem found is a located diagnostic.
    public static func read(_ source: SourceFile) -> Result<DataTable, Diagnostic> {
        let scalars = Array(source.text.unicodeScalars)
        let separator = detectSeparator(scalars)
        var records: [[DataTable.Cell]] = []
        var record: [DataTable.Cell] = []
        var field = String.UnicodeScalarView()
        var fieldStart = (line: 1, column: 1)
        var line = 1, column = 1
        var index = 0
        var atFieldStart = true
        var recordIsBlank = true

        func finishField() {
            record.append(DataTable.Cell(text: String(field), location: source.location(line: fieldStart.line, column: fieldStart.column)))
            field = String.UnicodeScalarView()
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if atFieldStart {
                fieldStart = (line, column)
                atFieldStart = false
                if scalar == "\"" {
                    // Quoted field: up to the closing quote; "" is one quote.
                    let opening = (line, column)
                    index += 1; column += 1
                    var closed = false
                    while index < scalars.count {
                        let inner = scalars[index]
                        if inner == "\"" {
                            if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                                field.append("\"")
                                index += 2; column += 2
                                continue
                            }
                            index += 1; column += 1
                            closed = true
                            break
                        }
                        field.append(inner)
                        index += 1
                        if inner == "\n" { line += 1; column = 1 } else { column += 1 }
                    }
                    guard closed else {
                        return .failure(.error(.csvSyntax, "unterminated quoted field: the quote opened here is never closed",
                                               at: source.location(line: opening.0, column: opening.1)))
                    }
                    recordIsBlank = false
                    if index < scalars.count, scalars[index] != separator, scalars[index] != "\n" {
                        return .failure(.error(.csvSyntax, "unexpected text after a closing quote; put the whole field in quotes",
                                               at: source.location(line: line, column: column)))
                    }
                    continue
                }
            }
            switch scalar {
            case separator:
                finishField()
                recordIsBlank = false
                atFieldStart = true
            case "\n":
                if !(recordIsBlank && record.isEmpty && field.isEmpty) {
                    finishField()
                    records.append(record)
                }
                record = []
                recordIsBlank = true
                atFieldStart = true
                line += 1; column = 0
            case "\"":
                return .failure(.error(.csvSyntax, "quote inside an unquoted field; quote the whole field and double the inner quotes (\"\")",
                                       at: source.location(line: line, column: column)))
            default:
                field.append(scalar)
                recordIsBlank = false
            }
            index += 1
            column += 1
        }
        if !atFieldStart || !field.isEmpty || !record.isEmpty {
            finishField()
            records.append(record)
        }
        guard let header = records.first else {
            return .failure(.error(.csvShape, "the CSV file is empty: it needs a header row", at: source.location(line: 1)))
        }
        for row in records.dropFirst() where row.count != header.count {
            return .failure(.error(.csvShape, row.count == 1 ? "this row has 1 field but the header has \(header.count)" : "this row has \(row.count) fields but the header has \(header.count)",
                                   at: row[0].location))
        }
        var seen: [String: SourceLocation] = [:]
        for cell in header {
            let name = cell.text.trimmingCharacters(in: .whitespaces)
            if let first = seen[name] {
                return .failure(.error(.csvShape, "column \"\(name)\" appears twice in the header (first at \(first))", at: cell.location,
                                       notes: [.init("first written here", at: first)]))
            }
            seen[name] = cell.location
        }
        return .success(DataTable(file: source.path, columns: header.map { $0.text.trimmingCharacters(in: .whitespaces) },
                                  rows: Array(records.dropFirst()),
                                  decimalComma: separator == ";"))
    }

    /// `;` when the header line has more semicolons than commas outside quotes, else `,`.
    static func detectSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var commas = 0, semicolons = 0, quoted = false
        for scalar in scalars {
            if scalar == "\"" { quoted.toggle() }
            if quoted { continue }
            if scalar == "\n" { break }
            if scalar == "," { commas += 1 }
            if scalar == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}
