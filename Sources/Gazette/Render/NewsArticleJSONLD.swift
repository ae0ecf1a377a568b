import Foundation

/// schema.org `NewsArticle` metadata for an article page, as script-safe JSON.
struct NewsArticleJSONLD: Encodable {
    struct Organization: Encodable {
        let type = "Organization"
        let name: String
        enum CodingKeys: String, CodingKey { case type = "@type", name }
    }
    struct Person: Encodable {
        let type = "Person"
        let name: String
        /// Their author page, when the site has one.
        var url: String?
        enum CodingKeys: String, CodingKey { case type = "@type", name, url }
    }

    let context = "https://schema.org"
    let type = "NewsArticle"
    let headline: String
    let description: String?
    let datePublished: String
    /// The last update or correction, when there is one.
    let dateModified: String?
    let inLanguage: String
    let keywords: [String]
    /// The article's section, when it has one.
    let articleSection: String?
    let mainEntityOfPage: String
    let author: [Person]?
    let publisher: Organization
    /// Absolute addresses of the article's picture (its first image), when it has one.
    var image: [String]?

    enum CodingKeys: String, CodingKey {
        case context = "@context", type = "@type", headline, description, datePublished, dateModified, inLanguage, keywords, articleSection,
             mainEntityOfPage, author, publisher, image
    }

    /// Sorted keys, `</script>` impossible inside.
    func json() -> String { HTMLEscaping.scriptSafeJSON(encoding: self) }
}
