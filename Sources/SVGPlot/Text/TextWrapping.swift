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
        // Widths are sums of character advances, so each line is measured once, word by word (linear time).
        let space = TextMetrics.thousandths(" ".unicodeScalars, bold: bold)
        func fits(_ thousandths: Int) -> Bool { TextMetrics.width(thousandths: thousandths, size: size) <= width }
        var lines: [String] = []
        var current = "", currentWidth = 0
        var truncated = false
        for word in words {
            let wordWidth = TextMetrics.thousandths(word.unicodeScalars, bold: bold)
            let candidateWidth = current.isEmpty ? wordWidth : currentWidth + space + wordWidth
            if fits(candidateWidth) {
                current += current.isEmpty ? word : " " + word
                currentWidth = candidateWidth
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = word
            currentWidth = wordWidth
            if !fits(wordWidth) {
                current = fit(word, width: width, size: size, bold: bold)
                currentWidth = TextMetrics.thousandths(current.unicodeScalars, bold: bold)
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

    /// The longest prefix of `text` that, followed by an ellipsis, is no wider than `width`
    /// (`text` itself when it fits and no ellipsis is forced). One pass over the characters: the
    /// width of a trimmed prefix never shrinks as the prefix grows.
    static func fit(_ text: String, width: Double, size: Double, bold: Bool = false, forceEllipsis: Bool = false) -> String {
        if !forceEllipsis, TextMetrics.width(text, size: size, bold: bold) <= width { return text }
        let ellipsisWidth = TextMetrics.thousandths(ellipsis.unicodeScalars, bold: bold)
        let characters = Array(text)
        var total = 0, leadingSpace = 0, trailingSpace = 0
        var onlySpaceSoFar = true
        var longest = 0
        for (index, character) in characters.enumerated() {
            let advance = TextMetrics.thousandths(character.unicodeScalars, bold: bold)
            total += advance
            if character.isWhitespace {
                if onlySpaceSoFar { leadingSpace += advance } else { trailingSpace += advance }
            } else {
                onlySpaceSoFar = false
                trailingSpace = 0
            }
            let trimmedWidth = onlySpaceSoFar ? 0 : total - leadingSpace - trailingSpace
            guard TextMetrics.width(thousandths: trimmedWidth + ellipsisWidth, size: size) <= width else { break }
            longest = index + 1
        }
        if longest > 0 { return String(characters[..<longest]).trimmed + ellipsis }
        return TextMetrics.width(ellipsis, size: size, bold: bold) <= width ? ellipsis : ""
    }
}
