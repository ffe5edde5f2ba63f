import Foundation
import GazetteModel

/// Stage 4: build the structured record of one document from its normalized text.
///
/// Order of work: task tables (TAB rows) are located first so their lines never pass for
/// numbered clauses; appendices (【政策解读】, 附件 …) are cut off after the first numbered
/// line; the clause tree is built from the body; the header before the first clause gives
/// the metadata, the rest of it is the preamble; text after the last clause that is not
/// part of it is the closing. Normalized and original texts have the same lines, so each
/// clause's `original` is the same line span of the source-script text.
public struct Structurer: Sendable {
    public init() {}

    static let closingMarker = try! NSRegularExpression(pattern:
        #"本(?:工作)?(?:要点|方案|计划|通知|意见|办法|规定|细则|实施方案|工作方案)(?:自|由|印发|发布|未尽|解释)|各[\p{Han}、，,（）()]{0,40}要(?:根据|按照|对照|结合)本"#)

    public func structure(_ input: StructureInput) -> Document {
        let lines = FastText.lines(input.normalized.text)
        var originals = FastText.lines(input.normalized.original)
        if originals.count != lines.count { originals = lines }

        let tables = TableReader().read(lines)
        let firstCandidate = lines.indices.first { (!tables.lines.contains($0) && ClauseLabel.recognize(lines[$0]) != nil) || tables.rows[$0] != nil } ?? lines.count
        let parts = AppendixSplitter().split(lines, from: min(firstCandidate + 1, lines.count))
        let bodyEnd = parts.first?.lines.lowerBound ?? lines.count
        var built = ClauseTreeBuilder().build(lines: lines, range: 0..<bodyEnd, tables: tables)

        // Closing: after an inline last clause everything that follows; otherwise from the
        // first paragraph that speaks about the document itself (根据本工作要点 …).
        var closingLines: [Int] = []
        if var last = built.last {
            let trailing = Array(last.lines.dropFirst())
            var cut = trailing.count
            if tables.rows[last.firstLine] != nil {
                // After the last table row, the first line outside the table closes.
                cut = trailing.firstIndex(where: { !tables.lines.contains($0) && !FastText.isBlank(lines[$0]) }) ?? trailing.count
            } else if last.inlineBody {
                // Labelled task fields (牵头单位：…) right after the clause still belong to it.
                cut = trailing.firstIndex(where: { !Self.isFieldLine(lines[$0]) }) ?? trailing.count
            } else if let k = trailing.firstIndex(where: { Self.isClosing(lines[$0]) }) {
                cut = k
            }
            // A signature block (issuer line, then date line) closes the document with its issuer.
            if cut > 0, cut < trailing.count, MetadataExtractor.first(MetadataExtractor.orgLine, lines[trailing[cut - 1]].wsTrimmed) != nil {
                cut -= 1
            }
            closingLines = Array(trailing[cut...])
            last.lines = [last.firstLine] + trailing[..<cut]
            built[built.count - 1] = last
        }
        let headerEnd = built.first?.firstLine ?? bodyEnd
        // A notice may list its 附件 before signing: look a few lines into the first appendix too.
        let tailRange = (closingLines.first ?? bodyEnd)..<min(lines.count, bodyEnd + 12)
        // Page metadata and title come straight from the page, in its script: map them onto
        // the normalized text where they occur in the original.
        var pageMetadata: [String: String] = [:]
        // Lines whose original has as many characters, counted once for all the values.
        let noPage = input.pageMetadata.isEmpty && input.pageTitle == nil
        let sameLength = noPage ? []
            : lines.indices.map { originals[$0] == lines[$0] || SimpleText.count(originals[$0]) == SimpleText.count(lines[$0]) }
        // Which originals are simple, found once rather than once a metadata value.
        let simpleOriginals = noPage ? [] : originals.map { SimpleText.isSimple($0) }
        for (k, v) in input.pageMetadata.sorted(by: { $0.key < $1.key }) {
            pageMetadata[Self.simplifiedKeys[k] ?? k] = Self.normalized(v, lines: lines, originals: originals, sameLength: sameLength,
                                                                        simpleOriginals: simpleOriginals)
        }
        let pageTitle = input.pageTitle.map { Self.normalized(MetadataExtractor.cleanPageTitle($0), lines: lines, originals: originals,
                                                              sameLength: sameLength, simpleOriginals: simpleOriginals) }
        let meta = MetadataExtractor().extract(lines: lines, header: 0..<headerEnd, tail: tailRange,
                                               pageMetadata: pageMetadata, pageTitle: pageTitle, removed: input.removed,
                                               headerFields: input.layout.fields)

        let extractor = TaskExtractor()
        var clauses: [Clause] = []
        for b in built {
            var c = b.clause
            let own = b.lines.filter { !FastText.isBlank(lines[$0]) }
            c.text = own.map { lines[$0].wsTrimmed }.joined(separator: "\n")
            c.original = own.map { originals[$0].wsTrimmed }.joined(separator: "\n")
            if let row = tables.rows[b.firstLine] {
                let facts = extractor.extract(row: row)
                c.units = facts.units; c.targets = facts.targets
                if c.deadlines.isEmpty { c.deadlines = facts.deadlines }
            } else {
                let facts = extractor.extract(c.text)
                c.units = facts.units; c.deadlines = facts.deadlines; c.targets = facts.targets
            }
            clauses.append(c)
        }
        // A document that assigns its tasks explicitly (bracketed notes, labelled fields, table
        // cells) names the responsible units there; a unit that merely opens a sentence of it
        // (各级政府要…) assigns nothing. Subject mentions stay only where nothing is assigned.
        if clauses.contains(where: { $0.units.contains { $0.role != .mentioned } }) {
            for k in clauses.indices { clauses[k].units.removeAll { $0.role == .mentioned } }
        }

        let join: ([Int]) -> String = { idx in
            idx.map { lines[$0].wsTrimmed }.filter { !$0.isEmpty }.joined(separator: "\n")
        }
        let preamble = join((0..<headerEnd).filter { !meta.usedLines.contains($0) })
        let closing = join(closingLines)

        var doc = Document(id: input.id, title: meta.title, planTitle: meta.planTitle, docType: meta.docType,
                           region: meta.region, year: meta.year, issuer: meta.issuer, docNumber: meta.docNumber,
                           issueDate: meta.issueDate, publicationDate: meta.publicationDate, addressees: meta.addressees,
                           contact: meta.contact, disclosure: meta.disclosure, source: input.source,
                           text: input.normalized.text, preamble: preamble, closing: closing, clauses: clauses,
                           appendices: parts.map(\.appendix) + input.attachedAppendices, removed: input.removed)
        doc.metadataSources = meta.sources
        doc.place = RegionResolver.shared.resolve(region: meta.region, issuer: meta.issuer, titles: [meta.title, meta.planTitle],
                                                  lines: Array(lines.prefix(30)))
        if let raw = meta.subject {
            // As written; the classify stage normalises it to the code list (subject_classes.yml).
            doc.subject = DocumentSubject(code: nil, name: raw, source: .page, raw: raw,
                                          evidence: ["\(meta.sources["subject"] ?? "page-table"): 主题分类 \(raw)"])
        }
        doc.quality = QualityCheck.assess(doc, lines: lines, body: 0..<bodyEnd, layout: input.layout, metadata: meta)
        return doc
    }

    static let simplifiedKeys = ["發文機關": "发文机关", "標題": "标题", "發文字號": "发文字号", "發布日期": "发布日期",
                                 "發布機構": "发布机构", "主題分類": "主题分类", "索引號": "索引号", "公文種類": "公文种类"]

    /// `s` as it reads in the normalized text: where it occurs in an original line whose
    /// normalized line has the same length, the same span of the normalized line.
    static func normalized(_ s: String, lines: [String], originals: [String], sameLength: [Bool]? = nil,
                           simpleOriginals: [Bool]? = nil) -> String {
        let needle = s.wsTrimmed
        guard !needle.isEmpty, lines.count == originals.count else { return s }
        let same = sameLength ?? lines.indices.map { SimpleText.count(originals[$0]) == SimpleText.count(lines[$0]) }
        let simpleNeedle = SimpleText.isSimple(needle)
        for (i, o) in originals.enumerated() where same[i] {
            let simpleO = simpleOriginals.map { $0[i] } ?? SimpleText.isSimple(o)
            guard let r = simpleO && simpleNeedle ? SimpleText.simpleRange(of: needle, in: o) : SimpleText.range(of: needle, in: o) else { continue }
            let l = lines[i]
            if simpleO, SimpleText.isSimple(l), simpleNeedle {
                // One scalar a character: count scalars.
                let a = o.unicodeScalars.distance(from: o.startIndex, to: r.lowerBound), n = needle.unicodeScalars.count
                let us = l.unicodeScalars
                let from = us.index(us.startIndex, offsetBy: a)
                return String(us[from..<us.index(from, offsetBy: n)])
            }
            let a = o.distance(from: o.startIndex, to: r.lowerBound), n = needle.count
            return String(l[l.index(l.startIndex, offsetBy: a)..<l.index(l.startIndex, offsetBy: a + n)])
        }
        return s
    }

    static let fieldLine = try! NSRegularExpression(pattern: #"^\s*(?:牵头|责任|配合|主责|协办|参与|负责|承办|完成|时间|时限)[\p{Han}]{0,4}\s*[:：]"#)

    static func isFieldLine(_ line: String) -> Bool {
        let l = line.wsTrimmed
        return l.isEmpty || fieldLine.firstMatch(in: l, range: NSRange(location: 0, length: (l as NSString).length)) != nil
    }

    /// A paragraph about the document itself, or a signature/date line, ends the last clause.
    static func isClosing(_ line: String) -> Bool {
        let l = line.wsTrimmed
        if l.isEmpty { return false }
        let range = NSRange(location: 0, length: (l as NSString).length)
        if closingMarker.firstMatch(in: l, range: range) != nil { return true }
        if MetadataExtractor.first(MetadataExtractor.dateLine, l) != nil || MetadataExtractor.first(MetadataExtractor.chineseDate, l) != nil
            || MetadataExtractor.first(MetadataExtractor.orgThenDate, l) != nil { return true }
        return false
    }
}
