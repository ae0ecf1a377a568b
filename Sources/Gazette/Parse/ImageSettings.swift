import Wording

/// How photos are made for readers (`site.yml`): the widths each is published in and the quality
/// of each format. The defaults are a photo desk's: sharp on a 2× phone screen and on a desktop
/// column, a few tens of KB a photo in AVIF.
struct ImageSettings: Sendable, Hashable {
    /// Widths in pixels each photo is published in (`image_widths`), never wider than the original.
    public var widths = [480, 800, 1200, 1600]
    /// JPEG quality, 1–100 (`image_quality_jpeg`): the format every browser and link preview reads.
    public var jpegQuality = 80
    /// WebP quality (`image_quality_webp`).
    public var webpQuality = 75
    /// AVIF quality (`image_quality_avif`): AVIF at 55 looks like JPEG at 80, at a third of its size.
    public var avifQuality = 55
    /// Whether each article without a photo gets a social card (`social_cards`, default true):
    /// about 15 ms of one core per card, once (then kept), which a large archive's first build
    /// may not want to spend.
    public var socialCards = true

    /// Reads the settings from `site.yml`'s fields; a missing key keeps its default.
    static func read(from fields: inout FieldReader) -> ImageSettings {
        var settings = ImageSettings()
        if let node = fields.node("image_widths") {
            let widths = node.sequence?.compactMap(\.int) ?? []
            if widths.isEmpty || widths.count != node.sequence?.count || widths.contains(where: { $0 < 16 || $0 > 8192 }) {
                fields.error(.invalidField, "'image_widths' must be a list of widths in pixels from 16 to 8192, e.g. [480, 800, 1200, 1600]",
                             at: fields.location(of: node))
            } else {
                settings.widths = Array(Set(widths)).sorted()
            }
        }
        let qualities: [(String, WritableKeyPath<ImageSettings, Int>)] = [
            ("image_quality_jpeg", \.jpegQuality), ("image_quality_webp", \.webpQuality), ("image_quality_avif", \.avifQuality),
        ]
        for (key, path) in qualities {
            if let value = fields.positiveInt(key, maximum: 100) { settings[keyPath: path] = value }
        }
        if let cards = fields.bool("social_cards") { settings.socialCards = cards }
        return settings
    }
}
