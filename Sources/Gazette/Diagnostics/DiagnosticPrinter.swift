import Wording
import Foundation

/// Turns diagnostics into text for a terminal (compiler style) or JSON for tools, in the site's
/// language; codes, severities in JSON, paths and quoted lines stay as they are.
public struct DiagnosticPrinter: Sendable {
    /// Source text of the files the diagnostics point into, by path.
    public var sources: [String: SourceFile]
    /// The language of the messages (``SiteLanguage``).
    public var language: Language

    /// Creates a printer that quotes lines from `sources` and writes messages in `language`.
    public init(sources: [String: SourceFile] = [:], language: Language = .en) {
        self.sources = sources
        self.language = language
    }

    /// `path:line:col: error[code]: message` (`erreur[code] : message` in French), then the source
    /// line (tabs shown as `→`) and a caret under the column, then each note the same way.
    public func text(_ diagnostic: Diagnostic) -> String {
        let severity: Phrase = diagnostic.severity == .error ? "error" : "warning"
        var out = "\(diagnostic.location): " + language.text("\(severity)[\(diagnostic.code.rawValue)]: \(diagnostic.wording)") + "\n"
        out += quote(diagnostic.location)
        for note in diagnostic.notes {
            out += "\(note.location): " + language.text("note: \(note.wording)") + "\n" + quote(note.location)
        }
        return out
    }

    /// The line `location` points at and a caret under its column (columns count code points).
    private func quote(_ location: SourceLocation) -> String {
        guard location.origin == .file, let line = sources[location.file]?.line(location.line) else { return "" }
        let shown = line.replacingOccurrences(of: "\t", with: "→")
        let before = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(location.column - 1)))
        return shown + "\n" + String(repeating: " ", count: before.count) + "^\n"
    }

    /// Every diagnostic in text form, in order.
    public func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(text).joined()
    }

    /// A JSON array of `{file, line, column, origin, severity, code, message, notes}` objects
    /// (columns in code points; `origin` is `file` or `command-line`).
    public func json(_ diagnostics: [Diagnostic]) -> String {
        encode(entries(diagnostics))
    }

    /// What `gazette build --format json` prints: `{"diagnostics": […], "heldBack": […]}`, the
    /// articles not published (drafts, then scheduled ones soonest first, with their date) after
    /// the diagnostics of ``json(_:)``.
    public func json(_ diagnostics: [Diagnostic], heldBack: [HeldBackArticle]) -> String {
        struct Build: Encodable {
            let diagnostics: [Entry]
            let heldBack: [HeldBackArticle]
        }
        return encode(Build(diagnostics: entries(diagnostics), heldBack: heldBack))
    }

    private func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    private struct Note: Encodable {
        let file: String, line: Int, column: Int, message: String
    }

    private struct Entry: Encodable {
        let file: String, line: Int, column: Int, origin: String, severity: String, code: String, message: String, notes: [Note]
    }

    private func entries(_ diagnostics: [Diagnostic]) -> [Entry] {
        diagnostics.map {
            Entry(file: $0.location.file, line: $0.location.line, column: $0.location.column, origin: $0.location.origin.rawValue,
                  severity: $0.severity.rawValue, code: $0.code.rawValue, message: language.text($0.wording),
                  notes: $0.notes.map { Note(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: language.text($0.wording)) })
        }
    }
}
