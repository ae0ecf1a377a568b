/// A linear scan of a Markdown body for the shapes that make cmark-gfm 0.29 slow or huge, run
/// before the parser so that they are refused in milliseconds with a located error: a table with
/// too many columns or cells, a paragraph with too many `[` (quadratic bracket matching), and link
/// reference definitions whose uses could expand the page past a bound.
enum MarkdownPreflight {
    /// The limits `body` exceeds; `firstLine` is the file line of its first line.
    static func problems(in body: Substring, firstLine: Int, file: String, limits: InputLimits) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Lines as slices of one byte array (slices of `String.UTF8View` cost ten times as much).
        let bytes = Array(body.utf8)
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        func at(_ index: Int) -> SourceLocation { SourceLocation(file: file, line: firstLine + index, column: 1) }

        var blockStart = 0, bracketsInBlock = 0, blockReported = false
        var table: (start: Int, columns: Int, rows: Int)?
        var longestDefinition: (index: Int, length: Int)?
        var closingBrackets = 0
        for (index, line) in lines.enumerated() {
            var blank = true, opening = 0, hasBar = false
            for byte in line {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): continue
                case UInt8(ascii: "["): opening += 1
                case UInt8(ascii: "]"): closingBrackets += 1
                case UInt8(ascii: "|"): hasBar = true
                default: break
                }
                blank = false
            }
            if blank {
                finishTable(&table, limits: limits, diagnostics: &diagnostics, at: at)
                blockStart = index + 1
                bracketsInBlock = 0
                blockReported = false
                continue
            }
            bracketsInBlock += opening
            if bracketsInBlock > limits.bracketsPerParagraph, !blockReported {
                blockReported = true
                diagnostics.append(.error(.limitExceeded, "this paragraph has more than \(limits.bracketsPerParagraph) '[' (cmark-gfm takes quadratic time on them); split it, or raise max_brackets_per_paragraph in site.yml",
                                          at: at(blockStart)))
            }
            if table != nil {
                table!.rows += 1
            } else if let columns = delimiterRowColumns(line), index > 0, lines[index - 1].contains(UInt8(ascii: "|")) || hasBar {
                table = (index - 1, columns, 1)
                if columns > limits.tableColumns {
                    diagnostics.append(.error(.limitExceeded, "this table has \(columns) columns, more than the \(limits.tableColumns) allowed; split it, or raise max_table_columns in site.yml",
                                              at: at(index - 1)))
                }
            }
            if let length = definitionLength(line, next: index + 1 < lines.count ? lines[index + 1].count : 0),
               length > (longestDefinition?.length ?? 0) {
                longestDefinition = (index, length)
            }
        }
        finishTable(&table, limits: limits, diagnostics: &diagnostics, at: at)
        if let definition = longestDefinition, definition.length * closingBrackets > limits.linkExpansionKilobytes * 1024 {
            diagnostics.append(.error(.limitExceeded, "this link reference definition (\(definition.length) characters) may be used up to \(closingBrackets) times, more than the \(limits.linkExpansionKilobytes) KiB of links allowed; shorten it, or raise max_link_expansion_kb in site.yml",
                                      at: at(definition.index)))
        }
        return diagnostics
    }

    private static func finishTable(_ table: inout (start: Int, columns: Int, rows: Int)?, limits: InputLimits,
                                    diagnostics: inout [Diagnostic], at: (Int) -> SourceLocation) {
        defer { table = nil }
        guard let found = table, found.columns <= limits.tableColumns else { return }
        let cells = found.columns * (found.rows + 1)
        if cells > limits.tableCells {
            diagnostics.append(.error(.limitExceeded, "this table has \(cells) cells, more than the \(limits.tableCells) allowed; split it, or raise max_table_cells in site.yml",
                                      at: at(found.start)))
        }
    }

    /// The number of columns when `line` is a table's delimiter row (`|---|:--:|`), else nil.
    private static func delimiterRowColumns(_ line: ArraySlice<UInt8>) -> Int? {
        var dashes = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "-"): dashes = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): continue
            default: return nil
            }
        }
        guard dashes else { return nil }
        let cells = line.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
            .filter { cell in cell.contains(UInt8(ascii: "-")) }
        return cells.count
    }

    /// The length of a link reference definition (`[label]: destination "title"`) starting on
    /// `line`, counting the next line in case its title is there; nil when `line` is not one.
    private static func definitionLength(_ line: ArraySlice<UInt8>, next: Int) -> Int? {
        let trimmed = line.drop { $0 == UInt8(ascii: " ") }
        guard line.count - trimmed.count <= 3, trimmed.first == UInt8(ascii: "["),
              let close = trimmed.firstIndex(of: UInt8(ascii: "]")) else { return nil }
        let after = trimmed[trimmed.index(after: close)...]
        guard after.first == UInt8(ascii: ":") else { return nil }
        return after.count + next
    }
}
