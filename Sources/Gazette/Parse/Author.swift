import Foundation

/// A journalist of the site, from `Content/authors/<slug>.md`: front matter `name` (required),
/// `role`, `photo` and `links`; the Markdown below it is the biography. The file's name is the
/// address of the author's page (`auteurs/<slug>/`); articles name the author in `author:` by
/// name or by that slug.
struct Author: Sendable, Hashable {
    public var name: String
    /// The file's name without `.md`: the author's address below `auteurs/`.
    public var slug: String
    /// `Journaliste`, `Rédactrice en chef`…
    public var role: String?
    /// The portrait, a path like those of an article's `image:` (relative to the file, or `/media/…`).
    public var photo: ImageReference?
    /// Pages of the author elsewhere (a social network, a personal site): absolute `http(s)` addresses.
    public var links: [String]
    /// The biography, in Markdown: a view of the file's text.
    public var bio: Substring
    public var bioFirstLine: Int
    public var file: String
    /// Where the file starts: where a problem with its name is reported.
    public var location: SourceLocation

    /// The slug of the author file `path` (`Content/authors/marie-dupont.md` → `marie-dupont`).
    static func slug(ofFile path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.firstIndex(of: ".").map { String(name[..<$0]) } ?? name
    }

    /// The author of `authors` that `written` names (by name or address, whatever the case and accents).
    static func named(_ written: String, in authors: [Author]) -> Author? {
        let slug = Slug.make(from: written)
        return authors.first { $0.slug == slug || Slug.make(from: $0.name) == slug }
    }
}

/// A name in an article's `author:` as written, and where.
struct AuthorName: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation
}

/// A name of an article's byline, with the slug of its author's page when the site has one.
struct Byline: Sendable, Hashable {
    public var name: String
    public var slug: String?
}
