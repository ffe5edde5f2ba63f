/// The body of `word/document.xml` as a reader sees it: paragraphs (with their automatic
/// numbering written out) and tables, in order. Read in one pass over the XML stream with
/// an explicit stack of open elements, so no nesting depth reaches Swift's call stack.
///
/// Kept: runs of `w:t` text, inserted text (`w:ins`, `w:moveTo`), field results, text boxes
/// (`w:txbxContent`, once: the `mc:Fallback` copy is skipped) after the paragraph holding
/// them. Dropped: deleted text (`w:del`, `w:moveFrom`), field codes (`w:instrText`,
/// `w:fldSimple`'s `w:instr`) and the results of page fields (PAGE, NUMPAGES, PAGEREF …),
/// hidden runs (`w:vanish`), placeholder text of empty content controls, section properties
/// (which only point at headers and footers: those parts are never read, nor are
/// footnotes and comments). `w:tab` is a space (a TAB separates table cells downstream),
/// `w:br` / `w:cr` a line break.
struct DOCXBody {
    struct Cell { var blocks: [Block] = []; var span = 1; var merged = false }
    struct Row { var cells: [Cell] = []; var gridBefore = 0; var deleted = false }
    struct Table { var rows: [Row] = [] }
    enum Block { case paragraph(String), table(Table) }

    /// Tables nested deeper than this are read as the paragraphs of the cell holding them.
    static let maxTableDepth = 12
    /// Fields whose result is page furniture, not text.
    static let pageFields: Set<String> = ["PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "SECTION", "TC", "XE", "TA", "TOA", "RD", "PRIVATE", "ADVANCE"]

    private enum Action { case none, table, flatTable, row, cell, paragraph, pPr, textbox, run, field, sdt, instr, text }
    private struct Open { var name: String; var action: Action }
    private struct Paragraph { var text = ""; var numId: Int?; var ilvl: Int?; var style: String?; var markDeleted = false; var boxes: [Block] = [] }
    private struct Field { var instr = ""; var showing = false }

    private var numbering: DOCXNumbering
    private var stack: [Open] = []
    private var containers: [[Block]] = [[]]
    private var tables: [(table: Table, row: Row?, cell: Cell?)] = []
    private var paragraphs: [Paragraph] = []
    private var hiddenRuns: [Bool] = []
    private var fields: [Field] = []
    /// Fields on the stack whose text is not shown (codes, page numbers): counted, not searched.
    private var hiddenFields = 0
    private var placeholders: [Bool] = []

    init(numbering: DOCXNumbering) { self.numbering = numbering }

    /// Blocks of the document's body.
    static func read(_ pull: XMLPull, numbering: DOCXNumbering) throws(XMLPull.Failure) -> [Block] {
        var body = DOCXBody(numbering: numbering)
        try body.walk(pull)
        return body.containers.first ?? []
    }

    private var visible: Bool {
        hiddenRuns.last != true && hiddenFields == 0
    }

    private func parent(_ k: Int = 1) -> Open? { stack.count >= k ? stack[stack.count - k] : nil }

    /// The innermost open table, row, cell, paragraph or text box (content controls and
    /// custom XML may wrap rows and cells).
    private func enclosing() -> Action? {
        stack.last(where: { [.table, .flatTable, .row, .cell, .paragraph, .textbox].contains($0.action) })?.action
    }

    private mutating func walk(_ pull: XMLPull) throws(XMLPull.Failure) {
        while try pull.next() {
            switch pull.kind {
            case .text:
                guard let top = stack.last else { continue }
                if top.action == .text, visible, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].text += pull.text }
                if top.action == .instr, !fields.isEmpty, fields[fields.count - 1].instr.utf8.count < 1024 { fields[fields.count - 1].instr += pull.text }
            case .end:
                guard let open = stack.popLast() else { continue }
                close(open)
            case .start:
                if pull.isMarkupCompatibility && pull.name == "Fallback" { try pull.skip(); continue }
                guard pull.isWord else { stack.append(Open(name: pull.name, action: .none)); continue }
                if try start(pull) { stack.append(Open(name: pull.name, action: lastAction)) }
            }
        }
    }

    private var lastAction = Action.none

    /// Handle a start tag in the WordprocessingML namespace; false when its subtree was skipped.
    private mutating func start(_ pull: XMLPull) throws(XMLPull.Failure) -> Bool {
        lastAction = .none
        let name = pull.name
        switch name {
        case "tbl":
            if tables.count >= Self.maxTableDepth || stack.contains(where: { $0.action == .flatTable }) { lastAction = .flatTable; break }
            tables.append((Table(), nil, nil)); lastAction = .table
        case "tr":
            guard enclosing() == .table, !tables.isEmpty else { break }
            tables[tables.count - 1].row = Row(); lastAction = .row
        case "tc":
            guard enclosing() == .row, !tables.isEmpty, tables[tables.count - 1].row != nil else { break }
            tables[tables.count - 1].cell = Cell(); containers.append([]); lastAction = .cell
        case "gridSpan":
            if parent()?.name == "tcPr", parent(2)?.action == .cell, let v = DOCXNumbering.int(pull.attribute("val")) {
                tables[tables.count - 1].cell?.span = min(max(v, 1), 64)
            }
        case "vMerge", "hMerge":
            if parent()?.name == "tcPr", parent(2)?.action == .cell {
                let v = pull.attribute("val")
                if v == nil || v == "continue" { tables[tables.count - 1].cell?.merged = true }
            }
        case "gridBefore":
            if parent()?.name == "trPr", parent(2)?.action == .row, let v = DOCXNumbering.int(pull.attribute("val")) {
                tables[tables.count - 1].row?.gridBefore = min(max(v, 0), 64)
            }
        case "p":
            paragraphs.append(Paragraph()); lastAction = .paragraph
        case "pPr":
            if parent()?.action == .paragraph { lastAction = .pPr }
        case "pStyle":
            if parent()?.action == .pPr { paragraphs[paragraphs.count - 1].style = pull.attribute("val") }
        case "numId", "ilvl":
            if parent()?.name == "numPr", parent(2)?.action == .pPr {
                let v = DOCXNumbering.int(pull.attribute("val"))
                if name == "numId" { paragraphs[paragraphs.count - 1].numId = v } else { paragraphs[paragraphs.count - 1].ilvl = v }
            }
        case "del", "moveFrom":
            // A marker in the paragraph mark's or the row's properties; elsewhere deleted content.
            if parent()?.name == "rPr", parent(2)?.action == .pPr { paragraphs[paragraphs.count - 1].markDeleted = true }
            if parent()?.name == "trPr", parent(2)?.action == .row { tables[tables.count - 1].row?.deleted = true }
            try pull.skip(); return false
        case "r":
            hiddenRuns.append(false); lastAction = .run
        case "vanish", "specVanish":
            if parent()?.name == "rPr", parent(2)?.action == .run, DOCXNumbering.flag(pull) { hiddenRuns[hiddenRuns.count - 1] = true }
        case "t":
            if !paragraphs.isEmpty { lastAction = .text }
        case "tab", "ptab":
            if parent()?.action == .run { append(" ") }
        case "br", "cr":
            if parent()?.action == .run { append("\n") }
        case "noBreakHyphen":
            if parent()?.action == .run { append("-") }
        case "sym":
            if parent()?.action == .run, let c = pull.attribute("char"), let v = UInt32(c, radix: 16), let u = Unicode.Scalar(v),
               !(0xE000...0xF8FF).contains(v), v >= 0x20 {
                append(String(Character(u)))
            }
        case "fldSimple":
            let instr = pull.attribute("instr") ?? ""
            push(Field(instr: instr, showing: !Self.isPageField(instr))); lastAction = .field
        case "fldChar":
            fieldChar(pull.attribute("fldCharType") ?? "")
        case "instrText":
            lastAction = .instr
        case "txbxContent":
            containers.append([]); lastAction = .textbox
        case "sdt":
            placeholders.append(false); lastAction = .sdt
        case "showingPlcHdr":
            if parent()?.name == "sdtPr", parent(2)?.action == .sdt, DOCXNumbering.flag(pull) { placeholders[placeholders.count - 1] = true }
        case "sdtContent":
            if parent()?.action == .sdt, placeholders.last == true { try pull.skip(); return false }
        case "delText", "delInstrText", "pPrChange", "rPrChange", "tblPrChange", "tcPrChange", "trPrChange", "sectPrChange",
             "tblGridChange", "numberingChange", "sectPr", "object", "footnoteReference", "endnoteReference", "commentReference":
            try pull.skip(); return false
        default:
            break
        }
        return true
    }

    static func isPageField(_ instr: String) -> Bool {
        let word = instr.split(whereSeparator: { $0 == " " || $0 == "\\" || $0 == "\t" }).first.map { $0.uppercased() } ?? ""
        return pageFields.contains(word)
    }

    private mutating func fieldChar(_ type: String) {
        switch type {
        case "begin": push(Field(instr: "", showing: false))
        case "separate":
            guard let f = fields.last, !f.showing, !Self.isPageField(f.instr) else { return }
            fields[fields.count - 1].showing = true; hiddenFields -= 1
        case "end": pop()
        default: break
        }
    }

    private mutating func push(_ f: Field) {
        fields.append(f)
        if !f.showing { hiddenFields += 1 }
    }

    private mutating func pop() {
        guard let f = fields.popLast() else { return }
        if !f.showing { hiddenFields -= 1 }
    }

    private mutating func append(_ s: String) {
        guard visible, !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].text += s
    }

    private mutating func add(_ block: Block) {
        containers[containers.count - 1].append(block)
    }

    private mutating func close(_ open: Open) {
        switch open.action {
        case .table:
            guard let t = tables.popLast() else { return }
            if !t.table.rows.isEmpty { add(.table(t.table)) }
        case .row:
            guard !tables.isEmpty, let row = tables[tables.count - 1].row else { return }
            if !row.deleted { tables[tables.count - 1].table.rows.append(row) }
            tables[tables.count - 1].row = nil
        case .cell:
            guard containers.count > 1, !tables.isEmpty, var cell = tables[tables.count - 1].cell else { return }
            cell.blocks = containers.removeLast()
            tables[tables.count - 1].row?.cells.append(cell)
            tables[tables.count - 1].cell = nil
        case .paragraph:
            guard let p = paragraphs.popLast() else { return }
            finish(p)
        case .textbox:
            guard containers.count > 1 else { return }
            let blocks = containers.removeLast()
            if paragraphs.isEmpty { for b in blocks { add(b) } } else { paragraphs[paragraphs.count - 1].boxes += blocks }
        case .run: _ = hiddenRuns.popLast()
        case .field: pop()
        case .sdt: _ = placeholders.popLast()
        case .none, .flatTable, .pPr, .instr, .text: break
        }
    }

    /// A finished paragraph: its label, its text (one line per `w:br`), then its text boxes.
    private mutating func finish(_ p: Paragraph) {
        let lines = p.text.split(separator: "\n", omittingEmptySubsequences: false).map { Self.tidy($0) }
        let empty = lines.allSatisfy { $0.isEmpty }
        if !(p.markDeleted && empty) {
            var text = lines.joined(separator: "\n")
            if let (label, suffix) = numbering.label(numId: p.numId, ilvl: p.ilvl, style: p.style) {
                // The tab or space Word puts after the label is a space: "1. 2023年" does not read as 1.2023.
                text = label + (suffix == "nothing" || text.isEmpty ? "" : " ") + text
            }
            add(.paragraph(text))
        }
        for b in p.boxes { add(b) }
    }

    /// Runs of spaces folded to one, no-break spaces as spaces, trimmed.
    static func tidy(_ s: Substring) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            let v = u.value
            if v == 0x20 || v == 0xA0 || v == 0x09 || v == 0x0D {
                if !space && !out.isEmpty { out.append(" ") }
                space = true
                continue
            }
            if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
            out.append(u); space = false
        }
        if out.last == " " { out.removeLast() }
        return FastText.trim(String(out))
    }
}
