import Foundation

/// The outcome of each preview build, told to every open page: `{"type":"reload"}` after a
/// successful build (with its warnings, which the page shows in a banner), `{"type":"error", …}`
/// with the diagnostics after a failed one, each with the build's `generation`. A page that connects is told the latest one at once: an error shows
/// even on a page opened after it, and a page that comes back (a tab shown again) sees whether
/// builds happened while it was away.
public actor BuildEvents {
    private var latest: String?
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    /// Number of builds announced so far.
    public private(set) var generation = 0

    /// Creates an empty channel.
    public init() {}

    /// Announces a successful build and its warnings, one by one (empty: none).
    public func buildSucceeded(warnings: [[String: String]] = []) {
        publish(Self.message(["type": "reload", "generation": generation + 1, "warnings": warnings]))
    }

    /// Announces a failed build, with its diagnostics as the terminal prints them and one by one.
    public func buildFailed(text: String, diagnostics: [[String: String]]) {
        publish(Self.message(["type": "error", "generation": generation + 1, "text": text, "diagnostics": diagnostics]))
    }

    /// The messages from now on, starting with the latest one when a build has already finished.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        listeners[id] = continuation
        if let latest { continuation.yield(latest) }
        continuation.onTermination = { [weak self] _ in Task { await self?.remove(id) } }
        return stream
    }

    private func remove(_ id: UUID) { listeners[id] = nil }

    private func publish(_ message: String) {
        generation += 1
        latest = message
        for listener in listeners.values { listener.yield(message) }
    }

    private static func message(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
