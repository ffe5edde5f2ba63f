/// A character-level diff of two texts that reads well in Chinese: LCS on characters,
/// then equal islands too small to read (one or two characters between changes, or
/// punctuation alone) are folded into the change around them, so edits show as phrases.
public enum InlineDiff {
    /// One run of the diff.
    public struct Op: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable { case equal, delete, insert }
        public var op: Kind
        public var text: String
        public init(_ op: Kind, _ text: String) { self.op = op; self.text = text }
    }

    /// Largest LCS table (cells) computed exactly; longer texts diff as one replacement.
    static let maxCells = 8_000_000

    public static func diff(_ a: String, _ b: String, minIsland: Int = 3) -> [Op] {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var pre = 0
        while pre < x.count && pre < y.count && x[pre] == y[pre] { pre += 1 }
        var suf = 0
        while suf < x.count - pre && suf < y.count - pre && x[x.count - 1 - suf] == y[y.count - 1 - suf] { suf += 1 }
        let xs = Array(x[pre..<(x.count - suf)]), ys = Array(y[pre..<(y.count - suf)])
        var raw: [(Op.Kind, Unicode.Scalar)] = x[0..<pre].map { (.equal, $0) }
        raw += middle(xs, ys)
        raw += x[(x.count - suf)...].map { (.equal, $0) }
        return fold(runs(raw), minIsland: minIsland)
    }

    /// Per-character script of the changed middle part.
    static func middle(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> [(Op.Kind, Unicode.Scalar)] {
        let n = x.count, m = y.count
        if n == 0 { return y.map { (.insert, $0) } }
        if m == 0 { return x.map { (.delete, $0) } }
        if n * m > maxCells { return x.map { (.delete, $0) } + y.map { (.insert, $0) } }
        // t(i, j) = LCS of x[i...] and y[j...] = LCS of the reversed texts' prefixes of
        // lengths n − i and m − j: the bit-parallel LCS of reversed y against reversed x keeps
        // one bit vector per prefix of reversed x, and t counts zero bits in it.
        let masks = LCSMasks(y.reversed().map(\.value))
        let rows = masks.rows(x.reversed().map(\.value))
        let words = masks.words
        func t(_ i: Int, _ j: Int) -> Int {
            let base = (n - i) * words, q = m - j
            var ones = 0, k = 0
            while (k + 1) * 64 <= q { ones += rows[base + k].nonzeroBitCount; k += 1 }
            let rest = q - k * 64
            if rest > 0 { ones += (rows[base + k] & ((1 << UInt64(rest)) - 1)).nonzeroBitCount }
            return q - ones
        }
        var out: [(Op.Kind, Unicode.Scalar)] = []
        var i = 0, j = 0
        while i < n && j < m {
            if x[i] == y[j] { out.append((.equal, x[i])); i += 1; j += 1 }
            else if t(i + 1, j) >= t(i, j + 1) { out.append((.delete, x[i])); i += 1 }
            else { out.append((.insert, y[j])); j += 1 }
        }
        while i < n { out.append((.delete, x[i])); i += 1 }
        while j < m { out.append((.insert, y[j])); j += 1 }
        return out
    }

    static func runs(_ raw: [(Op.Kind, Unicode.Scalar)]) -> [Op] {
        // Each run's text is built as UTF-8 bytes (appending scalars to a String one by one is slow).
        var out: [Op] = []
        var bytes: [UInt8] = []
        var s = 0
        while s < raw.count {
            let k = raw[s].0
            var e = s
            bytes.removeAll(keepingCapacity: true)
            while e < raw.count && raw[e].0 == k {
                let u = raw[e].1
                if u.value < 0x80 { bytes.append(UInt8(u.value)) } else { UTF8.encode(u) { bytes.append($0) } }
                e += 1
            }
            out.append(Op(k, String(decoding: bytes, as: UTF8.self)))
            s = e
        }
        return out
    }

    /// Fold small equal islands between changes into the changes; each change region
    /// becomes one delete followed by one insert.
    static func fold(_ ops: [Op], minIsland: Int) -> [Op] {
        // Group into alternating equal / change regions.
        var regions: [(equal: String?, del: String, ins: String)] = []
        for op in ops {
            switch op.op {
            case .equal: regions.append((op.text, "", ""))
            case .delete, .insert:
                if regions.isEmpty || regions[regions.count - 1].equal != nil { regions.append((nil, "", "")) }
                if op.op == .delete { regions[regions.count - 1].del += op.text } else { regions[regions.count - 1].ins += op.text }
            }
        }
        var changed = true
        while changed {
            changed = false
            var merged: [(equal: String?, del: String, ins: String)] = []
            var k = 0
            while k < regions.count {
                let r = regions[k]
                if let eq = r.equal, k > 0, k + 1 < regions.count, regions[k - 1].equal == nil, regions[k + 1].equal == nil,
                   isIsland(eq, minIsland: minIsland), var prev = merged.popLast() {
                    let next = regions[k + 1]
                    prev.del += eq + next.del; prev.ins += eq + next.ins
                    merged.append(prev); k += 2; changed = true
                } else { merged.append(r); k += 1 }
            }
            regions = merged
        }
        var out: [Op] = []
        for r in regions {
            if let eq = r.equal { out.append(Op(.equal, eq)) } else {
                if !r.del.isEmpty { out.append(Op(.delete, r.del)) }
                if !r.ins.isEmpty { out.append(Op(.insert, r.ins)) }
            }
        }
        return out
    }

    static func isIsland(_ s: String, minIsland: Int) -> Bool {
        // A scalar counts where `ComparableClause.normalize` keeps it.
        let letters = s.unicodeScalars.reduce(0) { $0 + (ScalarClass.isDropped($1) ? 0 : 1) }
        return letters < minIsland
    }
}
