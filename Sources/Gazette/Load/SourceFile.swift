/// The text of one input file, with its line breaks normalised to `\n` and its lines indexed.
public struct SourceFile: Sendable, Hashable {
    /// The path shown in diagnostics.
    public let path: String
    /// The text: UTF-8 BOM removed, CRLF and lone CR turned into LF (line numbers are unchanged).
    public let text: String
    /// The byte offset (in UTF-8) where each line starts; 32 bits suffice, as no file may reach
    /// 4 GiB (``InputLimits``), and halve the table of every file held during a build.
    private let lineStarts: [UInt32]

    /// Creates a source from already-decoded text.
    public init(path: String, text: String) {
        self.path = path
        var normalized = text
        if normalized.hasPrefix("\u{FEFF}") { normalized.removeFirst() }
        if normalized.containsBytes(of: "\r") {
            // "\r\n" is one Character in Swift, so both forms are caught here.
            normalized = String(normalized.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
        }
        var starts: [UInt32] = [0]
        normalized.withUTF8 { bytes in
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: "\n") { starts.append(UInt32(offset + 1)) }
        }
        self.text = normalized
        lineStarts = starts
    }

    /// The index of the byte at `offset` (a line start: always the start of a character).
    private func index(_ offset: UInt32) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: Int(offset))
    }

    /// Number of lines (a final newline does not start a new line of its own).
    public var lineCount: Int { text.hasSuffix("\n") ? lineStarts.count - 1 : lineStarts.count }

    /// The text of line `number` (1-based), without its newline; nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = index(lineStarts[number - 1])
        let end = number < lineStarts.count ? index(lineStarts[number] - 1) : text.endIndex
        return String(text[start..<end])
    }

    /// The text of `lines` (1-based, end excluded), joined by newlines, without the final one.
    public func text(lines: Range<Int>) -> String {
        guard lines.lowerBound >= 1, lines.lowerBound < lines.upperBound, lines.lowerBound <= lineStarts.count else { return "" }
        let start = index(lineStarts[lines.lowerBound - 1])
        let end = lines.upperBound <= lineStarts.count ? index(lineStarts[lines.upperBound - 1] - 1) : text.endIndex
        return String(text[start..<max(start, end)])
    }

    /// The text from the start of `line` (1-based) to the end of the file.
    public func text(fromLine line: Int) -> Substring {
        guard line >= 1, line <= lineStarts.count else { return "" }
        return text[index(lineStarts[line - 1])...]
    }

    /// The location of `line`/`column` in this file.
    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool { lhs.path == rhs.path && lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(path); hasher.combine(text) }
}
