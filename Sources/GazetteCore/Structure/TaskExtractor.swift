import Foundation
import GazetteModel

/// Finds the task facts inside a clause: responsible units with their role, deadlines and
/// numeric targets.
///
/// Units come from three places, most reliable first: responsible-unit notes in brackets
/// （市发展改革委、市财政局分别负责落实）, labelled lines 牵头单位：… 责任单位：…, and
/// units that open a sentence as its subject (市市场监管局作为…, 市政府办公厅会同…), which
/// get the role `mentioned`. `canonical` stays nil: the classify stage resolves names.
public struct TaskExtractor: Sendable {
    public init() {}

    /// A unit name: an administrative prefix, a short body, and an organisation suffix.
    static let unitBody = #"(?:各(?:区|县|区县|市|级|试点区|相关区)?|市|区|县|省|自治区|国家|[\p{Han}]{2,3}(?:省|市|区|县))[\p{Han}&&[^要应将的在对把被是于为]]{0,12}?(?:办公厅|办公室|委员会|管委会|领导小组|部门|单位|政府|局|委|办|厅|中心|署|院)"#
    static let unitWord = try! NSRegularExpression(pattern: "^" + unitBody + "$")

    /// A bracketed note: （…负责落实） / (…牵头,…负责落实) / （…配合）.
    static let note = try! NSRegularExpression(pattern: #"[（(]([^（）()]{2,200}?(?:落实|负责|牵头|配合|参与|承担|实施|推进))[)）]"#)

    /// Labelled unit fields of task lists and tables, also in square brackets (【牵头单位：…】).
    static let labelled = try! NSRegularExpression(pattern: #"(牵头单位|主责单位|责任单位|负责单位|承办单位|配合单位|协办单位|参与单位|责任部门|牵头部门|配合部门)\s*[:：]\s*([^:：\n。（）()【】\[\]]+?)(?=(?:牵头单位|主责单位|责任单位|负责单位|承办单位|配合单位|协办单位|参与单位|责任部门|牵头部门|配合部门|完成时限|完成时间|时间节点|时限)\s*[:：]|[。\n（）()【】\[\]]|$)"#)

    /// Units opening a sentence, followed by what they do.
    static let subject = try! NSRegularExpression(pattern:
        #"(?:^|(?<=[。；;！？?\n]))由?("# + unitBody + #"(?:、"# + unitBody + #")*)(?=要|应|将|会同|作为|负责|牵头|按照|定期|及时|统一|组织|牵头|依托|联合|印发|开设|制定|出台|建立|加强|做好)"#)

    static let deadline = try! NSRegularExpression(pattern:
        #"(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|中旬|上旬|下旬)?|年底|年末|年中|上半年|下半年|第?[一二三四1-4]季度(?:末)?)(?:前|以前)|\d{1,3}个工作日内|(?<![一今])年内|(?:\d{4}年)(?:底|年底)前?"#)

    static let target = try! NSRegularExpression(pattern:
        #"(?:每年|每季度|每月|每半年|每周|年内|全年|(?:比例|比重|覆盖率|公开率|办结率|满意度)[\p{Han}]{0,2})?(?:不少于|不低于|不得少于|不得低于|至少|不超过|不高于|达到|超过|高于)[\p{Han}]{0,4}?\d+(?:\.\d+)?\s*(?:%|％|个百分点|个工作日|个|次|项|家|件|条|篇|期|场|天|人次|人|万|亿|小时|名|所|种|类|批|份|轮|户|位|分)?"#)

    static let labelledDeadline = try! NSRegularExpression(pattern: #"(?:完成时限|完成时间|时间节点|时限要求|时限)\s*[:：]\s*([^。；;\n（）()]{2,30})"#)

    /// Facts found in one clause.
    public struct Facts: Equatable, Sendable {
        public var units: [UnitMention] = []
        public var deadlines: [String] = []
        public var targets: [String] = []
    }

    public func extract(_ text: String) -> Facts {
        var facts = Facts()
        var seen = Set<String>()
        func add(_ name: String, _ role: UnitMention.Role) {
            guard let n = Self.cleanUnit(name), !seen.contains(n + "|" + role.rawValue) else { return }
            // A unit already named with a definite role is not added again as merely mentioned.
            if role == .mentioned, facts.units.contains(where: { $0.name == n }) { return }
            seen.insert(n + "|" + role.rawValue)
            facts.units.append(UnitMention(name: n, role: role))
        }
        // One pass finds the cues, the notes, the pieces the other patterns run on, and the
        // sentences a subject may open.
        let scan = TaskScan.scan(text)
        let cues = scan.cues
        // Matches of notes and labelled fields become 。 in the prose the subjects are read from:
        // bytes while the text is simple, a string otherwise.
        var simple: Bool?
        var proseBytes: [UInt8]?, proseText: String?
        func replace(_ match: String) {
            guard cues.subject else { return }
            if simple == nil { simple = SimpleText.isSimple(text) }
            if simple == true { proseBytes = TaskScan.replacingAll(proseBytes ?? Array(text.utf8), Array(match.utf8), with: Self.stop) }
            else { proseText = SimpleText.replacingAll(proseText ?? text, match, with: "。") }
        }
        // 1. bracketed notes
        for m in scan.notes {
            let parsed = Self.parseNote(m.body)
            guard !parsed.isEmpty else { continue }
            for (n, r) in parsed { add(n, r) }
            replace(m.match)
        }
        // The other patterns run only on the pieces of the clause that hold their cues.
        let pieces = scan.pieces
        // 2. labelled fields
        for piece in pieces.labelled {
            Self.forEachMatch(Self.labelled, in: piece) { sub in
                let label = sub(1)
                let role: UnitMention.Role = label.hasPrefix("牵头") || label.hasPrefix("主责") ? .lead
                    : (label.hasPrefix("配合") || label.hasPrefix("协办") || label.hasPrefix("参与") ? .cooperating : .responsible)
                for n in Self.splitUnits(sub(2), separators: Self.fieldSeparators) { add(n, role) }
                replace(sub(0))
            }
        }
        // 3. sentence subjects (replacing a match by 。 creates no new suffix-verb pair). A match
        // starts a sentence and stays inside it: each cued sentence is matched on its own.
        if cues.subject {
            let sentences = proseBytes.map { p in p.withUnsafeBufferPointer { TaskScan.subjectSentences($0) } }
                ?? proseText.map { TaskScan.subjectSentences($0) } ?? scan.sentences
            for sentence in sentences {
                let sns = sentence as NSString
                guard let m = Self.subject.firstMatch(in: sentence, options: .anchored, range: NSRange(location: 0, length: sns.length)) else { continue }
                for n in Self.splitUnits(sns.substring(with: m.range(at: 1)), separators: Self.enumeration) { add(n, .mentioned) }
            }
        }
        var deadlines: [String] = []
        for piece in pieces.labelledDeadline {
            Self.forEachMatch(Self.labelledDeadline, in: piece) { sub in deadlines.append(sub(1).wsTrimmed) }
        }
        for piece in pieces.deadline {
            Self.forEachMatch(Self.deadline, in: piece) { sub in deadlines.append(sub(0)) }
        }
        facts.deadlines = Self.unique(deadlines)
        var targets: [String] = []
        for piece in pieces.target {
            Self.forEachMatch(Self.target, in: piece) { sub in targets.append(sub(0)) }
        }
        facts.targets = Self.unique(targets)
        return facts
    }

    static let stop = Array("。".utf8)

    /// Calls `body` with each match of `regex` in `text` and a function giving a group's text.
    static func forEachMatch(_ regex: NSRegularExpression, in text: String, _ body: ((Int) -> String) -> Void) {
        let ns = text as NSString
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            body { ns.substring(with: m.range(at: $0)) }
        }
    }

    /// Units and roles of one note body: "市网信办、市政府办公厅牵头,各区政府、市政府各部门负责落实".
    static func parseNote(_ body: String) -> [(String, UnitMention.Role)] {
        var out: [(String, UnitMention.Role)] = []
        for part in SimpleText.split(body, separators: noteSeparators) {
            var p = part.wsTrimmed
            let has = { SimpleText.contains(p, $0) }
            let role: UnitMention.Role
            if has("牵头") { role = .lead }
            else if has("分别负责") || has("按职责分工负责") || has("按职责负责") { role = .eachResponsible }
            else if has("配合") || has("参与") || has("协助") { role = .cooperating }
            else if has("负责") || has("落实") || has("承担") { role = .responsible }
            else { continue }
            // "A会同B负责": A leads, B cooperates.
            if let r = SimpleText.range(of: "会同", in: p) {
                let lead = String(p[..<r.lowerBound])
                for n in splitUnits(lead, separators: enumeration) { out.append((n, .lead)) }
                p = String(p[r.upperBound...])
                for n in splitUnits(stripVerb(p), separators: enumeration) { out.append((n, .cooperating)) }
                continue
            }
            let names = splitUnits(stripVerb(p), separators: enumeration)
            // A part whose first name is not a unit is prose, not a note.
            guard let first = names.first, cleanUnit(first) != nil else { continue }
            for n in names { out.append((n, role)) }
        }
        return out
    }

    static let noteSeparators = Set("，,；;".unicodeScalars)

    static let verbs = ["分别牵头落实", "分别负责落实", "按职责分工负责落实", "按职责分工负责", "按职责负责", "牵头负责", "牵头落实", "负责落实", "配合落实",
                        "分别牵头", "分别负责", "共同负责", "牵头", "负责", "配合", "参与", "协助", "落实", "承担", "实施", "推进"]

    static let verbBytes = verbs.map { Array($0.utf8) }

    static func stripVerb(_ s: String) -> String {
        var t = s.wsTrimmed
        if SimpleText.isSimple(t) {
            // One scalar a character: cut the verbs' bytes off the end.
            var end = t.utf8.count
            let cut: Int = t.withUTF8 { b in
                var changed = true
                while changed {
                    changed = false
                    for v in verbBytes where v.count <= end && UnsafeBufferPointer(rebasing: b[(end - v.count)..<end]).elementsEqual(v) {
                        end -= v.count; changed = true; break
                    }
                }
                return end
            }
            return cut == t.utf8.count ? t : String(t.utf8.prefix(cut))!
        }
        var changed = true
        while changed {
            changed = false
            for v in verbs { if let s = SimpleText.droppingSuffix(t, v) { t = s; changed = true; break } }
        }
        return t
    }

    static let enumeration = Set("、".unicodeScalars)
    static let fieldSeparators = Set("、，,；; ".unicodeScalars)
    static let cellSeparators = Set("、，,；; \n".unicodeScalars)

    static func splitUnits(_ s: String, separators: Set<Unicode.Scalar>) -> [String] {
        SimpleText.split(s, separators: separators).map { $0.wsTrimmed }.filter { !$0.isEmpty }
    }

    /// A unit name without list tails (等相关部门) and leading 由; nil when it is not a unit.
    static func cleanUnit(_ raw: String) -> String? {
        var n = raw.wsTrimmed
        if n.hasPrefix("由") { n = String(n.dropFirst()) }
        // Simple names (and their pieces) compare by bytes: one check instead of one per affix.
        let simple = SimpleText.isSimple(n)
        if simple {
            let scalars = SimpleText.scalarCount(n)
            for (tail, length) in unitTailBytes where scalars > length + 1 && n.utf8.count >= tail.count && n.utf8.reversed().starts(with: tail.reversed()) {
                n = String(n.utf8.dropLast(tail.count))!; break
            }
        } else {
            for tail in unitTails {
                if let cut = SimpleText.droppingSuffix(n, tail), SimpleText.count(n) > tail.count + 1 { n = cut; break }
            }
        }
        n = stripVerb(n)
        let count = simple ? SimpleText.scalarCount(n) : SimpleText.count(n)
        guard count >= 2, count <= 30 else { return nil }
        if mayBeUnitWord(n) {
            if let fast = TaskScan.isUnitWord(n) { if fast { return n } }
            else if unitWord.firstMatch(in: n, range: NSRange(location: 0, length: (n as NSString).length)) != nil { return n }
        }
        // Other organisation names in notes: 中关村管委会, 北京经济技术开发区管委会, and the
        // national bodies' short names (人民银行、银保监会、证监会负责; 全国妇联, 全国工商联).
        let org = simple ? orgSuffixBytes.contains(where: { n.utf8.count >= $0.count && n.utf8.reversed().starts(with: $0.reversed()) })
            : orgSuffixes.contains(where: { SimpleText.hasSuffix(n, $0) })
        if org, n.unicodeScalars.allSatisfy({ $0.properties.isIdeographic }) { return n }
        return nil
    }

    static let unitTails = ["等相关部门", "等有关部门", "等相关单位", "等有关单位", "等部门", "等单位", "等"]
    static let orgSuffixes = ["管委会", "委员会", "办公厅", "办公室", "政府", "局", "委", "办", "厅", "中心", "署", "院", "部", "集团", "公司", "单位",
                              "监会", "银行", "妇联", "工商联", "残联", "科协"]
    static let unitTailBytes = unitTails.map { (Array($0.utf8), $0.unicodeScalars.count) }
    static let orgSuffixBytes = orgSuffixes.map { Array($0.utf8) }

    /// A necessary condition for `unitWord`: the name ends with the last character of a unit
    /// suffix (厅 室 会 组 门 位 府 局 委 办 心 署 院), or with a line break, before which `$` matches too.
    static func mayBeUnitWord(_ n: String) -> Bool {
        guard let last = n.unicodeScalars.last?.value else { return false }
        switch last {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return Cues.isUnitLast(last)
        }
    }

    static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>(); return xs.filter { seen.insert($0).inserted }
    }
}

extension TaskExtractor {
    /// Facts of a task-table row: its unit columns with their roles, its deadline column,
    /// and whatever the task cell itself says.
    public func extract(row: TableReader.Row) -> Facts {
        var facts = extract(row.cell(.task) ?? "")
        var named = Set(facts.units.map(\.name))
        for (col, role) in [(TableReader.Column.lead, UnitMention.Role.lead), (.responsible, .responsible), (.cooperating, .cooperating)] {
            guard let cell = row.cell(col) else { continue }
            for raw in Self.splitUnits(cell, separators: Self.cellSeparators) {
                guard let n = Self.cleanUnit(raw) ?? (raw.count >= 2 && raw.count <= 30 ? raw : nil), named.insert(n).inserted else { continue }
                facts.units.append(UnitMention(name: n, role: role))
            }
        }
        if let d = row.cell(.deadline) { facts.deadlines = [d] + facts.deadlines.filter { $0 != d } }
        // Units named in the task cell itself are only mentions when columns name units.
        return facts
    }
}
