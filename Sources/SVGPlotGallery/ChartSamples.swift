import SVGPlot

/// Example specs of every chart kind, with the survey figures of the published articles and
/// harder cases (long French labels, negatives, many categories). Used by the gallery, the
/// snapshot tests and the benchmark.
public enum ChartSamples {
    static let survey = "Health & Tech Research, enquête auprès des DSI/RSSI de 27 GHT, 2022"

    /// One representative spec per kind, keyed by kind.
    public static let byKind: [(ChartKind, ChartSpec)] = [
        (.bar, ChartSpec(kind: .bar, title: "Le défi cité en premier par les DSI/RSSI", source: survey, unit: .percent,
                         categories: ["Formation et sensibilisation des usagers aux questions de cybersécurité", "Budget alloué à la cybersécurité"],
                         series: [Series(name: "Part des sondés", values: [33, 23])])),
        (.column, ChartSpec(kind: .column, title: "Évolution des signalements par mois (exemple fictif)", subtitle: "Données d’illustration, écart au mois précédent",
                            unit: .percent, categories: ["Janvier", "Février", "Mars", "Avril", "Mai", "Juin"],
                            series: [Series(name: "Écart", values: [12, 18.5, -4, 25, 31, 7])])),
        (.groupedBar, ChartSpec(kind: .groupedBar, title: "Confiance envers la direction générale (exemple à deux séries)",
                                source: "Données d’illustration", unit: .percent,
                                categories: ["Plutôt confiants", "Tout à fait confiants", "Pas confiants du tout"],
                                series: [Series(name: "2021", values: [64, 12, 9]), Series(name: "2022", values: [73, 10, 5])])),
        (.stackedBar, ChartSpec(kind: .stackedBar, title: "Budgets informatiques (exemple fictif, en millions d’euros)", unit: .euro,
                                categories: ["GHT A", "GHT B", "GHT C avec un nom vraiment très long qui doit passer à la ligne"],
                                series: [Series(name: "Cybersécurité", values: [1.3, 0.8, 2.1]), Series(name: "Cloud", values: [0.9, 0.4, 1.5]),
                                         Series(name: "Autres dépenses", values: [7.8, 5.1, 12.4])])),
        (.stackedBar100, ChartSpec(kind: .stackedBar100, title: "Prévision d’évolution des investissements cyber", source: survey,
                                   note: "Répartition d’illustration : seule la part de 7 sur 10 est dans la source.", unit: .percent,
                                   categories: ["Établissements interrogés"],
                                   series: [Series(name: "Hausse de plus de 10 %", values: [70]), Series(name: "Autres réponses", values: [30])])),
        (.line, ChartSpec(kind: .line, title: "Incidents déclarés (exemple fictif)", unit: .none,
                          series: [Series(name: "Rançongiciels", values: [12, 15, 11, 19, 23, 21, 30]),
                                   Series(name: "Hameçonnage", values: [30, 28, 35, 33, 41, 38, 44]),
                                   Series(name: "Fuites de données", values: [5, -2, 8, 6, 9, 12, 10])],
                          x: ["2023-01", "2023-04", "2023-07", "2023-10", "2024-01", "2024-04", "2024-07"])),
        (.area, ChartSpec(kind: .area, title: "Part du budget IT consacrée au cloud (exemple fictif)", unit: .percent,
                          series: [Series(name: "Cloud", values: [4, 5.5, 7, 9, 11])],
                          x: ["2019", "2020", "2021", "2022", "2023"])),
        (.donut, ChartSpec(kind: .donut, title: "Recours au cloud public", source: survey,
                           note: "La source dit « moins d’un cinquième » : 20 % est une borne haute.", unit: .percent,
                           categories: ["Cloud public (moins d’un cinquième)", "Pas de cloud public"],
                           series: [Series(name: "Établissements", values: [20, 80])])),
        (.pie, ChartSpec(kind: .pie, title: "Répartition fictive des incidents", unit: .none,
                         categories: ["Rançongiciels", "Hameçonnage", "Fuites", "Autres"],
                         series: [Series(name: "Incidents", values: [30, 44, 10, 16])])),
        (.waffle, ChartSpec(kind: .waffle, title: "Architecture SI commune effective", source: survey, unit: .none,
                            categories: ["GHT avec une architecture SI commune effective"],
                            series: [Series(name: "GHT", values: [4])], total: 10)),
        (.keyFigure, ChartSpec(kind: .keyFigure, title: "Cyberattaques contre le monde de la santé",
                               source: "Article du 27 septembre 2024", unit: .percent, value: 32,
                               label: "d’augmentation des cyberattaques en direction du monde de la santé en une année",
                               options: ChartOptions(signed: true))),
        (.scatter, ChartSpec(kind: .scatter, title: "Budget cyber et taille des établissements (exemple fictif)",
                             points: [Point(x: 120, y: 4.5, label: "CH de Rennes"), Point(x: 450, y: 9.1, label: "CHU"),
                                      Point(x: 80, y: 2.2, label: "Clinique"), Point(x: 300, y: 7.4, label: "GHT Sud"),
                                      Point(x: 310, y: 7.1, label: "GHT Nord"), Point(x: 200, y: -1.5, label: "Déficit")],
                             xTitle: "Nombre de lits", yTitle: "Budget cyber, en % du budget informatique")),
    ]

    /// One spec per editorial feature (reference lines and bands…), keyed by a file-safe name.
    public static let features: [(String, ChartSpec)] = [
        ("bar-band", ChartSpec(kind: .bar, title: "Part de la cybersécurité dans les dépenses informatiques",
                               source: "Gouvernement, février 2021 ; " + survey,
                               note: "La règle porte sur le budget informatique des projets, la moyenne sur les dépenses globales IT.",
                               unit: .percent, categories: ["Part moyenne actuelle des investissements cyber"],
                               series: [Series(name: "Part des dépenses IT", values: [13])],
                               bands: [ReferenceBand(from: 5, to: 10, label: "Règle de février 2021 : 5 à 10 % du budget informatique")])),
        ("column-rule-band", ChartSpec(kind: .column, title: "Délai de correction des failles critiques (exemple fictif)",
                                       subtitle: "En jours, par trimestre", unit: .none,
                                       categories: ["T1", "T2", "T3", "T4"], series: [Series(name: "Jours", values: [41, 35, 22, 18])],
                                       rules: [ReferenceRule(value: 30, label: "Objectif : 30 jours")],
                                       bands: [ReferenceBand(from: 10, to: 20, label: "Délai recommandé")])),
        ("line-rule", ChartSpec(kind: .line, title: "Taux de disponibilité du DPI (exemple fictif)", unit: .percent,
                                series: [Series(name: "Disponibilité", values: [97.2, 98.1, 99.4, 99.1, 99.7])],
                                x: ["2020", "2021", "2022", "2023", "2024"],
                                rules: [ReferenceRule(value: 99, label: "Engagement contractuel")])),
    ]
}
