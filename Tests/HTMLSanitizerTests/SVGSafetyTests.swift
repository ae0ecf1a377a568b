import Testing
@testable import HTMLSanitizer

/// SVG images are published only when nothing in them can run or load (hostile-input round 3).
@Suite struct SVGSafetyTests {
    private static func svg(_ inner: String, attributes: String = "") -> String {
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\"\(attributes)>\n\(inner)\n</svg>\n"
    }

    @Test(arguments: [
        (svg("<rect/>", attributes: " onload=\"alert(1)\""), "the event attribute onload on <svg> (line 2)"),
        (svg("<script>alert(1)</script>"), "the element <script> (line 3)"),
        (svg("<a xlink:href=\"javascript:alert(1)\"><text>x</text></a>"), "the reference href=\"javascript:alert(1)\" (only #id is allowed) on <a> (line 3)"),
        (svg("<a href=\" JaVa\tScript:alert(1)\"><text>x</text></a>"), "the reference href=\" JaVa Script:alert(1)\" (only #id is allowed) on <a> (line 3)"),
        (svg("<foreignObject><img xmlns=\"http://www.w3.org/1999/xhtml\" src=\"x\" onerror=\"alert(1)\"/></foreignObject>"), "the element <foreignObject> (line 3)"),
        (svg("<a href=\"#x\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a>"), "an animation of href on <set> (line 3)"),
        (svg("<animate attributeName=\"xlink:href\" values=\"javascript:alert(1)\"/>"), "an animation of xlink:href on <animate> (line 3)"),
        (svg("<set attributeName=\"onbegin\" to=\"alert(1)\"/>"), "an animation of onbegin on <set> (line 3)"),
        (svg("<g xmlns:x=\"urn:x\"><x:meta><script>alert(1)</script></x:meta></g>"), "the element <script> (line 3)"),
        (svg("<h:div xmlns:h=\"http://www.w3.org/1999/xhtml\">x</h:div>"), "the element <div> of http://www.w3.org/1999/xhtml (line 3)"),
        (svg("<image href=\"https://tracker.example/pixel.png\" width=\"1\" height=\"1\"/>"), "the reference href=\"https://tracker.example/pixel.png\" (only #id is allowed) on <image> (line 3)"),
        (svg("<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>"), "the reference href=\"data:image/svg+xml;base64,PHN2Zz4=\" (only #id is allowed) on <image> (line 3)"),
        (svg("<use xlink:href=\"other.svg#icon\"/>"), "the reference href=\"other.svg#icon\" (only #id is allowed) on <use> (line 3)"),
        (svg("<rect fill=\"url(https://evil.example/f.svg#g)\"/>"), "a reference url(https://evil.example/f.svg#g) on <rect> (line 3)"),
        (svg("<rect style=\"fill: URL( 'http://e.example/x' )\"/>"), "a reference url(http://e.example/x') on <rect> (line 3)"),
        (svg("<rect style=\"background: \\75 rl(http://e.example/x)\"/>"), "a CSS escape (\\) on <rect> (line 3)"),
        (svg("<style>@import 'https://evil.example/x.css';</style>"), "an @import in <style> (line 3)"),
        ("<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"https://evil.example/x.xsl\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "a processing instruction <?xml-stylesheet?> (line 2)"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;alert(1)&#60;/script&#62;\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>", "an entity declaration (<!ENTITY>) (line 1)"),
        ("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>", "the file is not well-formed XML (line 1)"),
    ])
    func refusesWhatCouldRunOrLoad(file: String, finding: String) {
        #expect(SVGSafety.problem(in: Array(file.utf8))?.description == finding)
    }

    @Test func keepsDrawingsAsEditorsExportThem() {
        let inkscape = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <!-- Created with Inkscape (http://www.inkscape.org/) -->
        <svg width="210mm" height="297mm" viewBox="0 0 210 297" version="1.1" id="svg5"
           xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
           xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"
           xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <sodipodi:namedview id="namedview7" pagecolor="#ffffff" inkscape:zoom="0.7" />
          <metadata><rdf:RDF><cc:Work rdf:about=""><dc:title>Carte des GHT</dc:title></cc:Work></rdf:RDF></metadata>
          <defs><linearGradient id="g"><stop offset="0" style="stop-color:#1f6feb;stop-opacity:1"/></linearGradient>
            <symbol id="pin"><circle r="2"/></symbol><style>.zone { fill: url(#g); font-family: 'DejaVu Sans'; }</style></defs>
          <g inkscape:label="Calque 1" inkscape:groupmode="layer" id="layer1" transform="translate(1,2)">
            <rect style="fill:url(#g);stroke:#000;stroke-width:0.26" width="80" height="40" x="10" y="10" class="zone" />
            <use xlink:href="#pin" x="20" y="20"/><path d="M 0,0 L 10,10" fill="none" stroke="currentColor"/>
            <a href="https://www.ars.sante.fr/"><text x="10" y="60" aria-label="ARS : C:\\dossier">ARS</text></a>
            <animateTransform attributeName="transform" type="rotate" from="0" to="360" dur="10s" repeatCount="indefinite"/>
          </g>
        </svg>
        """
        #expect(SVGSafety.problem(in: Array(inkscape.utf8)) == nil)
    }
}
