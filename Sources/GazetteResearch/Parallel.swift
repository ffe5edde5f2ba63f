import Foundation

/// Work spread over every core, results in input order.
enum Parallel {
    /// `(0..<count).map(transform)`, the calls made concurrently.
    static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { i in (base + i).initialize(to: transform(i)) }
            initialized = count
        }
    }
}
