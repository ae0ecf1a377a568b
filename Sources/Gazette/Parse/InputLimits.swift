/// Bounds on what one input may cost, so that no article or data file (a contributor's pull request
/// included) can make a build take more than a few seconds or a few hundred MB. Each can be raised
/// in `site.yml`; each refusal is a located error that names its key.
struct InputLimits: Sendable, Hashable {
    /// Largest article or page file, in KiB (`max_article_kb`).
    public var articleKilobytes = 4096
    /// Largest data file of `data/`, in KiB (`max_data_kb`).
    public var dataKilobytes = 20480
    /// Most columns in one Markdown table (`max_table_columns`): cmark-gfm pads every row to the header's width.
    public var tableColumns = 100
    /// Most cells in one Markdown table (`max_table_cells`).
    public var tableCells = 200_000
    /// Most `[` in one paragraph (`max_brackets_per_paragraph`): cmark-gfm 0.29's bracket matching is quadratic.
    public var bracketsPerParagraph = 2000
    /// Most bytes that link reference definitions may expand to in one article, in KiB (`max_link_expansion_kb`).
    public var linkExpansionKilobytes = 8192
    /// Most charts and boards placed in one article (`max_embeds_per_article`): each one is drawn,
    /// and a short shortcode repeated can make a page of hundreds of MB.
    public var embedsPerArticle = 100
    /// Most tags on one article (`max_tags_per_article`): each tag is a page and a feed that lists it.
    public var tagsPerArticle = 30
    /// Largest image, in millions of pixels (`max_image_megapixels`): some formats (PNG, AVIF) are
    /// decoded whole, four bytes a pixel, and a small file can claim a huge picture.
    public var imageMegapixels = 60
    /// Largest image file, in KiB (`max_image_kb`).
    public var imageKilobytes = 51200

    /// The defaults.
    public init() {}

    /// The `site.yml` keys, each with its default, its largest accepted value and where it is stored.
    static var keys: [(key: String, maximum: Int, path: WritableKeyPath<InputLimits, Int>)] {
        [
            ("max_article_kb", 1 << 21, \.articleKilobytes),
            ("max_data_kb", (1 << 22) - 1, \.dataKilobytes), // below 4 GiB: SourceFile indexes lines in 32 bits
            ("max_table_columns", 10_000, \.tableColumns),
            ("max_table_cells", 100_000_000, \.tableCells),
            ("max_brackets_per_paragraph", 1_000_000, \.bracketsPerParagraph),
            ("max_link_expansion_kb", 1 << 21, \.linkExpansionKilobytes),
            ("max_embeds_per_article", 100_000, \.embedsPerArticle),
            ("max_tags_per_article", 10_000, \.tagsPerArticle),
            ("max_image_megapixels", 1000, \.imageMegapixels),
            ("max_image_kb", 1 << 21, \.imageKilobytes),
        ]
    }
}
