import Foundation

/// Decodes bytes as strict UTF-8, or says where the first invalid byte is.
enum UTF8Decoding {
    /// Where decoding failed: 1-based line and column of the first invalid byte, and the byte.
    struct InvalidByte: Error, Equatable {
        let line: Int
        let column: Int
        let byte: UInt8
    }

    static func decode(_ bytes: [UInt8]) -> Result<String, InvalidByte> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1, consumed = 0
        // The bytes are not valid UTF-8 (checked above): decoding stops at an error before their end.
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            consumed += UTF8.width(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return .failure(InvalidByte(line: line, column: column, byte: bytes[consumed]))
    }

    /// When the file reads as Windows-1252: the character the bad byte stands for there, and up to
    /// 30 characters around it on its line (what the editor wrote, to find it).
    static func windows1252Reading(of data: Data, at invalid: InvalidByte) -> (character: String, around: String)? {
        guard invalid.byte >= 0x80, let text = String(data: data, encoding: .windowsCP1252) else { return nil }
        let lines = text.split(separator: "\n", maxSplits: invalid.line, omittingEmptySubsequences: false)
        guard invalid.line <= lines.count else { return nil }
        let line = Array(lines[invalid.line - 1].unicodeScalars)
        let index = invalid.column - 1
        guard index < line.count else { return nil }
        let around = line[max(0, index - 15)..<min(line.count, index + 15)]
        let trimmed = String(String.UnicodeScalarView(around)).trimmingCharacters(in: .whitespacesAndNewlines)
        return (String(line[index]), trimmed)
    }
}
