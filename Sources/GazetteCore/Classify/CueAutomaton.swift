/// An Aho–Corasick automaton over Unicode scalars that finds every literal cue of the whole
/// taxonomy in one pass over a text (per-cue or per-first-character searches compared each
/// candidate cue at each position).
///
/// Scalars that occur in no cue map to class 0 and send the automaton back to its root, so
/// most characters of a text cost one table read. Positions are UTF-16 offsets, like the
/// `NSRange`s of the regular-expression cues.
struct CueAutomaton: Sendable {
    /// Character class of each BMP scalar (0: in no cue); other scalars in `wideClasses`.
    private var bmpClass = [UInt16](repeating: 0, count: 1 << 16)
    private var wideClasses: [UInt32: UInt16] = [:]
    /// Root transitions by class (0: stay at the root).
    private var rootNext: [Int32] = [0]
    /// Children of each node, flattened and sorted by class: `childStart[n] ..< childStart[n + 1]`.
    private var childStart: [Int32] = []
    private var childClass: [UInt16] = []
    private var childNode: [Int32] = []
    private var fail: [Int32] = []
    /// Entries (indexes into the `cues` of `init`) ending at each node, its own and those of
    /// its failure chain: `outStart[n] ..< outStart[n + 1]`.
    private var outStart: [Int32] = []
    private var outIDs: [Int32] = []
    /// Cue id, UTF-16 length and line-start condition of each entry.
    private var entryID: [Int32] = []
    private var entryLength: [Int32] = []
    private var entryAtLineStart: [Bool] = []

    /// `cues`: (cue id, literal, whether it counts only at the start of a line) — the start of
    /// the text or after a line terminator, as `^` of a regular expression with
    /// `anchorsMatchLines`; such a literal holds no line terminator. Empty literals never match.
    init(cues: [(id: Int32, text: String, atLineStart: Bool)]) {
        var bmp = [UInt16](repeating: 0, count: 1 << 16)
        var wide: [UInt32: UInt16] = [:]
        var classes = 0
        func classOf(_ s: Unicode.Scalar) -> UInt16 {
            let v = s.value
            if v < 0x10000 {
                if bmp[Int(v)] == 0 { classes += 1; bmp[Int(v)] = UInt16(truncatingIfNeeded: classes) }
                return bmp[Int(v)]
            }
            if let c = wide[v] { return c }
            classes += 1; wide[v] = UInt16(truncatingIfNeeded: classes)
            return UInt16(truncatingIfNeeded: classes)
        }
        // The trie, with children in dictionaries while it is built.
        var kids: [[UInt16: Int32]] = [[:]]
        var own: [[Int32]] = [[]]
        for (e, cue) in cues.enumerated() {
            entryID.append(cue.id); entryLength.append(Int32(cue.text.utf16.count)); entryAtLineStart.append(cue.atLineStart)
            guard !cue.text.isEmpty else { continue }
            var node = 0
            for s in cue.text.unicodeScalars {
                let c = classOf(s)
                if let n = kids[node][c] { node = Int(n) } else {
                    kids.append([:]); own.append([])
                    kids[node][c] = Int32(kids.count - 1)
                    node = kids.count - 1
                }
            }
            own[node].append(Int32(e))
        }
        precondition(classes < Int(UInt16.max), "too many distinct cue characters")
        bmpClass = bmp; wideClasses = wide
        rootNext = [Int32](repeating: 0, count: classes + 1)
        for (c, n) in kids[0] { rootNext[Int(c)] = n }
        // Failure links and merged outputs, breadth first.
        var failOf = [Int32](repeating: 0, count: kids.count)
        var outputs = own
        var queue: [Int] = kids[0].keys.sorted().map { Int(kids[0][$0]!) }
        var head = 0
        while head < queue.count {
            let node = queue[head]; head += 1
            for c in kids[node].keys.sorted() {
                let child = Int(kids[node][c]!)
                var f = Int(failOf[node])
                var target: Int32 = 0
                while true {
                    if let n = kids[f][c], n != Int32(child) { target = n; break }
                    if f == 0 { break }
                    f = Int(failOf[f])
                }
                failOf[child] = target
                outputs[child] += outputs[Int(target)]
                queue.append(child)
            }
        }
        fail = failOf
        for node in kids.indices {
            childStart.append(Int32(childClass.count))
            for c in kids[node].keys.sorted() { childClass.append(c); childNode.append(kids[node][c]!) }
            outStart.append(Int32(outIDs.count))
            outIDs += outputs[node]
        }
        childStart.append(Int32(childClass.count))
        outStart.append(Int32(outIDs.count))
    }

    @inline(__always) private func classOf(_ v: UInt32) -> Int {
        v < 0x10000 ? Int(bmpClass[Int(v)]) : (wideClasses.isEmpty ? 0 : Int(wideClasses[v] ?? 0))
    }

    @inline(__always) private func next(_ state: Int32, _ c: Int) -> Int32 {
        if c == 0 { return 0 }
        var s = state
        while s != 0 {
            var lo = Int(childStart[Int(s)]), hi = Int(childStart[Int(s) + 1])
            while lo < hi {
                let mid = (lo + hi) >> 1
                let k = Int(childClass[mid])
                if k == c { return childNode[mid] }
                if k < c { lo = mid + 1 } else { hi = mid }
            }
            s = fail[Int(s)]
        }
        return rootNext[c]
    }

    /// The size of a scanned text.
    struct Size {
        var utf16 = 0, scalars = 0
        /// Whether every scalar is `SimpleText.isSimpleScalar` (then characters = scalars).
        var simple = true
    }

    /// Every occurrence of every cue in `text`, non-overlapping per cue (leftmost first, like a
    /// left-to-right search for that cue alone), in order of end position; and the text's size.
    func scan(_ text: String, into out: inout [CueMatch]) -> Size {
        var t = text
        return t.withUTF8 { scan(utf8: $0, into: &out) }
    }

    private func scan(utf8 b: UnsafeBufferPointer<UInt8>, into out: inout [CueMatch]) -> Size {
        var i = 0, pos: Int32 = 0, lineStart: Int32 = 0, scalars = 0, simple = true
        var state: Int32 = 0
        let n = b.count
        while i < n {
            let b0 = UInt32(b[i])
            var v: UInt32
            var units: Int32 = 1
            if b0 < 0x80 { v = b0; i += 1 }
            else if b0 < 0xE0 { v = (b0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); i += 2 }
            else if b0 < 0xF0 {
                v = (b0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); i += 3
            } else {
                v = (b0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                i += 4; units = 2
            }
            pos += units; scalars += 1
            if simple && !SimpleText.isSimpleScalar(v) { simple = false }
            // Line terminators of ICU regular expressions: LF, VT, FF, CR, NEL, LS, PS.
            if (v >= 0x0A && v <= 0x0D) || v == 0x85 || v == 0x2028 || v == 0x2029 { lineStart = pos }
            state = next(state, classOf(v))
            if state == 0 { continue }
            let lo = Int(outStart[Int(state)]), hi = Int(outStart[Int(state) + 1])
            guard lo < hi else { continue }
            for k in lo ..< hi {
                let e = Int(outIDs[k])
                let id = entryID[e], length = entryLength[e]
                let start = pos - length
                if entryAtLineStart[e] && start != lineStart { continue }
                // Skip an occurrence overlapping the previous one of the same cue.
                var j = out.count - 1, overlaps = false
                while j >= 0 && out[j].location + out[j].length > start {
                    if out[j].id == id { overlaps = true; break }
                    j -= 1
                }
                if !overlaps { out.append(CueMatch(id: id, location: start, length: length)) }
            }
        }
        return Size(utf16: Int(pos), scalars: scalars, simple: simple)
    }
}

/// One occurrence of a cue in a text: cue id and UTF-16 range.
struct CueMatch: Sendable, Equatable {
    var id: Int32
    var location: Int32
    var length: Int32
    var end: Int32 { location + length }
}
