import Foundation
import Markdown

/// An image of a body, ready to publish: where it goes in the site and its size in pixels.
public struct PlacedImage: Sendable, Hashable {
    /// Path below the site root, the same as below the content folder (`articles/2024/salle.png`).
    public var path: String
    /// Path of the file on disk, copied byte for byte.
    public var source: String
    public var width: Int
    public var height: Int
}

/// Finds the images of a body and checks each one: it must exist below the content folder, be
/// the format its extension says, and have alt text. Images are addressed relative to the
/// Markdown file (`salle.png`, `images/salle.png`) or from the content folder (`/media/salle.png`).
struct ImageResolver {
    /// The images of the content folder, by path below it → path on disk.
    let images: [String: String]
    /// The content folder as shown in diagnostics (`Content`).
    let contentDirectory: String

    /// The images of `body` by the address written in it, the first one (for link previews), and
    /// the problems, located in its file.
    func resolve(_ body: MarkdownBody) -> (images: [String: PlacedImage], first: PlacedImage?, problems: [Diagnostic]) {
        var placed: [String: PlacedImage] = [:]
        var first: PlacedImage?
        var diagnostics: [Diagnostic] = []
        let prefix = contentDirectory.hasSuffix("/") ? contentDirectory : contentDirectory + "/"
        let folder = body.file.hasPrefix(prefix) ? (String(body.file.dropFirst(prefix.count)) as NSString).deletingLastPathComponent : ""
        for node in body.document.root.descendants where node.kind == .image {
            guard let url = node.url, !url.isEmpty, !Self.isExternal(url) else { continue }
            let location = body.location(ofText: "](" + url, skipping: 2)
            if node.plainText.trimmingCharacters(in: .whitespaces).isEmpty {
                diagnostics.append(.error(.imageWithoutAlt, "image \(url) has no alt text: describe it between the brackets, ![Salle des serveurs du CHU](\(url)), for readers who cannot see it",
                                          at: location))
            }
            guard placed[url] == nil else { continue }
            guard let path = Self.resolve(url, from: folder) else {
                diagnostics.append(.error(.imageOutsideContent, "image \(url) is outside the content folder; put it beside the article or in Content/media/", at: location))
                continue
            }
            guard let source = images[path] else {
                let hint = Suggestion.hint(for: path, among: images.keys, show: { $0 })
                diagnostics.append(.error(.imageNotFound, "image \(url) not found: no file \(prefix)\(path)\(hint)", at: location))
                continue
            }
            guard let data = FileManager.default.contents(atPath: source) else {
                diagnostics.append(.error(.unreadableFile, "image \(url) cannot be read", at: location))
                continue
            }
            switch ImageDimensions.read(data, fileExtension: (path as NSString).pathExtension) {
            case .success(let size):
                placed[url] = PlacedImage(path: path, source: source, width: size.width, height: size.height)
                if first == nil { first = placed[url] }
            case .failure(.notTheFormat(let expected)):
                diagnostics.append(.error(.invalidImage, "image \(url) is not a \(expected) file, as its extension says; export it again, or give it the right extension", at: location))
            case .failure(.unreadableSize):
                diagnostics.append(.error(.invalidImage, "image \(url): its width and height cannot be read (an SVG needs width and height, or a viewBox)", at: location))
            }
        }
        return (placed, first, diagnostics)
    }

    /// The image named by `reference` (front matter `image:`) in `file`, or the problem with it.
    func resolve(_ reference: ImageReference, in file: String) -> Result<PlacedImage, Diagnostic> {
        let prefix = contentDirectory.hasSuffix("/") ? contentDirectory : contentDirectory + "/"
        let folder = file.hasPrefix(prefix) ? (String(file.dropFirst(prefix.count)) as NSString).deletingLastPathComponent : ""
        guard let path = Self.resolve(reference.path, from: folder) else {
            return .failure(.error(.imageOutsideContent, "image \(reference.path) is outside the content folder; put it beside the article or in Content/media/", at: reference.location))
        }
        guard let source = images[path], let data = FileManager.default.contents(atPath: source) else {
            let hint = Suggestion.hint(for: path, among: images.keys, show: { $0 })
            return .failure(.error(.imageNotFound, "image \(reference.path) not found: no file \(prefix)\(path)\(hint)", at: reference.location))
        }
        switch ImageDimensions.read(data, fileExtension: (path as NSString).pathExtension) {
        case .success(let size): return .success(PlacedImage(path: path, source: source, width: size.width, height: size.height))
        case .failure(let problem):
            let expected = if case .notTheFormat(let format) = problem { format } else { "readable" }
            return .failure(.error(.invalidImage, "image \(reference.path) is not a \(expected) image file", at: reference.location))
        }
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
