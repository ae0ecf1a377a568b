import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the pixel size of an image from its first bytes (PNG, JPEG, GIF, WebP) or from its root
/// element (SVG), and checks that the file is the format its extension says.
enum ImageDimensions {
    /// The image formats an article may use, by extension.
    public static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "heic", "heif"]
    /// The photo formats, made into variants by libvips (``ImageVariant``), which reads their size.
    public static let photoExtensions: Set<String> = ["png", "jpg", "jpeg", "webp", "avif", "heic", "heif"]

    /// What is wrong with an image file.
    public enum Problem: Error, Equatable, Sendable {
        /// The bytes are not the format the extension names (or a format at all).
        case notTheFormat(expected: String)
        /// The format is right but its size cannot be read.
        case unreadableSize
    }

    /// The width and height of `data`, a file whose extension is `fileExtension`.
    public static func read(_ data: Data, fileExtension: String) -> Result<(width: Int, height: Int), Problem> {
        let bytes = [UInt8](data.prefix(256 * 1024))
        let format = fileExtension.lowercased()
        let size: (Int, Int)?
        switch format {
        case "png":
            guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return .failure(.notTheFormat(expected: "PNG")) }
            size = bytes.count >= 24 ? (bigEndian(bytes, 16, 4), bigEndian(bytes, 20, 4)) : nil
        case "jpg", "jpeg":
            guard bytes.starts(with: [0xFF, 0xD8, 0xFF]) else { return .failure(.notTheFormat(expected: "JPEG")) }
            size = jpegSize(bytes)
        case "gif":
            guard bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) else { return .failure(.notTheFormat(expected: "GIF")) }
            size = bytes.count >= 10 ? (Int(bytes[6]) | Int(bytes[7]) << 8, Int(bytes[8]) | Int(bytes[9]) << 8) : nil
        case "webp":
            guard bytes.count >= 30, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) else {
                return .failure(.notTheFormat(expected: "WebP"))
            }
            size = webpSize(bytes)
        case "avif", "heic", "heif":
            // An ISO media file (`ftyp` box); its size is libvips' to read.
            guard bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8) else { return .failure(.notTheFormat(expected: format.uppercased())) }
            size = nil
        case "svg":
            size = svgSize(data)
            if size == nil, !String(decoding: bytes.prefix(4096), as: UTF8.self).contains("<svg") { return .failure(.notTheFormat(expected: "SVG")) }
        default:
            return .failure(.notTheFormat(expected: format.uppercased()))
        }
        guard let size, size.0 > 0, size.1 > 0 else { return .failure(.unreadableSize) }
        return .success(size)
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int {
        bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }

    /// The size in the first start-of-frame marker (SOF0–SOF15 but DHT, JPG and DAC).
    private static func jpegSize(_ bytes: [UInt8]) -> (Int, Int)? {
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            let length = bigEndian(bytes, index + 2, 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (bigEndian(bytes, index + 7, 2), bigEndian(bytes, index + 5, 2))
            }
            index += 2 + length
        }
        return nil
    }

    private static func webpSize(_ bytes: [UInt8]) -> (Int, Int)? {
        let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
        func little(_ offset: Int, _ count: Int) -> Int { (0..<count).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
        switch chunk {
        case "VP8 ": return (little(26, 2) & 0x3FFF, little(28, 2) & 0x3FFF)
        case "VP8L":
            let bits = little(21, 4)
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X": return (little(24, 3) + 1, little(27, 3) + 1)
        default: return nil
        }
    }

    /// `width` and `height` of the root `<svg>` in pixels, else the size of its `viewBox`.
    private static func svgSize(_ data: Data) -> (Int, Int)? {
        final class RootReader: NSObject, XMLParserDelegate {
            var attributes: [String: String]?
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
                if self.attributes == nil, name == "svg" || name.hasSuffix(":svg") { self.attributes = attributes }
                parser.abortParsing()
            }
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let reader = RootReader()
        parser.delegate = reader
        _ = parser.parse()  // false once the root element is read: the reader stops the parse there
        guard let attributes = reader.attributes else { return nil }
        func pixels(_ value: String?) -> Int? {
            guard let value = value?.trimmingCharacters(in: .whitespaces), !value.hasSuffix("%") else { return nil }
            return Double(value.hasSuffix("px") ? String(value.dropLast(2)) : value).map { Int($0.rounded()) }
        }
        if let width = pixels(attributes["width"]), let height = pixels(attributes["height"]) { return (width, height) }
        let box = (attributes["viewBox"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        guard box.count == 4 else { return nil }
        return (Int(box[2].rounded()), Int(box[3].rounded()))
    }
}
