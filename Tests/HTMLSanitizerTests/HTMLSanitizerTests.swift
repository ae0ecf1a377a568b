import CLibXML2
import Foundation
import Testing
import TestSupport
@testable import HTMLSanitizer

/// The allow-list filter of raw HTML (`unsafe_html: true`), case by case and fuzzed.
@Suite struct HTMLSanitizerTests {
    let sanitizer = HTMLSanitizer()

    @Test(arguments: [
        ("<a href=\"javascript:alert(1)\">lien</a>", "<a>lien</a>"),
        ("<a href=\" JaVa\tScRiPt:alert(1)\">lien</a>", "<a>lien</a>"),
        ("<a href=\"java&#x09;script:alert(1)\">lien</a>", "<a>lien</a>"),
        ("<a href=\"vbscript:msgbox\">lien</a>", "<a>lien</a>"),
        ("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"x\">", "<img alt=\"x\">"),
        ("<p onclick=\"x()\" onmouseover=y()>texte</p>", "<p>texte</p>"),
        ("<img src=x onerror=alert(1) alt=\"é\">", "<img src=\"x\" alt=\"é\">"),
        ("<form action=\"https://evil.example/\"><input name=q><button>Go</button></form>après", "après"),
        ("<base href=\"https://evil.example/\">texte", "texte"),
        ("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">texte", "texte"),
        ("<script>alert(1)</script>texte", "texte"),
        ("<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
        ("<svg onload=alert(1)><circle r=1></circle></svg>texte", "texte"),
        ("<iframe src=\"https://video.example/\"></iframe>texte", "texte"),
        ("<style>body{display:none}</style>texte", "texte"),
        ("<!-- commentaire -->texte", "texte"),
        ("<blink>clignote</blink>", "clignote"),
        ("<a href=\"https://exemple.fr/a?b=1\" target=_blank rel=noopener>ok</a>", "<a href=\"https://exemple.fr/a?b=1\" rel=\"noopener\">ok</a>"),
        ("<a href=\"/relatif#x\">ok</a> <a href=\"mailto:a@b.fr\">m</a>", "<a href=\"/relatif#x\">ok</a> <a href=\"mailto:a@b.fr\">m</a>"),
        ("<td style=\"text-align: center\">a</td>", "<td style=\"text-align: center\">a</td>"),
        ("<table><tr><td style=\"text-align: center\">a</td><td style=\"background:url(javascript:x)\">b</td></tr></table>",
         "<table><tr><td style=\"text-align: center\">a</td><td>b</td></tr></table>"),
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> fait", "<input type=\"checkbox\" checked disabled> fait"),
        ("<input type=\"text\" value=\"x\">", ""),
    ])
    func removesWhatIsNotAllowed(input: String, expected: String) {
        #expect(sanitizer.sanitize(input) == expected)
    }

    /// A scheme is what follows the URL standard's grammar before the first colon; anything else
    /// is a relative address, kept (the GFM specification's example 508 gives `foo):`).
    @Test(arguments: [
        ("foo):", true), ("a/b:c", true), ("#x:y", true), ("1http:x", true), ("é:x", true), ("./javascript:alert(1)", true),
        ("https:x", true), ("web+app.x-y:z", false), ("JavaScript:alert(1)", false), ("java\tscript:x", false), ("ftp://x", false),
    ])
    func schemesFollowTheURLGrammar(url: String, allowed: Bool) {
        #expect(HTMLSanitizer.isAllowedURL(url) == allowed, "\(url)")
    }

    @Test func keepsWhatCmarkGFMWritesUnchangedInMeaning() {
        let html = """
        <h2 id="contexte">Contexte</h2>
        <p>Le <strong>budget</strong> « cyber » : 33 %<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>
        <ul>
        <li><del>barré</del> <code>a &lt; b</code></li>
        </ul>
        <section class="footnotes" data-footnotes>
        <ol>
        <li id="fn-1">
        <p>Note. <a href="#fnref-1" class="footnote-backref" data-footnote-backref data-footnote-backref-idx="1" aria-label="Back to content">↩</a></p>
        </li>
        </ol>
        </section>

        """
        #expect(sanitizer.sanitize(html) == html)
    }

    @Test func aTrustedPlaceholderKeepsOnlyItsAttribute() {
        let trusting = HTMLSanitizer(trustedPlaceholder: ("gazette-figure", "data-index"))
        #expect(trusting.sanitize("<gazette-figure data-index=\"2\" onclick=\"x\"></gazette-figure>") == "<gazette-figure data-index=\"2\"></gazette-figure>")
        #expect(sanitizer.sanitize("<gazette-figure data-index=\"2\"></gazette-figure>") == "")
    }

    @Test func deepNestingDoesNotOverflowTheStack() {
        let deep = String(repeating: "<div><span>", count: 50_000) + "fond"
        #expect(sanitizer.sanitize(deep).contains("fond"))
    }

    /// Mutation fuzzing: whatever the input, what a browser parses back from the output holds
    /// only allowed elements, attributes and URLs (no mutation XSS through serialization).
    @Test func fuzzedInputNeverYieldsAForbiddenNode() {
        let iterations = Int(ProcessInfo.processInfo.environment["GAZETTE_FUZZ_ITERATIONS"] ?? "") ?? 300
        let seeds = [
            "<p onclick=x>a <a href=\"javascript:y\">b</a></p>", "<img src=x onerror=alert(1)>", "<svg><script>x</script></svg>",
            "<table><tr><td>a</td></tr></table>", "<math><mi xlink:href=\"javascript:x\">m</mi></math>", "<noscript><p title=\"</noscript><img src=x onerror=y>\">",
            "<a href=\"  &#106;avascript:x\">c</a>", "<style><img src=x onerror=y></style>", "<textarea><script>x</script></textarea>",
            "<!--><img src=x onerror=y>-->", "<p>Texte « cité » : 33 %</p>",
        ]
        let pieces = ["<", ">", "\"", "'", "=", "/", "on", "javascript:", "script", "<a href=", "<img src=", "&#", "<!--", "-->", " ", "\t", "\u{0}", "é"]
        var rng = SeededGenerator(seed: 12)
        for iteration in 0..<iterations {
            var characters = Array(seeds.randomElement(using: &rng)! + seeds.randomElement(using: &rng)!)
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                let position = Int.random(in: 0...characters.count, using: &rng)
                if Bool.random(using: &rng) {
                    characters.insert(contentsOf: pieces.randomElement(using: &rng)!, at: position)
                } else if position < characters.count {
                    characters.remove(at: position)
                }
            }
            let output = sanitizer.sanitize(String(characters))
            #expect(forbiddenNodes(in: output).isEmpty, "seed 12, iteration \(iteration): \(forbiddenNodes(in: output)) in \(output)")
        }
    }

    /// Elements, attributes and URLs outside the allow-list in `html` as libxml2 parses it.
    private func forbiddenNodes(in html: String) -> [String] {
        let wrapped = "<html><body>" + html + "</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let document = wrapped.withCString({ htmlReadMemory($0, Int32(wrapped.utf8.count), nil, "UTF-8", options) }) else { return [] }
        defer { xmlFreeDoc(document) }
        var found: [String] = []
        var pending = [xmlDocGetRootElement(document)].compactMap { $0 }
        while let node = pending.popLast() {
            var child = node.pointee.children
            while let current = child {
                pending.append(current)
                child = current.pointee.next
            }
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = String(cString: node.pointee.name)
            if ["html", "body"].contains(name) { continue }
            guard let allowed = HTMLSanitizer.allowedElements[name] else {
                found.append("<\(name)>")
                continue
            }
            var property = node.pointee.properties
            while let attribute = property {
                property = attribute.pointee.next
                let attributeName = String(cString: attribute.pointee.name)
                let value = xmlGetProp(node, attribute.pointee.name).map { text in
                    defer { free(text) }
                    return String(cString: text)
                } ?? ""
                let known = HTMLSanitizer.globalAttributes.contains(attributeName) || allowed.contains(attributeName)
                    || attributeName.hasPrefix("aria-") || attributeName.hasPrefix("data-footnote")
                if attributeName.hasPrefix("on") || !known { found.append("\(name)@\(attributeName)") }
                if ["href", "src", "cite"].contains(attributeName), !HTMLSanitizer.isAllowedURL(value) { found.append("\(name)@\(attributeName)=\(value)") }
            }
        }
        return found
    }
}
