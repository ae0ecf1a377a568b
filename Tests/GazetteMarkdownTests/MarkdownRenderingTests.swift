import Foundation
import Testing
@testable import GazetteMarkdown

@Suite struct MarkdownRenderingTests {
    private func html(_ text: String, _ options: MarkdownOptions = MarkdownOptions()) -> String {
        let document = MarkdownDocument(parsing: text, options: options)
        document.removeDangerousLinks()
        return document.renderHTML()
    }

    @Test func rendersGFMTableWithStyleAlignment() {
        let out = html("| a | b |\n|:-:|--:|\n| 1 | 2 |\n")
        #expect(out.contains("<table>"))
        #expect(out.contains("<th style=\"text-align: center\">a</th>"))
        #expect(out.contains("<td style=\"text-align: right\">2</td>"))
        #expect(!out.contains("align=\""))
    }

    @Test func rendersStrikethrough() {
        #expect(html("~~barré~~").contains("<del>barré</del>"))
    }

    @Test func rendersBareAutolink() {
        #expect(html("Voir https://esante.gouv.fr pour plus.").contains("<a href=\"https://esante.gouv.fr\">https://esante.gouv.fr</a>"))
    }

    @Test func rendersFootnote() {
        let out = html("Texte[^1].\n\n[^1]: La note.\n")
        #expect(out.contains("href=\"#fn-1\""))
        #expect(out.contains("La note."))
        #expect(out.contains("class=\"footnotes\""))
    }

    @Test func rendersTaskList() {
        #expect(html("- [x] fait\n- [ ] à faire\n").contains("checked=\"\""))
    }

    @Test func dropsRawHTMLByDefault() {
        let out = html("<script>alert(1)</script>\n\nTexte <b onclick=\"x()\">gras</b>")
        #expect(!out.contains("<script"))
        #expect(!out.contains("<b onclick"))
        #expect(out.contains("Texte"))
    }

    @Test func keepsRawHTMLWhenOptedInButStillFiltersScriptTags() {
        let out = html("<aside>note</aside>\n\n<script>alert(1)</script>\n", MarkdownOptions(allowsRawHTML: true))
        #expect(out.contains("<aside>note</aside>"))
        #expect(!out.contains("<script>"), "the tagfilter extension escapes <script> even in unsafe mode")
    }

    @Test(arguments: [MarkdownOptions(allowsRawHTML: false), MarkdownOptions(allowsRawHTML: true)])
    func dropsJavascriptLinksInBothModes(options: MarkdownOptions) {
        let out = html("[cliquer](javascript:alert(1)) et [ici]( JaVaScRiPt:alert(2))\n\n![x](javascript:alert(3))", options)
        #expect(!out.lowercased().contains("javascript:"))
        #expect(out.contains("cliquer"))
        #expect(out.contains("ici"))
    }

    @Test func keepsOrdinaryLinks() {
        #expect(html("[Cnam](https://www.ameli.fr/)").contains("<a href=\"https://www.ameli.fr/\">Cnam</a>"))
    }

    @Test func addsUniqueHeadingAnchors() {
        let document = MarkdownDocument(parsing: "## Budget *cyber*\n\ntexte\n\n## Budget cyber\n")
        document.addHeadingAnchors { $0.lowercased().replacingOccurrences(of: " ", with: "-") }
        let out = document.renderHTML()
        #expect(out.contains("<h2 id=\"budget-cyber\">Budget <em>cyber</em></h2>"))
        #expect(out.contains("<h2 id=\"budget-cyber-2\">Budget cyber</h2>"))
    }

    /// Many headings of one text (60 000 `## Titre`, 840 KB) get their numbers in one pass: each
    /// id was found by trying `-2`, `-3`… from the start, 1.8 billion tries here (over a minute).
    @Test(.timeLimit(.minutes(1))) func manyIdenticalHeadingsAreNumberedInLinearTime() {
        let count = 60_000
        let document = MarkdownDocument(parsing: String(repeating: "## Titre\n\n", count: count) + "## Titre 2\n")
        let headings = document.addHeadingAnchors { $0.lowercased().replacingOccurrences(of: " ", with: "-") }
        #expect(headings.count == count + 1)
        #expect(headings.prefix(3).map(\.id) == ["titre", "titre-2", "titre-3"])
        #expect(headings[count - 1].id == "titre-\(count)")
        #expect(headings[count].id == "titre-2-2", "a text whose id was given as a number takes the next free one")
        #expect(Set(headings.map(\.id)).count == count + 1)
    }

    @Test func walksAndTransformsTextNodes() {
        let document = MarkdownDocument(parsing: "Un *deux* `trois`")
        document.rewrite { node in
            node.kind == .text ? .setLiteral(node.literal?.uppercased() ?? "") : .keep
        }
        #expect(document.renderHTML() == "<p>UN <em>DEUX</em> <code>trois</code></p>\n")
    }

    @Test func rewritesBottomUpSoThatNestedEditsNeverTouchFreedNodes() {
        // The link is unwrapped inside an image that is removed whole: the link's edit runs first.
        let document = MarkdownDocument(parsing: "a ![[lien](x) *gras*](y.png) b\n\n> [photo=1]\n")
        document.rewrite { node in
            switch node.kind {
            case .link: return .unwrap
            case .image: return .remove
            case .text where node.literal == "gras": return .setLiteral("GRAS")
            case .blockQuote: return .replaceWithHTMLBlock("<figure>x</figure>\n")
            default: return .keep
            }
        }
        #expect(document.renderHTML() == "<p>a  b</p>\n<figure>x</figure>\n")
    }

    @Test func headingIdsAvoidReservedIdsAndPrefixes() {
        let document = MarkdownDocument(parsing: "## Contenu\n\n## Contenu\n\n## Graphique 1\n\n## Fn 1\n")
        document.addHeadingAnchors(makeID: { $0.lowercased().replacingOccurrences(of: " ", with: "-") },
                                   reserved: ["contenu"], reservedPrefixes: ["graphique-", "fn-"])
        let ids = document.renderHTML().components(separatedBy: "id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids == ["contenu-2", "contenu-3", "section-graphique-1", "section-fn-1"])
    }

    @Test func reportsSourcePositions() {
        let document = MarkdownDocument(parsing: "Intro\n\n```chart\nid: x\n```\n")
        let block = document.root.children[1]
        #expect(block.kind == .codeBlock)
        #expect(block.fenceInfo == "chart")
        #expect(block.range == SourceRange(startLine: 3, startColumn: 1, endLine: 5, endColumn: 3))
        let inQuote = MarkdownDocument(parsing: "> é ```chart\n").root.descendants(ofKind: .text).first
        #expect(inQuote?.range.startColumn == 3, "columns count UTF-8 bytes")
    }

    @Test func replacesNodeWithHTMLBlock() {
        let document = MarkdownDocument(parsing: "a\n\n[photo=1]\n\nb")
        let target = document.root.children[1]
        document.rewrite { $0 == target ? .replaceWithHTMLBlock("<figure>x</figure>\n") : .keep }
        #expect(document.renderHTML() == "<p>a</p>\n<figure>x</figure>\n<p>b</p>\n")
    }

    @Test func plainTextJoinsSplitTextNodes() {
        let document = MarkdownDocument(parsing: "[board=151315]")
        #expect(document.root.children[0].plainText == "[board=151315]")
    }
}

@Suite struct MarkdownMutationTests {
    @Test func imageHoldingADangerousLinkIsRemovedWholeAfterTheLinkIsUnwrapped() {
        let document = MarkdownDocument(parsing: "![voir [ici](javascript:x)](data:image/png;base64,AAAA) fin")
        document.removeDangerousLinks()
        #expect(document.renderHTML() == "<p> fin</p>\n")
    }
}

@Suite struct MarkdownConcurrencyTests {
    /// Regression: cmark-gfm's global table of special characters made strikethrough and
    /// autolinks vanish when documents were parsed on several threads at once.
    /// Parses run on every core: cmark-gfm's call that edits the table is replaced by ours.
    @Test func parsesAreNotSerialised() {
        #expect(MarkdownDocument.parsesMayOverlap)
    }

    @Test func parallelParsesKeepEveryExtension() {
        let count = 400
        let outputs = UnsafeMutableBufferPointer<String>.allocate(capacity: count)
        outputs.initialize(repeating: "")
        defer {
            _ = outputs.deinitialize()
            outputs.deallocate()
        }
        nonisolated(unsafe) let results = outputs
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let text = String(repeating: "Un ~~ancien~~ texte, voir https://exemple.fr/\(index) pour la suite.\n\n", count: 20)
            results[index] = MarkdownDocument(parsing: text).renderHTML()
        }
        for html in outputs {
            #expect(html.components(separatedBy: "<del>").count == 21)
            #expect(html.components(separatedBy: "<a href=").count == 21)
        }
    }
}

/// A view kept across a rewrite, or a document used after `discard()`, is stale: using it stops
/// the program instead of reading freed memory.
@Suite struct MarkdownStaleNodeTests {
    enum StaleUse: String, Codable, Sendable, CaseIterable {
        case nodeAfterARewrite, discardedDocument, nodeOfADiscardedDocument

        func perform() {
            let document = MarkdownDocument(parsing: "[lien](javascript:x) *texte*")
            let link = document.root.descendants(ofKind: .link)[0]
            switch self {
            case .nodeAfterARewrite:
                document.removeDangerousLinks()
                _ = link.url
            case .discardedDocument:
                document.discard()
                _ = document.renderHTML()
            case .nodeOfADiscardedDocument:
                document.discard()
                _ = link.plainText
            }
        }
    }

    @Test(arguments: StaleUse.allCases)
    func stops(_ use: StaleUse) async {
        await #expect(processExitsWith: .failure) { [use] in use.perform() }
    }
}
