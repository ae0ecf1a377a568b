/// How long each stage of a build took, for `gazette build --timings`.
public struct StageTiming: Sendable, Hashable {
    public var stage: String
    public var milliseconds: Double
}

/// Measures the stages of one build, in the order they run.
struct StageTimer {
    private(set) var timings: [StageTiming] = []
    private let clock = ContinuousClock()
    /// Told of each stage as it begins, for the progress line.
    var progress: BuildProgress?

    /// Runs `body` and records its duration under `stage`, which has `items` to do (0: not counted).
    mutating func measure<T, Failure: Error>(_ stage: String, items: Int = 0, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        progress?.begin(stage, total: items)
        let start = clock.now
        defer {
            let elapsed = clock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            timings.append(StageTiming(stage: stage, milliseconds: milliseconds))
        }
        return try body()
    }
}
