import Wording
import Yams

/// Parses YAML embedded in a source file and turns Yams errors into located diagnostics.
struct YAMLParser {
    /// The file the YAML lives in.
    let source: SourceFile
    /// The file line on which the YAML text starts.
    let firstLine: Int
    /// Which exit code the file's errors map to.
    var domain: Diagnostic.Domain = .content
    /// Columns the YAML's lines are shifted right by in the file (a ```chart block inside a quote or a list item).
    var columnOffset = 0

    /// The file location of a Yams mark (whose line counts from the start of the YAML text).
    func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return source.location(line: firstLine) }
        return source.location(line: firstLine + mark.line - 1, column: mark.column + columnOffset)
    }

    /// Nodes a document may hold: ample for front matter, chart specs and data sets, and a bound
    /// on the time any YAML can take.
    static let maximumNodeCount = 2_000_000

    /// The root node of `yaml`, nil for an empty document, or a diagnostic. Yams expands aliases;
    /// a document that would hold more than ``maximumNodeCount`` values once expanded (a
    /// "billion laughs" bomb) is refused before anything walks it. libyaml bounds the nesting depth.
    func parse(_ yaml: String) -> Result<Node?, Diagnostic> {
        do {
            // The encoding is named: Yams's default reads the whole environment at every call
            // (8 % of a no-change rebuild's instructions under callgrind).
            let root = try Yams.compose(yaml: yaml, .default, .default, .utf8)
            var pending = root.map { [$0] } ?? []
            var count = 0
            while let node = pending.popLast() {
                count += 1
                guard count <= Self.maximumNodeCount else {
                    return .failure(.error(.yamlTooLarge, "YAML too large: more than \(Self.maximumNodeCount) values (aliases that multiply each other, a \"billion laughs\" bomb?)", at: location(of: nil), domain: domain))
                }
                switch node {
                case .mapping(let mapping):
                    pending += mapping.flatMap { [$0.key, $0.value] }
                case .sequence(let sequence):
                    pending += Array(sequence)
                case .scalar, .alias:
                    break
                }
            }
            return .success(root)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: yaml))
        } catch {
            return .failure(.error(.invalidYAML, "invalid YAML: \(error)", at: location(of: nil), domain: domain))
        }
    }

    private func diagnostic(for error: YamlError, in yaml: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if Self.character(atLine: mark.line, column: mark.column, in: yaml) == "\t" {
                return .error(.yamlTab, "a tab character (shown as →) cannot indent or separate YAML; use spaces", at: location(of: mark), domain: domain)
            }
            if problem.hasPrefix("mapping values are not allowed"), let hint = Self.quotingHint(atLine: mark.line, in: yaml) {
                return .error(.unquotedColon, hint, at: location(of: mark), domain: domain)
            }
            if let hint = Self.innerQuotesHint(atLine: mark.line, in: yaml) {
                return .error(.quoteInQuotes, hint, at: location(of: mark), domain: domain)
            }
            let detail = context.map { " (\($0.text))" } ?? ""
            return .error(.invalidYAML, "invalid YAML: \(problem)\(detail)", at: location(of: mark), domain: domain)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(.duplicateKey, "invalid YAML: duplicate key \(duplicates.joined(separator: ", "))", at: location(of: context.mark), domain: domain)
        case .reader(let problem, _, _, _):
            return .error(.invalidYAML, "invalid YAML: \(problem)", at: location(of: nil), domain: domain)
        default:
            return .error(.invalidYAML, "invalid YAML: \(error)", at: location(of: nil), domain: domain)
        }
    }

    /// The character at a Yams mark (1-based line and column, in code points) of `yaml`, if any.
    /// For `key: value` whose value holds `: ` (`title: Télémédecine : la téléexpertise…`, the
    /// most common mistake in French front matter, whose colon takes a space before it), what to
    /// write instead; nil for any other line.
    private static func quotingHint(atLine line: Int, in yaml: String) -> Phrase? {
        let lines = yaml.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, let colon = lines[line - 1].firstRange(of: ": ") else { return nil }
        let key = lines[line - 1][..<colon.lowerBound]
        let value = lines[line - 1][colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !key.contains(" "), value.contains(":"), !value.hasPrefix("\""), !value.hasPrefix("'") else { return nil }
        let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return "the value of '\(key)' holds a colon followed by a space, which YAML reads as the start of another key; put the whole value in double quotes: \(key): \(quoted)"
    }

    /// For `key: "…"…"…"` whose double-quoted value holds straight double quotes (`title: "Le
    /// ministre a dit "non" aux GHT"`: the second quote ends the value early), the line to write,
    /// with the inner quotes as French quotation marks; nil for any other line.
    private static func innerQuotesHint(atLine line: Int, in yaml: String) -> Phrase? {
        let lines = yaml.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, let colon = lines[line - 1].firstRange(of: ": ") else { return nil }
        let key = lines[line - 1][..<colon.lowerBound]
        let value = lines[line - 1][colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, !key.contains(" "), value.count > 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return nil }
        let inner = value.dropFirst().dropLast()
        guard inner.contains("\""), !inner.contains("\\\"") else { return nil }
        var french = "", opening = true
        for character in inner {
            if character == "\"" {
                french += opening ? "«\u{A0}" : "\u{A0}»"
                opening.toggle()
            } else {
                french.append(character)
            }
        }
        return "the value of '\(key)' holds straight double quotes inside double quotes, and the first inner one ends it; write the inner quotes as French quotation marks: \(key): \"\(french)\""
    }

    private static func character(atLine line: Int, column: Int, in yaml: String) -> Unicode.Scalar? {
        let lines = yaml.split(separator: "\n", maxSplits: line, omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        return lines[line - 1].unicodeScalars.dropFirst(max(0, column - 1)).first
    }
}
