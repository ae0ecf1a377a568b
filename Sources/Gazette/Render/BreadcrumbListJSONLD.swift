import Foundation

/// schema.org `BreadcrumbList` of an article page (Accueil › year › article), for search engines.
struct BreadcrumbListJSONLD: Encodable {
    struct Item: Encodable {
        let type = "ListItem"
        let position: Int
        let name: String
        let item: String
        enum CodingKeys: String, CodingKey { case type = "@type", position, name, item }
    }

    let context = "https://schema.org"
    let type = "BreadcrumbList"
    let itemListElement: [Item]

    enum CodingKeys: String, CodingKey { case context = "@context", type = "@type", itemListElement }

    /// The list of `items` (name, absolute address), in order from the home page.
    init(items: [(name: String, url: String)]) {
        itemListElement = items.enumerated().map { Item(position: $0.offset + 1, name: $0.element.name, item: $0.element.url) }
    }

    /// Sorted keys, `</script>` impossible inside.
    func json() -> String { HTMLEscaping.scriptSafeJSON(encoding: self) }
}
