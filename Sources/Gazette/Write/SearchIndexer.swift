import Foundation

/// Builds the site's search index with Pagefind (a chunked index that a page loads piece by
/// piece, with French stemming) in the staging folder, before the swap, so the published site and
/// its index always match. Pagefind is found as `GAZETTE_PAGEFIND`, `pagefind` on the `PATH`, or
/// the PyPI package `pagefind-bin` (`python3 -m pagefind_bin`); without it the build succeeds and
/// says once that search was skipped.
struct SearchIndexer: Sendable {
    /// The folder Pagefind writes below the site root.
    public static let folder = "pagefind"
    /// Where Pagefind was found (the command and its first arguments), nil when it was not.
    let command: [String]?

    /// Looks Pagefind up in `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        command = Self.locate(environment: environment)
    }

    /// Indexes the site in `folder`; a warning when Pagefind is missing or fails.
    func index(_ folder: String, shownAs directory: String) -> [Diagnostic] {
        let location = SourceLocation(file: directory, line: 1, column: 1)
        guard let command else {
            return [.warning(.searchIndexSkipped, "search index skipped: Pagefind was not found; install it with `python3 -m pip install pagefind-bin` (or set GAZETTE_PAGEFIND)",
                             at: location, domain: .output)]
        }
        // Pagefind dies with the build (setpriv --pdeathsig, util-linux): a killed build must not
        // leave it writing into a staging folder that the next build removes.
        let guarded = FileManager.default.isExecutableFile(atPath: Self.setpriv) ? [Self.setpriv, "--pdeathsig", "KILL", "--"] + command : command
        let (status, output) = Self.run(guarded + ["--site", folder, "--output-subdir", Self.folder])
        guard status == 0 else {
            let reason = output.split(separator: "\n").last.map(String.init) ?? "exit code \(status)"
            return [.warning(.searchIndexSkipped, "search index skipped: Pagefind failed (\(reason))", at: location, domain: .output)]
        }
        return []
    }

    private static let setpriv = "/usr/bin/setpriv"

    private static func locate(environment: [String: String]) -> [String]? {
        if let explicit = environment["GAZETTE_PAGEFIND"], !explicit.isEmpty { return [explicit] }
        func onPath(_ name: String) -> String? {
            (environment["PATH"] ?? "").split(separator: ":").map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        if let pagefind = onPath("pagefind") { return [pagefind] }
        if let python = onPath("python3"), run([python, "-c", "import pagefind_bin"]).status == 0 { return [python, "-m", "pagefind_bin"] }
        return nil
    }

    /// Runs `arguments` (the first is the program), returns its exit status and what it printed.
    private static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (-1, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
