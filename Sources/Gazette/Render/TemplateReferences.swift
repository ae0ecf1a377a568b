import Foundation

/// The partials (`{{> name}}`), parents (`{{< name}}`) and blocks (`{{$ name}}`) a Mustache template
/// names, with their places, so that a missing one or a cycle is a located error before anything is
/// rendered: swift-mustache renders a missing partial as nothing, and recurses without end on a cycle
/// or on a block nested in a block of the same name.
struct TemplateReferences {
    /// One partial, parent, block, section or closing tag.
    struct Reference {
        enum Kind: String { case partial = ">", parent = "<", block = "$", section = "#", invertedSection = "^", close = "/" }
        let kind: Kind
        let name: String
        let line: Int
        let column: Int
    }

    /// The tags of `text` that open, close or include something, in order. Follows set-delimiter tags (`{{=<% %>=}}`); skips
    /// comments. Columns are 1-based UTF-8 byte offsets, like every column Gazette prints.
    static func scan(_ text: String) -> [Reference] {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var references: [Reference] = []
        var index = 0, line = 1, lineStart = 0
        func matches(_ needle: [UInt8], at position: Int) -> Bool {
            position + needle.count <= bytes.count && Array(bytes[position..<position + needle.count]) == needle
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                index += 1
                lineStart = index
                continue
            }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            let tagLine = line, tagColumn = index - lineStart + 1
            var end = index + open.count
            while end < bytes.count, !matches(close, at: end) { end += 1 }
            let inner = String(decoding: bytes[(index + open.count)..<min(end, bytes.count)], as: UTF8.self)
            for byte in bytes[index..<min(end, bytes.count)] where byte == UInt8(ascii: "\n") {
                line += 1
            }
            if let last = bytes[index..<min(end, bytes.count)].lastIndex(of: UInt8(ascii: "\n")) { lineStart = last + 1 }
            index = min(end + close.count, bytes.count)
            let trimmed = inner.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("="), trimmed.hasSuffix("="), trimmed.count > 2 {
                let delimiters = trimmed.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if delimiters.count == 2 {
                    open = Array(delimiters[0].utf8)
                    close = Array(delimiters[1].utf8)
                }
                continue
            }
            guard let first = trimmed.first, let kind = Reference.Kind(rawValue: String(first)) else { continue }
            let name = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            references.append(Reference(kind: kind, name: name, line: tagLine, column: tagColumn))
        }
        return references
    }

    /// The values of `id="…"` attributes written as plain text (no `{{` inside) in `text`.
    static func fixedIDs(in text: String) -> [String] {
        text.components(separatedBy: " id=\"").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let value = String(rest[..<end])
            return value.isEmpty || value.contains("{{") ? nil : value
        }
    }
}
