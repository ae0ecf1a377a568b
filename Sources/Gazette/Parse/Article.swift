import Foundation

/// A dated news article as written by an editor: front matter plus Markdown body.
struct Article: Sendable, Hashable {
    public var title: String
    public var date: Date
    /// When the article was last changed (`updated:`), for feeds; nil when never.
    public var updated: Date?
    /// The offset written with the date, in seconds east of UTC, and where it is written.
    public var dateOffset: Int
    public var dateOffsetLocation: SourceLocation
    public var tags: [String]
    public var summary: String?
    /// Explicit `slug:` from the front matter; otherwise one is made from the title.
    public var slug: String?
    public var draft: Bool
    public var sourceNote: String?
    /// The Markdown after the front matter: a view of the file's text, not a copy of it.
    public var body: Substring
    /// The file line where `body` starts.
    public var bodyFirstLine: Int
    /// The file, for diagnostics.
    public var file: String
    /// Where `slug` (or, without one, `title`) is written, for slug conflicts.
    public var slugLocation: SourceLocation
    /// Where `tags` is written, for tags that fold to nothing or onto another tag.
    public var tagsLocation: SourceLocation
    /// Former addresses of the article (`aliases:`), each published as a redirect to it.
    public var aliases: [Alias] = []
    /// The picture of link previews (`image:`, a path like those of the body's images), when given.
    public var image: ImageReference?
    /// The point of the lead picture its crops for link previews keep (`image_focus: 0.3, 0.4`);
    /// nil: the centre.
    public var imageFocus: ImageFocus?
    /// Updates, corrections and replies published with it (`corrections:`), in the order written.
    public var corrections: [Correction] = []
    /// When it was taken off the site (`unpublished:`, with a reason kept in the file only): from
    /// then on it is in no list, feed, sitemap or index, and its address says « Article retiré ».
    public var unpublished: Date?
    /// Marked as the lead story of the front page (`une: true`): the latest so marked leads.
    public var isLead = false
    /// The section it belongs to, as written (`section:`), and where.
    public var section: String?
    public var sectionLocation: SourceLocation?
    /// Its byline (`author:`, one name or a list), each name as written.
    public var authors: [AuthorName] = []
    /// The article this one is a right of reply to (`reply_to:`, its slug or address), and where.
    public var replyTo: String?
    public var replyToLocation: SourceLocation?

    /// When it last changed for readers: the latest of `updated:` and its corrections' dates; nil
    /// when never (feeds, the sitemap and `dateModified` say so).
    var lastModified: Date? {
        ([updated].compactMap { $0 } + corrections.map(\.date)).max()
    }
}

/// A point of a picture, as fractions of its width (from the left) and height (from the top).
struct ImageFocus: Sendable, Hashable {
    public var x: Double
    public var y: Double
}

/// An image named in front matter, and where.
struct ImageReference: Sendable, Hashable {
    public var path: String
    public var location: SourceLocation
}

/// A former address of an article, as written in its front matter.
struct Alias: Sendable, Hashable {
    public var path: String
    public var location: SourceLocation
}

/// A page outside the dated flow (`À propos`, legal notice…).
struct StaticPage: Sendable, Hashable {
    public var title: String
    public var slug: String?
    public var summary: String?
    /// The Markdown after the front matter: a view of the file's text.
    public var body: Substring
    public var bodyFirstLine: Int
    public var file: String
    public var slugLocation: SourceLocation
}
