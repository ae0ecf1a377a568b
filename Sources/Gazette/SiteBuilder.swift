import Foundation

/// What `gazette build` reads and writes.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    /// Overrides `base_url` of `site.yml`.
    public var baseURL: String?
    /// Publishes articles marked `draft: true`.
    public var includeDrafts: Bool
    /// Treats warnings as errors.
    public var strict: Bool
    /// Publishes articles dated after the build time (marked « Programmé »).
    public var includeFuture = false
    /// Writes the search index of `recherche/` (the command line's default; off in library use and tests).
    public var searchIndex = false
    /// The build time that decides which articles are published yet; nil: `SOURCE_DATE_EPOCH`
    /// when set (reproducible builds), else the clock.
    public var now: Date?
    /// Flushes the new site to the disk before swapping it in (the command line's default; off in tests).
    public var syncsToDisk = false
    /// Told what the build is doing, for a progress line (nil: nobody asks).
    public var progress: BuildProgress?
    /// Keeps the pages that did not change since the previous build into the same output, using the
    /// cache `.gazette-cache/` beside the output folder (the command line's default; off in library
    /// use and tests unless asked). See ``BuildCache``.
    public var incremental = false
    /// The record of the previous publication (``PublicationRecord``): a path, or the address of
    /// the published site's `gazette-publication.json`; the build warns of what it would take back
    /// from it. Nil: nothing is compared.
    public var previousPublication: String?

    /// Creates options; the defaults are the repository's folders.
    public init(contentDirectory: String = "Content", templatesDirectory: String = "Templates",
                outputDirectory: String = "Output", baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
    }
}

/// What a successful build did.
public struct BuildReport: Sendable {
    public var articleCount: Int
    public var pageCount: Int
    public var filesWritten: Int
    /// Of ``filesWritten``, the pages and feeds kept from the previous build without being rendered.
    public var filesKept = 0
    /// Photo variants encoded by this build (none when no image or image setting changed).
    public var imagesMade = 0
    /// The build would have written what the output already held (``BuildRecord``): nothing was
    /// parsed, rendered nor written, and the warnings are the previous build's.
    public var isUnchanged = false
    /// Warnings (the build succeeded despite them).
    public var warnings: [Diagnostic]
    /// The files read by the build, by path, to quote the lines warnings point at.
    public var sources: [String: SourceFile]
    /// Duration of each stage.
    public var timings: [StageTiming]
    /// The source file of each page made from Markdown, by output path (`articles/2024/x/index.html`).
    public var pageSources: [String: String] = [:]
    /// The site's `base_url`, ending in `/` (`https://gazette-sante.example/`).
    public var baseURL = "/"
    /// The articles the build did not publish: drafts (without `--drafts`) and articles dated
    /// after the build time (without `--future`), scheduled ones soonest first.
    public var heldBack: [HeldBackArticle] = []
}

/// An article a build did not publish, and why.
public struct HeldBackArticle: Sendable, Equatable, Codable {
    public var file: String
    public var title: String
    /// When it is scheduled, in the site's words (`lundi 08 décembre 2026 à 09h00`): the first build
    /// after it publishes it; nil: a draft.
    public var scheduledFor: String?
    /// The same date in ISO 8601 with the site's offset, for programs (`--format json`).
    public var scheduledAt: String?

    /// The drafts and scheduled articles among `articles` that a build with `context` does not
    /// publish, drafts first, then scheduled ones soonest first.
    static func among(_ articles: [Article], context: BuildContext, dates: FrenchDate) -> [HeldBackArticle] {
        let drafts = context.includeDrafts ? [] : articles.filter(\.draft).map { HeldBackArticle(file: $0.file, title: $0.title, scheduledFor: nil) }
        let scheduled = articles.filter { !$0.draft && !context.publishes($0) }.sorted { ($0.date, $0.file) < ($1.date, $1.file) }
            .map { HeldBackArticle(file: $0.file, title: $0.title, scheduledFor: dates.long($0.date), scheduledAt: dates.iso8601($0.date)) }
        return drafts.sorted { $0.file < $1.file } + scheduled
    }
}

/// The whole pipeline (docs/architecture.md): config → load → templates → parse → charts → validate → render → write.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    /// Creates a builder.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site into memory; all diagnostics of all stages are reported together.
    func renderSite() throws(BuildFailure) -> (files: [OutputFile], report: BuildReport) {
        var timer = StageTimer(progress: options.progress)
        let inputs = gather(&timer)
        var (renderer, report) = try prepare(inputs, context: BuildContext(options: options, buildTime: buildTime), &timer).renderable
        let files = try timer.measure("render", items: renderer.progressSteps) { renderer.render(progress: options.progress) }
            .mapError { BuildFailure($0.diagnostics + report.warnings, sources: report.sources) }.get()
        report.filesWritten = files.count
        report.timings = timer.timings
        return (files, report)
    }

    /// What a build reads before parsing anything: `site.yml`, the content files, the templates.
    private struct Inputs {
        var config: SiteConfig?
        var content: LoadedContent
        var templates: TemplateSet?
        var limits: InputLimits
        /// Every file read, by path as shown, to quote the lines diagnostics point at.
        var sources: [String: SourceFile]
        /// The problems found so far.
        var diagnostics: [Diagnostic]
        /// The hash of every file read, by path as shown (incremental builds only, ``hashed()``).
        var hashes: [String: ContentHash] = [:]
        /// The hash of every image's bytes, by path below the content folder (incremental builds only).
        var imageHashes: [(path: String, hash: ContentHash)] = []
        /// The previous publication (`--previous`), when it was given and could be read.
        var previous: PreviousPublication?

        /// The inputs with the hash of every file read and every image: an incremental build
        /// recognises each input by its hash (``PageFingerprints``, ``BuildRecord``, ``ArticleCache``).
        func hashed() -> Inputs {
            var inputs = self
            inputs.hashes = Dictionary(parallelMap(content.allFiles) { ($0.path, ContentHash(of: $0.text.utf8)) },
                                       uniquingKeysWith: { first, _ in first })
            let images = parallelMap(content.images.sorted { $0.key < $1.key }) { path, location in
                (path: path, location: location, hash: ContentHash(of: FileManager.default.contents(atPath: location) ?? Data("unreadable".utf8)))
            }
            inputs.imageHashes = images.map { (path: $0.path, hash: $0.hash) }
            // Image variants are kept by the hash of their image's bytes (``PageFingerprints/imageFile(_:)``).
            for image in images { inputs.hashes[image.location] = image.hash }
            return inputs
        }

        /// The hash of what every article's parsing and validation reads (``ArticleCache``); nil
        /// when the inputs were not hashed.
        func articleSharedKey(contentDirectory: String, dataFolder: String) -> ContentHash? {
            guard !hashes.isEmpty else { return nil }
            return ArticleCache.sharedKey(limits: limits, config: content.siteConfig.flatMap { hashes[$0.path] },
                                          data: content.data.compactMap { file in hashes[file.path].map { (path: file.path, hash: $0) } },
                                          images: imageHashes, contentDirectory: contentDirectory, dataFolder: dataFolder)
        }
    }

    /// Reads the configuration, the content and the templates, and checks the output folder.
    private func gather(_ timer: inout StageTimer) -> Inputs {
        var diagnostics: [Diagnostic] = []
        let loader = ContentLoader(directory: options.contentDirectory)
        var config: SiteConfig?
        var siteFile: SourceFile?
        switch loader.loadSiteConfig() {
        case .success(let file):
            siteFile = file
            let (parsed, configDiagnostics) = SiteConfig.parse(file)
            config = parsed
            diagnostics += configDiagnostics
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        }
        let limits = config?.limits ?? InputLimits()
        var (content, loadDiagnostics) = timer.measure("load") { loader.load(limits: limits) }
        content.siteConfig = siteFile
        diagnostics += loadDiagnostics
        let sources = Dictionary(content.allFiles.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let (templates, templateDiagnostics) = timer.measure("templates") { TemplateSet.load(from: options.templatesDirectory) }
        diagnostics += templateDiagnostics
        diagnostics += OutputWriter(directory: options.outputDirectory)
            .checkTarget(inputs: [options.contentDirectory, options.templatesDirectory])

        if let override = options.baseURL {
            if let problem = SiteConfig.baseURLProblem(override) {
                diagnostics.append(.error(.invalidOption, "--base-url \(problem)", at: .option("--base-url"), domain: .configuration))
            } else {
                config?.baseURL = SiteConfig.normalizedBaseURL(override) ?? override
            }
        }
        var previous: PreviousPublication?
        if let source = options.previousPublication {
            switch PreviousPublication.load(source) {
            case .success(let read): previous = read
            case .failure(let warning): diagnostics.append(warning)
            }
        }
        return Inputs(config: config, content: content, templates: templates, limits: limits, sources: sources, diagnostics: diagnostics,
                      previous: previous)
    }

    /// The ``BuildRecord/key(options:inputs:templates:diagnostics:)`` of `inputs`: their files, the
    /// bytes of their images and of the templates' assets; nil when reading them found an error.
    private func buildKey(of inputs: Inputs) -> ContentHash? {
        guard let templates = inputs.templates, !inputs.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let files = inputs.content.allFiles.compactMap { file in inputs.hashes[file.path].map { (path: file.path, hash: $0) } }
        let assets = templates.assets.sorted { $0.key < $1.key }.map { (path: $0.key, hash: ContentHash(of: $0.value)) }
        // The previous publication decides warnings: a build compared with another one is not a repeat.
        let previous = inputs.previous.map { [(path: "--previous", hash: ContentHash(of: $0.record.json().utf8))] } ?? []
        return BuildRecord.key(options: options, inputs: files + inputs.imageHashes + assets + previous, templates: templates.fingerprints,
                               diagnostics: inputs.diagnostics)
    }

    /// What ``prepare(_:at:reusing:_:)`` hands to rendering and to the next build.
    private struct Prepared {
        var renderer: SiteRenderer
        /// The report so far (its warnings).
        var report: BuildReport
        /// The build times that publish the same articles.
        var window: PublicationWindow
        /// What was found of each article, for the next build (empty when the inputs were not hashed).
        var articles: ArticleCache

        var renderable: (SiteRenderer, BuildReport) { (renderer, report) }
    }

    /// Every stage after reading and before rendering, at `buildTime`, taking from the ``ArticleCache``
    /// at `articleCache` (written by `program`) the articles whose inputs did not change; or every
    /// diagnostic of every stage when one is an error.
    private func prepare(_ inputs: Inputs, context: BuildContext, articleCache: String? = nil, program: String = "", _ timer: inout StageTimer)
        throws(BuildFailure) -> Prepared {
        var diagnostics = inputs.diagnostics
        let content = inputs.content
        let limits = inputs.limits
        let progress = context.progress
        let sharedKey = inputs.articleSharedKey(contentDirectory: context.contentDirectory, dataFolder: context.dataFolder)
        // The article cache's key of each article (none when the inputs were not hashed).
        let keys = Dictionary(content.articles.compactMap { source in
            sharedKey.flatMap { shared in inputs.hashes[source.path].map { (source.path, ArticleCache.key(file: $0, shared: shared)) } }
        }, uniquingKeysWith: { first, _ in first })
        let (previous, parsedArticles, parsedPages) = timer.measure("parse", items: content.articles.count + content.pages.count) {
            // Read here, not with the manifest: a build that repeats the previous one needs none of it.
            let previous = articleCache.map { ArticleCache.load(from: $0, program: program) } ?? ArticleCache()
            return (previous, parallelMap(content.articles) { source -> ParsedArticle in
                defer { progress?.advance() }
                if let key = keys[source.path], let known = previous.article(from: source, key: key) {
                    return ParsedArticle(article: known.article, problems: known.problems, knownValidation: known.validation)
                }
                let (article, problems) = DocumentParser.article(from: source, limits: limits)
                return ParsedArticle(article: article, problems: problems, knownValidation: nil)
             },
             parallelMap(content.pages) { source -> ParsedPage in
                defer { progress?.advance() }
                let (page, problems) = DocumentParser.page(from: source, limits: limits)
                return ParsedPage(page: page, problems: problems)
             })
        }
        // Authors are few: read in the validation stage's time.
        let parsedAuthors = content.authors.map { DocumentParser.author(from: $0, limits: limits) }
        diagnostics += parsedArticles.flatMap(\.problems) + parsedPages.flatMap(\.problems) + parsedAuthors.flatMap(\.1)
        let knownValidations = Dictionary(parsedArticles.compactMap { parsed in
            parsed.article.flatMap { article in parsed.knownValidation.map { (article.file, $0) } }
        }, uniquingKeysWith: { first, _ in first })

        let documents = content.articles + content.pages
        let charts = timer.measure("charts") {
            ChartCatalog.load(from: content.data, unloadable: content.unloadablePaths, dataFolder: context.dataFolder) { name in
                documents.contains { $0.text.contains(name) }
            }
        }
        diagnostics += charts.diagnostics

        var site: Site?
        var validations: [String: ArticleValidation] = [:]
        if let config = inputs.config {
            let validated = timer.measure("validate", items: parsedArticles.count + parsedPages.count) {
                SiteValidator.validate(
                    config: config, articles: parsedArticles.compactMap(\.article), pages: parsedPages.compactMap(\.page),
                    authors: parsedAuthors.compactMap(\.0), charts: charts, images: content.images, context: context) { knownValidations[$0.file] }
            }
            site = validated.site
            validations = validated.articleValidations
            site?.buildTime = context.buildTime
            diagnostics += validated.diagnostics
            diagnostics += Self.changedAddresses(in: validated.site, previous: previous)
            if let publication = inputs.previous, let site {
                diagnostics += publication.warnings(for: site, dates: FrenchDate(timeZone: config.timeZone, dayFormat: config.dayFormat))
            }
        }
        let failing = diagnostics.contains { $0.severity == .error || options.strict }
        guard !failing, let site, let templates = inputs.templates else { throw BuildFailure(diagnostics, sources: inputs.sources) }

        var report = BuildReport(articleCount: site.articles.count, pageCount: site.pages.count,
                                 filesWritten: 0, warnings: diagnostics.sorted(), sources: inputs.sources,
                                 timings: timer.timings)
        report.pageSources = Dictionary(uniqueKeysWithValues: site.articles.map { (SiteLinks.page(in: $0.path), $0.article.file) }
                                        + site.pages.map { (SiteLinks.page(in: $0.path), $0.page.file) })
        report.baseURL = site.config.baseURL
        report.heldBack = HeldBackArticle.among(parsedArticles.compactMap(\.article), context: context,
                                                dates: FrenchDate(timeZone: site.config.timeZone, dayFormat: site.config.dayFormat))
        let publishable = parsedArticles.compactMap(\.article).filter { context.includeDrafts || !$0.draft }
        // An article also changes the output when it leaves the news sitemap.
        let window = PublicationWindow(dates: publishable.flatMap { [$0.date, $0.date.addingTimeInterval(NewsSitemap.window)] + [$0.unpublished].compactMap { $0 } },
                                       around: context.buildTime)
        var records: [String: ArticleCache.Record] = [:]
        for parsed in parsedArticles {
            guard let article = parsed.article, let key = keys[article.file] else { continue }
            records[article.file] = .init(key: key, article: article, parseProblems: parsed.problems, validation: validations[article.file])
        }
        let articles = ArticleCache(records: records, writingUnchangedAs: previous)
        return Prepared(renderer: SiteRenderer(site: site, templates: templates, inputHashes: inputs.hashes, searchIndex: options.searchIndex),
                        report: report,
                        window: window, articles: articles)
    }

    /// Writes the cache of the output just swapped in; the build has succeeded, so a failure is a
    /// warning (the next build is cold).
    /// An article's front matter as parsing read it (nil when it has errors), its problems, and what
    /// the previous build's validation found of it when its inputs did not change.
    private struct ParsedArticle: Sendable {
        let article: Article?
        let problems: [Diagnostic]
        let knownValidation: ArticleValidation?
    }

    /// A static page as parsing read it (nil when it has errors), and its problems.
    private struct ParsedPage: Sendable {
        let page: StaticPage?
        let problems: [Diagnostic]
    }

    /// A warning for each article whose address is no longer the one the previous build gave it
    /// (its title, slug or date changed) and that keeps no alias there: links to it and search
    /// engines would find nothing at the old address. Only an incremental build knows it.
    static func changedAddresses(in site: Site, previous: ArticleCache) -> [Diagnostic] {
        let current = Set(site.articles.map(\.path))
        return site.articles.compactMap { entry in
            guard let old = previous.previousAddress(of: entry.article.file), old != entry.path, !current.contains(old),
                  !entry.aliasFiles.contains(SiteLinks.page(in: old)) else { return nil }
            return .warning(.addressChanged, "this article's address changed from \(old) to \(entry.path): links to the old one and search engines will find nothing there; keep it with aliases: [\(old)]", at: entry.article.slugLocation)
        }
    }

    private static func save(_ cache: some SavedCache, to path: String, program: String) -> [Diagnostic] {
        do throws(POSIXFailure) {
            try cache.save(to: path, program: program)
            return []
        } catch {
            return [.warning(.cacheNotWritten, "the site was written, but not the build cache (\(error)); the next build renders every page",
                             at: SourceLocation(file: path, line: 1, column: 1), domain: .output)]
        }
    }

    /// The time that decides which articles are published yet.
    var buildTime: Date { Self.buildTime(now: options.now, environment: ProcessInfo.processInfo.environment) }

    /// `now` when given, else `SOURCE_DATE_EPOCH` (seconds since 1970) when set, else the clock.
    static func buildTime(now: Date?, environment: [String: String]) -> Date {
        if let now { return now }
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) { return Date(timeIntervalSince1970: epoch) }
        return Date()
    }

    /// Renders the site into a staging folder, page by page as each is made (memory holds no
    /// rendered site), and swaps it into the output folder; on any error the folder is left as it
    /// was. The output folder is locked for the whole build: a second build into it is refused.
    public func build() throws(BuildFailure) -> BuildReport {
        let writer = OutputWriter(directory: options.outputDirectory, syncsToDisk: options.syncsToDisk)
        let lock = try OutputLock(for: URL(fileURLWithPath: options.outputDirectory).standardizedFileURL,
                                  shownAs: options.outputDirectory)
        defer { withExtendedLifetime(lock) {} }
        var timer = StageTimer(progress: options.progress)
        let time = buildTime
        var inputs = gather(&timer)
        let cachePath = options.incremental ? BuildCache.manifestPath(forOutput: options.outputDirectory) : nil
        let program = BuildCache.currentProgram
        var previousCache = BuildCache()
        var key: ContentHash?
        var repeated: BuildRecord?
        if let cachePath {
            timer.measure("compare") {
                inputs = inputs.hashed()
                previousCache = BuildCache.load(from: cachePath, program: program)
                key = buildKey(of: inputs)
                if let key, let record = previousCache.record, record.isRepeated(by: key, at: time, output: options.outputDirectory) {
                    repeated = record
                }
            }
        }
        if let record = repeated {
            writer.removeAbandonedStagingFolders()
            var report = BuildReport(articleCount: record.articleCount, pageCount: record.pageCount, filesWritten: record.fileCount,
                                     warnings: record.warnings, sources: inputs.sources, timings: timer.timings)
            report.filesKept = record.fileCount
            report.isUnchanged = true
            report.heldBack = record.heldBack
            return report
        }
        let prepared = try prepare(inputs, context: BuildContext(options: options, buildTime: time), articleCache: cachePath.map { _ in ArticleCache.path(forOutput: options.outputDirectory) },
                                   program: program, &timer)
        var (renderer, report) = prepared.renderable
        do throws(BuildFailure) {
            let staging = try writer.beginStaging(previousCache: previousCache, reusingSpare: options.incremental)
            let keep: (@Sendable (String, ContentHash) -> Bool)? = options.incremental ? staging.keep : nil
            let fingerprints = timer.measure("render", items: renderer.progressSteps) {
                renderer.render(progress: options.progress, keep: keep) { file in staging.add(file) }
            }
            let search = timer.measure("search") { () -> SearchIndexCache? in
                guard renderer.searchIndex else { return nil }
                let index = renderer.searchIndexFiles
                let previous = cachePath.flatMap { _ in
                    SearchIndexCache.load(from: SearchIndexCache.path(forOutput: options.outputDirectory), program: program, settings: index.settings)
                }
                return index.write(previous: previous, previousDocument: prepared.articles.previousSearchDocument, keep: keep) { file in
                    staging.add(file)
                }
            }
            let images = timer.measure("images", items: renderer.map.images.count + renderer.map.socialCards.count) {
                renderer.images(fingerprints: fingerprints).write(keep: keep) { file in staging.add(file) }
            }
            guard images.problems.isEmpty else { throw BuildFailure(images.problems, sources: report.sources) }
            report.imagesMade = images.made
            report.filesWritten = staging.fileCount
            report.filesKept = staging.keptCount
            let contentWarnings = report.warnings
            report.warnings += try timer.measure("write") { () throws(BuildFailure) in
                try writer.finish(staging, progress: options.progress)
            }
            if let cachePath {
                report.warnings += timer.measure("cache") { () -> [Diagnostic] in
                    var cache = staging.cache
                    // What the next build compares with: this one's inputs, warnings and output as it now stands.
                    if let key, let tree = OutputTree(reading: options.outputDirectory) {
                        cache.record = BuildRecord(key: key, window: prepared.window, articleCount: report.articleCount, pageCount: report.pageCount,
                                                   fileCount: report.filesWritten, warnings: contentWarnings, heldBack: report.heldBack, tree: tree)
                    }
                    var problems = Self.save(cache, to: cachePath, program: program)
                    problems += Self.save(prepared.articles, to: ArticleCache.path(forOutput: options.outputDirectory), program: program)
                    if let search { problems += Self.save(search, to: SearchIndexCache.path(forOutput: options.outputDirectory), program: program) }
                    return problems
                }
            }
        } catch {
            throw BuildFailure(error.diagnostics + report.warnings, sources: report.sources)
        }
        report.timings = timer.timings
        return report
    }
}
