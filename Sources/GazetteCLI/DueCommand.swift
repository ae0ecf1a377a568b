import ArgumentParser
import Foundation
import Gazette

/// `gazette due`: exits 0 when a build now would publish another set of articles than the
/// previous publication, 1 when not, so that a scheduled workflow deploys only then.
struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Say whether an article is due (exit 0) or the published site is up to date (exit 1).",
        discussion: """
        Compares the articles a build would publish now (their dates and withdrawals) with the previous
        publication's record, gazette-publication.json, read from a file or from the published site.
        When the record cannot be read, an article is due.

        Examples:
          gazette due --previous https://gazette-sante.example/gazette-publication.json
          gazette due --previous Output/gazette-publication.json --now 2025-03-01T09:00:00+01:00
        """)

    @Option(help: "Folder with site.yml and articles/.") var content = "Content"
    @Option(help: "The previous publication's gazette-publication.json: a path or its address on the published site.") var previous: String
    @Option(help: "The time to check at (default: SOURCE_DATE_EPOCH, else now).") var now: String?

    func run() throws {
        let outcome = DueCheck(contentDirectory: content, previous: previous).check(at: try dateOption(now, named: "--now"))
        print(outcome.message)
        if !outcome.isDue { throw ExitCode(1) }
    }
}
