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
    /// One bit per scalar below `indexLimit`: set when `index` holds a bucket for it. 24 KB,
    /// so the test that rejects almost every position stays in the first-level cache.
    private var starts = [UInt64](repeating: 0, count: PhraseTable.indexLimit / 64)
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
        freeze()
    }

    /// An entry of the flat layout `scan` reads: byte ranges in `fromBytes` and `toBytes`.
    struct FlatEntry {
        var from: Int32, fromCount: Int32, to: Int32, toCount: Int32
        var rewrites: Bool
    }
    /// `buckets` laid out flat, in the same order: bucket `s` is
    /// `flat[bucketStart[s] ..< bucketStart[s + 1]]`. No per-entry arrays to retain in the scan.
    private var flat: [FlatEntry] = []
    private var bucketStart: [Int32] = [0, 0]
    private var fromBytes: [UInt8] = []
    private var toBytes: [UInt8] = []
    /// Per bucket: whether an entry is a single scalar (then any next scalar may match).
    private var bucketSingle: [Bool] = [false]
    /// A filter of (first, second) scalar pairs of the entries: a clear bit means no entry
    /// starts with that pair. A quarter of Chinese characters start some entry, so this
    /// test saves most comparisons with the bucket's entries.
    private var pairBits = [UInt64](repeating: 0, count: (1 << PhraseTable.pairBitsLog2) / 64)
    private static let pairBitsLog2 = 16

    @inline(__always)
    static func pairHash(_ a: UInt32, _ b: UInt32) -> Int {
        Int((((a &* 0x9E37_79B1) ^ b) &* 0x85EB_CA6B) >> UInt32(32 - pairBitsLog2))
    }

    private mutating func freeze() {
        flat = []; fromBytes = []; toBytes = []
        bucketStart = [0]
        bucketSingle = []
        for bucket in buckets {
            var single = false
            for e in bucket {
                let scalars = Array(String(decoding: e.from, as: UTF8.self).unicodeScalars)
                if scalars.count < 2 { single = true } else {
                    let h = Self.pairHash(scalars[0].value, scalars[1].value)
                    pairBits[h >> 6] |= 1 << UInt64(h & 63)
                }
                flat.append(FlatEntry(from: Int32(fromBytes.count), fromCount: Int32(e.from.count),
                                      to: Int32(toBytes.count), toCount: Int32(e.to.count), rewrites: e.rewrites))
                fromBytes += e.from
                toBytes += e.to
            }
            bucketStart.append(Int32(flat.count))
            bucketSingle.append(single)
        }
    }

    private mutating func add(_ from: String, _ to: String) {
        guard let first = from.unicodeScalars.first?.value, first < Self.indexLimit, first > 0x7F else { return }
        let entry = Entry(from: Array(from.utf8), to: Array(to.utf8))
        var slot = Int(index[Int(first)])
        if slot == 0 {
            buckets.append([])
            slot = buckets.count - 1
            index[Int(first)] = UInt16(slot)
            starts[Int(first) >> 6] |= 1 << UInt64(first & 63)
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
        return starts.withUnsafeBufferPointer { starts in
            index.withUnsafeBufferPointer { index in
            pairBits.withUnsafeBufferPointer { pairBits in
            bucketSingle.withUnsafeBufferPointer { bucketSingle in
                flat.withUnsafeBufferPointer { flat in
                    bucketStart.withUnsafeBufferPointer { bucketStart in
                        fromBytes.withUnsafeBufferPointer { fromBytes in
                            toBytes.withUnsafeBufferPointer { toBytes in
                                Self.scan(base, input.count, Tables(starts: starts, index: index, pairBits: pairBits,
                                                                    bucketSingle: bucketSingle, flat: flat, bucketStart: bucketStart,
                                                                    fromBytes: fromBytes, toBytes: toBytes),
                                          output: &output, emit: emit)
                            }
                        }
                    }
                }
            }
            }
            }
        }
    }

    /// The table's arrays, borrowed for one scan.
    struct Tables {
        var starts: UnsafeBufferPointer<UInt64>, index: UnsafeBufferPointer<UInt16>
        var pairBits: UnsafeBufferPointer<UInt64>, bucketSingle: UnsafeBufferPointer<Bool>
        var flat: UnsafeBufferPointer<FlatEntry>, bucketStart: UnsafeBufferPointer<Int32>
        var fromBytes: UnsafeBufferPointer<UInt8>, toBytes: UnsafeBufferPointer<UInt8>
    }

    private static func scan(_ base: UnsafePointer<UInt8>, _ n: Int, _ t: Tables, output: inout [UInt8], emit: Bool) -> Int {
        let starts = t.starts, index = t.index, pairBits = t.pairBits, bucketSingle = t.bucketSingle
        let flat = t.flat, bucketStart = t.bucketStart, fromBytes = t.fromBytes, toBytes = t.toBytes
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
            guard scalar < Self.indexLimit, starts[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0 else { i += len; continue }
            let slot = Int(index[Int(scalar)])
            if !bucketSingle[slot] {
                // Every entry here has a second scalar: it must be the next one.
                let j = i + len
                guard j < n else { i += len; continue }
                let c0 = base[j]
                var next: UInt32
                if c0 < 0x80 { next = UInt32(c0) } else {
                    let l2 = c0 < 0xE0 ? 2 : (c0 < 0xF0 ? 3 : 4)
                    guard j + l2 <= n else { i += len; continue }
                    next = UInt32(c0) & (l2 == 2 ? 0x1F : (l2 == 3 ? 0x0F : 0x07))
                    for k in 1..<l2 { next = (next << 6) | UInt32(base[j + k] & 0x3F) }
                }
                let h = pairHash(scalar, next)
                if pairBits[h >> 6] & (1 << UInt64(h & 63)) == 0 { i += len; continue }
            }
            // Longest first: the first entry whose bytes follow is the leftmost-longest match.
            // Its first scalar is this one, so the comparison starts after it.
            var matched = -1
            for e in Int(bucketStart[slot]) ..< Int(bucketStart[slot + 1]) {
                let c = Int(flat[e].fromCount)
                if c > n - i { continue }
                let f = fromBytes.baseAddress! + Int(flat[e].from)
                var k = len
                while k < c && base[i + k] == f[k] { k += 1 }
                if k == c { matched = e; break }
            }
            guard matched >= 0 else { i += len; continue }
            let m = flat[matched]
            if m.rewrites {
                fired += 1
                if emit {
                    output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
                    if m.toCount > 0 { output.append(contentsOf: UnsafeBufferPointer(start: toBytes.baseAddress! + Int(m.to), count: Int(m.toCount))) }
                    runStart = i + Int(m.fromCount)
                }
            }
            i += Int(m.fromCount)
        }
        if emit { output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
        return fired
    }

    /// The entry-by-entry scan `scan` replaced (tests): leftmost-longest over `buckets`.
    func referenceRewrite(_ text: String) -> (String, Int) {
        let input = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0, runStart = 0, fired = 0
        while i < input.count {
            let b0 = input[i]
            if b0 < 0x80 { i += 1; continue }
            let len = b0 < 0xE0 ? 2 : (b0 < 0xF0 ? 3 : 4)
            let scalar = String(decoding: input[i..<min(input.count, i + len)], as: UTF8.self).unicodeScalars.first!.value
            let slot = scalar < Self.indexLimit ? Int(index[Int(scalar)]) : 0
            guard slot != 0, let m = buckets[slot].first(where: { $0.from.count <= input.count - i && Array(input[i..<(i + $0.from.count)]) == $0.from }) else {
                i += len; continue
            }
            if m.rewrites { fired += 1; out += input[runStart..<i]; out += m.to; runStart = i + m.from.count }
            i += m.from.count
        }
        out += input[runStart...]
        return (String(decoding: out, as: UTF8.self), fired)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
