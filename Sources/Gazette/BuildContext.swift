import Foundation

/// What the stages of one build read besides their own input: the options, the time the build
/// publishes at, and what follows from them. Made once by ``SiteBuilder`` and handed to each stage
/// instead of its parts one by one.
struct BuildContext: Sendable {
    let options: BuildOptions
    /// The time that decides which articles are published (``SiteBuilder/buildTime(now:environment:)``).
    let buildTime: Date

    var contentDirectory: String { options.contentDirectory }
    /// The data sets and chart files (`Content/data`).
    var dataFolder: String { ContentFolder.data.path(in: options.contentDirectory) }
    var progress: BuildProgress? { options.progress }
    var includeDrafts: Bool { options.includeDrafts }
    /// Articles dated after this are held back; nil when `--future` publishes them.
    var publishedBy: Date? { options.includeFuture ? nil : buildTime }

    /// Whether a build with this context publishes `article` (a draft only with `--drafts`, a
    /// scheduled one only once its date has come or with `--future`).
    func publishes(_ article: Article) -> Bool {
        (includeDrafts || !article.draft) && publishedBy.map { article.date <= $0 } != false
    }
}
