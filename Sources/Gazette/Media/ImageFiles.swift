import Foundation
import HTMLSanitizer
import Synchronization
import VipsImaging

/// Makes the image files of a site map: each photo variant encoded by libvips, each social card
/// drawn by librsvg, GIFs and SVGs copied. In an incremental build a file whose inputs (the
/// photo's bytes and the settings; the card's article, template and fonts) and libvips are
/// unchanged is kept from the previous build (its fingerprint is the same), so a build in which
/// no image or card changed encodes nothing.
struct ImageFiles: Sendable {
    let map: SiteMap
    let site: Site
    let templates: TemplateSet
    /// The hash of each file read, by its path as shown (incremental builds; empty otherwise).
    let inputs: [String: ContentHash]
    /// The fingerprints the pages were rendered with, which hold each article's source (incremental
    /// builds; nil otherwise).
    let fingerprints: PageFingerprints?

    /// Makes every file not kept and hands each to `emit`, several at once: the problems (errors
    /// located at the image's or the template's file) and how many files were encoded.
    func write(keep: (@Sendable (String, ContentHash) -> Bool)?, emit: @Sendable (OutputFile) -> Void) -> (problems: [Diagnostic], made: Int) {
        let problems = Mutex<[Diagnostic]>([])
        let made = Atomic<Int>(0)
        let dates = FrenchDate(timeZone: site.config.timeZone, dayFormat: site.config.dayFormat)
        if !map.socialCards.isEmpty, let problem = useFonts() { return ([problem], 0) }
        parallelForEach(map.images.map(Job.photo) + map.socialCards.map(Job.card)) { job in
            let result: Result<[UInt8], Diagnostic>
            let fingerprint: ContentHash?
            switch job {
            case .photo(let file):
                guard let variant = file.variant else {
                    if let data = FileManager.default.contents(atPath: file.image.source) { emit(OutputFile(path: file.path, contents: data)) }
                    return
                }
                fingerprint = keep == nil ? nil : self.fingerprint(of: variant, from: file.image)
                if let fingerprint, keep?(variant.path, fingerprint) == true { return }
                result = encode(variant, of: file.image)
            case .card(let card):
                let entry = site.articles[card.article]
                fingerprint = keep == nil ? nil : fingerprints?.socialCard(path: card.file, article: entry.slug, fonts: templates.fonts.hash)
                if let fingerprint, keep?(card.file, fingerprint) == true { return }
                result = drawCard(of: entry, dates: dates)
            }
            switch result {
            case .success(let bytes):
                made.add(1, ordering: .relaxed)
                emit(OutputFile(path: job.path, contents: Data(bytes), fingerprint: fingerprint))
            case .failure(let problem):
                problems.withLock { $0.append(problem) }
            }
        }
        return (problems.withLock { $0 }.sorted { $0.message < $1.message }, made.load(ordering: .relaxed))
    }

    /// One file to make.
    private enum Job: Sendable {
        case photo(SiteMap.ImageFile)
        case card(SiteMap.SocialCardFile)

        var path: String {
            switch self {
            case .photo(let file): file.path
            case .card(let card): card.file
            }
        }
    }

    /// The social card of `entry` as a PNG, or the problem located at the card's template. The
    /// card's SVG must pass ``SVGSafety`` first: librsvg would otherwise draw into it any file the
    /// template names (`<image href="file:///…">`), and publish it.
    private func drawCard(of entry: PublishedArticle, dates: FrenchDate) -> Result<[UInt8], Diagnostic> {
        let svg = Array(templates.render(SocialCard.model(of: entry, site: site, dates: dates)).utf8)
        let location = SourceLocation(file: templates.files[SocialCard.template] ?? SocialCard.template + ".mustache", line: 1, column: 1)
        if let problem = SVGSafety.problem(in: svg) {
            return .failure(.error(.unsafeSVG, "the social card of \(entry.article.file) cannot be drawn: its SVG contains \(problem); the template may only draw shapes and text", at: location, domain: .configuration))
        }
        return ImageCodec.png(fromSVG: svg).mapError { failure in
            .error(.invalidImage, "the social card of \(entry.article.file) could not be drawn: \(failure.message)", at: location, domain: .configuration)
        }
    }

    /// `variant` of `image`, or the problem located at the image's file.
    private func encode(_ variant: ImageVariant, of image: PlacedImage) -> Result<[UInt8], Diagnostic> {
        let location = SourceLocation(file: image.source, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: image.source) else {
            return .failure(.error(.unreadableFile, "image \(image.path) cannot be read", at: location))
        }
        let crop = variant.crop.map { _ in (width: variant.width, height: variant.height, focus: (x: variant.focus?.x ?? 0.5, y: variant.focus?.y ?? 0.5)) }
        // A crop for link previews stays within what their crawlers take (300 kB): a detailed photo
        // is encoded again, a little lower, until it fits (JPEG 80 made a 1200-pixel square of a
        // forest 361 kB).
        var quality = quality(of: variant.format)
        var result = ImageCodec.variant(of: [UInt8](data), width: variant.width, crop: crop, format: variant.format, quality: quality)
        while variant.crop != nil, quality > 50, case .success(let bytes) = result, bytes.count > SharingCrop.maximumBytes {
            quality -= 8
            result = ImageCodec.variant(of: [UInt8](data), width: variant.width, crop: crop, format: variant.format, quality: quality)
        }
        return result
            .mapError { failure in
                .error(.invalidImage, "image \(image.path) could not be made \(variant.width) pixels wide in \(variant.format.rawValue.uppercased()): \(failure.message)",
                       at: location)
            }
    }

    /// Points fontconfig at a copy of `Templates/fonts/` alone, so that a card's text is drawn
    /// with the same fonts on every machine. The copy is named by the fonts' hash: fontconfig
    /// reads its configuration once a process, and must find the files it was given for as long
    /// as the process runs (a preview outlives edits of `Templates/`). A site without fonts is
    /// a located error: text drawn with no font comes out different from one drawing to the next.
    private func useFonts() -> Diagnostic? {
        guard let hash = templates.fonts.hash else {
            return .error(.templatesNotFound, "no font in \(templates.fonts.folder): social cards draw their text with the fonts there (Liberation Sans, as in the repository's Templates/fonts/); copy them, or set social_cards: false in site.yml",
                          at: SourceLocation(file: templates.fonts.folder, line: 1, column: 1), domain: .configuration)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-fonts-\(getuid())-\(hash.description.prefix(16))")
        let configuration = folder.appendingPathComponent("fonts.conf")
        if !FileManager.default.fileExists(atPath: configuration.path) {
            let staging = folder.path + ".\(getpid()).\(UInt64.random(in: 0...UInt64.max))"
            try? FileManager.default.copyItem(atPath: templates.fonts.folder, toPath: staging)
            let escape = HTMLEscaping.escape
            try? ("<?xml version=\"1.0\"?>\n<fontconfig>\n<dir>\(escape(folder.path))</dir>\n"
                  + "<cachedir>\(escape(folder.path))/cache</cachedir>\n</fontconfig>\n").write(toFile: staging + "/fonts.conf", atomically: true, encoding: .utf8)
            // Whole or not at all: another build may be doing the same.
            if rename(staging, folder.path) != 0 { try? FileManager.default.removeItem(atPath: staging) }
        }
        ImageCodec.useFontConfiguration(at: configuration.path)
        return nil
    }

    /// The quality `format` is encoded at.
    private func quality(of format: ImageCodec.Format) -> Int {
        switch format {
        case .jpeg: site.config.images.jpegQuality
        case .webp: site.config.images.webpQuality
        case .avif: site.config.images.avifQuality
        case .png: 100
        }
    }

    /// What a variant is made from: its image's bytes, its size, shape, focus and format, the
    /// quality, and libvips' version; nil when the image's bytes have no hash.
    private func fingerprint(of variant: ImageVariant, from image: PlacedImage) -> ContentHash? {
        guard let source = inputs[image.source] else { return nil }
        var fingerprint = Fingerprint()
        fingerprint.add(source)
        // The focus in full: the path names it rounded to a hundredth.
        fingerprint.add("\(variant.path) \(variant.width)×\(variant.height) \(variant.format.rawValue) \(variant.crop?.rawValue ?? "whole") "
                        + (variant.focus.map { "\($0.x),\($0.y)" } ?? "centre"))
        fingerprint.add(quality(of: variant.format))
        fingerprint.add(ImageCodec.version)
        return fingerprint.hash
    }
}
