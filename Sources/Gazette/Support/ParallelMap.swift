import Foundation

/// `transform` applied to every element on all cores; results in input order.
func parallelMap<Element: Sendable, Result: Sendable>(_ elements: [Element],
                                                      _ transform: @Sendable (Element) -> Result) -> [Result] {
    guard elements.count > 1 else { return elements.map(transform) }
    return [Result](unsafeUninitializedCapacity: elements.count) { buffer, initialized in
        // Each iteration initialises its own slot only, so the writes never overlap.
        nonisolated(unsafe) let base = buffer.baseAddress!
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            (base + index).initialize(to: transform(elements[index]))
        }
        initialized = elements.count
    }
}

/// Runs `body` on every element, on every core; returns when all are done.
func parallelForEach<Element: Sendable>(_ elements: [Element], _ body: @Sendable (Element) -> Void) {
    DispatchQueue.concurrentPerform(iterations: elements.count) { body(elements[$0]) }
}
