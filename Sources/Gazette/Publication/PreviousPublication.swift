import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The record of the previous publication (``PublicationRecord``), read from a file or from the
/// published site (`--previous https://…/gazette-publication.json`, how a fresh CI clone finds it),
/// and what a new build is warned of against it: a published correction removed, a published
/// address gone without an alias or a withdrawal.
struct PreviousPublication: Sendable {
    let record: PublicationRecord

    /// The largest record read: 64 MB (a record of 100 000 articles is about 4 MB).
    static let maximumBytes = 64 << 20

    /// The record at `source` (a path, or an `http(s)` address), or the warning that says why it
    /// could not be read: the build goes on without comparing.
    static func load(_ source: String) -> Result<PreviousPublication, Diagnostic> {
        let data: Result<Data, Unreadable>
        if let url = URL(string: source), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http" {
            data = fetch(url)
        } else {
            data = FileManager.default.contents(atPath: source).map { .success($0) } ?? .failure(Unreadable(reason: "no such file"))
        }
        let unreadable = { (reason: String) in
            Diagnostic.warning(.previousPublicationUnreadable, "the previous publication \(source) could not be read (\(reason)): nothing is compared with it (removed corrections, vanished addresses)", at: .option("--previous"), domain: .configuration)
        }
        switch data {
        case .failure(let problem): return .failure(unreadable(problem.reason))
        case .success(let bytes):
            guard bytes.count <= maximumBytes else { return .failure(unreadable("over \(maximumBytes >> 20) MB")) }
            guard let record = PublicationRecord.decode(bytes) else { return .failure(unreadable("not a \(PublicationRecord.format) record")) }
            return .success(PreviousPublication(record: record))
        }
    }

    private struct Unreadable: Error {
        let reason: String
    }

    /// The body of `url`'s answer, waited for (at most 20 s without a byte, 60 s in all).
    private static func fetch(_ url: URL) -> Result<Data, Unreadable> {
        final class Answer: @unchecked Sendable {
            var result: Result<Data, Unreadable> = .failure(Unreadable(reason: "no answer"))
        }
        let answer = Answer(), done = DispatchSemaphore(value: 0)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 20
        configuration.timeoutIntervalForResource = 60
        let session = URLSession(configuration: configuration)
        session.dataTask(with: url) { data, response, error in
            if let error {
                answer.result = .failure(Unreadable(reason: error.localizedDescription))
            } else if let status = (response as? HTTPURLResponse)?.statusCode, status != 200 {
                answer.result = .failure(Unreadable(reason: "HTTP \(status)"))
            } else {
                answer.result = .success(data ?? Data())
            }
            done.signal()
        }.resume()
        done.wait()
        session.finishTasksAndInvalidate()
        return answer.result
    }

    /// What `site` would take back from the previous publication: each correction a published
    /// article showed and no longer shows, and each published address that nothing answers any
    /// more (no article, alias or withdrawal).
    func warnings(for site: Site, dates: FrenchDate) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for entry in site.articles where site.isPublished(entry) {
            guard let shown = record.corrections[entry.path] else { continue }
            let now = Set(entry.article.corrections.map { PublicationRecord.describe($0, dates: dates) })
            for removed in shown where !now.contains(removed) {
                warnings.append(.warning(.correctionRemoved, "the correction \(removed) was published with this article and is no longer in it: a published correction stays online (restore it; to amend it, add another that says what changed)",
                                         at: SourceLocation(file: entry.article.file, line: 1, column: 1)))
            }
        }
        let answered = Set(site.articles.map(\.path) + site.retired.map(\.path)
                           + (site.articles.flatMap(\.aliasFiles) + site.retired.flatMap(\.aliasFiles)).map(SiteLinks.folder(ofPage:)))
        let vanished = record.articles.filter { !answered.contains($0) }
        for address in vanished.prefix(Self.vanishedShown) {
            warnings.append(.warning(.addressVanished, "\(address) was published and nothing answers there any more: if its article moved, add aliases: [\(address)] to it; if it was taken off on purpose, restore its file with unpublished: (a date and a reason)",
                                     at: .option("--previous"), domain: .content))
        }
        if vanished.count > Self.vanishedShown {
            warnings.append(.warning(.addressVanished, "and \(vanished.count - Self.vanishedShown) more published addresses answer nothing any more",
                                     at: .option("--previous"), domain: .content))
        }
        return warnings
    }

    /// How many vanished addresses are named one by one.
    private static let vanishedShown = 20
}
