import ArgumentParser
import Foundation
import Gazette

/// The date given to `option` (`--now`, `--date`): with time and offset, or a usage error that
/// shows how to write it; nil when the option was not given.
func dateOption(_ text: String?, named option: String) throws -> Date? {
    guard let text else { return nil }
    guard let date = ArticleScaffold.date(from: text) else {
        throw ValidationError("\(option) \"\(text)\" is not a date with time and offset, e.g. 2025-03-01T09:00:00+01:00")
    }
    return date
}
