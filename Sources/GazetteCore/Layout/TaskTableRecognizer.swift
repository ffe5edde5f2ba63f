/// Task tables (任务分解表) flattened into text: the header's column names (序号 工作任务
/// 牵头单位 责任单位 完成时限), then the rows, every cell separated by a space or a TAB and
/// the rows run together. The table is laid out again one row a line, cells joined by TAB,
/// as the HTML extractor gives a table, so `TableReader` reads its rows as task clauses.
///
/// A row starts at the token that is the next row number (1, 2, 3 …); a section label
/// (一、公开重点领域信息) between rows is a row of one cell, and a repeated header a header line. A
/// row with more tokens than columns has spaces inside its task text: the extra tokens join
/// the task cell. After the last row's cells, the rest of the line is text again.
struct TaskTableRecognizer: LayoutRecognizer {
    var name: String { "task-table" }

    func apply(_ page: inout LayoutPage) {
        guard page.lines.contains(where: Self.mayHoldHeader) else { return }
        page.splitLines(name) { Self.mayHoldHeader($0) ? Self.relayout($0) : nil }
    }

    /// The cheap test: the line names the number column and a unit column.
    static func mayHoldHeader(_ line: String) -> Bool {
        SimpleText.contains(line, "序号") && (SimpleText.contains(line, "牵头") || SimpleText.contains(line, "责任"))
            && (FastText.containsByte(line, 0x20) || FastText.containsByte(line, 0x09))
    }

    /// The line laid out as text before the table, header, rows and text after it; nil when no
    /// header of at least a number, a task and one more column starts a run of rows.
    static func relayout(_ line: String) -> [String]? {
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let h = tokens.firstIndex(of: "序号") else { return nil }
        var columns: [TableReader.Column] = []
        var k = h
        while k < tokens.count, case let c = TableReader.column(for: tokens[k]), c != .other, !(c == .number && k > h),
              ClauseLabel.recognize(tokens[k]) == nil {
            columns.append(c); k += 1
        }
        // The first row, perhaps after a section label (一、公开重点领域信息).
        guard columns.count >= 3, columns.contains(.task), tokens[k..<min(tokens.count, k + 2)].contains("1") else { return nil }
        let header = tokens[h..<k].joined(separator: "\t")
        var out: [String] = []
        if h > 0 { out.append(tokens[..<h].joined(separator: " ")) }
        out.append(header)
        var next = 1
        var row: [String] = []
        func flush(last: Bool) -> [String] {
            guard !row.isEmpty else { return [] }
            var cells = row, rest: [String] = []
            if cells.count > columns.count {
                if last { rest = Array(cells[columns.count...]); cells = Array(cells[..<columns.count]) }
                else if let t = columns.firstIndex(of: .task) {
                    let extra = cells.count - columns.count
                    cells.replaceSubrange(t...(t + extra), with: [cells[t...(t + extra)].joined(separator: " ")])
                }
            }
            row = []
            return [cells.joined(separator: "\t")] + (rest.isEmpty ? [] : [rest.joined(separator: " ")])
        }
        while k < tokens.count {
            let t = tokens[k]
            if t == String(next) {
                out.append(contentsOf: flush(last: false)); row = [t]; next += 1
            } else if t == "序号", k + 1 < tokens.count, TableReader.column(for: tokens[k + 1]) != .other {
                out.append(contentsOf: flush(last: false))
                var e = k
                while e < tokens.count, TableReader.column(for: tokens[e]) != .other, !(e > k && tokens[e] == "序号"),
                      ClauseLabel.recognize(tokens[e]) == nil { e += 1 }
                columns = tokens[k..<e].map(TableReader.column(for:))
                out.append(tokens[k..<e].joined(separator: "\t")); k = e; continue
            } else if let l = ClauseLabel.recognize(t), l.style == .chineseComma, !l.rest.isEmpty {
                out.append(contentsOf: flush(last: false)); out.append(t + String(repeating: "\t", count: columns.count - 1))   // a row of one filled cell: the table's section
            } else {
                row.append(t)
            }
            k += 1
        }
        out.append(contentsOf: flush(last: true))
        return out
    }
}
