/// schema.org `ProfilePage` metadata for an author's page: who they are, what they do, where else
/// they publish (what Google reads of an article's `author.url`), as script-safe JSON.
struct ProfilePageJSONLD: Encodable {
    struct Person: Encodable {
        let type = "Person"
        let name: String
        let url: String
        let jobTitle: String?
        /// The absolute address of their portrait.
        let image: String?
        /// Their pages elsewhere.
        let sameAs: [String]?
        enum CodingKeys: String, CodingKey { case type = "@type", name, url, jobTitle, image, sameAs }
    }

    let context = "https://schema.org"
    let type = "ProfilePage"
    let mainEntity: Person

    enum CodingKeys: String, CodingKey { case context = "@context", type = "@type", mainEntity }

    /// Sorted keys, `</script>` impossible inside.
    func json() -> String { HTMLEscaping.scriptSafeJSON(encoding: self) }
}
