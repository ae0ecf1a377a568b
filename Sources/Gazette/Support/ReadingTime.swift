/// The reading time of an article, counted once when it is validated (and kept in the article
/// cache with the rest of what validation found), shown on its page.
enum ReadingTime {
    /// Words read per minute.
    static let wordsPerMinute = 230

    /// Minutes to read `markdown` (words outside fenced blocks, at least one minute). Counted over
    /// UTF-8 bytes: a word is a run of bytes other than space, tab and line break.
    static func minutes(toRead markdown: Substring) -> Int {
        var words = 0
        var inFence = false
        var atLineStart = true
        var inWord = false
        let bytes = Array(markdown.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if atLineStart {
                atLineStart = false
                var start = index
                while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
                if Self.opensFence(bytes, at: start) {
                    inFence.toggle()
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                    continue
                }
            }
            switch byte {
            case UInt8(ascii: "\n"):
                atLineStart = true
                inWord = false
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                inWord = false
            default:
                if !inWord, !inFence { words += 1 }
                inWord = true
            }
            index += 1
        }
        return max(1, (words + wordsPerMinute / 2) / wordsPerMinute)
    }

    /// Whether a line has ```` ``` ```` or `~~~` at `start`.
    private static func opensFence(_ bytes: [UInt8], at start: Int) -> Bool {
        guard start + 2 < bytes.count else { return false }
        let first = bytes[start]
        return (first == UInt8(ascii: "`") || first == UInt8(ascii: "~")) && bytes[start + 1] == first && bytes[start + 2] == first
    }
}
