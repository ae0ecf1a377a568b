/// Lines of a label wrapped to a width; truncated with an ellipsis only when nothing else fits.
struct WrappedText: Equatable {
    var lines: [String]
    /// True when words were cut: the full text must then stay readable in a `<title>`.
    var isTruncated: Bool
    /// Width of the widest line.
    var width: Double
}

enum TextWrapping {
    static let ellipsis = "…"

    /// Breaks `text` at spaces into at most `maxLines` lines no wider than `width`.
    /// No-break spaces (U+00A0, U+202F) never break. A word wider than `width`, or text left
    /// over after `maxLines`, is cut and ends with an ellipsis.
    static func wrap(_ text: String, width: Double, size: Double, bold: Bool = false, maxLines: Int = 3) -> WrappedText {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return WrappedText(lines: [""], isTruncated: false, width: 0) }
        var lines: [String] = []
        var current = ""
        var truncated = false
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if TextMetrics.width(candidate, size: size, bold: bold) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = word
            if TextMetrics.width(word, size: size, bold: bold) > width {
                current = fit(word, width: width, size: size, bold: bold)
                truncated = true
            }
        }
        lines.append(current)
        if lines.count > maxLines {
            let kept = lines[maxLines - 1] + " " + lines[maxLines...].joined(separator: " ")
            lines = Array(lines.prefix(maxLines - 1)) + [fit(kept, width: width, size: size, bold: bold, forceEllipsis: true)]
            truncated = true
        }
        let widest = lines.map { TextMetrics.width($0, size: size, bold: bold) }.max() ?? 0
        return WrappedText(lines: lines, isTruncated: truncated, width: widest)
    }

    /// The longest prefix of `text` that, followed by an ellipsis, is no wider than `width`.
    static func fit(_ text: String, width: Double, size: Double, bold: Bool = false, forceEllipsis: Bool = false) -> String {
        if !forceEllipsis, TextMetrics.width(text, size: size, bold: bold) <= width { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            let candidate = String(characters).trimmed + ellipsis
            if TextMetrics.width(candidate, size: size, bold: bold) <= width { return candidate }
            characters.removeLast()
        }
        return TextMetrics.width(ellipsis, size: size, bold: bold) <= width ? ellipsis : ""
    }
}
