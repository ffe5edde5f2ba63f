import GazetteModel

/// Builds the numbered clause tree from the body lines of a document.
///
/// A line opens a clause when it starts with a numbering label (see `NumberingStyle`) that
/// fits the numbering seen so far: numbers follow on (1 after a new parent, or the next
/// number — numbering that restarts under each parent and numbering that runs on across
/// parents are both accepted), and 1. / （1） lines open clauses only under a clause of a
/// higher style (or in a document numbered with them alone). Everything else — the
/// paragraphs that follow, inline enumerations 一是…/①…, table lines — stays inside the
/// clause it follows. Each clause's text covers its own lines up to the next clause.
///
/// Ids are URL-safe paths of style prefix + number from the root: s2 (二、), s2.c3 (（三）
/// under 二、), s2.c3.i1 (1.), s2.c3.i1.p2 (（2）), ch1.a5 (第五条 in 第一章), s3.t4 (row 4 of
/// a task table under 三、). They depend only on the numbering, so they survive edits to the
/// text; a repeated path (numbering that restarts by mistake) gets a suffix -2, -3.
public struct ClauseTreeBuilder: Sendable {
    /// A clause with the line span it covers.
    public struct Built: Sendable {
        public var clause: Clause
        public var firstLine: Int
        /// Lines covered (label line first), not including children.
        public var lines: [Int]
        /// True when the label line also carries body text after the heading.
        public var inlineBody: Bool
    }

    public init() {}

    struct Open { var level: Int; var number: Int; var id: String; var style: NumberingStyle }

    /// Build clauses from `lines[range]`, skipping lines in `tableLines` except the rows
    /// of `tables`, which become clauses of their own.
    public func build(lines: [String], range: Range<Int>, tables: TableReader.Tables) -> [Built] {
        let found: [(Int, ClauseLabel)] = range.compactMap { i in
            guard !tables.lines.contains(i), let l = ClauseLabel.recognize(lines[i]) else { return nil }
            return (i, l)
        }
        let candidates = Self.droppingTableOfContents(found, lines: lines)
        let articles = candidates.filter { $0.1.style == .article }.count
        // Regulations: 第X条 lines outnumber 一、 sections (a plan quoting two articles is still a plan).
        let sections = candidates.filter { $0.1.style == .chineseComma }.count
        let articleMode = articles >= 2 && articles > sections
        let hasChapters = articleMode && candidates.contains { $0.1.style == .chapter }
        let hasSections = articleMode && candidates.contains { $0.1.style == .section }
        let hasChineseHigher = candidates.contains { $0.1.style == .chineseComma || $0.1.style == .parenChinese }
        let firstSection = candidates.first { $0.1.style == .chineseComma }?.0
        let articleLevel = articleMode ? 1 + (hasChapters ? 1 : 0) + (hasSections ? 1 : 0) : 3

        func level(of style: NumberingStyle) -> Int? {
            if articleMode {
                switch style {
                case .chapter: return 1
                case .section: return hasChapters ? 2 : 1
                case .article: return articleLevel
                // Items （一）… of an article are its enumeration (项), kept in its text.
                case .parenChinese, .arabicDot, .parenArabic, .chineseComma: return nil
                }
            }
            return style.isArticleStyle ? nil : style.styleLevel
        }

        var built: [Built] = []
        var stack: [Open] = []
        var lastAtLevel: [Int: Int] = [:]          // last number at a level, anywhere
        var lastUnderParent: [String: Int] = [:]   // last number under a parent id at a level
        var usedIDs = Set<String>()
        var candidateAt: [Int: ClauseLabel] = [:]
        for (i, l) in candidates { candidateAt[i] = l }

        for i in range {
            var label: ClauseLabel? = candidateAt[i]
            var tableRow: TableReader.Row? = nil
            if label == nil, let row = tables.rows[i] {
                // A row holding one cell with a label is a section heading of the table.
                let filled = row.filled
                if filled.count == 1, let l = ClauseLabel.recognize(filled[0]) { label = l } else { tableRow = row }
            }
            if let row = tableRow {
                guard let task = row.cell(.task) ?? row.filled.max(by: { $0.count < $1.count }) else { continue }
                let numberText = row.cell(.number) ?? ""
                let parentOpen = stack.last
                let lvl = (parentOpen?.level ?? 0) + 1
                let parentKey = parentOpen?.id ?? ""
                let n = ChineseNumeral.value(numberText) ?? (lastUnderParent[parentKey + "#\(lvl)"] ?? 0) + 1
                let id = uniqueID((parentOpen.map { $0.id + "." } ?? "") + "t\(n)", &usedIDs)
                var clause = Clause(id: id, parent: parentOpen?.id, level: lvl, label: numberText, number: n,
                                    heading: ClauseLabel.heading(from: task), text: row.filled.joined(separator: "\t"), original: "")
                clause.deadlines = row.cell(.deadline).map { [$0] } ?? []
                built.append(Built(clause: clause, firstLine: i, lines: [i], inlineBody: true))
                lastUnderParent[parentKey + "#\(lvl)"] = n
                continue
            }
            guard let l = label, let lvl = level(of: l.style) else {
                if !built.isEmpty, !tables.headers.contains(i) { built[built.count - 1].lines.append(i) }
                continue
            }
            var parents = stack
            while let top = parents.last, top.level >= lvl { parents.removeLast() }
            let parent = parents.last
            let parentKey = (parent?.id ?? "") + "#\(lvl)"
            // （一） items before the first 一、 of a document that has sections belong to its
            // preamble (a forwarding notice's own list), not to the tree.
            if l.style == .parenChinese, parent == nil, !articleMode, let first = firstSection, i < first {
                if !built.isEmpty { built[built.count - 1].lines.append(i) }
                continue
            }
            let fits = accepts(l, level: lvl, parent: parent, lastUnderParent: lastUnderParent[parentKey],
                               lastAtLevel: lastAtLevel[lvl], hasChineseHigher: hasChineseHigher, articleMode: articleMode)
            guard fits else {
                if !built.isEmpty { built[built.count - 1].lines.append(i) }
                continue
            }
            let id = uniqueID((parent.map { $0.id + "." } ?? "") + l.style.idPrefix + "\(l.number)", &usedIDs)
            var rest = l.rest
            if rest.isEmpty, let j = (i + 1..<range.upperBound).first(where: { !FastText.isBlank(lines[$0]) }),
               candidateAt[j] == nil, !tables.lines.contains(j) {
                rest = lines[j].wsTrimmed   // label alone, heading on the next line
            }
            let heading = ClauseLabel.heading(from: rest)
            let inline = SimpleText.count(rest) > SimpleText.count(heading) + 1
            let clause = Clause(id: id, parent: parent?.id, level: lvl, label: l.label, number: l.number,
                                heading: heading, text: "", original: "")
            built.append(Built(clause: clause, firstLine: i, lines: [i], inlineBody: inline))
            parents.append(Open(level: lvl, number: l.number, id: id, style: l.style))
            stack = parents
            lastAtLevel[lvl] = l.number
            lastUnderParent[parentKey] = l.number
        }
        return built
    }

    /// A table of contents (目录) at the start repeats the headings of the clauses that
    /// follow, each on a line of its own with no text under it: those entries are not clauses.
    static func droppingTableOfContents(_ found: [(Int, ClauseLabel)], lines: [String]) -> [(Int, ClauseLabel)] {
        func key(_ l: ClauseLabel) -> String { "\(l.style.rawValue)|\(l.number)|\(ClauseLabel.heading(from: l.rest))" }
        // Nothing to drop unless the first entry comes back later (same style and number first: cheap).
        guard let l0 = found.first?.1 else { return found }
        let k0 = key(l0)
        guard found.dropFirst().contains(where: { $0.1.style == l0.style && $0.1.number == l0.number && key($0.1) == k0 }) else { return found }
        var lastIndexOf: [String: Int] = [:]
        for (n, (_, l)) in found.enumerated() { lastIndexOf[key(l)] = n }
        var prefix = 0
        for (n, (i, l)) in found.enumerated() {
            guard lastIndexOf[key(l)]! > n else { break }
            // No body: the next non-empty line is the next label.
            let next = lines[(i + 1)...].firstIndex { !FastText.isBlank($0) }
            guard n + 1 < found.count, found[n + 1].0 == next else { break }
            prefix = n + 1
        }
        return prefix >= 2 ? Array(found[prefix...]) : found
    }

    func accepts(_ l: ClauseLabel, level: Int, parent: Open?, lastUnderParent: Int?, lastAtLevel: Int?,
                 hasChineseHigher: Bool, articleMode: Bool) -> Bool {
        let arabic = l.style == .arabicDot || l.style == .parenArabic
        // A statistics table row whose TABs became spaces: "一、本年新收申请数 5 0 0 2".
        let numericCells = !FastText.containsByte(l.rest, 0x20) ? [] : l.rest.split(separator: " ").dropFirst().filter { $0.allSatisfy { $0.isNumber || $0 == "." || $0 == "%" } }
        if numericCells.count >= 2 { return false }
        // A numbered question (一、如何报名？) belongs to a Q&A, not to the clause tree.
        if l.rest.hasSuffix("？") || l.rest.hasSuffix("?"), SimpleText.count(l.rest) <= 80 { return false }
        // 1. and （1） lines open clauses only under a clause, unless the document has no higher style.
        if arabic && parent == nil && (hasChineseHigher || articleMode) { return false }
        if l.number == 1 { return true }
        // The first clause of a Chinese style may start anywhere (an excerpt, a lost line).
        if !arabic && lastAtLevel == nil { return true }
        let expected = [lastUnderParent.map { $0 + 1 }, lastAtLevel.map { $0 + 1 }].compactMap { $0 }
        if expected.contains(l.number) { return true }
        // Tolerate one skipped number (a typo in the source), never a jump backwards.
        let last = lastUnderParent ?? lastAtLevel ?? 0
        if arabic { return l.number == last + 2 && lastUnderParent != nil }
        return l.number > last && l.number <= last + 2
    }

    func uniqueID(_ base: String, _ used: inout Set<String>) -> String {
        var id = base, k = 2
        while used.contains(id) { id = base + "-\(k)"; k += 1 }
        used.insert(id)
        return id
    }
}
