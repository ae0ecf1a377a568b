import Synchronization

/// What a build is doing now, for a progress line: the stage, how many of its items are done,
/// how many there are, since when. Stages update it from any thread; a reader polls ``snapshot``.
public final class BuildProgress: Sendable {
    /// One reading of the progress.
    public struct Snapshot: Sendable {
        /// The stage running (`parse`, `render`…), empty before the first.
        public var stage: String
        /// Items of the stage done so far.
        public var done: Int
        /// Items of the stage in all; 0 when the stage does not count them.
        public var total: Int
        /// When the stage began.
        public var stageStart: ContinuousClock.Instant

        /// A reading of `done` of `total` items of `stage`, begun at `stageStart`.
        public init(stage: String, done: Int, total: Int, stageStart: ContinuousClock.Instant) {
            self.stage = stage
            self.done = done
            self.total = total
            self.stageStart = stageStart
        }
    }

    private let stage = Mutex((name: "", total: 0, start: ContinuousClock.now))
    private let done = Atomic(0)

    /// Creates an empty progress.
    public init() {}

    /// A stage begins with `total` items to do (0: not counted).
    func begin(_ name: String, total: Int = 0) {
        stage.withLock { $0 = (name, total, ContinuousClock.now) }
        done.store(0, ordering: .relaxed)
    }

    /// One item (or `count`) of the current stage is done.
    func advance(by count: Int = 1) {
        done.add(count, ordering: .relaxed)
    }

    /// The progress now.
    public var snapshot: Snapshot {
        let (name, total, start) = stage.withLock { $0 }
        return Snapshot(stage: name, done: min(done.load(ordering: .relaxed), max(total, 0)), total: total, stageStart: start)
    }
}

extension BuildProgress.Snapshot {
    /// The progress as one line: `render  4 210 / 10 581  2 105/s` (stage, items done of all,
    /// items per second), or `sync…` for a stage that does not count.
    public func line(now: ContinuousClock.Instant) -> String {
        guard !stage.isEmpty else { return "" }
        guard total > 0 else { return stage + "…" }
        let elapsed = now - stageStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var text = "\(stage)  \(Self.grouped(done)) / \(Self.grouped(total))"
        if seconds >= 0.2, done > 0 { text += "  \(Self.grouped(Int(Double(done) / seconds)))/s" }
        return text
    }

    /// `10581` as `10 581`.
    private static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(" ") }
            out.append(digit)
        }
        return out
    }
}
