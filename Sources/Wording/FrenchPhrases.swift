/// The French table: each phrase's English key (see ``Phrase``) and its French words, with
/// French typography (« », a no-break space before « : ; ! ? % »).
enum FrenchPhrases {
    /// Every French phrase, by English key.
    static let table: [String: String] = Dictionary(charts + diagnostics, uniquingKeysWith: { first, _ in first })

    /// Every entry as written, duplicates included, for the tests.
    static var entries: [(key: String, french: String)] { (charts + diagnostics).map { (key: $0.0, french: $0.1) } }

    /// The words of charts: their descriptions for screen readers, their keys, data tables and captions.
    private static let charts: [(String, String)] = [
        ("Horizontal bars", "Barres horizontales"), ("Columns", "Colonnes"), ("Grouped bars", "Barres groupées"),
        ("Stacked bars", "Barres empilées"), ("100%% stacked bars", "Barres empilées à 100\u{00A0}%%"), ("Line chart", "Courbe"),
        ("Area chart", "Aire"), ("Donut chart", "Anneau"), ("Pie chart", "Camembert"), ("Unit chart", "Diagramme en unités"),
        ("Key figure", "Chiffre clé"), ("Scatter plot", "Nuage de points"), ("Ranges", "Fourchettes"),
        ("Dot plot", "Diagramme en points"), ("Dumbbell plot", "Diagramme en haltères"), ("Slope chart", "Pente"),
        ("Horizontal axis", "Axe horizontal"), ("Vertical axis", "Axe vertical"),
        ("from %@ (%@) to %@ (%@)", "de %@ (%@) à %@ (%@)"), ("from %@ to %@", "de %@ à %@"), ("%@ to %@", "%@ à %@"),
        ("of %@", "sur %@"), ("%@ of %@", "%@ sur %@"), ("Highlighted", "Mis en avant"),
        ("Reference band", "Plage de référence"), ("Reference line", "Ligne de référence"),
        ("One panel per series, all on the same scale", "Un panneau par série, tous sur la même échelle"),
        ("Note, %@", "Annotation, %@"),
        ("Label", "Libellé"), ("Value", "Valeur"), ("Point", "Point"), ("Category", "Catégorie"),
        ("Show the data", "Voir les données"), ("Download the data (CSV)", "Télécharger les données (CSV)"),
        ("Download the chart (SVG)", "Télécharger le graphique (SVG)"), ("Embed this chart", "Intégrer ce graphique"),
        ("Copy this code into a page of your site:", "Copiez ce code dans une page de votre site\u{00A0}:"),
    ]

    /// The messages of builds, checks and the preview to editors.
    private static let diagnostics: [(String, String)] = [
    ]
}
