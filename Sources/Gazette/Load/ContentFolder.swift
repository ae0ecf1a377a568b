/// The folders of the content folder and what each holds: the one place that knows their names.
enum ContentFolder: String, CaseIterable {
    /// Articles (`articles/YYYY/*.md`) and the images beside them.
    case articles
    /// Static pages (`pages/*.md`) and their images.
    case pages
    /// Authors (`authors/<slug>.md`) and their portraits.
    case authors
    /// Images shared by several articles.
    case media
    /// Data sets and chart files.
    case data

    /// The folder's name with its final `/` (`articles/`), as paths below the content folder start.
    var prefix: String { rawValue + "/" }

    /// Whether the path `relativePath`, below the content folder, is inside this folder.
    func holds(_ relativePath: String) -> Bool { relativePath.hasPrefix(prefix) }

    /// The folder as shown, below the content folder `contentDirectory` (`Content/data`).
    func path(in contentDirectory: String) -> String {
        contentDirectory.hasSuffix("/") ? contentDirectory + rawValue : contentDirectory + "/" + rawValue
    }
}
