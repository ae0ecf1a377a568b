import Wording

/// One problem found in a build, located in a file.
public struct Diagnostic: Error, Hashable, Comparable, Sendable, Codable {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    /// Which part of the input is at fault; it decides the exit code.
    public enum Domain: Int, Sendable, Comparable, Codable {
        /// Articles, pages, data: exit code 1.
        case content = 1
        /// `site.yml`, templates, command-line arguments: exit code 2.
        case configuration = 2
        /// The output folder cannot be written: exit code 3.
        case output = 3

        public static func < (lhs: Domain, rhs: Domain) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var severity: Severity
    /// The kind of problem, stable across versions (see ``DiagnosticCode``).
    public var code: DiagnosticCode
    public var domain: Domain
    public var location: SourceLocation
    /// What is wrong and what to type instead, in English in the code and shown in the site's
    /// language (``DiagnosticPrinter``).
    public var wording: Phrase
    /// Related places, such as the first declaration of a duplicate.
    public var notes: [Note] = []

    /// A remark attached to a diagnostic, at a place of its own.
    public struct Note: Hashable, Sendable, Codable {
        public var wording: Phrase
        public var location: SourceLocation

        /// Creates a note.
        public init(_ wording: Phrase, at location: SourceLocation) {
            self.wording = wording
            self.location = location
        }

        /// The note in English.
        public var message: String { wording.description }
    }

    /// The message in English.
    public var message: String { wording.description }

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ code: DiagnosticCode, _ wording: Phrase, at location: SourceLocation,
                domain: Domain = .content, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.domain = domain
        self.location = location
        self.wording = wording
        self.notes = notes
    }

    /// An error at `location`.
    public static func error(_ code: DiagnosticCode, _ wording: Phrase, at location: SourceLocation,
                             domain: Domain = .content, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, wording, at: location, domain: domain, notes: notes)
    }

    /// A warning at `location`.
    public static func warning(_ code: DiagnosticCode, _ wording: Phrase, at location: SourceLocation,
                               domain: Domain = .content, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, code, wording, at: location, domain: domain, notes: notes)
    }

    /// Sorted by file, line, column, then errors before warnings.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity == .error }
        return lhs.message < rhs.message
    }
}

/// A build that stopped on errors; carries every diagnostic found, sorted.
public struct BuildFailure: Error, Sendable {
    /// All diagnostics, errors and warnings, sorted by location.
    public let diagnostics: [Diagnostic]
    /// The files read by the build, by path, to quote their lines.
    public var sources: [String: SourceFile]

    /// Creates a failure from diagnostics (sorted here).
    public init(_ diagnostics: [Diagnostic], sources: [String: SourceFile] = [:]) {
        self.diagnostics = diagnostics.sorted()
        self.sources = sources
    }

    /// The last line a failed build prints: how many errors (or, under `--strict`, warnings) stopped it.
    public func summary(output: String) -> Phrase {
        let errors = diagnostics.filter { $0.severity == .error }.count, warnings = diagnostics.count
        let cause: Phrase = errors > 0 ? (errors == 1 ? "1 error" : "\(errors) errors")
            : (warnings == 1 ? "1 warning (--strict)" : "\(warnings) warnings (--strict)")
        return "Build failed with \(cause); \(output)/ was left as it was."
    }

    /// 1 for content errors, 2 for configuration errors, 3 for output errors (the worst wins).
    public var exitCode: Int32 {
        Int32(diagnostics.filter { $0.severity == .error }.map(\.domain).max()?.rawValue ?? 1)
    }
}

extension Result where Failure == Diagnostic {
    /// The value, or nil with the problem added to `diagnostics`.
    func value(reportingTo diagnostics: inout [Diagnostic]) -> Success? {
        switch self {
        case .success(let value): return value
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}
