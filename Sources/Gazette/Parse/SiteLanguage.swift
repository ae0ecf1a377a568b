import Foundation
import Wording
import Yams

/// The language editors read messages in: the `language:` of the content folder's `site.yml`
/// (French when it says nothing, as the site does), English when there is no readable `site.yml`,
/// since then nothing says who the reader is.
public enum SiteLanguage {
    /// The language of the site whose content folder is `contentDirectory`.
    public static func of(contentDirectory: String) -> Language {
        let path = (contentDirectory as NSString).appendingPathComponent("site.yml")
        guard let data = FileManager.default.contents(atPath: path), data.count <= 1 << 20,
              let text = String(data: data, encoding: .utf8),
              // Only the root's `language` is read, so a document of many aliases is never walked.
              case .mapping(let settings)? = try? Yams.compose(yaml: text, .default, .default, .utf8) else { return .en }
        return Language(tag: settings["language"]?.string ?? SiteConfig.defaultLanguage)
    }
}
