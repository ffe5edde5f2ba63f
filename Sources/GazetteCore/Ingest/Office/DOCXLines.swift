/// The body's blocks as text, one paragraph a line, in the shape the HTML extractor gives a
/// page: a table row is one line with its cells separated by TAB (so `TableReader` finds a
/// 任务分解表's header and rows, and any other table stays out of the clause tree), a cell's
/// paragraphs joined by a space. A merged cell is written once: the cells a `w:gridSpan` or
/// `w:vMerge`/`w:hMerge` continuation covers are empty, which keeps the columns in line with
/// the header. A table used for page layout — one column, or a row whose cell holds a table,
/// three or more paragraphs or over 300 Chinese characters — is read as its paragraphs.
enum DOCXLines {
    static func render(_ blocks: [DOCXBody.Block]) -> [String] {
        var out: [String] = []
        // An explicit work list rather than recursion over nested tables.
        var work: [Item] = blocks.reversed().map { .block($0) }
        while let item = work.popLast() {
            switch item {
            case .line(let l): out.append(l)
            case .block(.paragraph(let text)):
                for l in text.split(separator: "\n", omittingEmptySubsequences: true) where !l.isEmpty { out.append(String(l)) }
            case .block(.table(let table)):
                work.append(contentsOf: expand(table).reversed())
            }
        }
        return out
    }

    private enum Item { case line(String), block(DOCXBody.Block) }

    /// A table as lines and the blocks still to expand (layout cells), in order.
    private static func expand(_ table: DOCXBody.Table) -> [Item] {
        let oneColumn = table.rows.allSatisfy { row in row.gridBefore == 0 && row.cells.filter({ !$0.merged }).count <= 1 }
        var items: [Item] = []
        for row in table.rows {
            if oneColumn || row.cells.contains(where: isLayoutCell) {
                for cell in row.cells where !cell.merged { items += cell.blocks.map { .block($0) } }
                continue
            }
            var cells = Array(repeating: "", count: row.gridBefore)
            for cell in row.cells {
                cells.append(cell.merged ? "" : cellText(cell))
                cells += Array(repeating: "", count: cell.span - 1)
            }
            while cells.count > 1, cells.last == "" { cells.removeLast() }
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            items.append(.line(cells.joined(separator: "\t")))
        }
        return items
    }

    /// A cell's text on one line: paragraphs (and any line breaks) joined by a space.
    static func cellText(_ cell: DOCXBody.Cell) -> String {
        var parts: [String] = []
        for b in cell.blocks {
            guard case .paragraph(let t) = b else { continue }
            for l in t.split(separator: "\n") where !l.isEmpty { parts.append(String(l)) }
        }
        return parts.joined(separator: " ")
    }

    /// A cell that lays out the page rather than holding a datum (as `HTMLExtractor.isLayoutCell`).
    static func isLayoutCell(_ cell: DOCXBody.Cell) -> Bool {
        if cell.merged { return false }
        var paragraphs = 0, cjk = 0
        for b in cell.blocks {
            switch b {
            case .table: return true
            case .paragraph(let t):
                if !t.isEmpty { paragraphs += 1 }
                cjk += HTMLExtractor.cjkCount(t)
            }
        }
        return paragraphs >= 3 || cjk > 300
    }
}
