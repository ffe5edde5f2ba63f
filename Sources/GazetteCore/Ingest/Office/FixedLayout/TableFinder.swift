/// Tables drawn on the page (the statistics tables of annual reports, task tables): their
/// lines become rows of TAB-separated cells, as the HTML path writes table rows, so that a
/// row label such as `一、本年新收政府信息公开申请数量` or `（一）予以公开` is read as a
/// table line and never as a clause.
///
/// A table is a run of lines on one page, each either split into cells (two or more
/// segments) or set smaller than the text (table type, captions, stacked header cells),
/// holding at least two lines of cells that look like a grid: one has three or more cells,
/// or two share cell edges. A single line between two lines of the run, no larger than they
/// and short of the text width (a wrapped cell), belongs to it too. Lines of a run that overlap vertically
/// (a label set beside numbers of another size) are one row, their cells left to right.
struct TableFinder: Sendable {
    func mark(_ lines: inout [PlacedLine]) {
        let body = FixedLayout.bodySize(lines)
        let width = Self.textWidth(lines)
        func member(_ p: PlacedLine) -> Bool {
            !p.standalone && (p.line.segments.count >= 2 || p.line.size <= 0.85 * body)
        }
        var out: [PlacedLine] = []
        var k = 0
        while k < lines.count {
            guard member(lines[k]) else { out.append(lines[k]); k += 1; continue }
            var j = k + 1
            while j < lines.count, lines[j].line.page == lines[k].line.page {
                if member(lines[j]) { j += 1; continue }
                // A wrapped cell: one line short of the text width with the run going on below it.
                let here = lines[j].line
                if j + 1 < lines.count, lines[j + 1].line.page == lines[k].line.page, member(lines[j + 1]),
                   here.x1 - here.x0 < 0.7 * width, here.size <= 1.1 * max(lines[j - 1].line.size, lines[j + 1].line.size) { j += 1; continue }
                break
            }
            let run = Array(lines[k..<j])
            if Self.isGrid(run.map(\.line)) {
                out += Self.rows(run)
            } else {
                out += run
            }
            k = j
        }
        lines = out
    }

    /// Two or more lines of cells, one with three cells or two sharing a cell edge.
    static func isGrid(_ run: [TextLine]) -> Bool {
        let celled = run.filter { $0.segments.count >= 2 }
        guard celled.count >= 2 else { return false }
        if celled.contains(where: { $0.segments.count >= 3 }) { return true }
        for (a, b) in zip(celled, celled.dropFirst()) {
            let em = max(a.size, b.size) * 0.75
            let edges = { (l: TextLine) in l.segments.flatMap { [$0.x0, $0.x1] } }
            let shared = edges(a).filter { e in edges(b).contains { abs($0 - e) <= em } }.count
            if shared >= 2 { return true }
        }
        return false
    }

    /// The run's lines merged into rows where they overlap vertically, marked as table rows.
    static func rows(_ run: [PlacedLine]) -> [PlacedLine] {
        var rows: [PlacedLine] = []
        for p in run.sorted(by: { $0.line.midY < $1.line.midY }) {
            if var last = rows.last, abs(last.line.midY - p.line.midY) < 0.5 * max(last.line.y1 - last.line.y0, p.line.y1 - p.line.y0) {
                last.line.segments = (last.line.segments + p.line.segments).sorted { $0.x0 < $1.x0 }
                last.line.y1 = max(last.line.y1, p.line.y1)
                rows[rows.count - 1] = last
            } else {
                var r = p
                r.tableRow = true
                rows.append(r)
            }
        }
        return rows
    }

    /// The width most lines of text span.
    static func textWidth(_ lines: [PlacedLine]) -> Double {
        let w = lines.map { $0.line.x1 - $0.line.x0 }.sorted()
        return w.isEmpty ? 0 : w[w.count * 9 / 10]
    }
}
