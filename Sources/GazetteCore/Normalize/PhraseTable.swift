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
    /// One bit per scalar below `indexLimit`: set when an entry is that scalar alone.
    private var singles = [UInt64](repeating: 0, count: PhraseTable.indexLimit / 64)
    /// A filter of (first, second) scalar pairs of the entries: a clear bit means no entry
    /// starts with that pair. A quarter of Chinese characters start some entry, but few
    /// pairs do: testing the pair at every position rejects almost all of them with one
    /// well-predicted branch, where the first-scalar test was taken at random.
    private var pairBits = [UInt64](repeating: 0, count: (1 << PhraseTable.pairBitsLog2) / 64)
    private static let pairBitsLog2 = 16

    @inline(__always)
    static func pairHash(_ a: UInt32, _ b: UInt32) -> Int {
        Int((((a &* 0x9E37_79B1) ^ b) &* 0x85EB_CA6B) >> UInt32(32 - pairBitsLog2))
    }

    private mutating func freeze() {
        flat = []; fromBytes = []; toBytes = []
        bucketStart = [0]
        for bucket in buckets {
            for e in bucket {
                let scalars = Array(String(decoding: e.from, as: UTF8.self).unicodeScalars)
                if scalars.count < 2 {
                    let v = scalars[0].value
                    singles[Int(v >> 6)] |= 1 << UInt64(v & 63)
                } else {
                    let h = Self.pairHash(scalars[0].value, scalars[1].value)
                    pairBits[h >> 6] |= 1 << UInt64(h & 63)
                }
                flat.append(FlatEntry(from: Int32(fromBytes.count), fromCount: Int32(e.from.count),
                                      to: Int32(toBytes.count), toCount: Int32(e.to.count), rewrites: e.rewrites))
                fromBytes += e.from
                toBytes += e.to
            }
            bucketStart.append(Int32(flat.count))
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
        var none = NoSpans()
        return scan(input, output: &output, emit: true, recorder: &none)
    }

    /// `rewrite`, also appending to `matched` the byte range in `output` of every entry that
    /// matched (rewrites and protections): what a later step must leave alone.
    @discardableResult
    public func rewrite(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], matched: inout [Range<Int>]) -> Int {
        var list = SpanList(spans: matched)
        matched = []
        defer { matched = list.spans }
        return scan(input, output: &output, emit: true, recorder: &list)
    }

    /// How many rewrites `rewrite` would make, without producing output.
    public func countRewrites(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        var sink: [UInt8] = []
        var none = NoSpans()
        return scan(input, output: &sink, emit: false, recorder: &none)
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

    /// Where `scan` reports the output range of each match: nowhere (specialized away) or a list.
    protocol MatchRecorder { mutating func matched(_ range: Range<Int>) }
    struct NoSpans: MatchRecorder { @inline(__always) mutating func matched(_ range: Range<Int>) {} }
    struct SpanList: MatchRecorder {
        var spans: [Range<Int>]
        mutating func matched(_ range: Range<Int>) { spans.append(range) }
    }

    private func scan<R: MatchRecorder>(_ input: UnsafeBufferPointer<UInt8>, output: inout [UInt8], emit: Bool,
                                        recorder: inout R) -> Int {
        guard count > 0, let base = input.baseAddress else {
            if emit { output.append(contentsOf: input) }
            return 0
        }
        return index.withUnsafeBufferPointer { index in
            pairBits.withUnsafeBufferPointer { pairBits in
                singles.withUnsafeBufferPointer { singles in
                    flat.withUnsafeBufferPointer { flat in
                        bucketStart.withUnsafeBufferPointer { bucketStart in
                            fromBytes.withUnsafeBufferPointer { fromBytes in
                                toBytes.withUnsafeBufferPointer { toBytes in
                                    Self.scan(base, input.count, Tables(index: index, pairBits: pairBits, singles: singles,
                                                                        flat: flat, bucketStart: bucketStart,
                                                                        fromBytes: fromBytes, toBytes: toBytes),
                                              output: &output, emit: emit, recorder: &recorder)
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
        var index: UnsafeBufferPointer<UInt16>
        var pairBits: UnsafeBufferPointer<UInt64>, singles: UnsafeBufferPointer<UInt64>
        var flat: UnsafeBufferPointer<FlatEntry>, bucketStart: UnsafeBufferPointer<Int32>
        var fromBytes: UnsafeBufferPointer<UInt8>, toBytes: UnsafeBufferPointer<UInt8>
    }

    private static func scan<R: MatchRecorder>(_ base: UnsafePointer<UInt8>, _ n: Int, _ t: Tables, output: inout [UInt8], emit: Bool,
                                               recorder: inout R) -> Int {
        let index = t.index, pairBits = t.pairBits, singles = t.singles
        let flat = t.flat, bucketStart = t.bucketStart, fromBytes = t.fromBytes, toBytes = t.toBytes
        /// The scalar at `i` and its length; length 0 when it is cut off by the end.
        /// (A stray continuation byte reads as the lead of a two-byte scalar, as before.)
        @inline(__always) func decode(_ i: Int) -> (UInt32, Int) {
            let b0 = base[i]
            if b0 < 0x80 { return (UInt32(b0), 1) }
            if b0 >= 0xE0 && b0 < 0xF0 {
                if i &+ 3 > n { return (0, 0) }
                return (UInt32(b0 & 0x0F) &<< 12 | UInt32(base[i &+ 1] & 0x3F) &<< 6 | UInt32(base[i &+ 2] & 0x3F), 3)
            }
            if b0 < 0xE0 {
                if i &+ 2 > n { return (0, 0) }
                return (UInt32(b0 & 0x1F) &<< 6 | UInt32(base[i &+ 1] & 0x3F), 2)
            }
            if i &+ 4 > n { return (0, 0) }
            return (UInt32(b0 & 0x07) &<< 18 | UInt32(base[i &+ 1] & 0x3F) &<< 12 | UInt32(base[i &+ 2] & 0x3F) &<< 6 | UInt32(base[i &+ 3] & 0x3F), 4)
        }
        var i = 0
        var runStart = 0   // start of the pending unchanged run
        var fired = 0
        var (cur, len) = n > 0 ? decode(0) : (0, 0)
        while i < n {
            if len == 0 { break }
            let j = i &+ len
            var (next, nextLen): (UInt32, Int) = (0, 0)
            if j < n { (next, nextLen) = decode(j) }
            // A candidate position: an entry of one scalar starts here, or the pair
            // (this scalar, the next) starts some entry. Both tests are one bit each; the
            // pair test fails on almost every character, so the branch predicts well.
            var candidate = false
            if cur > 0x7F && cur < UInt32(Self.indexLimit) {
                if singles[Int(cur &>> 6)] & (1 &<< UInt64(cur & 63)) != 0 {
                    candidate = true
                } else if nextLen > 0 {
                    let h = pairHash(cur, next)
                    candidate = pairBits[h &>> 6] & (1 &<< UInt64(h & 63)) != 0
                }
            }
            if candidate {
                let slot = Int(index[Int(cur)])
                // Longest first: the first entry whose bytes follow is the leftmost-longest
                // match. Its first scalar is this one, so the comparison starts after it.
                var matched = -1
                if slot != 0 {
                    for e in Int(bucketStart[slot]) ..< Int(bucketStart[slot + 1]) {
                        let c = Int(flat[e].fromCount)
                        if c > n - i { continue }
                        let f = fromBytes.baseAddress! + Int(flat[e].from)
                        var k = len
                        while k < c && base[i + k] == f[k] { k += 1 }
                        if k == c { matched = e; break }
                    }
                }
                if matched >= 0 {
                    let m = flat[matched]
                    if m.rewrites {
                        fired += 1
                        if emit {
                            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart))
                            if m.toCount > 0 { output.append(contentsOf: UnsafeBufferPointer(start: toBytes.baseAddress! + Int(m.to), count: Int(m.toCount))) }
                            runStart = i + Int(m.fromCount)
                            recorder.matched((output.count - Int(m.toCount)) ..< output.count)
                        }
                    } else if emit {
                        let at = output.count + (i - runStart)
                        recorder.matched(at ..< at + Int(m.fromCount))
                    }
                    i += Int(m.fromCount)
                    if i < n { (cur, len) = decode(i) }
                    continue
                }
            }
            i = j; cur = next; len = nextLen
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
