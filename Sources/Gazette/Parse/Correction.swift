import Foundation

/// A notice added to an article after it was published (`corrections:` in its front matter):
/// an update, a correction (« rectificatif ») or a right of reply (« droit de réponse », loi du
/// 29 juillet 1881, art. 13). French newsrooms show a correction and a reply above the text, an
/// update below it.
struct Correction: Sendable, Hashable {
    enum Kind: String, CaseIterable, Sendable {
        case update = "mise à jour", correction = "rectificatif", reply = "droit de réponse"

        /// The kind written `text`, read without case or accents (`Mise a jour`); nil when it is none.
        init?(written text: String) {
            let folded = text.trimmingCharacters(in: .whitespaces).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            guard let kind = Self.allCases.first(where: { $0.rawValue.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) == folded })
            else { return nil }
            self = kind
        }

        /// Whether readers see it above the text (a correction, a reply) rather than below (an update).
        var isShownFirst: Bool { self != .update }

        /// Its name at the start of a heading (`Droit de réponse`).
        var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    var kind: Kind
    var date: Date
    /// Markdown.
    var text: String
}
