import Testing
@testable import HTMLSanitizer

@Suite struct HTMLSanitizerTests {
    let sanitizer = HTMLSanitizer()

    @Test func probe() {
        print(sanitizer.sanitize("<p>Été « ok » &amp; <em>x</em> 33 %</p>\n<script>alert(1)</script><a href=\"javascript:alert(1)\" onclick=\"x()\">lien</a><img src=x onerror=alert(1) alt=\"é\"><br />\n<table><thead><tr><th style=\"text-align: center\">a</th></tr></thead></table><input type=\"checkbox\" checked=\"\" disabled=\"\" /> <section class=\"footnotes\" data-footnotes><ol><li id=\"fn-1\"><p>n <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" aria-label=\"Back\">↩</a></p></li></ol></section><pre><code class=\"language-x\">a &lt; b\n  c\n</code></pre>"))
    }
}
