/// Two-column pages, read column by column. A gutter is a vertical strip in the middle of
/// the text that few lines cross, with most lines of the page beside it as prose (one or two
/// runs of text a side: table rows have many short cells, so a table makes no gutter), three
/// or more of them filling the left column and as many the right (a signature block beside
/// another is narrower), the two columns side by side down the page.
/// Lines that cross the gutter (a title, a paragraph across the page) end the two-column
/// block above them: its left column is read, then its right one.
struct ColumnLayout: Sendable {
    /// `lines` (built with the gutter `g` as a cut) in reading order.
    func order(_ lines: [TextLine], gutter g: ClosedRange<Double>) -> [PlacedLine] {
        let lo = lines.map(\.x0).min() ?? 0, hi = lines.map(\.x1).max() ?? 0
        var out: [PlacedLine] = [], left: [PlacedLine] = [], right: [PlacedLine] = []
        func flush() { out += left; out += right; left = []; right = [] }
        let mid = (g.lowerBound + g.upperBound) / 2
        for l in lines {
            if Self.crosses(l, g) {
                flush(); out.append(PlacedLine(line: l)); continue
            }
            let l0 = l.segments.filter { ($0.x0 + $0.x1) / 2 < mid }, r0 = l.segments.filter { ($0.x0 + $0.x1) / 2 >= mid }
            if !l0.isEmpty { var x = l; x.segments = l0; left.append(PlacedLine(line: x, column: lo...g.lowerBound)) }
            if !r0.isEmpty { var x = l; x.segments = r0; right.append(PlacedLine(line: x, column: g.upperBound...hi)) }
        }
        flush()
        return out
    }

    /// The gutter's x range, or nil for a page in one column.
    func gutter(_ lines: [TextLine]) -> ClosedRange<Double>? {
        guard lines.count >= 4, let lo = lines.map(\.x0).min(), let hi = lines.map(\.x1).max(), hi - lo > 100 else { return nil }
        // Columns of 1 pt: how many lines have ink there.
        let bins = Int(hi - lo) + 1
        var ink = [Int](repeating: 0, count: bins)
        for l in lines {
            for r in l.ink {
                let a = max(0, Int(r.lowerBound - lo)), b = min(bins - 1, Int(r.upperBound - lo))
                if a <= b { for k in a...b { ink[k] += 1 } }
            }
        }
        // The widest strip in the middle half that at most three lines in ten cross.
        let allowed = lines.count * 3 / 10
        var best: (Int, Int)? = nil
        var k = bins / 4
        while k < bins * 3 / 4 {
            guard ink[k] <= allowed else { k += 1; continue }
            var j = k
            while j + 1 < bins * 3 / 4, ink[j + 1] <= allowed { j += 1 }
            if best.map({ j - k > $0.1 - $0.0 }) ?? true { best = (k, j) }
            k = j + 1
        }
        guard let (a, b) = best else { return nil }
        let g = (lo + Double(a))...(lo + Double(b) + 1)
        let em = lines.map(\.size).sorted()[lines.count / 2]
        guard g.upperBound - g.lowerBound >= 0.5 * em else { return nil }
        // Lines beside the strip: one or two runs of ink on each side (a table row has many
        // short cells: it does not count); a side filling its column is a full line of it.
        func filled(_ runs: [ClosedRange<Double>], _ width: Double) -> Bool {
            guard let f = runs.first, let l = runs.last else { return false }
            return l.upperBound - f.lowerBound >= 0.85 * width
        }
        var left: [TextLine] = [], right: [TextLine] = [], beside = 0
        let mid = (g.lowerBound + g.upperBound) / 2
        for l in lines where !Self.crosses(l, g) {
            let a = l.ink.filter { $0.upperBound <= mid }, b = l.ink.filter { $0.lowerBound >= mid }
            guard a.count <= 2 && b.count <= 2 else { continue }
            beside += 1
            if filled(a, g.lowerBound - lo) { left.append(l) }
            if filled(b, hi - g.upperBound) { right.append(l) }
        }
        // Both columns hold text, side by side down the page, in most of its lines.
        guard left.count >= 3, right.count >= 3, beside * 5 >= lines.count * 3,
              let l0 = left.map(\.y0).min(), let l1 = left.map(\.y1).max(),
              let r0 = right.map(\.y0).min(), let r1 = right.map(\.y1).max() else { return nil }
        let overlap = min(l1, r1) - max(l0, r0)
        return overlap >= 0.5 * min(l1 - l0, r1 - r0) ? g : nil
    }

    /// Whether the columns of the page before go on on this one: at most one line (a page
    /// number, a footer) crosses the gutter and some text stands right of it.
    func continues(_ g: ClosedRange<Double>, _ lines: [TextLine]) -> Bool {
        lines.filter { Self.crosses($0, g) }.count <= 1 && lines.contains { l in l.ink.contains { $0.lowerBound >= g.upperBound } }
    }

    /// A line with ink across the middle of the gutter, a character or more either side (a
    /// full stop hanging into the gutter does not cross it).
    static func crosses(_ l: TextLine, _ g: ClosedRange<Double>) -> Bool {
        let mid = (g.lowerBound + g.upperBound) / 2
        return l.ink.contains { $0.lowerBound < mid - l.size && $0.upperBound > mid + l.size }
    }
}
