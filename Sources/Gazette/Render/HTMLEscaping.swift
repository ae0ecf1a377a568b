import Foundation
import SVGPlot

/// Escaping for text placed in HTML or XML outside templates (feeds, sitemap, attributes).
enum HTMLEscaping {
    /// Escapes `& < > " '` so the text is safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    /// `value` as JSON for a `<script type="application/ld+json">`: sorted keys, slashes kept, `</script>` impossible.
    static func scriptSafeJSON<Value: Encodable>(encoding value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return scriptSafeJSON(String(decoding: data, as: UTF8.self))
    }

    /// JSON text made safe inside `<script type="application/ld+json">`: no `<`, `>` or `&` left raw.
    public static func scriptSafeJSON(_ json: String) -> String {
        // Over UTF-8 bytes: the three characters are ASCII, and no byte of a longer character is.
        // Most JSON-LD holds none of them: then the text is returned as it is.
        var json = json
        return json.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") }) else {
                return nil
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
                case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
                case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? json
    }
}
