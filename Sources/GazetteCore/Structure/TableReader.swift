/// Reads task tables: the HTML extractor emits each table row as one line with cells
/// separated by TAB. A header row names the columns (序号 / 工作任务 / 牵头单位 /
/// 责任单位 / 配合单位 / 完成时限); the rows under it become task clauses.
public struct TableReader: Sendable {
    /// What a column holds.
    public enum Column: Equatable, Sendable { case number, category, task, lead, responsible, cooperating, deadline, other }

    /// One data row of a task table.
    public struct Row: Equatable, Sendable {
        public var line: Int
        public var cells: [String]
        public var columns: [Column]
        public func cell(_ c: Column) -> String? {
            guard let i = columns.firstIndex(of: c), i < cells.count else { return nil }
            let v = cells[i].wsTrimmed
            return v.isEmpty ? nil : v
        }
        /// Non-empty cells.
        public var filled: [String] { cells.map { $0.wsTrimmed }.filter { !$0.isEmpty } }
    }

    /// The table lines found: header lines and data rows, by line index.
    public struct Tables: Sendable {
        public var headers: Set<Int> = []
        public var rows: [Int: Row] = [:]
        /// Every line that belongs to a table (headers, rows, other tab-separated lines).
        public var lines: Set<Int> = []
    }

    public init() {}

    static func column(for header: String) -> Column {
        let h = FastText.containsByte(header, 0x20) ? header.replacingOccurrences(of: " ", with: "") : header
        if h.isEmpty { return .other }
        if ["序号", "编号", "序"].contains(h) { return .number }
        let has = { SimpleText.contains(h, $0) }
        if has("牵头") || has("主责") { return .lead }
        if has("配合") || has("协办") || has("协同") { return .cooperating }
        if has("责任") || has("负责") || has("承办") || h == "单位" { return .responsible }
        if has("时限") || has("时间") || has("进度") || has("期限") { return .deadline }
        if has("任务") || has("内容") || has("措施") || has("事项") || has("要求") { return .task }
        if has("领域") || has("类别") || has("分类") || has("项目") || has("板块") { return .category }
        return .other
    }

    /// Cells of a line split on `separator`; nil when the line has none.
    static func cells(_ line: String, separator: Character) -> [String]? {
        // No byte of the separator, no separator: most lines are rejected without a Character walk.
        if let byte = separator.asciiValue, !FastText.containsByte(line, byte) { return nil }
        // A TAB is a character of its own; so is a space in simple text: split the bytes.
        if separator == "\t" || separator == " " && SimpleText.isSimple(line) {
            return line.utf8.split(separator: separator.asciiValue!, omittingEmptySubsequences: separator == " ")
                .map { String(Substring($0)).wsTrimmed }
        }
        guard line.contains(separator) else { return nil }
        return line.split(separator: separator, omittingEmptySubsequences: separator == " ")
            .map { String($0).wsTrimmed }
    }

    static func headerColumns(_ cells: [String]) -> [Column]? {
        let cols = cells.map { $0.count <= 8 ? Self.column(for: $0) : .other }
        let known = cols.filter { $0 != .other }.count
        return known >= 2 && cols.contains(.task) || known >= 3 ? cols : nil
    }

    /// Finds header rows and the data rows under them in `lines`. Rows are TAB-separated;
    /// where a flattened table lost its TABs to single spaces, a header made only of known
    /// column names still opens a table whose rows split on spaces into as many cells.
    public func read(_ lines: [String]) -> Tables {
        var t = Tables()
        var columns: [Column]? = nil
        var separator: Character = "\t"
        for (i, line) in lines.enumerated() {
            if let cells = Self.cells(line, separator: "\t") {
                t.lines.insert(i)
                if let cols = Self.headerColumns(cells) { columns = cols; separator = "\t"; t.headers.insert(i); continue }
                guard let columns, separator == "\t" else { continue }
                t.rows[i] = Row(line: i, cells: cells, columns: columns)
                continue
            }
            if let cells = Self.cells(line, separator: " "), cells.count >= 3,
               let cols = Self.headerColumns(cells), !cols.contains(.other) {
                columns = cols; separator = " "; t.headers.insert(i); t.lines.insert(i); continue
            }
            if separator == " ", let columns, let cells = Self.cells(line, separator: " "),
               cells.count == columns.count, cells.allSatisfy({ !$0.contains("。") || $0.count > 6 }) {
                t.lines.insert(i)
                t.rows[i] = Row(line: i, cells: cells, columns: columns)
                continue
            }
            // Prose ends a table; a section heading line (二、平台建设) between rows does not.
            if !FastText.isBlank(line), ClauseLabel.recognize(line) == nil { columns = nil }
        }
        readVertical(lines, into: &t)
        return t
    }

    /// `s.count <= 8` without counting the characters of a long line.
    static func atMostEight(_ s: String) -> Bool { s.utf8.count <= 8 || s.dropFirst(8).isEmpty }

    /// A table flattened one cell a line: a run of header names (序号 / 工作任务 / 牵头单位 …),
    /// then rows of as many lines, each starting with the next row number.
    func readVertical(_ lines: [String], into t: inout Tables) {
        let filled = lines.indices.filter { !FastText.isBlank(lines[$0]) && !t.lines.contains($0) }
        var k = 0
        while k < filled.count {
            var cols: [Column] = []
            var j = k
            while j < filled.count, Self.atMostEight(lines[filled[j]]) {
                let c = Self.column(for: lines[filled[j]].wsTrimmed)
                if c == .other || cols.contains(c) { break }
                cols.append(c); j += 1
            }
            guard cols.count >= 3, cols.first == .number, cols.contains(.task) else { k += 1; continue }
            for h in filled[k..<j] { t.headers.insert(h); t.lines.insert(h) }
            var expected = 1
            while j + cols.count <= filled.count {
                let cells = filled[j..<(j + cols.count)].map { lines[$0].wsTrimmed }
                guard Int(cells[0]) == expected else { break }
                for c in filled[j..<(j + cols.count)] { t.lines.insert(c) }
                t.rows[filled[j]] = Row(line: filled[j], cells: cells, columns: cols)
                expected += 1; j += cols.count
            }
            k = j
        }
    }
}
