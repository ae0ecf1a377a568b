/// A place in the input: a file with a 1-based line and column, or a command-line option.
///
/// Columns count Unicode code points (as rustc does), from 1 at the start of the line, whatever
/// produced the location (libyaml, cmark-gfm's byte offsets are converted, the CSV reader).
public struct SourceLocation: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Where a problem comes from when it is not a place in a file.
    public enum Origin: String, Hashable, Sendable, Codable {
        case file
        /// A command-line option, named in `file` (`--base-url`).
        case commandLine = "command-line"
    }

    /// The file, relative to the working directory when possible (or the option's name).
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode code points.
    public var column: Int
    /// A file, or a command-line option.
    public var origin: Origin = .file

    /// Creates a location; line and column start at 1.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
    }

    /// The command-line option `name` (`--base-url`).
    public static func option(_ name: String) -> SourceLocation {
        var location = SourceLocation(file: name, line: 1, column: 1)
        location.origin = .commandLine
        return location
    }

    /// `path:line:column`, as compilers print it; an option's name alone.
    public var description: String { origin == .commandLine ? file : "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
