import Foundation

/// The previous build as a whole, kept in the build cache so that a build that would write exactly
/// the same site stops before parsing anything: what it read (``key``), the build times that publish
/// the same articles (``window``), what it reported, and the output tree it left.
///
/// A build repeats the previous one when its key is the same (the program is the cache's identity),
/// its build time is in the window, and every file and folder of the output is still the one that
/// build left: then the output is already what a cold build would write, and nothing is touched.
struct BuildRecord: Sendable, Equatable {
    /// Every input of the build (``key(options:inputs:templates:diagnostics:)``).
    public var key: ContentHash
    /// The build times at which the same articles are published.
    public var window: PublicationWindow
    public var articleCount: Int
    public var pageCount: Int
    public var fileCount: Int
    /// The warnings the build printed, printed again.
    public var warnings: [Diagnostic]
    /// What it did not publish, reported again.
    public var heldBack: [HeldBackArticle] = []
    /// The output as the build left it.
    var tree: OutputTree

    /// Whether a build with `key` at `buildTime` would write what `output` already holds.
    func isRepeated(by key: ContentHash, at buildTime: Date, output: String) -> Bool {
        key == self.key && window.contains(buildTime) && tree.isIntact(at: output)
    }

    /// The hash of what a build reads and how it is asked to build: the options that change its
    /// output or its outcome, every input file by path (content files, images, templates and their
    /// assets) and the problems found while reading them. Parsing, validation and rendering are
    /// functions of these (and of the build time, see ``PublicationWindow``).
    static func key(options: BuildOptions, inputs: [(path: String, hash: ContentHash)], templates: [String: ContentHash],
                    diagnostics: [Diagnostic]) -> ContentHash {
        var fingerprint = Fingerprint()
        fingerprint.add("gazette build 1")
        fingerprint.add(options.contentDirectory)
        fingerprint.add(options.templatesDirectory)
        fingerprint.add(options.baseURL)
        fingerprint.add(options.includeDrafts)
        fingerprint.add(options.includeFuture)
        fingerprint.add(options.strict)
        fingerprint.add(options.searchIndex)
        fingerprint.add(inputs.count)
        for input in inputs {
            fingerprint.add(input.path)
            fingerprint.add(input.hash)
        }
        fingerprint.add(templates.count)
        for (name, hash) in templates.sorted(by: { $0.key < $1.key }) {
            fingerprint.add(name)
            fingerprint.add(hash)
        }
        fingerprint.add(diagnostics.count)
        for diagnostic in diagnostics.sorted() {
            fingerprint.add(diagnostic.location.description)
            fingerprint.add(diagnostic.code.rawValue)
            fingerprint.add(diagnostic.message)
        }
        return fingerprint.hash
    }
}

/// The build times that publish the same articles: from the latest date of an article already
/// published (included) to the earliest date of one still to come (excluded). A build later than
/// the window publishes a scheduled article; one earlier (`--now`, `SOURCE_DATE_EPOCH`) withdraws one.
/// The build passes the dates at which articles leave the news sitemap too (``NewsSitemap``).
struct PublicationWindow: Sendable, Equatable {
    public var start: Date
    public var end: Date

    /// The window of `dates` (of the articles that may be published: drafts only with `--drafts`) around `buildTime`.
    init(dates: [Date], around buildTime: Date) {
        start = dates.filter { $0 <= buildTime }.max() ?? .distantPast
        end = dates.filter { $0 > buildTime }.min() ?? .distantFuture
    }

    init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// Whether `time` publishes the same articles.
    func contains(_ time: Date) -> Bool { start <= time && time < end }
}
