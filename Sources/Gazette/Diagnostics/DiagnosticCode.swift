/// The stable name of a kind of problem, printed with each diagnostic and listed with an example
/// and its fix in the README ("Diagnostic codes"). Codes never change meaning; new ones are added.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable {
    // Files and folders
    case contentNotFound = "content-not-found"
    case siteConfigMissing = "site-config-missing"
    case symlinkRefused = "symlink-refused"
    case unreadableFile = "unreadable-file"
    case notUTF8 = "not-utf8"
    case nulByte = "nul-byte"
    case fileTooLarge = "file-too-large"
    // Text
    case controlCharacter = "control-character"
    case bidiControl = "bidi-control"
    // YAML and front matter
    case missingFrontMatter = "missing-front-matter"
    case unclosedFrontMatter = "unclosed-front-matter"
    case invalidYAML = "invalid-yaml"
    case yamlTab = "yaml-tab"
    case yamlTooLarge = "yaml-too-large"
    case duplicateKey = "duplicate-key"
    case notAMapping = "not-a-mapping"
    case missingField = "missing-field"
    case invalidField = "invalid-field"
    case unknownKey = "unknown-key"
    case invalidDate = "invalid-date"
    case dateOffset = "date-offset"
    // Site settings
    case unknownTimeZone = "unknown-time-zone"
    case invalidBaseURL = "invalid-base-url"
    // Markdown
    case limitExceeded = "limit-exceeded"
    case undefinedFootnote = "undefined-footnote"
    case rawHTMLDropped = "raw-html-dropped"
    case unreadMarkdownFile = "unread-markdown-file"
    // Images
    case imageNotFound = "image-not-found"
    case imageOutsideContent = "image-outside-content"
    case imageWithoutAlt = "image-without-alt"
    case invalidImage = "invalid-image"
    // Addresses and tags
    case invalidSlug = "invalid-slug"
    case duplicateSlug = "duplicate-slug"
    case reservedSlug = "reserved-slug"
    case invalidAlias = "invalid-alias"
    case aliasConflict = "alias-conflict"
    case emptyTag = "empty-tag"
    case mergedTag = "merged-tag"
    // Data sets
    case csvSyntax = "csv-syntax"
    case csvShape = "csv-shape"
    case dataSetShape = "data-set-shape"
    case dataFileNotFound = "data-file-not-found"
    case unknownColumn = "unknown-column"
    case notANumber = "not-a-number"
    // Charts and boards
    case chartFileShape = "chart-file-shape"
    case invalidID = "invalid-id"
    case duplicateID = "duplicate-id"
    case unknownChartField = "unknown-chart-field"
    case invalidChart = "invalid-chart"
    case unknownChart = "unknown-chart"
    case unknownLegacyID = "unknown-legacy-id"
    case chartBlockShape = "chart-block-shape"
    case misplacedEmbed = "misplaced-embed"
    // Templates
    case templatesNotFound = "templates-not-found"
    case templateSyntax = "template-syntax"
    case templateMissing = "template-missing"
    case templateReference = "template-reference"
    case templateRecursion = "template-recursion"
    // Links (gazette check)
    case brokenLink = "broken-link"
    case brokenFragment = "broken-fragment"
    case linkToSource = "link-to-source"
    case brokenExternalLink = "broken-external-link"
    case unreachableLink = "unreachable-link"
    // Command line and output
    case invalidOption = "invalid-option"
    case outputRefused = "output-refused"
    case outputLocked = "output-locked"
    case writeFailed = "write-failed"
    case previousOutputLeft = "previous-output-left"
}
