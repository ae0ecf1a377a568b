/// A focal point written at the end of an image's caption, `"La salle rénovée {focus: 0.3, 0.4}"`:
/// the point the crops for link previews keep when the image is the article's picture, as
/// `image_focus:` says in the front matter. The caption is shown without it.
struct CaptionFocus: Equatable {
    /// The caption as shown (nil when nothing is left of it).
    var caption: String?
    /// The point, when the braces hold two numbers from 0 to 1.
    var focus: ImageFocus?
    /// Whether the caption ends with `{focus: …}` that does not hold two such numbers.
    var isMalformed = false

    /// Reads `title`, an image's caption.
    init(_ title: String) {
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("}"), let open = trimmed.range(of: "{focus:", options: .backwards) else {
            caption = title.isEmpty ? nil : title
            return
        }
        let rest = trimmed[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
        caption = rest.isEmpty ? nil : rest
        focus = ImageFocus(parsing: String(trimmed[open.upperBound...].dropLast()))
        isMalformed = focus == nil
    }
}

extension ImageFocus {
    /// `0.3, 0.4`: two numbers from 0 to 1, across then down; nil for anything else.
    init?(parsing text: String) {
        self.init(parts: text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// Two texts that are numbers from 0 to 1, across then down; nil for anything else.
    init?(parts: [String]) {
        let numbers = parts.compactMap { Double($0.replacingOccurrences(of: "\u{202F}", with: "")) }.filter { (0...1).contains($0) }
        guard parts.count == 2, numbers.count == 2 else { return nil }
        self.init(x: numbers[0], y: numbers[1])
    }
}
