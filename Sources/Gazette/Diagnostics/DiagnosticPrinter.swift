import Foundation

/// Turns diagnostics into text for a terminal (compiler style) or JSON for tools.
public struct DiagnosticPrinter: Sendable {
    /// Source text of the files the diagnostics point into, by path.
    public var sources: [String: SourceFile]

    /// Creates a printer that quotes lines from `sources`.
    public init(sources: [String: SourceFile] = [:]) {
        self.sources = sources
    }

    /// `path:line:col: error: message`, then the source line and a caret under the column.
    public func text(_ diagnostic: Diagnostic) -> String {
        var out = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if let line = sources[diagnostic.location.file]?.line(diagnostic.location.line) {
            let shown = line.replacingOccurrences(of: "\t", with: " ")
            out += shown + "\n"
            out += String(repeating: " ", count: min(diagnostic.location.column - 1, shown.count)) + "^\n"
        }
        return out
    }

    /// Every diagnostic in text form, in order.
    public func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(text).joined()
    }

    /// A JSON array of `{file, line, column, severity, message}` objects.
    public func json(_ diagnostics: [Diagnostic]) -> String {
        struct Entry: Encodable {
            let file: String, line: Int, column: Int, severity: String, message: String
        }
        let entries = diagnostics.map {
            Entry(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                  severity: $0.severity.rawValue, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(entries) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}
