/// A leftmost-longest phrase rewriter over UTF-8 bytes.
///
/// Entries are indexed by their first Unicode scalar through a flat table (one UInt16 per
/// scalar below U+30000, no hashing), which rejects almost every position with one load,
/// so a pass over text that holds no
/// regional phrase costs little more than a copy. Protections (entries whose replacement
/// equals the source) consume their span unchanged, which is how a mainland collocation
/// shields a shorter rewrite inside it.
public struct PhraseTable: Sendable {
    struct Entry: Sendable {
        var from: [UInt8]
        var to: [UInt8]
        var rewrites: Bool { from != to }
    }

    /// Entries by first scalar, longest first; bucket 0 is unused.
    private var buckets: [[Entry]] = [[]]
    /// Bucket number per scalar below `indexLimit` (0: no entry starts with it).
    private var index = [UInt16](repeating: 0, count: PhraseTable.indexLimit)
    private static let indexLimit = 0x30000
    public private(set) var count = 0

    public init() {}

    /// A table from (source, replacement) pairs; a later pair for the same source wins.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, String) {
        var latest: [String: String] = [:]
        var order: [String] = []
        for (a, b) in pairs where !a.isEmpty {
            if latest[a] == nil { order.append(a) }
            latest[a] = b
        }
        for a in order { add(a, latest[a]!) }
    }

    private mutating func add(_ from: String, _ to: String) {
        guard let first = from.unicodeScalars.first?.value, first < Self.indexLimit, first > 0x7F else { return }
        let entry = Entry(from: Array(from.utf8), to: Array(to.utf8))
        var slot = Int(index[Int(first)])
        if slot == 0 {
            buckets.append([])
            slot = buckets.count - 1
            index[Int(first)] = UInt16(slot)
        }
        buckets[slot].append(entry)
        buckets[slot].sort { $0.from.count > $1.from.count }
        count += 1
    }

    /// Rewrite `input`, appending to `output`. Returns how many rewriting entries fired
    /// (protections are not counted).
    /// - Complexity: O(n) in the input length times the entries sharing a first scalar.
    @discardableResult
    public func rewrite(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int {
        scan(input, output: &output, emit: true)
    }

    /// How many rewrites `rewrite` would make, without producing output.
    public func countRewrites(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        var sink: [UInt8] = []
        return scan(input, output: &sink, emit: false)
    }

    /// Convenience for strings (tests, short texts).
    public func rewrite(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { _ = rewrite($0, into: &out) }
        bytes = out
        return String(decoding: bytes, as: UTF8.self)
    }

    private func scan(_ input: UnsafeBufferPointer<UInt8>, output: inout [UInt8], emit: Bool) -> Int {
        guard count > 0, let base = input.baseAddress else {
            if emit { output.append(contentsOf: input) }
            return 0
        }
        let n = input.count
        var i = 0
        var runStart = 0   // start of the pending unchanged run
        var fired = 0
        while i < n {
            let b0 = base[i]
            var scalar: UInt32
            var len: Int
            if b0 < 0x80 { i += 1; continue }
            else if b0 < 0xE0 { len = 2; scalar = UInt32(b0 & 0x1F) }
            else if b0 < 0xF0 { len = 3; scalar = UInt32(b0 & 0x0F) }
            else { len = 4; scalar = UInt32(b0 & 0x07) }
            if i + len > n { break }
            for k in 1..<len { scalar = (scalar << 6) | UInt32(base[i + k] & 0x3F) }
            guard scalar < Self.indexLimit else { i += len; continue }
            let slot = Int(index[Int(scalar)])
            if slot == 0 { i += len; continue }
            var matched: Entry? = nil
            for e in buckets[slot] where e.from.count <= n - i {
                let same = e.from.withUnsafeBufferPointer { memcmp(base + i, $0.baseAddress!, $0.count) == 0 }
                if same { matched = e; break }
            }
            guard let m = matched else { i += len; continue }
            if m.rewrites {
                fired += 1
                if emit {
                    output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
                    output.append(contentsOf: m.to)
                    runStart = i + m.from.count
                }
            }
            i += m.from.count
        }
        if emit { output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
        return fired
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
