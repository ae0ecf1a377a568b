import VipsImaging

/// The files a published image becomes. A photo (JPEG, PNG, WebP, AVIF, HEIC) is never published
/// as it came: it is made in the site's widths (never wider than itself) in AVIF, WebP and a
/// fallback every browser reads (PNG for a PNG, JPEG otherwise), without its metadata; an
/// article's lead photo is also cut to the three shapes link previews use. GIFs and SVGs are
/// published as they are. Planned from the image's size alone, so pages can name every file
/// before any is encoded.
struct ImageVariant: Sendable, Hashable {
    /// Where it is published (`articles/2024/photo-jpg-800w.avif`).
    let path: String
    let width: Int
    let height: Int
    let format: ImageCodec.Format
    /// The shape it is cut to; nil: the whole picture.
    let crop: SharingCrop?
    /// The point a crop keeps; nil: the centre.
    var focus: ImageFocus? = nil

    /// The variants of `image` that pages show, widest last in each format; empty for an image
    /// published as it is.
    static func responsive(_ image: PlacedImage, settings: ImageSettings) -> [ImageVariant] {
        guard let fallback = fallbackFormat(of: image) else { return [] }
        var widths = settings.widths.filter { $0 < image.width }
        if image.width <= (settings.widths.last ?? 0) || widths.isEmpty { widths.append(image.width) }
        return [ImageCodec.Format.avif, .webp, fallback].flatMap { format in
            widths.map { width in
                ImageVariant(path: "\(stem(of: image))-\(width)w.\(format.fileExtension)", width: width,
                             height: max(1, Int((Double(image.height) * Double(width) / Double(image.width)).rounded())),
                             format: format, crop: nil)
            }
        }
    }

    /// The lead photo cut to each shape of ``SharingCrop`` around `focus` (nil: the centre), 1200
    /// pixels wide (less when the photo is smaller), in JPEG: what link previews read. Empty for
    /// an image published as it is.
    static func sharing(_ image: PlacedImage, focus: ImageFocus?) -> [ImageVariant] {
        guard fallbackFormat(of: image) != nil else { return [] }
        return SharingCrop.allCases.map { crop in
            let fits = Double(image.width) / Double(image.height) > crop.ratio
            let boxWidth = fits ? Double(image.height) * crop.ratio : Double(image.width)
            let width = min(SharingCrop.width, Int(boxWidth.rounded()))
            let height = max(1, Int((Double(width) / crop.ratio).rounded()))
            // Another focus is another file: two articles may crop one photo differently.
            let point = focus.map { "-f\(Int(($0.x * 100).rounded()))-\(Int(($0.y * 100).rounded()))" } ?? ""
            return ImageVariant(path: "\(stem(of: image))-\(crop.rawValue)\(point).jpg", width: width, height: height, format: .jpeg, crop: crop,
                                focus: focus)
        }
    }

    /// The format browsers that read neither AVIF nor WebP get; nil for an image published as it is.
    private static func fallbackFormat(of image: PlacedImage) -> ImageCodec.Format? {
        switch image.fileExtension {
        case "png": .png
        case "jpg", "jpeg", "webp", "avif", "heic", "heif": .jpeg
        default: nil
        }
    }

    /// The image's path with its extension folded in (`photo.jpg` → `photo-jpg`), so that
    /// `photo.jpg` and `photo.png` in one folder make different files.
    private static func stem(of image: PlacedImage) -> String {
        let ext = image.fileExtension
        return String(image.path.dropLast(ext.count + 1)) + "-" + ext
    }
}

/// The shapes link previews crop a photo to (Google asks for 16:9, 4:3 and 1:1).
enum SharingCrop: String, Sendable, CaseIterable {
    case wide = "16x9", standard = "4x3", square = "1x1"

    /// Width over height.
    var ratio: Double {
        switch self {
        case .wide: 16.0 / 9.0
        case .standard: 4.0 / 3.0
        case .square: 1
        }
    }

    /// The width link previews ask for.
    static let width = 1200
    /// The most bytes a crop may take (link-preview crawlers skip larger pictures).
    static let maximumBytes = 300_000
}

extension PlacedImage {
    /// The extension of the image's file, in lower case.
    var fileExtension: String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }
}
