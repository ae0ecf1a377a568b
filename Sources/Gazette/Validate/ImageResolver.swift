import Wording
import Foundation
import VipsImaging
import HTMLSanitizer
import GazetteMarkdown

/// An image of a body, ready to publish: where it goes in the site and its size in pixels.
struct PlacedImage: Sendable, Hashable {
    /// Path below the site root, the same as below the content folder (`articles/2024/salle.png`).
    public var path: String
    /// Path of the file on disk, copied byte for byte.
    public var source: String
    public var width: Int
    public var height: Int
    /// The alt text written where the image was first met (empty for the front matter's `image:`):
    /// link previews show it as `og:image:alt`.
    public var alt = ""
    /// The focal point written at the end of its caption where it was first met (``CaptionFocus``).
    public var focus: ImageFocus?
}

/// Finds the images of a body and checks each one: it must exist below the content folder, be
/// the format its extension says, and have alt text. Images are addressed relative to the
/// Markdown file (`salle.png`, `images/salle.png`) or from the content folder (`/media/salle.png`).
struct ImageResolver {
    /// The images of the content folder, by path below it → path on disk.
    let images: [String: String]
    /// The content folder as shown in diagnostics (`Content`).
    let contentDirectory: String
    /// The largest image accepted, in bytes and in pixels.
    var limits = InputLimits()

    /// The images of `body` by the address written in it, the first one (for link previews), and
    /// the problems, located in its file.
    func resolve(_ body: MarkdownBody) -> (images: [String: PlacedImage], first: PlacedImage?, problems: [Diagnostic]) {
        var placed: [String: PlacedImage] = [:]
        var first: PlacedImage?
        var diagnostics: [Diagnostic] = []
        let folder = folder(of: body.file)
        for node in body.document.root.descendants where node.kind == .image {
            guard let url = node.url, !url.isEmpty, !Self.isExternal(url) else { continue }
            let location = body.location(ofText: "](" + url, skipping: 2)
            if node.plainText.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.append(.error(.imageWithoutAlt, "image \(url) has no alt text: describe it between the brackets, ![Salle des serveurs du CHU](\(url)), for readers who cannot see it",
                                          at: location))
            }
            guard placed[url] == nil else { continue }
            switch place(url, from: folder, at: location) {
            case .success(var image):
                image.alt = FrenchTypography.apply(to: node.plainText.trimmingCharacters(in: .whitespaces))
                let caption = CaptionFocus(node.title ?? "")
                image.focus = caption.focus
                if caption.isMalformed {
                    diagnostics.append(.error(.invalidField, "the caption of \(url) ends with {focus: …} that is not two numbers from 0 to 1, across then down: write {focus: 0.3, 0.4} (0, 0 is the top left corner), or remove it",
                                              at: location))
                }
                placed[url] = image
                if first == nil { first = image }
            case .failure(let problem):
                diagnostics.append(problem)
            }
        }
        return (placed, first, diagnostics)
    }

    /// The image named by `reference` (front matter `image:`) in `file`, or the problem with it.
    func resolve(_ reference: ImageReference, in file: String) -> Result<PlacedImage, Diagnostic> {
        place(reference.path, from: folder(of: file), at: reference.location)
    }

    /// `validation` (from the article cache, which names images by their path below the content
    /// folder only) with each image's file on disk as this build found it; nil when an image is not
    /// one of the content folder's, so that the article is validated again.
    func relocated(_ validation: ArticleValidation) -> ArticleValidation? {
        func placedHere(_ image: PlacedImage) -> PlacedImage? {
            images[image.path].map { PlacedImage(path: image.path, source: $0, width: image.width, height: image.height, alt: image.alt, focus: image.focus) }
        }
        var result = validation
        for (address, image) in validation.images {
            guard let placed = placedHere(image) else { return nil }
            result.images[address] = placed
        }
        if let lead = validation.leadImage {
            guard let placed = placedHere(lead) else { return nil }
            result.leadImage = placed
        }
        return result
    }

    /// The content folder's path with its final `/`, as shown (`Content/`).
    private var prefix: String { contentDirectory.hasSuffix("/") ? contentDirectory : contentDirectory + "/" }

    /// The folder below the content folder of the file shown as `file` (`articles/2024`).
    private func folder(of file: String) -> String {
        file.hasPrefix(prefix) ? (String(file.dropFirst(prefix.count)) as NSString).deletingLastPathComponent : ""
    }

    /// The image at `address`, written in a file of `folder`: it must stay in the content folder,
    /// exist, and be the format its extension says.
    private func place(_ address: String, from folder: String, at location: SourceLocation) -> Result<PlacedImage, Diagnostic> {
        guard let path = Self.resolve(address, from: folder) else {
            return .failure(.error(.imageOutsideContent, "image \(address) is outside the content folder; put it beside the article or in Content/media/", at: location))
        }
        guard let source = images[path] else {
            return .failure(.error(.imageNotFound, "image \(address) not found: no file \(prefix)\(path)\(hint(forMissing: path))", at: location))
        }
        guard let data = FileManager.default.contents(atPath: source) else {
            return .failure(.error(.unreadableFile, "image \(address) cannot be read", at: location))
        }
        guard data.count <= limits.imageKilobytes * 1024 else {
            return .failure(.error(.limitExceeded, "image \(address) is \(data.count / 1_048_576) MB, more than max_image_kb (\(limits.imageKilobytes) KiB); export it smaller, or raise max_image_kb in site.yml", at: location))
        }
        let fileExtension = (path as NSString).pathExtension.lowercased()
        if ImageDimensions.photoExtensions.contains(fileExtension) {
            if case .failure(.notTheFormat(let expected)) = ImageDimensions.read(data, fileExtension: fileExtension) {
                return .failure(.error(.invalidImage, "image \(address) is not a \(expected) file, as its extension says; export it again, or give it the right extension", at: location))
            }
            return placePhoto([UInt8](data), address: address, path: path, source: source, at: location)
        }
        switch ImageDimensions.read(data, fileExtension: fileExtension) {
        case .success(let size):
            if (path as NSString).pathExtension.lowercased() == "svg", let problem = SVGSafety.problem(in: [UInt8](data)) {
                return .failure(.error(.unsafeSVG, "image \(address) cannot be published: it contains \(problem), which would run on the site's own address or load other files; remove it, or export the drawing again as plain SVG (Inkscape: « SVG optimisé »)", at: location))
            }
            return .success(PlacedImage(path: path, source: source, width: size.width, height: size.height))
        case .failure(.notTheFormat(let expected)):
            return .failure(.error(.invalidImage, "image \(address) is not a \(expected) file, as its extension says; export it again, or give it the right extension", at: location))
        case .failure(.unreadableSize):
            return .failure(.error(.invalidImage, "image \(address): its width and height cannot be read (an SVG needs width and height, or a viewBox)", at: location))
        }
    }

    /// A photo read by libvips: its size as shown (EXIF orientation applied), within the pixel
    /// limit (checked from its header, before it is decoded), and whole (a truncated file fails).
    private func placePhoto(_ bytes: [UInt8], address: String, path: String, source: String, at location: SourceLocation) -> Result<PlacedImage, Diagnostic> {
        switch ImageCodec.probe(bytes) {
        case .failure(let failure):
            return .failure(.error(.invalidImage, "image \(address) cannot be read as an image (\(failure.message)); export it again as JPEG or PNG", at: location))
        case .success(let size):
            let megapixels = size.pixels / 1_000_000
            guard megapixels <= Double(limits.imageMegapixels) else {
                return .failure(.error(.limitExceeded, "image \(address) is \(size.width)×\(size.height) pixels (\(Int(megapixels.rounded())) million), more than max_image_megapixels (\(limits.imageMegapixels)); export it smaller, or raise max_image_megapixels in site.yml",
                                       at: location))
            }
            if let failure = ImageCodec.checkDecodes(bytes) {
                return .failure(.error(.invalidImage, "image \(address) is damaged or cut short (\(failure.message)); export or copy it again", at: location))
            }
            return .success(PlacedImage(path: path, source: source, width: size.width, height: size.height))
        }
    }

    /// Where a missing image may be, said as the address to write (from the content folder, so
    /// that it builds as pasted): a file of the same name elsewhere (the shared `media/` first),
    /// else the closest path.
    private func hint(forMissing path: String) -> Phrase {
        func address(_ found: String) -> String { "/" + (found.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? found) }
        let name = (path as NSString).lastPathComponent
        let sameName = images.keys.filter { ($0 as NSString).lastPathComponent == name }
            .sorted { (ContentFolder.media.holds($0) ? 0 : 1, $0) < (ContentFolder.media.holds($1) ? 0 : 1, $1) }
        if let found = sameName.first { return "; there is \(prefix)\(found): write ![…](\(address(found)))" }
        return Suggestion.hint(for: path, among: images.keys, show: { "![…](\(address($0)))" })
    }

    /// The path below the content folder of `url` written in a file of `folder`, or nil when it leaves the folder.
    static func resolve(_ url: String, from folder: String) -> String? {
        let address = (url.split(separator: "#").first.map(String.init) ?? url).split(separator: "?").first.map(String.init) ?? url
        let decoded = address.removingPercentEncoding ?? address
        var segments: [Substring] = decoded.hasPrefix("/") ? [] : folder.split(separator: "/")
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }

    private static func isExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//")
    }
}
