import Wording

/// A section of the site (« rubrique »), declared in `site.yml` under `sections:` in the order the
/// navigation shows them; an article names its own with `section:`.
struct Section: Sendable, Hashable {
    public var name: String
    /// Its address below `rubriques/`: `slug:` when given, else made from the name.
    public var slug: String
    public var description: String?

    /// `sections:`: a list of `name` (required), `slug` and `description`; a slug given twice is an
    /// error at the second.
    static func read(from fields: inout FieldReader) -> [Section] {
        var sections: [Section] = []
        fields.forEachMapping(in: "sections", what: "each section", notAList: "sections must be a list, each with a name (and optionally a slug and a description):\nsections:\n  - name: Cybersécurité\n    description: Attaques, défense, gouvernance.") { entry in
            let name = entry.string("name", required: true)
            let slug = entry.string("slug").map(Slug.make) ?? name.map(Slug.make)
            let description = entry.string("description")
            guard let name, let slug else { return }
            if slug.isEmpty || sections.contains(where: { $0.slug == slug }) {
                entry.error(.invalidField, slug.isEmpty ? "section \"\(name)\" has no letter or digit to make its address from; give it a slug"
                            : "section \"\(name)\" would have the address rubriques/\(slug)/ of another section; give it another slug",
                            at: entry.start)
            } else {
                sections.append(Section(name: name, slug: slug, description: description))
            }
        }
        return sections
    }

    /// The section of `sections` that `written` names (by name or address, whatever the case and accents).
    static func named(_ written: String, in sections: [Section]) -> Section? {
        let slug = Slug.make(from: written)
        return sections.first { $0.slug == slug || Slug.make(from: $0.name) == slug }
    }
}
