import Foundation

/// A legacy shortcode of the source site, `[photo=150229]` or `[board=151315]`, alone in its paragraph.
struct Shortcode: Sendable, Hashable {
    /// `photo` (one chart) or `board` (a grid of charts).
    public var kind: String
    /// The numeric id of the source site.
    public var id: String

    static let kinds = ["photo", "board"]

    /// The shortcode `text` consists of (spaces around it allowed), if it holds nothing else.
    static func parse(_ text: String) -> Shortcode? {
        // Most paragraphs are prose: only text that starts with `[` and ends with `]` is looked at.
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), bytes[first] == UInt8(ascii: "["),
              let last = bytes.lastIndex(where: { !isSpace($0) }), bytes[last] == UInt8(ascii: "]"), first < last else { return nil }
        let inner = text[text.index(after: first)..<last]
        let parts = inner.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, kinds.contains(parts[0]), !parts[1].isEmpty,
              parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber) else { return nil }
        return Shortcode(kind: parts[0], id: parts[1])
    }
}
