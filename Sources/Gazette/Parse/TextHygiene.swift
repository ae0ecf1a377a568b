import Wording
/// Characters that make output invalid (control characters: `feed.xml` stops being XML, the Nu
/// checker reports forbidden code points) or misleading (bidirectional overrides that reorder the
/// text around them), found in the input so that they can be reported where they were written.
enum TextHygiene {
    /// Whether `scalar` may not appear in HTML or XML output: C0 controls other than tab, line
    /// feed and carriage return, DEL, C1 controls, and the noncharacters U+FFFE and U+FFFF.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// `text` without forbidden characters; a vertical tab or form feed (Word's line and page
    /// breaks) becomes a space.
    public static func removingForbidden(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value == 0x0B || scalar.value == 0x0C {
                cleaned.append(" ")
            } else if !isForbidden(scalar) {
                cleaned.append(scalar)
            }
        }
        return String(cleaned)
    }

    /// UTF-8 `bytes` without forbidden characters (the same rule, on bytes: for generated files).
    public static func removingForbidden(utf8 bytes: [UInt8]) -> [UInt8]? {
        guard bytes.withUnsafeBufferPointer(holdsForbidden) else { return nil }
        return Array(removingForbidden(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// Whether `buffer` holds a forbidden character. Generated pages are scanned whole, eight bytes
    /// at a time: a word none of whose bytes is a control, DEL, or the lead byte of a C1 control
    /// (0xC2) or of U+FFFE/U+FFFF (0xEF) is passed at once; the others are looked at byte by byte.
    private static func holdsForbidden(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = buffer.count
        guard let base = buffer.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let suspect = (word &- ones &* 0x20) & ~word & highs != 0 || hasZeroByte(word ^ (ones &* 0x7F))
                || hasZeroByte(word ^ (ones &* 0xC2)) || hasZeroByte(word ^ (ones &* 0xEF))
            if suspect {
                for offset in 0..<8 where startsForbidden(buffer, at: index + offset) { return true }
            }
            index += 8
        }
        while index < count {
            if startsForbidden(buffer, at: index) { return true }
            index += 1
        }
        return false
    }

    /// Whether the UTF-8 sequence at `index` is a forbidden character (``isForbidden(_:)`` on
    /// bytes): a C0 control but tab, line feed and carriage return, DEL, a two-byte C1 control, or
    /// U+FFFE/U+FFFF.
    private static func startsForbidden(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch bytes[index] {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F: return true
        case 0xC2: return (0x80...0x9F).contains(next(1))
        case 0xEF: return next(1) == 0xBF && next(2) >= 0xBE
        default: return false
        }
    }

    /// Whether the UTF-8 sequence at `index` is a bidirectional control (``isBidiControl(_:)``).
    private static func startsBidiControl(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard bytes[index] == 0xE2, index + 2 < bytes.count else { return false }
        let (second, third) = (bytes[index + 1], bytes[index + 2])
        return (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
    }

    /// A byte-level pre-check (most files hold none of these characters): forbidden characters and
    /// bidirectional controls.
    private static func mayNeedWarnings(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.indices.contains { startsForbidden(bytes, at: $0) || startsBidiControl(bytes, at: $0) }
        }
    }

    /// The name of a character for a message: `U+000B`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A warning for every line of `source` that holds forbidden characters (they are removed) or
    /// bidirectional controls that are not closed on that line (they may reorder what follows).
    public static func warnings(in source: SourceFile) -> [Diagnostic] {
        guard mayNeedWarnings(source.text) else { return [] }
        var diagnostics: [Diagnostic] = []
        var line = 1, column = 1
        var openBidi = 0
        var bidiStart: Int?
        var reportedForbiddenOnLine = false
        func closeLine() {
            if openBidi > 0, let start = bidiStart {
                diagnostics.append(.warning(.bidiControl, "a bidirectional control character is not closed on its line (it reverses the text after it); remove it",
                                            at: SourceLocation(file: source.path, line: line, column: start)))
            }
            openBidi = 0
            bidiStart = nil
            reportedForbiddenOnLine = false
        }
        for scalar in source.text.unicodeScalars {
            if scalar == "\n" {
                closeLine()
                line += 1
                column = 1
                continue
            }
            if isForbidden(scalar), !reportedForbiddenOnLine {
                reportedForbiddenOnLine = true
                diagnostics.append(.warning(.controlCharacter, "control character \(name(scalar)) is not allowed in a web page; it was removed (\(scalar.value == 0x0B ? "a line break pasted from Word: " : "" as Phrase)use a space or a new line)",
                                            at: SourceLocation(file: source.path, line: line, column: column)))
            }
            if isBidiControl(scalar) {
                if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2068).contains(scalar.value) {
                    if openBidi == 0 { bidiStart = column }
                    openBidi += 1
                } else if scalar.value == 0x2069 || scalar.value == 0x202C {
                    openBidi = max(0, openBidi - 1)
                }
            }
            column += 1
        }
        closeLine()
        return diagnostics
    }
}
