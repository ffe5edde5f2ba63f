// The TaskExtractor of main 27f5150, kept verbatim (type renamed, row extraction and
// public modifiers dropped) so that tests can pin the faster extractor against it.
import Foundation
import GazetteModel
@testable import GazetteCore

/// Finds the task facts inside a clause: responsible units with their role, deadlines and
/// numeric targets.
///
/// Units come from three places, most reliable first: responsible-unit notes in brackets
/// （市发展改革委、市财政局分别负责落实）, labelled lines 牵头单位：… 责任单位：…, and
/// units that open a sentence as its subject (市市场监管局作为…, 市政府办公厅会同…), which
/// get the role `mentioned`. `canonical` stays nil: the classify stage resolves names.
struct ReferenceTaskExtractor: Sendable {
    public init() {}

    /// A unit name: an administrative prefix, a short body, and an organisation suffix.
    static let unitBody = #"(?:各(?:区|县|区县|市|级|试点区|相关区)?|市|区|县|省|自治区|国家|[\p{Han}]{2,3}(?:省|市|区|县))[\p{Han}&&[^要应将的在对把被是于为]]{0,12}?(?:办公厅|办公室|委员会|管委会|领导小组|部门|单位|政府|局|委|办|厅|中心|署|院)"#
    static let unitWord = try! NSRegularExpression(pattern: "^" + unitBody + "$")

    /// A bracketed note: （…负责落实） / (…牵头,…负责落实) / （…配合）.
    static let note = try! NSRegularExpression(pattern: #"[（(]([^（）()]{2,200}?(?:落实|负责|牵头|配合|参与|承担|实施|推进))[)）]"#)

    /// Labelled unit fields of task lists and tables.
    static let labelled = try! NSRegularExpression(pattern: #"(牵头单位|主责单位|责任单位|负责单位|承办单位|配合单位|协办单位|参与单位|责任部门|牵头部门|配合部门)\s*[:：]\s*([^:：\n。（）()]+?)(?=(?:牵头单位|主责单位|责任单位|负责单位|承办单位|配合单位|协办单位|参与单位|责任部门|牵头部门|配合部门|完成时限|完成时间|时间节点|时限)\s*[:：]|[。\n（）()]|$)"#)

    /// Units opening a sentence, followed by what they do.
    static let subject = try! NSRegularExpression(pattern:
        #"(?:^|(?<=[。；;！？?\n]))由?("# + unitBody + #"(?:、"# + unitBody + #")*)(?=要|应|将|会同|作为|负责|牵头|按照|定期|及时|统一|组织|牵头|依托|联合|印发|开设|制定|出台|建立|加强|做好)"#)

    static let deadline = try! NSRegularExpression(pattern:
        #"(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|中旬|上旬|下旬)?|年底|年末|年中|上半年|下半年|第?[一二三四1-4]季度(?:末)?)(?:前|以前)|\d{1,3}个工作日内|(?<![一今])年内|(?:\d{4}年)(?:底|年底)前?"#)

    static let target = try! NSRegularExpression(pattern:
        #"(?:每年|每季度|每月|每半年|每周|年内|全年|(?:比例|比重|覆盖率|公开率|办结率|满意度)[\p{Han}]{0,2})?(?:不少于|不低于|不得少于|不得低于|至少|不超过|不高于|达到|超过|高于)[\p{Han}]{0,4}?\d+(?:\.\d+)?\s*(?:%|％|个百分点|个工作日|个|次|项|家|件|条|篇|期|场|天|人次|人|万|亿|小时|名|所|种|类|批|份|轮|户|位|分)?"#)

    static let labelledDeadline = try! NSRegularExpression(pattern: #"(?:完成时限|完成时间|时间节点|时限要求|时限)\s*[:：]\s*([^。；;\n（）()]{2,30})"#)


    func extract(_ text: String) -> TaskExtractor.Facts {
        var facts = TaskExtractor.Facts()
        var seen = Set<String>()
        func add(_ name: String, _ role: UnitMention.Role) {
            guard let n = Self.cleanUnit(name), !seen.contains(n + "|" + role.rawValue) else { return }
            // A unit already named with a definite role is not added again as merely mentioned.
            if role == .mentioned, facts.units.contains(where: { $0.name == n }) { return }
            seen.insert(n + "|" + role.rawValue)
            facts.units.append(UnitMention(name: n, role: role))
        }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        let cues = ReferenceCues(text)
        var prose = text
        // Replacing simple matches of simple text by 。 keeps the prose simple.
        let simple = cues.subject && SimpleText.isSimple(text)
        // 1. bracketed notes
        if cues.note {
            for m in Self.note.matches(in: text, range: whole) {
                let body = ns.substring(with: m.range(at: 1))
                let parsed = Self.parseNote(body)
                guard !parsed.isEmpty else { continue }
                for (n, r) in parsed { add(n, r) }
                if cues.subject { prose = SimpleText.replacingAll(prose, ns.substring(with: m.range), with: "。", knownSimple: simple) }
            }
        }
        // 2. labelled fields
        if cues.labelled {
            for m in Self.labelled.matches(in: text, range: whole) {
                let label = ns.substring(with: m.range(at: 1))
                let role: UnitMention.Role = label.hasPrefix("牵头") || label.hasPrefix("主责") ? .lead
                    : (label.hasPrefix("配合") || label.hasPrefix("协办") || label.hasPrefix("参与") ? .cooperating : .responsible)
                for n in Self.splitUnits(ns.substring(with: m.range(at: 2)), separators: Self.fieldSeparators) { add(n, role) }
                if cues.subject { prose = SimpleText.replacingAll(prose, ns.substring(with: m.range), with: "。", knownSimple: simple) }
            }
        }
        // 3. sentence subjects (replacing a match by 。 creates no new suffix-verb pair). A match
        // starts a sentence and stays inside it: each cued sentence is matched on its own.
        if cues.subject {
            for sentence in ReferenceCues.subjectSentences(prose) {
                let sns = sentence as NSString
                guard let m = Self.subject.firstMatch(in: sentence, options: .anchored, range: NSRange(location: 0, length: sns.length)) else { continue }
                for n in Self.splitUnits(sns.substring(with: m.range(at: 1)), separators: Self.enumeration) { add(n, .mentioned) }
            }
        }
        let labelledDeadlines = !cues.labelledDeadline ? [] : Self.labelledDeadline.matches(in: text, range: whole).map {
            ns.substring(with: $0.range(at: 1)).wsTrimmed
        }
        let deadlines = !cues.deadline ? [] : Self.deadline.matches(in: text, range: whole).map { ns.substring(with: $0.range) }
        facts.deadlines = Self.unique(labelledDeadlines + deadlines)
        facts.targets = !cues.target ? [] : Self.unique(Self.target.matches(in: text, range: whole).map { ns.substring(with: $0.range) })
        return facts
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
        for tail in unitTails {
            if let cut = SimpleText.droppingSuffix(n, tail), SimpleText.count(n) > tail.count + 1 { n = cut; break }
        }
        n = stripVerb(n)
        let count = SimpleText.count(n)
        guard count >= 2, count <= 30 else { return nil }
        if mayBeUnitWord(n) {
            let range = NSRange(location: 0, length: (n as NSString).length)
            if unitWord.firstMatch(in: n, range: range) != nil { return n }
        }
        // Other organisation names in notes: 中关村管委会, 北京经济技术开发区管委会.
        if orgSuffixes.contains(where: { SimpleText.hasSuffix(n, $0) }), n.unicodeScalars.allSatisfy({ $0.properties.isIdeographic }) { return n }
        return nil
    }

    static let unitTails = ["等相关部门", "等有关部门", "等相关单位", "等有关单位", "等部门", "等单位", "等"]
    static let orgSuffixes = ["管委会", "委员会", "办公厅", "办公室", "政府", "局", "委", "办", "厅", "中心", "署", "院", "部", "集团", "公司", "单位"]

    /// A necessary condition for `unitWord`: the name ends with the last character of a unit
    /// suffix (厅 室 会 组 门 位 府 局 委 办 心 署 院), or with a line break, before which `$` matches too.
    static func mayBeUnitWord(_ n: String) -> Bool {
        guard let last = n.unicodeScalars.last?.value else { return false }
        switch last {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return ReferenceCues.isUnitLast(last)
        }
    }

    static func unique(_ xs: [String]) -> [String] {
        var seen = Set<String>(); return xs.filter { seen.insert($0).inserted }
    }
}


// The Cues of main 27f5150 (renamed), which ReferenceTaskExtractor uses.
struct ReferenceCues {
    /// A closing bracket right after the last character of a note verb (落实）, 负责) …).
    var note = false
    /// A colon and 位/门 (牵头单位：, 责任部门：).
    var labelled = false
    /// A unit suffix right before the first character of a subject verb (市财政局负责 …).
    var subject = false
    /// A colon and 限/间/点 (完成时限：, 时间节点：).
    var labelledDeadline = false
    /// 前 after 月 日 底 末 旬 中 年 度 or 以 (3月底前, 上半年前, 第二季度前, 6月以前), 内 after
    /// 日 or 年 (10个工作日内, 年内), 底 after 年 (2023年底).
    var deadline = false
    /// 于 after 少 低 or 高, 少 after 至, 过 after 超, 到 after 达 (不少于, 至少, 超过, 达到).
    var target = false

    /// Last characters of the note verbs 落实 负责 牵头 配合 参与 承担 实施 推进.
    @inline(__always) static func isNoteLast(_ v: UInt32) -> Bool {
        switch v { case 0x5B9E, 0x8D23, 0x5934, 0x5408, 0x4E0E, 0x62C5, 0x65BD, 0x8FDB: return true; default: return false }
    }
    /// Last characters of the unit suffixes (办公厅, 委员会, 领导小组, 部门, 单位, 政府, 局 …).
    @inline(__always) static func isUnitLast(_ v: UInt32) -> Bool {
        switch v { case 0x5385, 0x5BA4, 0x4F1A, 0x7EC4, 0x95E8, 0x4F4D, 0x5E9C, 0x5C40, 0x59D4, 0x529E, 0x5FC3, 0x7F72, 0x9662: return true; default: return false }
    }
    /// First characters of the verbs that may follow a subject unit (要, 应, 将, 会同, 负责 …).
    @inline(__always) static func isVerbFirst(_ v: UInt32) -> Bool {
        switch v { case 0x8981, 0x5E94, 0x5C06, 0x4F1A, 0x4F5C, 0x8D1F, 0x7275, 0x6309, 0x5B9A, 0x53CA, 0x7EDF, 0x7EC4, 0x4F9D, 0x8054, 0x5370, 0x5F00, 0x5236, 0x51FA, 0x5EFA, 0x52A0, 0x505A: return true; default: return false }
    }

    /// What stands before 前 in a deadline: 月 日 底 末 旬 中 年 度 以.
    @inline(__always) static func isBeforeDeadlineEnd(_ v: UInt32) -> Bool {
        switch v { case 0x6708, 0x65E5, 0x5E95, 0x672B, 0x65EC, 0x4E2D, 0x5E74, 0x5EA6, 0x4EE5: return true; default: return false }
    }

    /// 。；;！？?\n: where the subject pattern may start a match, which it never crosses.
    @inline(__always) static func isSentenceEnd(_ v: UInt32) -> Bool {
        switch v { case 0x3002, 0xFF1B, 0x3B, 0xFF01, 0xFF1F, 0x3F, 0x0A: return true; default: return false }
    }

    /// The sentences of `text` that hold a unit suffix right before a verb: the only places
    /// where a match of the subject pattern can start (at the start of the sentence) and end.
    static func subjectSentences(_ text: String) -> [String] {
        let u = text.unicodeScalars
        var out: [String] = []
        var start = u.startIndex, i = u.startIndex
        var prev: UInt32 = 0, cued = false
        while i < u.endIndex {
            let v = u[i].value
            if isSentenceEnd(v) {
                if cued { out.append(String(u[start..<i])) }
                start = u.index(after: i); cued = false; prev = 0
            } else {
                if !cued, isVerbFirst(v), isUnitLast(prev) { cued = true }
                prev = v
            }
            i = u.index(after: i)
        }
        if cued { out.append(String(u[start..<u.endIndex])) }
        return out
    }

    init(_ text: String) {
        var prev: UInt32 = 0
        var colon = false, unitWord = false, deadlineWord = false
        for u in text.unicodeScalars {
            let v = u.value
            switch v {
            case 0x3A, 0xFF1A: colon = true                   // : ：
            case 0x29, 0xFF09: if Self.isNoteLast(prev) { note = true }   // ) ）
            case 0x4F4D, 0x95E8: unitWord = true              // 位 门
            case 0x9650, 0x95F4, 0x70B9: deadlineWord = true  // 限 间 点
            case 0x524D: if Self.isBeforeDeadlineEnd(prev) { deadline = true }  // 前
            case 0x5185: if prev == 0x65E5 || prev == 0x5E74 { deadline = true }  // 内 after 日 年
            case 0x5E95: if prev == 0x5E74 { deadline = true }  // 底 after 年
            case 0x4E8E: if prev == 0x5C11 || prev == 0x4F4E || prev == 0x9AD8 { target = true }  // 于 after 少 低 高
            case 0x5C11: if prev == 0x81F3 { target = true }   // 少 after 至
            case 0x8FC7: if prev == 0x8D85 { target = true }   // 过 after 超
            case 0x5230: if prev == 0x8FBE { target = true }   // 到 after 达
            default: break
            }
            if !subject, Self.isVerbFirst(v), Self.isUnitLast(prev) { subject = true }
            prev = v
        }
        labelled = colon && unitWord
        labelledDeadline = colon && deadlineWord
    }
}
