/// Lines in reading order → paragraphs, from the lines' geometry. A line continues the
/// paragraph above unless one of these says it starts a new one:
/// - it is indented (GB/T 9704 indents a paragraph's first line by two characters) or
///   centred, while the line above is not a centred title line of the same size;
/// - the line above ends well short of the right edge (a paragraph's last line);
/// - the gap above it is clearly wider than the usual gap between lines of a paragraph;
/// - its font size differs from the line above's;
/// - it starts a page while the line above does not end at the foot of its page's text, or
///   a page (a scanned one) lies between them;
/// - it starts with a clause label (`一、`, `（一）`, `1.`, `第一条`) after a sentence end;
/// - either is a table row or a line that stands alone.
/// Edges are measured per column (per page when it has one): the left edge is where most
/// lines start, the right edge where full lines end. Joined lines take no space between
/// them unless a Latin word was wrapped.
struct ParagraphBuilder: Sendable {
    /// Edges and spacing of one flow of text (a page, or one column of it).
    struct Flow {
        var left: Double, right: Double, gap: Double
        /// Where the text of a full page ends (the same for every flow).
        var bottom = Double.infinity
    }

    func paragraphs(_ lines: [PlacedLine]) -> [String] {
        let body = FixedLayout.bodySize(lines)
        let flows = Self.flows(lines, body: body)
        var out: [String] = []
        var prev: PlacedLine? = nil
        for p in lines {
            let text = p.tableRow ? Self.row(p.line) : p.line.text
            if let q = prev, !breaks(q, p, flows, body: body) {
                let full = flows[Self.flowKey(q)].map { q.line.x1 >= $0.right - 0.5 * q.line.size } ?? true
                out[out.count - 1] = Self.join(out[out.count - 1], text, full: full)
            } else {
                out.append(text)
            }
            prev = p
        }
        return out
    }

    static func row(_ l: TextLine) -> String {
        l.segments.count == 1 ? l.segments[0].text + "\t" : l.cells
    }

    static func flowKey(_ p: PlacedLine) -> String {
        "\(p.line.page)|\(p.column.map { "\($0.lowerBound)" } ?? "-")"
    }

    /// Does `l` start a new paragraph after `p`?
    func breaks(_ p: PlacedLine, _ l: PlacedLine, _ flows: [String: Flow], body: Double) -> Bool {
        if p.tableRow || l.tableRow || p.standalone || l.standalone { return true }
        let a = p.line, b = l.line
        let em = min(a.size, b.size)
        guard max(a.size, b.size) / em <= 1.15, let fp = flows[Self.flowKey(p)], let fl = flows[Self.flowKey(l)] else { return true }
        let sameFlow = Self.flowKey(p) == Self.flowKey(l)
        // Over a page break only from a page's last line at the foot of the text to the next page.
        if b.page != a.page && (b.page > a.page + 1 || a.y1 < fp.bottom - 3 * em) { return true }
        if sameFlow {
            let gap = b.y0 - a.y1
            if gap > fl.gap + max(0.25 * em, 0.5 * fl.gap) || gap < -0.5 * em { return true }
        }
        // A title set larger than the text over two lines, the second centred, is one paragraph.
        if sameFlow && em >= 1.15 * body && Self.centred(b, fl, em) { return false }
        if Self.centred(a, fp, em) && Self.centred(b, fl, em) { return true }
        if b.x0 > fl.left + 1.0 * em { return true }
        // Short of the edge: by more than two characters and a half, or two after a sentence (a
        // line may end a character or two early where punctuation must not start the next one).
        let ended = a.text.unicodeScalars.last.map { "。！？；：!?;:".unicodeScalars.contains($0) } ?? false
        let tail = fp.right - a.x1
        if tail > 2.5 * em || tail > 2.0 * em && ended { return true }
        if ended, ClauseLabel.recognize(b.text) != nil { return true }
        return false
    }

    static func centred(_ l: TextLine, _ f: Flow, _ em: Double) -> Bool {
        l.x0 > f.left + 0.5 * em && l.x1 < f.right - 0.5 * em && abs((l.x0 + l.x1) / 2 - (f.left + f.right) / 2) < 1.5 * em
    }

    /// `a` and `b` as one paragraph: a space only where a Latin word was wrapped at its space
    /// (letters either side, the line above ending short of the edge); a line full to the
    /// edge was broken inside a word, a number or a URL, and CJK text runs on.
    static func join(_ a: String, _ b: String, full: Bool) -> String {
        guard !full, let x = a.unicodeScalars.last, let y = b.unicodeScalars.first else { return a + b }
        let letter = { (u: Unicode.Scalar) in u.isASCII && u.properties.isAlphabetic }
        return letter(x) && letter(y) ? a + " " + b : a + b
    }

    /// Edges and usual line gap of each flow; flows with few lines take the whole document's.
    static func flows(_ lines: [PlacedLine], body: Double) -> [String: Flow] {
        let prose = lines.filter { !$0.tableRow && !$0.standalone && abs($0.line.size - body) <= 0.15 * body }
        func measure(_ ls: [PlacedLine]) -> Flow? {
            guard !ls.isEmpty else { return nil }
            let x0 = ls.map(\.line.x0).sorted(), x1 = ls.map(\.line.x1).sorted()
            var gaps: [Double] = []
            for (a, b) in zip(ls, ls.dropFirst()) where b.line.page == a.line.page && b.column == a.column {
                let g = b.line.y0 - a.line.y1
                if g >= 0 { gaps.append(g) }
            }
            gaps.sort()
            return Flow(left: x0[x0.count / 10], right: x1[x1.count * 9 / 10],
                        gap: gaps.isEmpty ? body * 0.8 : gaps[gaps.count / 4])
        }
        var whole = measure(prose.filter { $0.column == nil }) ?? measure(prose) ?? Flow(left: 0, right: 0, gap: body)
        var feet: [Int: Double] = [:]
        for p in prose { feet[p.line.page] = max(feet[p.line.page] ?? 0, p.line.y1) }
        let sortedFeet = feet.values.sorted()
        whole.bottom = sortedFeet.isEmpty ? .infinity : sortedFeet[sortedFeet.count * 9 / 10]
        var out: [String: Flow] = [:]
        var groups: [String: [PlacedLine]] = [:]
        for p in lines { groups[flowKey(p), default: []].append(p) }
        for (key, ls) in groups {
            let own = prose.isEmpty ? [] : ls.filter { !$0.tableRow && !$0.standalone && abs($0.line.size - body) <= 0.15 * body }
            if own.count >= 8, var f = measure(own) {
                if own.count < 20 { f.gap = whole.gap }
                f.bottom = whole.bottom
                out[key] = f
            } else if let c = ls.first?.column {
                out[key] = Flow(left: c.lowerBound, right: ls.map(\.line.x1).max() ?? c.upperBound, gap: whole.gap, bottom: whole.bottom)
            } else {
                out[key] = whole
            }
        }
        return out
    }
}

extension FixedLayout {
    /// The font size most of the text is set in.
    static func bodySize(_ lines: [PlacedLine]) -> Double {
        var weight: [Int: Int] = [:]
        for p in lines { weight[Int((p.line.size * 2).rounded()), default: 0] += p.line.text.unicodeScalars.count }
        return Double(weight.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 24) / 2
    }
}
