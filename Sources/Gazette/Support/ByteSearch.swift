extension String {
    /// Whether `needle` occurs in the string, compared byte for byte over UTF-8: far cheaper than
    /// Foundation's locale-aware search on page-sized HTML.
    func containsBytes(of needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        var haystack = self
        return haystack.withUTF8 { text in
            guard text.count >= pattern.count else { return false }
            var start = 0
            while start <= text.count - pattern.count {
                if text[start] == first {
                    var matched = 1
                    while matched < pattern.count, text[start + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return true }
                }
                start += 1
            }
            return false
        }
    }
}
