import Foundation

/// Makes the relative `href`, `src` and `srcset` of a rendered body absolute, for feeds (`../../b/` on
/// `https://x.fr/articles/2024/a/` → `https://x.fr/articles/2024/b/`, `#note` → `…/a/#note`).
///
/// It works on the body as Gazette writes it: every attribute there comes from cmark-gfm, from
/// libxml2's serializer (raw HTML) or from Gazette's own figures, all of which write
/// `name="value"` with `"` escaped inside; an HTML parser would lower-case the attributes of the
/// inline SVG charts (`viewBox`).
enum AbsoluteLinks {
    static func resolve(_ html: String, base: String) -> String {
        guard let baseURL = URL(string: base) else { return html }
        let bytes = Array(html.utf8)
        let href = Array(" href=\"".utf8), src = Array(" src=\"".utf8), srcset = Array(" srcset=\"".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 1024)
        var index = 0, copied = 0
        func matches(_ pattern: [UInt8], at position: Int) -> Bool {
            position + pattern.count <= bytes.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: " ") else { index += 1; continue }
            let pattern = [href, src, srcset].first { matches($0, at: index) }
            guard let pattern else { index += 1; continue }
            let valueStart = index + pattern.count
            guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            output += bytes[copied..<valueStart]
            let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
            // A srcset is `address width, address width…` (as Gazette writes it: no comma in an address).
            let resolved = pattern == srcset
                ? value.split(separator: ", ").map { candidate in
                    let parts = candidate.split(separator: " ", maxSplits: 1)
                    return ([absolute(String(parts[0]), base: baseURL)] + parts.dropFirst().map(String.init)).joined(separator: " ")
                }.joined(separator: ", ")
                : absolute(value, base: baseURL)
            output += Array(resolved.utf8)
            copied = valueEnd
            index = valueEnd
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// `value` (HTML-escaped) made absolute when it is relative, escaped again.
    private static func absolute(_ value: String, base: URL) -> String {
        let raw = value.replacingOccurrences(of: "&amp;", with: "&")
        guard !raw.isEmpty, !raw.hasPrefix("//"), URL(string: raw)?.scheme == nil,
              let absolute = URL(string: raw, relativeTo: base)?.absoluteString else { return value }
        return HTMLEscaping.escape(absolute)
    }
}
