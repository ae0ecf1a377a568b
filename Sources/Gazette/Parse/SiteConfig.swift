import Wording
import Foundation
import Yams

/// The site-wide settings of `Content/site.yml`.
struct SiteConfig: Sendable, Hashable {
    public var title: String
    /// Absolute URL of the site's root, always ending in `/`.
    public var baseURL: String
    public var language: String
    public var timeZone: TimeZone
    public var description: String?
    public var author: String?
    public var publisher: String?
    /// Articles per page on the home page.
    public var itemsPerPage: Int
    /// Whether raw HTML in Markdown is kept (off by default).
    public var unsafeHTML: Bool
    /// Bounds on the cost of each input.
    public var limits = InputLimits()
    /// How dates write the day of the month (`day_format: "01"` or `"1er"`).
    public var dayFormat = FrenchDate.DayFormat.ordinal
    /// The widths and qualities photos are published in.
    public var images = ImageSettings()
    /// The legal notice (`legal:`), nil when site.yml has none.
    public var legal: LegalNotice?
    /// The sections (`sections:`), in the navigation's order.
    public var sections: [Section] = []
    /// The file the settings were read from (every one of them but an overridden ``baseURL``).
    public var file: String?

    /// Parses `site.yml`; every problem is a configuration diagnostic (exit code 2).
    public static func parse(_ source: SourceFile) -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var parser = YAMLParser(source: source, firstLine: 1)
        parser.domain = .configuration
        let root: Yams.Node?
        switch parser.parse(source.text) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let node): root = node
        }
        guard var fields = FieldReader(root: root, parser: parser, diagnostics: &diagnostics, what: "site.yml") else {
            return (nil, diagnostics)
        }
        let title = fields.string("title", required: true)
        let baseURL = fields.string("base_url", required: true)
        let language = fields.string("language") ?? Self.defaultLanguage
        let zoneName = fields.string("time_zone") ?? "Europe/Paris"
        let description = fields.string("description")
        let author = fields.string("author")
        let publisher = fields.string("publisher")
        let itemsPerPage = fields.positiveInt("items_per_page", maximum: 1000) ?? 20
        let unsafeHTML = fields.bool("unsafe_html") ?? false
        var dayFormat = FrenchDate.DayFormat.ordinal
        if let text = fields.string("day_format") {
            if let format = FrenchDate.DayFormat(rawValue: text) {
                dayFormat = format
            } else if let node = fields.node("day_format") {
                fields.error(.invalidField, "day_format must be \"1er\" (1er juillet, 7 juillet: the default) or \"01\" (01 juillet, 07 juillet)", at: fields.location(of: node))
            }
        }
        let images = ImageSettings.read(from: &fields)
        let legal = LegalNotice.read(from: &fields)
        let sections = Section.read(from: &fields)
        var limits = InputLimits()
        for (key, maximum, path) in InputLimits.keys {
            if let value = fields.positiveInt(key, maximum: maximum) { limits[keyPath: path] = value }
        }
        let zone = TimeZone(identifier: zoneName)
        if zone == nil, let node = fields.node("time_zone") {
            fields.error(.unknownTimeZone, "unknown time zone '\(zoneName)' (use an IANA name such as Europe/Paris)", at: fields.location(of: node))
        }
        if let baseURL, let node = fields.node("base_url"), let problem = baseURLProblem(baseURL) {
            fields.error(.invalidBaseURL, "base_url \(problem)", at: fields.location(of: node))
        }
        fields.warnAboutUnknownKeys()
        diagnostics += fields.diagnostics
        guard let title, let baseURL, let base = normalizedBaseURL(baseURL), let zone,
              !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let config = SiteConfig(title: title, baseURL: base, language: language, timeZone: zone,
                                description: description, author: author, publisher: publisher,
                                itemsPerPage: itemsPerPage, unsafeHTML: unsafeHTML, limits: limits, dayFormat: dayFormat,
                                images: images, legal: legal, sections: sections, file: source.path)
        return (config, diagnostics)
    }

    /// `url` with a trailing slash, or nil when it is not of the form `http(s)://host[:port]/path/`.
    public static func normalizedBaseURL(_ url: String) -> String? {
        baseURLProblem(url) == nil ? (url.hasSuffix("/") ? url : url + "/") : nil
    }

    /// The site's language when `site.yml` names none: the newsroom writes in French.
    static let defaultLanguage = "fr"

    /// Why `url` cannot be the site's address, or nil. It is written into every page, feed and
    /// sitemap, so only `http(s)://host[:port]/path/` is accepted: no query, fragment, user name,
    /// password, space or control character.
    public static func baseURLProblem(_ url: String) -> Phrase? {
        baseURLFault(url).map { "\($0); expected e.g. https://example.fr/ or https://example.fr/actualites/" }
    }

    /// What is wrong with `url` as the site's address (``baseURLProblem(_:)`` adds an example).
    private static func baseURLFault(_ url: String) -> Phrase? {
        if url.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "must not contain spaces or control characters"
        }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              url.lowercased().hasPrefix(scheme + "://") else {
            return "must be an absolute http(s) URL"
        }
        if components.user != nil || components.password != nil { return "must not hold a user name or password" }
        if components.query != nil { return "must not hold a query (?…)" }
        if components.fragment != nil { return "must not hold a fragment (#…)" }
        if host.contains(where: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "[" || $0 == "]" || $0 == ":") }) {
            return "has an invalid host name '\(host)'"
        }
        if components.path.contains("\"") || components.path.contains("<") || components.path.contains(">") || components.path.contains("\\") {
            return "has characters that are not allowed in a path"
        }
        return nil
    }
}
