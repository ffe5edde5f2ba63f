import CGazetteSys
import Foundation

/// Produces values 0, 1, 2 … on background threads a few ahead of a consumer that takes
/// them in order — the publish stage's cache reads and per-document rendering overlap
/// with the sinks' ordered writes this way.
///
/// Indices are claimed in order and at most `depth` are held undelivered, so memory stays
/// bounded and the consumer's next value is always claimed. `take(i)` must be called for
/// i = 0, 1, 2 … in order; `cancel()` stops the threads and waits for a value being
/// produced to finish (call it when the consumer stops: nothing runs on after it, so the
/// caller may then remove what the producers write into). `niceness` lowers the producer
/// threads' priority, so a consumer that sets the pace is not held up by them.
final class ReadAhead<T>: @unchecked Sendable {
    private let count: Int
    private let produce: (Int) -> T
    private let condition = NSCondition()
    private var ready: [Int: T] = [:]
    private var claimed = 0
    private var delivered = 0
    private var stopped = false
    private var running = 0
    private let depth: Int

    init(count: Int, threads: Int, depth: Int = 16, niceness: Int32 = 0, produce: @escaping (Int) -> T) {
        self.count = count; self.produce = produce; self.depth = max(1, depth)
        let threads = count == 0 ? 0 : max(1, min(threads, count))
        running = threads
        for _ in 0..<threads {
            Thread.detachNewThread { [self] in
                if niceness > 0 { _ = gazette_lower_thread_priority(niceness) }
                work()
                condition.lock(); running -= 1; condition.broadcast(); condition.unlock()
            }
        }
    }

    private func work() {
        while true {
            condition.lock()
            while !stopped && claimed < count && claimed - delivered >= depth { condition.wait() }
            if stopped || claimed >= count { condition.unlock(); return }
            let i = claimed
            claimed += 1
            condition.unlock()
            let value = produce(i)
            condition.lock()
            ready[i] = value
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Value i, blocking until it is produced; nil only after `cancel()`.
    func take(_ i: Int) -> T? {
        condition.lock()
        defer { condition.unlock() }
        while ready[i] == nil && !stopped { condition.wait() }
        let value = ready.removeValue(forKey: i)
        delivered = i + 1
        condition.broadcast()
        return value
    }

    func cancel() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
