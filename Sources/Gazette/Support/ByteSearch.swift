extension StringProtocol {
    /// Whether `needle` occurs in the text, compared byte for byte over UTF-8: far cheaper than
    /// Foundation's locale-aware search on page-sized HTML.
    func containsBytes(of needle: String) -> Bool { utf8Offset(of: needle) != nil }

    /// Where `needle` first occurs in the text, in UTF-8 bytes from its start, compared byte for
    /// byte (`firstRange(of:)` compares characters, which cost a tenth of a cold build's
    /// instructions when every article body was searched for the scaffold's sentence).
    func utf8Offset(of needle: String) -> Int? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return 0 }
        func search(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
            guard text.count >= pattern.count else { return nil }
            var start = 0
            while start <= text.count - pattern.count {
                if text[start] == first {
                    var matched = 1
                    while matched < pattern.count, text[start + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return start }
                }
                start += 1
            }
            return nil
        }
        return utf8.withContiguousStorageIfAvailable(search) ?? Array(utf8).withUnsafeBufferPointer(search)
    }
}
