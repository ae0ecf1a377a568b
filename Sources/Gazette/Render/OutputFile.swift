import Foundation

/// One file of the generated site: its path below the output root and its bytes.
struct OutputFile: Sendable, Hashable {
    /// Relative path, `/`-separated, e.g. `articles/2024/slug/index.html`.
    public var path: String
    public var contents: Data
    /// What the file is made from, for pages and feeds (an incremental build keeps the file while it
    /// is unchanged: ``BuildCache``); nil for files that are always written.
    public var fingerprint: ContentHash?

    /// Creates a file from bytes.
    public init(path: String, contents: Data, fingerprint: ContentHash? = nil) {
        self.path = path
        self.contents = contents
        self.fingerprint = fingerprint
    }

    /// Creates a file from text, stored as UTF-8 without the characters that no HTML or XML file
    /// may hold (``TextHygiene/isForbidden(_:)``), wherever they came from (a YAML `"\x01"` escape).
    public init(path: String, text: String, fingerprint: ContentHash? = nil) {
        let bytes = Array(text.utf8)
        self.init(path: path, contents: Data(TextHygiene.removingForbidden(utf8: bytes) ?? bytes), fingerprint: fingerprint)
    }
}
