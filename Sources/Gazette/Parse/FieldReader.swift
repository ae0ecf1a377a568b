import Wording
import Foundation
import Yams

/// Reads typed, located fields out of a YAML mapping, collecting diagnostics as it goes.
struct FieldReader {
    let parser: YAMLParser
    let mapping: Node.Mapping
    /// Keys and values by key text (looked up without Yams' tag resolution, which is slow).
    private let entries: [String: (key: Node, value: Node)]
    /// Where the mapping starts, for "missing field" errors.
    let start: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []
    private var readKeys: Set<String> = []

    /// Wraps `root`, which must be a mapping (an empty document counts as an empty mapping);
    /// a missing field is reported at `start` (by default, where the document starts).
    init?(root: Node?, parser: YAMLParser, diagnostics: inout [Diagnostic], what: Phrase, start: SourceLocation? = nil) {
        self.parser = parser
        self.start = start ?? parser.location(of: nil)
        switch root {
        case nil:
            mapping = Node.Mapping([])
        case .mapping(let map)?:
            mapping = map
        case let node?:
            diagnostics.append(.error(.notAMapping, "\(what) must be a mapping of 'key: value' lines",
                                      at: parser.location(of: node.mark), domain: parser.domain))
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            if let name = key.string, entries[name] == nil { entries[name] = (key, value) }
        }
        self.entries = entries
    }

    /// The node for `key`, and its location.
    mutating func node(_ key: String) -> Node? {
        readKeys.insert(key)
        return entries[key]?.value
    }

    func location(of node: Node) -> SourceLocation { parser.location(of: node.mark) }

    func location(ofKey key: String) -> SourceLocation {
        entries[key].map { location(of: $0.key) } ?? start
    }

    /// Adds diagnostics found about this mapping.
    mutating func add(_ found: [Diagnostic]) {
        diagnostics += found
    }

    /// `node`, which must be a mapping, read by `read` with a reader of its own that reports a
    /// missing field at `start` and warns about the keys `read` did not ask for; what that reader
    /// finds joins this one's diagnostics. Nil (and an error) when `node` is not a mapping.
    mutating func nested<Value>(_ node: Node, what: Phrase, start: SourceLocation, _ read: (inout FieldReader) -> Value) -> Value? {
        var found: [Diagnostic] = []
        guard var reader = FieldReader(root: node, parser: parser, diagnostics: &found, what: what, start: start) else {
            diagnostics += found
            return nil
        }
        let value = read(&reader)
        reader.warnAboutUnknownKeys()
        diagnostics += reader.diagnostics
        return value
    }

    /// Each mapping of the list at `key`, read by `read` as ``nested(_:what:start:_:)`` reads one
    /// (a missing field reported at its item); `notAList` is the error when `key` is not a list.
    mutating func forEachMapping(in key: String, what: Phrase, notAList: Phrase, _ read: (inout FieldReader) -> Void) {
        guard let node = node(key) else { return }
        guard let items = node.sequence else {
            error(.invalidField, notAList, at: location(of: node))
            return
        }
        for item in items { _ = nested(item, what: what, start: location(of: item), read) }
    }

    mutating func error(_ code: DiagnosticCode, _ message: Phrase, at location: SourceLocation) {
        diagnostics.append(.error(code, message, at: location, domain: parser.domain))
    }

    /// A non-empty string; `required` makes absence an error.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = node(key) else {
            if required { error(.missingField, "missing required field '\(key)'", at: start) }
            return nil
        }
        guard case .scalar(let scalar) = value, !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
            error(.invalidField, "'\(key)' must be a non-empty text", at: location(of: value))
            return nil
        }
        return checkedText(scalar.string, at: value)
    }

    /// `text` without control characters (a YAML escape such as `"\x01"`), with a warning when it had some.
    private mutating func checkedText(_ text: String, at node: Node) -> String {
        guard let forbidden = text.unicodeScalars.first(where: TextHygiene.isForbidden) else { return text }
        diagnostics.append(.warning(.controlCharacter, "control character \(TextHygiene.name(forbidden)) is not allowed in a web page; it was removed",
                                    at: location(of: node), domain: parser.domain))
        return TextHygiene.removingForbidden(text)
    }

    /// A boolean (`true`/`false`).
    mutating func bool(_ key: String) -> Bool? {
        guard let value = node(key) else { return nil }
        guard let flag = value.bool else {
            error(.invalidField, "'\(key)' must be true or false", at: location(of: value))
            return nil
        }
        return flag
    }

    /// A whole number from 1 to `maximum` (bounded so that no later arithmetic can overflow).
    mutating func positiveInt(_ key: String, maximum: Int) -> Int? {
        guard let value = node(key) else { return nil }
        guard let number = value.int, number > 0, number <= maximum else {
            error(.invalidField, "'\(key)' must be a whole number from 1 to \(maximum)", at: location(of: value))
            return nil
        }
        return number
    }

    /// An image named by its path (`image:`, an author's `photo:`), with where it is written.
    mutating func imageReference(_ key: String) -> ImageReference? {
        guard let path = string(key), let value = node(key) else { return nil }
        return ImageReference(path: path, location: location(of: value))
    }

    /// A list of texts; a single text is accepted as a list of one.
    mutating func stringList(_ key: String) -> [String] {
        locatedStringList(key).map(\.text)
    }

    /// The tags: a list of texts, or a single text; one with commas (`tags: santé, numérique`,
    /// how tags are often typed) is read as a list, with a warning that shows the list form.
    mutating func tagList(_ key: String) -> [String] {
        let tags = stringList(key)
        guard tags.count == 1, let value = node(key), case .scalar = value, tags[0].contains(",") else { return tags }
        let split = tags[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        diagnostics.append(.warning(.tagsWithoutBrackets, "'\(key)' is one text with commas: read as \(split.count) tags; write them as a list, \(key): [\(split.joined(separator: ", "))]", at: location(of: value)))
        return split
    }

    /// A list of texts, each with where it is written; a single text is accepted as a list of one.
    mutating func locatedStringList(_ key: String) -> [(text: String, location: SourceLocation)] {
        guard let value = node(key) else { return [] }
        switch value {
        case .scalar(let scalar) where !scalar.string.isEmpty:
            return [(checkedText(scalar.string, at: value), location(of: value))]
        case .sequence(let items):
            return items.compactMap { item in
                guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
                    error(.invalidField, "each entry of '\(key)' must be a non-empty text", at: location(of: item))
                    return nil
                }
                return (checkedText(scalar.string, at: item), location(of: item))
            }
        default:
            error(.invalidField, "'\(key)' must be a list of texts", at: location(of: value))
            return []
        }
    }

    /// A date with time and offset, the offset as written (seconds east of UTC) and where it is;
    /// `required` makes absence an error.
    mutating func date(_ key: String, required: Bool = false) -> (date: Date, offsetSeconds: Int, offsetLocation: SourceLocation)? {
        guard let text = string(key, required: required), let value = entries[key]?.value else { return nil }
        let quoted = value.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        func location(at offset: Int) -> SourceLocation {
            var at = self.location(of: value)
            at.column += offset + (quoted ? 1 : 0)
            return at
        }
        switch ISODate.parseWithOffset(text) {
        case .success(let parsed):
            return (parsed.date, parsed.offsetSeconds, location(at: parsed.offsetStart))
        case .failure(let problem):
            error(.invalidDate, "\(key) \"\(text)\" is not a valid date: \(problem.reason); expected e.g. 2024-09-27T13:06:00+02:00", at: location(at: problem.offset))
            return nil
        }
    }

    /// Warns about keys that no reader asked for.
    mutating func warnAboutUnknownKeys() {
        for key in mapping.keys {
            guard let name = key.string, !readKeys.contains(name) else { continue }
            let hint = Suggestion.hint(for: name, among: readKeys)
            diagnostics.append(.warning(.unknownKey, "unknown key '\(name)' is ignored\(hint)", at: location(of: key), domain: parser.domain))
        }
    }
}
