import Wording
import Foundation

/// The site's legal notice (« mentions légales », loi pour la confiance dans l’économie numérique,
/// art. 6-III), from `legal:` in `site.yml`: who publishes the site, who is its « directeur de la
/// publication », who hosts it. The build publishes it at `mentions-legales/`, linked from every
/// page's footer; a missing entry is a configuration warning (the law asks for each).
struct LegalNotice: Sendable, Hashable {
    /// The publisher: its name (a company's name, legal form and capital, or a person's name),
    /// address, telephone, e-mail and registration (`RCS Paris 000 000 000`); the last two optional.
    var publisher, address, phone: String?
    var email, registration: String?
    /// The « directeur de la publication ».
    var director: String?
    /// The host: its name, address and telephone.
    var hostName, hostAddress, hostPhone: String?

    /// What `legal:` gives, with a warning for each entry the law asks for and it lacks; nil when
    /// there is no `legal:` (no page then: the publication guide asks for it before going live).
    static func read(from fields: inout FieldReader) -> LegalNotice? {
        let example = "legal:\n  publisher: Éditions Exemple SAS, au capital de 10 000 €\n  address: 1 rue de l’Exemple, 75000 Paris\n"
            + "  phone: 01 23 45 67 89\n  director: Prénom Nom\n  host:\n    name: Hébergeur SAS\n    address: 2 rue de l’Hébergeur, 59000 Lille\n"
            + "    phone: 03 20 00 00 00"
        guard let node = fields.node("legal") else { return nil }
        let key = fields.location(ofKey: "legal")
        return fields.nested(node, what: "legal", start: fields.location(of: node)) { legal in
            var notice = LegalNotice(publisher: legal.string("publisher"), address: legal.string("address"), phone: legal.string("phone"),
                                     email: legal.string("email"), registration: legal.string("registration"), director: legal.string("director"))
            if let hostNode = legal.node("host") {
                _ = legal.nested(hostNode, what: "legal.host", start: legal.location(of: hostNode)) { host in
                    notice.hostName = host.string("name")
                    notice.hostAddress = host.string("address")
                    notice.hostPhone = host.string("phone")
                }
            }
            let missing = [("publisher", notice.publisher), ("address", notice.address), ("phone", notice.phone), ("director", notice.director),
                           ("host.name", notice.hostName), ("host.address", notice.hostAddress), ("host.phone", notice.hostPhone)]
                .filter { $0.1 == nil }.map(\.0)
            if !missing.isEmpty {
                legal.add([.warning(.invalidField, "legal: lacks \(missing.joined(separator: ", ")), which French law (LCEN art. 6-III) asks the « Mentions légales » page to give:\n\(example)", at: key, domain: .configuration)])
            }
            return notice
        }
    }
}
