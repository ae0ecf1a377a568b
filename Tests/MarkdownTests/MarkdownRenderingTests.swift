import Foundation
import Testing
@testable import Markdown

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

    @Test func walksAndTransformsTextNodes() {
        let document = MarkdownDocument(parsing: "Un *deux* `trois`")
        for node in document.root.descendants(ofKind: .text) {
            node.literal = node.literal?.uppercased()
        }
        #expect(document.renderHTML() == "<p>UN <em>DEUX</em> <code>trois</code></p>\n")
    }

    @Test func reportsSourcePositions() {
        let document = MarkdownDocument(parsing: "Intro\n\n```chart\nid: x\n```\n")
        let block = document.root.children[1]
        #expect(block.kind == .codeBlock)
        #expect(block.fenceInfo == "chart")
        #expect(block.startLine == 3)
        #expect(block.startColumn == 1)
    }

    @Test func replacesNodeWithHTMLBlock() {
        let document = MarkdownDocument(parsing: "a\n\n[photo=1]\n\nb")
        document.root.children[1].replace(withHTMLBlock: "<figure>x</figure>\n")
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
