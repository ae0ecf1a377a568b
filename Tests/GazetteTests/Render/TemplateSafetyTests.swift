import Foundation
import Testing
@testable import Gazette

/// Templates that would recurse without end or silently render nothing are located configuration
/// errors (issue 12, item 10).
@Suite struct TemplateSafetyTests {
    /// A copy of the repository's templates in `folder/Templates`, with `changes` written over it.
    private func templates(in folder: TemporaryFolder, _ changes: [String: String]) throws -> String {
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path + "/Templates")
        for (path, text) in changes { try folder.write("Templates/" + path, text) }
        return folder.path + "/Templates"
    }

    private func errors(_ changes: [String: String]) throws -> [Diagnostic] {
        let folder = try TemporaryFolder()
        let (_, diagnostics) = TemplateSet.load(from: try templates(in: folder, changes))
        return diagnostics.filter { $0.severity == .error }
    }

    @Test func aPartialThatIncludesItselfIsRefused() throws {
        let errors = try errors(["partials/tag-list.mustache": "<ul>\n  {{>partials/tag-list}}\n</ul>\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.location.file.hasSuffix("partials/tag-list.mustache") == true)
        #expect(errors.first?.location.line == 2 && errors.first?.location.column == 3)
        #expect(errors.first?.message.contains("partials/tag-list → partials/tag-list") == true, "\(errors)")
    }

    @Test func baseExtendingItselfOrTwoTemplatesExtendingEachOtherAreRefused() throws {
        #expect(try errors(["base.mustache": "{{<base}}{{/base}}"]).first?.message.contains("base → base") == true)
        let mutual = try errors(["partials/a.mustache": "{{>partials/b}}", "partials/b.mustache": "x {{>partials/a}}"])
        #expect(mutual.count == 1)
        #expect(mutual.first?.message.contains("partials/a → partials/b → partials/a") == true, "\(mutual)")
    }

    @Test func aBlockOpenedInsideABlockOfTheSameNameIsRefused() throws {
        // Found by the template fuzzer: swift-mustache recursed until the stack overflowed (SIGSEGV).
        let errors = try errors(["404.mustache": "{{<base}}\n{{$content}}\nx {{$content}} y {{/content}}\n{{/content}}\n{{/base}}\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 3 && errors.first?.location.column == 3)
        #expect(errors.first?.message.hasPrefix("block 'content' is opened again inside itself") == true)
        #expect(try self.errors(["404.mustache": "{{<base}}{{$content}}{{#a}}{{/a}}{{$b}}{{/b}}{{/content}}{{/base}}"]).isEmpty)
    }

    @Test func aTypoInTheParentNameIsRefusedWithASuggestion() throws {
        let errors = try errors(["home.mustache": "{{<bsae}}\n{{$content}}x{{/content}}\n{{/bsae}}\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.location.line == 1 && errors.first?.location.column == 1)
        #expect(errors.first?.message == "parent template 'bsae' not found: no bsae.mustache in the templates folder (did you mean 'base'?)")
    }

    @Test func aMissingPartialIsRefused() throws {
        let errors = try errors(["page.mustache": "{{<base}}{{$content}}{{> partials/absent }}{{/content}}{{/base}}"])
        #expect(errors.count == 1)
        #expect(errors.first?.location.column == 22)
        #expect(errors.first?.message.hasPrefix("partial 'partials/absent' not found") == true)
    }

    @Test func referencesAreFoundWithOtherDelimitersAndNotInComments() {
        let references = TemplateReferences.scan("{{! {{>ignored}} }}\n{{=<% %>=}}\n<%> partials/x %>\n{{>not-a-tag}}")
        #expect(references.map(\.name) == ["partials/x"])
        #expect(references.first?.line == 3 && references.first?.column == 1)
    }

    @Test func theBuildStopsWithExitCodeTwoInsteadOfPublishingEmptyPages() throws {
        let folder = try TemporaryFolder()
        var options = try makeSite(in: folder, articles: ["2022/a.md": validArticle])
        options.templatesDirectory = try templates(in: folder, ["article.mustache": "{{<bsae}}{{/bsae}}"])
        let errors = buildDiagnostics(options)
        #expect(BuildFailure(errors).exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/Output"))
    }
}

/// JSON inside `<script type="application/ld+json">` (`HTMLEscaping.scriptSafeJSON`).
@Suite struct ScriptSafeJSONTests {
    @Test func anglesAndAmpersandsBecomeEscapesAndNothingElseChanges() {
        #expect(HTMLEscaping.scriptSafeJSON(#"{"a":"</script> & <b>"}"#) == #"{"a":"\u003c/script\u003e \u0026 \u003cb\u003e"}"#)
        // Without any of the three, the text comes back as it is (accents, quotes, slashes).
        let plain = #"{"headline":"Santé : l’hôpital \"numérique\"","url":"https://a.example/b/"}"#
        #expect(HTMLEscaping.scriptSafeJSON(plain) == plain)
    }
}
