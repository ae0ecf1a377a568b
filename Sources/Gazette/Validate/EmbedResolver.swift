import Wording
import GazetteMarkdown
import SVGPlot
import Yams

/// A chart or board placed in an article, resolved against the catalog.
enum ResolvedEmbed: Sendable, Equatable, Codable {
    case chart(ResolvedChart)
    case board(ResolvedBoard)

    /// Every chart it draws.
    public var charts: [ResolvedChart] {
        switch self {
        case .chart(let chart): return [chart]
        case .board(let board): return board.charts
        }
    }
}

/// A resolved embed and where it is written in its body (how rendering finds its place).
struct PlacedEmbed: Sendable, Equatable, Codable {
    public var range: SourceRange
    public var embed: ResolvedEmbed
}

/// Finds the embeds of a Markdown body and resolves each one: legacy ids through the catalog,
/// ```chart blocks as a reference (`id: …`) or as a full inline spec.
struct EmbedResolver {
    let catalog: ChartCatalog
    let tables: [String: DataTable]
    let dataFolder: String
    /// Most embeds one body may place (`max_embeds_per_article`); those past it are an error, not drawn.
    let maxEmbeds: Int

    /// The embeds of `body` in document order, and the problems found, located in its file.
    func resolve(_ body: MarkdownBody, slug: String) -> ([PlacedEmbed], [Diagnostic]) {
        var embeds: [PlacedEmbed] = []
        var diagnostics: [Diagnostic] = []
        var (found, misplaced) = EmbedScanner.embeds(in: body.document)
        if found.count > maxEmbeds {
            diagnostics.append(.error(.limitExceeded, "this article places \(found.count) charts and boards, more than the \(maxEmbeds) allowed (each one is drawn into the page); split the article, or raise max_embeds_per_article in site.yml", at: body.location(of: found[maxEmbeds].range)))
            found.removeSubrange(maxEmbeds...)
        }
        for (range, shortcode, place) in misplaced {
            diagnostics.append(.error(.misplacedEmbed, "[\(shortcode.kind)=\(shortcode.id)] cannot stand in \(place): a chart is a block of its own; put it alone in a paragraph",
                                      at: body.location(of: range)))
        }
        for (index, embed) in found.enumerated() {
            let location = body.location(of: embed.range)
            switch embed.reference {
            case .shortcode(let shortcode):
                let known = shortcode.kind == "board" ? catalog.legacyBoards : catalog.photos
                if let id = known[shortcode.id], catalog.failed.contains(id) { continue }  // reported where it is declared
                if known[shortcode.id] == nil, catalog.isIncomplete { continue }  // may be declared in the chart file in error
                switch resolve(shortcode, at: location) {
                case .success(let resolved): embeds.append(PlacedEmbed(range: embed.range, embed: resolved))
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            case .chartBlock(let yaml, let firstLine):
                let source = SourceFile(path: body.file, text: yaml)
                var parser = YAMLParser(source: source, firstLine: body.firstLine + firstLine - 1)
                parser.columnOffset = embed.range.startColumn - 1
                if let chart = chart(fromBlock: yaml, parser: parser, at: location, inlineID: "\(slug)-graphique-\(index + 1)",
                                     diagnostics: &diagnostics) {
                    embeds.append(PlacedEmbed(range: embed.range, embed: .chart(chart)))
                }
            }
        }
        return (embeds, diagnostics)
    }

    private func resolve(_ shortcode: Shortcode, at location: SourceLocation) -> Result<ResolvedEmbed, Diagnostic> {
        let known = shortcode.kind == "board" ? catalog.legacyBoards : catalog.photos
        if shortcode.kind == "board", let id = known[shortcode.id], let board = catalog.boards[id] { return .success(.board(board)) }
        if shortcode.kind == "photo", let id = known[shortcode.id], let chart = catalog.charts[id] { return .success(.chart(chart)) }
        let hint = Suggestion.hint(for: shortcode.id, among: known.keys, show: { "[\(shortcode.kind)=\($0)]" })
        let declared: Phrase = known[shortcode.id] == nil ? "no chart file declares \(shortcode.kind): \(shortcode.id)" : "its chart has errors"
        return .failure(.error(.unknownLegacyID, "unknown legacy id [\(shortcode.kind)=\(shortcode.id)]: \(declared)\(hint)", at: location))
    }

    /// The chart of a ```chart block, or nil with the problem added to `diagnostics` (none when
    /// the chart it names is in error and was reported where it is declared).
    private func chart(fromBlock yaml: String, parser: YAMLParser, at location: SourceLocation, inlineID: String,
                       diagnostics: inout [Diagnostic]) -> ResolvedChart? {
        guard let parsed = parser.parse(yaml).value(reportingTo: &diagnostics) else { return nil }
        guard case .mapping(let mapping)? = parsed, let node = parsed else {
            diagnostics.append(.error(.chartBlockShape, "a chart block holds either 'id: …' or a full chart spec (kind, title, data…)", at: location))
            return nil
        }
        if mapping["kind"] == nil, let idNode = mapping["id"], let id = idNode.string {
            if let chart = catalog.charts[id] { return chart }
            if catalog.failed.contains(id) || catalog.isIncomplete { return nil }
            let hint = Suggestion.hint(for: id, among: catalog.charts.keys)
            diagnostics.append(.error(.unknownChart, "unknown chart id '\(id)'\(hint)", at: parser.location(of: idNode.mark)))
            return nil
        }
        switch ChartCatalogParser.chart(node, parser: parser, requireID: false) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(var definition):
            if definition.id.isEmpty { definition.id = inlineID }
            switch ChartCatalog.resolve(definition, tables: tables, dataFolder: dataFolder) {
            case .success(let chart): return chart
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                return nil
            }
        }
    }
}
