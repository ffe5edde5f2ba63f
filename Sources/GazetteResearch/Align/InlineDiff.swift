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
        // t[i][j] = LCS of x[i...] and y[j...]; the hot loop on raw buffers (no bounds checks).
        let w = m + 1
        var t = [UInt16](repeating: 0, count: (n + 1) * w)
        let xv = x.map(\.value), yv = y.map(\.value)
        t.withUnsafeMutableBufferPointer { t in
            xv.withUnsafeBufferPointer { xp in
                yv.withUnsafeBufferPointer { yp in
                    for i in stride(from: n - 1, through: 0, by: -1) {
                        let xi = xp[i], row = i * w, next = row + w
                        var right = t[row + m]   // t[i][j + 1]
                        for j in stride(from: m - 1, through: 0, by: -1) {
                            let v = xi == yp[j] ? t[next + j + 1] &+ 1 : max(t[next + j], right)
                            t[row + j] = v
                            right = v
                        }
                    }
                }
            }
        }
        var out: [(Op.Kind, Unicode.Scalar)] = []
        var i = 0, j = 0
        while i < n && j < m {
            if x[i] == y[j] { out.append((.equal, x[i])); i += 1; j += 1 }
            else if t[(i + 1) * w + j] >= t[i * w + j + 1] { out.append((.delete, x[i])); i += 1 }
            else { out.append((.insert, y[j])); j += 1 }
        }
        while i < n { out.append((.delete, x[i])); i += 1 }
        while j < m { out.append((.insert, y[j])); j += 1 }
        return out
    }

    static func runs(_ raw: [(Op.Kind, Unicode.Scalar)]) -> [Op] {
        var out: [Op] = []
        for (k, c) in raw {
            if let last = out.last, last.op == k { out[out.count - 1].text.unicodeScalars.append(c) } else {
                var s = ""; s.unicodeScalars.append(c); out.append(Op(k, s))
            }
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
        let letters = s.unicodeScalars.filter { !ComparableClause.normalize(String($0)).isEmpty }.count
        return letters < minIsland
    }
}
