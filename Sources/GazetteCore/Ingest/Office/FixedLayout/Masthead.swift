/// The masthead (版头, GB/T 9704 发文机关标志) of an official document: the issuers' names
/// in large red type opening the first page, one per line for a joint document, often
/// letterspaced, with `文件` beside or after them. A joint masthead becomes one line of the
/// names separated by spaces — how the text path writes joint issuers — without `文件`;
/// a single issuer's masthead stays as it is.
struct Masthead: Sendable {
    func closeUp(_ lines: [PlacedLine]) -> [PlacedLine] {
        guard let first = lines.first?.line.page else { return lines }
        let body = FixedLayout.bodySize(lines)
        // The run of large red lines the first page opens with (a red title further down is no masthead).
        let head = Array(lines.indices.prefix { i in
            let l = lines[i].line
            return l.page == first && l.red && l.size >= 1.2 * body && !lines[i].tableRow
        })
        guard head.count >= 2 else { return lines }
        var names: [String] = []
        for i in head {
            for s in lines[i].line.segments {
                var t = s.text.replacingOccurrences(of: " ", with: "")
                if t == "文件" { continue }
                if t.hasSuffix("文件"), t.count >= 5 { t.removeLast(2) }
                names.append(t)
            }
        }
        guard names.count >= 2 else { return lines }
        var joined = lines[head[0]]
        let l = joined.line
        joined.line = TextLine([LineSegment(names.joined(separator: " "), x0: l.x0, x1: l.x1, red: true)],
                               y0: l.y0, y1: lines[head.last!].line.y1, size: l.size, page: l.page)
        joined.standalone = true
        var out = lines
        for i in head.reversed() { out.remove(at: i) }
        out.insert(joined, at: head[0])
        return out
    }
}
