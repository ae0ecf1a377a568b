import Foundation
import Gazette

/// The line `gazette build` keeps up to date on a terminal while a build runs longer than a
/// second: `render  4 210 / 10 581  2 350/s` (stage, items done of all, rate). Nothing is printed
/// when standard error is not a terminal; the line is erased before the summary.
final class ProgressLine: @unchecked Sendable {
    /// Builds shorter than this show no line at all.
    static let delay: Duration = .seconds(1)
    private static let refresh = 0.1

    private let progress: BuildProgress
    private let startTime = ContinuousClock.now
    private let finished = NSCondition()
    private var isFinished = false
    private var hasPrinted = false
    /// Signalled by the drawing thread once the line is erased.
    private let erased = DispatchSemaphore(value: 0)

    /// A line that reads `progress`; it draws only when standard error is a terminal.
    init(progress: BuildProgress) {
        self.progress = progress
    }

    /// Whether standard error is a terminal (not a file, a pipe or CI's log).
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" }

    /// Starts redrawing the line every tenth of a second.
    func start() {
        let thread = Thread { [self] in
            finished.lock()
            while !isFinished {
                _ = finished.wait(until: Date(timeIntervalSinceNow: Self.refresh))
                if !isFinished, ContinuousClock.now - startTime >= Self.delay { draw(progress.snapshot.line(now: .now)) }
            }
            if hasPrinted { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            finished.unlock()
            erased.signal()
        }
        thread.start()
    }

    /// Stops and erases the line; returns once it is gone.
    func stop() {
        finished.lock()
        isFinished = true
        finished.signal()
        finished.unlock()
        erased.wait()
    }

    private func draw(_ text: String) {
        hasPrinted = true
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }
}
