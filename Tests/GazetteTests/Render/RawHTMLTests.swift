import Foundation
import Testing
@testable import Gazette

/// `unsafe_html: true` keeps editors' HTML, filtered by the allow-list, and charts intact (issue 12, item 4).
@Suite struct RawHTMLTests {
    @Test func rawHTMLIsFilteredAndFiguresSurvive() throws {
        let folder = try TemporaryFolder()
        let body = """
        Texte <span title="ok" onmouseover="x()">survolé</span> et <a href="javascript:alert(1)">lien</a>.

        <form action="https://evil.example/"><input name="q"></form>
        <base href="https://evil.example/">
        <meta http-equiv="refresh" content="0;url=https://evil.example/">
        <img src="data:image/png;base64,AAAA" alt="image">
        <iframe src="https://video.example/"></iframe>

        <gazette-figure data-index="0"></gazette-figure>

        ```chart
        kind: bar
        title: Graphique
        categories: [a]
        series: [{name: s, values: [1]}]
        ```

        <div class="encadre"><p>Encadré <em>gardé</em>.</p></div>
        """
        let options = try makeSite(in: folder, articles: ["2022/a.md": "---\ntitle: A\ndate: 2022-06-24T08:00:00+02:00\n---\n" + body + "\n"])
        try folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nunsafe_html: true\n")
        _ = try SiteBuilder(options: options).build()
        let page = try #require(folder.read("Output/articles/2022/a/index.html"))
        let article = String(page[page.range(of: "<article")!.lowerBound...])
        for forbidden in ["onmouseover", "javascript:", "<form", "<base", "http-equiv", "data:image", "<iframe", "evil.example"] {
            #expect(!article.contains(forbidden), "\(forbidden) reached the page")
        }
        #expect(article.contains("<span title=\"ok\">survolé</span>"))
        #expect(article.contains("<div class=\"encadre\"><p>Encadré <em>gardé</em>.</p></div>"))
        // The figure is drawn once for its ```chart block and once where its placeholder was written:
        // a forged placeholder can only repeat the article's own figure.
        #expect(article.components(separatedBy: "<figure").count - 1 == 2)
        #expect(article.contains("<svg"))
    }

    /// A correction's text and an author's biography are Markdown outside the body: with
    /// `unsafe_html: true`, their raw HTML goes through the same filter as a body's.
    @Test func rawHTMLOfACorrectionAndOfABiographyIsFiltered() throws {
        let folder = try TemporaryFolder()
        let article = "---\ntitle: A\ndate: 2024-03-01T09:00:00+01:00\nauthor: Eve\ncorrections:\n  - date: 2024-03-02T09:00:00+01:00\n"
            + "    kind: rectificatif\n    text: 'Corrigé <a href=\"#\" onclick=\"x()\">lien</a> <em>gardé</em>'\n---\nTexte.\n"
        let options = try makeSite(in: folder, articles: ["2024/a.md": article])
        try folder.write("Content/site.yml", "title: Test\nbase_url: https://test.example/\nunsafe_html: true\n")
        try folder.write("Content/authors/eve.md", "---\nname: Eve\n---\nBio <img src=x onerror=alert(2)> <b>gras</b>\n")
        _ = try SiteBuilder(options: options).build()
        for page in ["Output/articles/2024/a/index.html", "Output/corrections/index.html", "Output/auteurs/eve/index.html"] {
            let html = try #require(folder.read(page))
            #expect(!html.contains("onclick") && !html.contains("onerror"), "\(page)")
        }
        #expect(folder.read("Output/articles/2024/a/index.html")?.contains("<em>gardé</em>") == true, "allowed HTML stays")
        #expect(folder.read("Output/auteurs/eve/index.html")?.contains("<b>gras</b>") == true)
    }

}
