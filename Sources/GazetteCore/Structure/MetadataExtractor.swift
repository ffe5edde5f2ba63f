import Foundation
import GazetteModel

/// Reads the header metadata of a document: title and wrapped plan title, issuer, dates,
/// document number, addressees, contact lines, disclosure note, region, year and type.
///
/// Sources, most trusted first: the HTML page's metadata table (发文机关 / 成文日期 /
/// 发文字号), the header lines before the first clause (notice title, number line,
/// addressee line, signature + date block), the lines after the body, the page title, and
/// finally what the title implies (苏州市…年度报告 → issuer 苏州市人民政府).
public struct MetadataExtractor: Sendable {
    /// What the extractor found, and which header lines it used up.
    public struct Metadata: Equatable, Sendable {
        public var title = ""
        public var planTitle = ""
        public var docType: DocType = .other
        public var region: String?
        public var year: Int?
        public var issuer: String?
        public var docNumber: String?
        public var issueDate: String?
        public var publicationDate: String?
        public var addressees: [String] = []
        public var contact: [String] = []
        public var disclosure: String?
        /// The page's subject class (主题分类) as written, where its metadata table or crawler header gives one.
        public var subject: String?
        /// Header lines that are metadata, not preamble text.
        public var usedLines: Set<Int> = []
        /// Where each field came from: `page-table`, `crawler-header`, `front-matter`,
        /// `page-title`, `body` (the document's own lines), `title` (implied by it), `derived`.
        public var sources: [String: String] = [:]
        /// The document number and signing date the document's own lines give, whatever
        /// the page table says (for the disagreement warning).
        public var ownDocNumber: String?
        public var ownIssueDate: String?
    }

    public init() {}

    static func re(_ p: String) -> NSRegularExpression { try! NSRegularExpression(pattern: p) }
    static let noticeTitle = re(#"^.{0,60}(?:关于.{2,100}|(?:印发|转发)《.{2,100}》)的(?:指导|实施|若干)?(通知|意见|决定|决议|批复|函|通报|公告|报告|复函)$"#)
    static let docNumber = re(#"^([\p{Han}]{1,14})\s*[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(\d{1,5})\s*号$"#)
    /// Decrees are numbered without a year: 上海市人民政府令第26号.
    static let decreeNumber = re(#"^[\p{Han}]{2,20}令\s*第\s*\d{1,4}\s*号$"#)
    static let dateLine = re(#"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$"#)
    /// A date glued to the title that follows it (a lost line break): 2023年3月31日2023年…要点.
    static let dateThenTitle = re(#"^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(\S.{3,68})$"#)
    /// An issuer's name: an office ending in 政府/办公厅/局/委 …; 国务院 and the ministries (外交部) are shorter.
    static let organisation = #"(?:[\p{Han}（）()]{3,40}(?:人民政府|政府|办公厅|办公室|委员会|管委会|局|厅|委|办|部|院|中心|小组)|国务院|[\p{Han}]{2,9}部)"#
    static let orgThenDate = re("^(" + organisation + #")\s+("# + fullDate + "|" + chineseFullDate + ")$")
    static let chineseDate = re(#"^([〇零○O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$"#)
    static let anyDate = re(#"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})"#)
    /// An issuer's name alone on a line.
    static let orgLine = re("^" + organisation + "$")
    static let titleEnd = re(#"(工作要点|要点|工作计划|计划|实施方案|行动方案|工作方案|方案|年度报告|报告|公报|规划|办法|规定|细则|条例|意见|通知|决定|指南|目录|清单|措施|纲要|安排|任务分工)$"#)
    static let disclosureLine = re(#"^[（(]?\s*((?:此件|本件|此文)[^）)]{0,16})\s*[）)]?$"#)
    static let contactLine = re(#"(联系人|联系电话|联系方式|咨询电话|联系单位)"#)
    static let year = re(#"(\d{4})\s*年"#)

    static let fullDate = #"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"#
    static let chineseFullDate = #"[〇零○O一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"#
    /// Regulations' passage history under the title (local regulations, ministry rules):
    /// `2019年12月18日 台州市第五届人民代表大会常务委员会第二十四次会议通过`, `… 批准`, amendment
    /// lines naming more dates (`…通过并经2020年1月15日…批准的《…决定》修正`).
    static let passageLine = re("^(" + fullDate + #")\s*(\S.{2,300}?(?:会议|委员会))\s*(?:通过|批准)(?:.*(?:修正|修订|修改))?.*$"#)
    /// The body's legislature: <place>第N届人民代表大会常务委员会 → <place>人民代表大会常务委员会.
    static let legislature = re(#"^([\p{Han}]{2,12}?)第[一二三四五六七八九十百零〇\d]+届(人民代表大会(?:常务委员会)?)"#)
    /// A ministry rule's promulgation line: `2021年7月30日 国家市场监督管理总局令第45号公布`.
    static let decreeLine = re("^(" + fullDate + #")\s*(([\p{Han}]{2,20})令\s*第\s*\d{1,4}\s*号)\s*(?:公布|发布)$"#)
    /// A bracketed adoption line under a resolution's title: `（2021年3月11日第十三届全国人民代表大会第四次会议通过）`.
    static let adoptionLine = re(#"^[（(]\s*("# + fullDate + #")\s*([\p{Han}]{4,40}?会议)\s*通过\s*[）)]$"#)
    /// The date of a speech under its title: `——2022年3月5日在第十三届全国人民代表大会第五次会议上`.
    static let speechDateLine = re(#"^[—\-－]{1,2}\s*("# + fullDate + #")\s*在.{2,60}上$"#)
    /// A signature date run into the last sentence: `本规定自发布之日起施行。二O一一年四月十五日`.
    static let gluedDate = re(#"[。.]\s*("# + fullDate + "|" + chineseFullDate + #")$"#)
    /// An office's print note after the body: `XX厅办公室 2021年11月14日印发` — a date, not the issuer.
    static let printedLine = re(#"^(?:[\p{Han}（）()]{3,40}\s+)?("# + fullDate + #")\s*印发$"#)
    static let orgSuffix = #"(?:人民政府|政府|办公厅|办公室|委员会|管委会|总局|局|厅|委|办|部|院|中心|小组|调查队|队|署|行)"#
    /// An organisation alone in brackets closing a bulletin: `（万载县统计局）`.
    static let bracketOrg = re(#"^[（(]\s*([\p{Han}、]{3,40}"# + orgSuffix + #")\s*[）)]$"#)
    static let placeName = re(#"^[\p{Han}]{1,8}(?:省|市|县|区)$"#)
    static let orgName = re(#"^[\p{Han}（）()]{3,40}"# + orgSuffix + "$")
    /// A speaker line under a speech's title: `国务院总理` → 国务院.
    static let speakerLine = re(#"^([\p{Han}]{2,20}?)(?:副?总理|副?主席|副?部长|副?省长|副?市长|副?县长|副?区长|主任|发言人)$"#)
    /// A spokesperson's transcript title after its date: `2004年9月2日外交部发言人…` → 外交部.
    static let spokespersonTitle = re("^(?:" + fullDate + #")?\s*([\p{Han}]{2,20}?(?:部|委|局|办|院|署|厅))(?:新闻)?发言人"#)
    /// An annual report naming its compiler: `我区管委会办公室编制完成了本报告`.
    static let compilerLine = re(#"(?:我|本)(?:区|市|县|省|州|旗)([\p{Han}]{2,14}?(?:办公室|办公厅|管委会|委员会|局))(?:负责)?编制"#)
    static let regionToken = re(#"(?:^|年度?|《|印发|关于)([\p{Han}&&[^本全各我该城都省市关于印发年]][\p{Han}]{1,6}?(?:省|自治区|特别行政区|市))"#)
    static let districtToken = re(#"^([\p{Han}]{1,6}?(?:区|县|旗|市))(?=人民政府|政府|政务|办公|\d|年)"#)

    /// Keys of the metadata table of policy-library pages when it is flattened into the text
    /// (索 引 号：… 发文机关：… 成文日期：…), spaces inside the key allowed.
    static let fieldKeys = ["索引号", "主题分类", "发文机关", "发布机构", "发文单位", "成文日期", "发文字号", "文号", "发布日期", "发文日期", "生成日期", "标题", "公文种类", "主题词", "有效性"]
    /// Key, then a colon, a TAB or (where the clean stage turned TABs into spaces) a space,
    /// then the value up to the next key.
    static let fieldPattern: NSRegularExpression = {
        let keys = fieldKeys.map { $0.map { String($0) }.joined(separator: #"\s*"#) }.joined(separator: "|")
        return re("(" + keys + #")\s*(?:[:：]\s*|\s+)(.*?)\s*(?=\s(?:"# + keys + #")\s*(?:[:：]|\s)|\t|$)"#)
    }()

    /// Key/value fields of a flattened metadata table line; empty for other lines.
    static func fields(_ line: String) -> [(String, String)] {
        let ns = line as NSString
        return fieldPattern.matches(in: line, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            let key = ns.substring(with: m.range(at: 1)).replacingOccurrences(of: " ", with: "")
            let value = ns.substring(with: m.range(at: 2)).wsTrimmed
            return value.isEmpty ? nil : (key, value)
        }
    }

    static func first(_ re: NSRegularExpression, _ s: String) -> NSTextCheckingResult? {
        re.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length))
    }

    /// A necessary condition for a match of a pattern anchored at the end after `last`
    /// (日 of `dateLine`, `chineseDate` and `orgThenDate`, 号 of `docNumber`): the line's last
    /// scalar is `last`, or a line terminator, before which ICU's `$` also matches. Most
    /// header lines fail it, and skip the regular expression.
    @inline(__always)
    static func mayEnd(_ s: String, with last: Unicode.Scalar) -> Bool {
        guard let v = s.unicodeScalars.last else { return false }
        return v == last || (v.value >= 0x0A && v.value <= 0x0D) || v.value == 0x85 || v.value == 0x2028 || v.value == 0x2029
    }
    static func group(_ m: NSTextCheckingResult, _ i: Int, _ s: String) -> String {
        let r = m.range(at: i); return r.location == NSNotFound ? "" : (s as NSString).substring(with: r)
    }

    /// `header` holds the indices of lines before the first clause, `tail` those after the
    /// body (closing and signature) where a signature may stand instead.
    public func extract(lines: [String], header: Range<Int>, tail: Range<Int>, pageMetadata: [String: String],
                        pageTitle: String?, removed: [RemovedLine], headerFields: [HeaderField] = []) -> Metadata {
        var m = Metadata()
        /// A crawler-header or front-matter field, when it has a value.
        /// An empty field whose line ran into the next key (`文号: 发布机构: …`) has no value.
        func headerField(_ key: String, _ source: String) -> String? {
            headerFields.first { $0.key == key && $0.source == source && !$0.value.wsTrimmed.isEmpty }
                .map { $0.value.wsTrimmed }.flatMap { Self.first(Self.leadingKey, $0) == nil ? $0 : nil }
        }
        let t = lines.map { $0.wsTrimmed }
        var notice: (Int, String)? = nil
        var planLine: (Int, String)? = nil
        var signature: (String, String)? = nil   // issuer, date
        var headerDate: String? = nil
        var addresseeFound = false
        var textFields: [String: String] = [:]
        var consumed: Set<Int> = []
        var jointIssuer: String? = nil          // 万载县统计局 国家统计局万载调查队 under the title
        var historyIssuer: String? = nil, historyDate: String? = nil
        var decree: (number: String, issuer: String, date: String)? = nil
        var adoption: (issuer: String, date: String)? = nil
        var speaker: String? = nil, compiler: String? = nil
        for i in header {
            let l = t[i]
            if l.isEmpty || consumed.contains(i) { continue }
            // A flattened table with each key on a line of its own and the value on the next.
            if let key = Self.bareFieldKey(l), let k = Self.nextNonEmpty(t, after: i, before: header.upperBound),
               Self.bareFieldKey(t[k]) == nil, SimpleText.hasAtMost(t[k], 79), Self.fields(t[k]).isEmpty,
               Self.first(Self.noticeTitle, t[k]) == nil, Self.wrappedNoticeTitle(t, at: k, before: header.upperBound) == nil {
                if textFields[key] == nil { textFields[key] = t[k] }
                m.usedLines.formUnion([i, k]); consumed.insert(k); continue
            }
            let kv = Self.fields(lines[i])
            if !kv.isEmpty, kv.count >= 2 || SimpleText.hasAtMost(kv[0].1, 79) && l.hasPrefix(kv[0].0.prefix(1)) {
                for (k, v) in kv where textFields[k] == nil { textFields[k] = v }
                m.usedLines.insert(i); continue
            }
            if let p = Self.first(Self.decreeLine, l), let d = Self.dateOf(Self.group(p, 1, l)) {
                if decree == nil { decree = (Self.group(p, 2, l).replacingOccurrences(of: " ", with: ""), Self.group(p, 3, l), d) }
                m.usedLines.insert(i); continue
            }
            if let p = Self.first(Self.passageLine, l) {
                if historyIssuer == nil, let g = Self.first(Self.legislature, Self.group(p, 2, l).wsTrimmed) {
                    let body = Self.group(p, 2, l).wsTrimmed
                    historyIssuer = Self.group(g, 1, body) + Self.group(g, 2, body)
                }
                if let d = Self.latestPassageDate(l), historyDate.map({ d > $0 }) ?? true { historyDate = d }
                m.usedLines.insert(i); continue
            }
            if let p = Self.first(Self.adoptionLine, l), let d = Self.dateOf(Self.group(p, 1, l)) {
                if adoption == nil { adoption = (Self.group(p, 2, l), d) }
                if headerDate == nil { headerDate = d }
                m.usedLines.insert(i); continue
            }
            if let p = Self.first(Self.speechDateLine, l), let d = Self.dateOf(Self.group(p, 1, l)) {
                if headerDate == nil { headerDate = d }
                m.usedLines.insert(i); continue
            }
            if speaker == nil, SimpleText.hasAtMost(l, 24), let p = Self.first(Self.speakerLine, l),
               case let org = Self.group(p, 1, l), Self.first(Self.orgName, org) != nil || Self.isNationalBody(org)
                || Self.first(Self.placeName, org) != nil && ["省长", "市长", "县长", "区长"].contains(where: { l.hasSuffix($0) }) {
                // 国务院总理 → 国务院; 青州市市长 → 青州市人民政府.
                speaker = ["省", "市", "县", "区"].contains(where: { org.hasSuffix($0) }) ? Self.governmentName(org) : org; continue
            }
            if compiler == nil, let p = Self.first(Self.compilerLine, l) { compiler = Self.group(p, 1, l) }
            if jointIssuer == nil, let j = Self.jointOrganisations(l) {
                jointIssuer = j; m.usedLines.insert(i); continue
            }
            // A signature block run into the next line when line breaks were lost:
            // 某某市人民政府办公厅 2023年3月31日 2023年某某工作要点 2023年是…
            if signature == nil, let so = Self.first(Self.signatureThenText, l), let d = Self.dateOf(Self.group(so, 2, l)) {
                signature = (Self.group(so, 1, l), d)
                if headerDate == nil { headerDate = d }
                let next = Self.group(so, 3, l)
                if planLine == nil, SimpleText.hasAtMost(next, 70), !next.contains("。"), Self.first(Self.titleEnd, next) != nil { planLine = (i, next) }
                continue
            }
            if Self.mayEnd(l, with: "日"), let so = Self.first(Self.orgThenDate, l), let d = Self.dateOf(Self.group(so, 2, l)) {
                var org = Self.group(so, 1, l)
                // A joint signature stacks its issuers: 中共XX省委办公厅 / XX省人民政府办公厅 2016年12月28日.
                if let prev = Self.previousNonEmpty(t, before: i, from: header.lowerBound), !consumed.contains(prev),
                   Self.first(Self.orgLine, t[prev]) != nil, !m.usedLines.contains(prev) {
                    org = t[prev] + "、" + org; m.usedLines.insert(prev)
                }
                signature = (org, d)
                if headerDate == nil { headerDate = d }
                m.usedLines.insert(i); continue
            }
            if notice == nil, SimpleText.hasAtMost(l, 120), Self.first(Self.noticeTitle, l) != nil, !l.contains("。") {
                notice = (i, l); m.usedLines.insert(i); continue
            }
            if notice == nil, let (joined, parts) = Self.wrappedNoticeTitle(t, at: i, before: header.upperBound) {
                notice = (i, joined); m.usedLines.formUnion(parts); consumed.formUnion(parts); continue
            }
            if notice != nil, l == notice!.1 { m.usedLines.insert(i); continue }
            if m.docNumber == nil, Self.mayEnd(l, with: "号"), let d = Self.first(Self.docNumber, l) {
                m.docNumber = "\(Self.group(d, 1, l))〔\(Self.group(d, 2, l))〕\(Self.group(d, 3, l))号"
                m.usedLines.insert(i); continue
            }
            if m.docNumber == nil, Self.first(Self.decreeNumber, l) != nil {
                m.docNumber = l.replacingOccurrences(of: " ", with: ""); m.usedLines.insert(i); continue
            }
            if !addresseeFound, SimpleText.hasAtMost(l, 120), l.hasSuffix("：") || l.hasSuffix(":"), !l.contains("。"),
               l.contains("各") || l.contains("政府") || l.contains("部门") || l.contains("单位") {
                m.addressees = l.dropLast().split(whereSeparator: { "，,；;".contains($0) }).map { String($0).wsTrimmed }
                addresseeFound = true; m.usedLines.insert(i); continue
            }
            if planLine == nil, let g = Self.first(Self.dateThenTitle, l), case let rest = Self.group(g, 2, l),
               !rest.contains("。"), Self.first(Self.titleEnd, rest) != nil, let d = Self.dateOf(l) {
                if let prev = Self.previousNonEmpty(t, before: i, from: header.lowerBound), Self.first(Self.orgLine, t[prev]) != nil {
                    signature = (t[prev], d); m.usedLines.insert(prev)
                }
                if headerDate == nil { headerDate = d }
                planLine = (i, rest); m.usedLines.insert(i); continue
            }
            if Self.mayEnd(l, with: "日"), let d = Self.dateOf(l), Self.first(Self.dateLine, l) != nil || Self.first(Self.chineseDate, l) != nil {
                if let prev = Self.previousNonEmpty(t, before: i, from: header.lowerBound), Self.first(Self.orgLine, t[prev]) != nil {
                    signature = (Self.stackedSignature(t, at: prev, from: header.lowerBound, used: &m.usedLines), d)
                }
                if headerDate == nil { headerDate = d }
                m.usedLines.insert(i); continue
            }
            // "（2023年3月1日）" under a title dates the document when nothing is signed.
            if SimpleText.hasAtMost(l, 40), l.hasPrefix("（") || l.hasPrefix("("), let d = Self.dateOf(l), Self.first(Self.dateLine, Self.stripParens(l)) != nil {
                if headerDate == nil { headerDate = d }
                m.usedLines.insert(i); continue
            }
            if Self.first(Self.contactLine, l) != nil, SimpleText.hasAtMost(l, 120) {
                m.contact.append(Self.stripParens(l)); m.usedLines.insert(i); continue
            }
            if let d = Self.first(Self.disclosureLine, l), l.contains("公开") || l.contains("发布") {
                m.disclosure = Self.group(d, 1, l); m.usedLines.insert(i); continue
            }
            if planLine == nil, SimpleText.hasAtMost(l, 70), !l.contains("。"), !l.hasSuffix("："), !l.hasSuffix(":"), !Self.isTOCWord(l),
               Self.first(Self.titleEnd, l) != nil, Self.first(Self.orgLine, l) == nil || l.contains("年") {
                planLine = (i, l); m.usedLines.insert(i); continue
            }
        }
        // A signature block after the body; the body's last line too, where the date may be
        // run into the last sentence. A date alone (no issuer line above) still dates it.
        var signedDate: String? = nil, closingOrg: String? = nil
        var tailLines = Array(tail)
        if let last = Self.previousNonEmpty(t, before: tail.lowerBound, from: header.upperBound) { tailLines.insert(last, at: 0) }
        var unusedTail = Set<Int>()
        for i in tailLines {
            let l = t[i]
            if closingOrg == nil, let b = Self.first(Self.bracketOrg, l) { closingOrg = Self.group(b, 1, l) }
            if signature != nil { continue }
            if Self.mayEnd(l, with: "日"), let so = Self.first(Self.orgThenDate, l), let d = Self.dateOf(Self.group(so, 2, l)) {
                signature = (Self.group(so, 1, l), d); continue
            }
            if Self.mayEnd(l, with: "日"), Self.first(Self.dateLine, l) != nil || Self.first(Self.chineseDate, l) != nil, let d = Self.dateOf(l) {
                if let prev = Self.previousNonEmpty(t, before: i, from: tail.lowerBound), Self.first(Self.orgLine, t[prev]) != nil {
                    signature = (Self.stackedSignature(t, at: prev, from: tail.lowerBound, used: &unusedTail), d); continue
                }
                if signedDate == nil { signedDate = d }
                continue
            }
            if signedDate == nil, Self.mayEnd(l, with: "日"), let g = Self.first(Self.gluedDate, l) { signedDate = Self.dateOf(Self.group(g, 1, l)) }
            if signedDate == nil, let p = Self.first(Self.printedLine, l) { signedDate = Self.dateOf(Self.group(p, 1, l)) }
        }
        let cleanedPageTitle = pageTitle.map(Self.cleanPageTitle).flatMap { $0.isEmpty ? nil : $0 }
        let fieldTitle = Self.firstSourced([(pageMetadata["标题"], "page-table"), (textFields["标题"] ?? textFields["名称"], "page-table"),
                                            (headerField("标题", "crawler-header"), "crawler-header"),
                                            (headerField("标题", "front-matter"), "front-matter")]).map { ($0.0.wsTrimmed, $0.1) }
        // The document's own title: the longest notice title among the body's (lines joined),
        // the metadata table's or crawler header's, and the page's — a body line may hold only
        // part of it; then the table's / header's title, then the plan title line.
        let titleSource = [notice.map { ($0.1, "body") }, fieldTitle, cleanedPageTitle.map { ($0, "page-title") }].compactMap { $0 }
            .filter { Self.first(Self.noticeTitle, $0.0) != nil }
            .max { $0.0.count < $1.0.count }
        let wrapped = titleSource.flatMap { Self.bookTitle($0.0) }
        let title = titleSource ?? fieldTitle ?? Self.firstSourced([(planLine?.1, "body"), (cleanedPageTitle, "page-title"),
            (header.lazy.compactMap { Self.forwardedTitle(t[$0]) }.first, "body"),
            (t.indices.first(where: { !t[$0].isEmpty && !Self.isTOCWord(t[$0]) && !m.usedLines.contains($0) })
                .map { Self.wrappedTitle(t, at: $0, before: header.upperBound) ?? t[$0] }, "body")])
        m.title = title?.0 ?? ""
        m.sources["title"] = title?.1
        if let w = wrapped { m.planTitle = w } else if titleSource != nil, let p = planLine { m.planTitle = p.1 } else { m.planTitle = m.title }

        // Dates and numbers: page metadata first.
        var meta = textFields
        for (k, v) in pageMetadata { meta[k.replacingOccurrences(of: " ", with: "")] = v }
        func metaValue(_ keys: [String]) -> String? {
            for k in keys { if let v = meta[k]?.wsTrimmed, !v.isEmpty, Self.first(Self.leadingKey, v) == nil { return v } }
            return nil
        }
        if m.docNumber != nil { m.sources["doc_number"] = "body" }
        m.ownDocNumber = m.docNumber
        m.ownIssueDate = signature?.1 ?? signedDate
        if let (n, source) = Self.firstSourced([(metaValue(["发文字号", "文号", "发文号"]), "page-table"),
                                                (headerField("发文字号", "crawler-header"), "crawler-header")]) {
            if let d = Self.first(Self.docNumber, n) { m.docNumber = "\(Self.group(d, 1, n))〔\(Self.group(d, 2, n))〕\(Self.group(d, 3, n))号" } else { m.docNumber = n }
            m.sources["doc_number"] = source
        }
        if m.docNumber == nil, let d = decree { m.docNumber = d.number; m.sources["doc_number"] = "body" }
        // Issuer: the page table, the crawler's 发布机构 (a web site is no issuer), a joint issuer
        // line under the title (also when it names the table's issuer among others), the
        // signature, a bracketed organisation closing the text, the front matter's author, the
        // title, the regulation's promulgation or passage history, the adopting meeting, the
        // speaker; the region's government only as a last resort (below).
        let crawlerIssuer = headerField("发布机构", "crawler-header").flatMap { Self.isWebSite($0) ? nil : $0 }
        var issuer = Self.firstSourced([(metaValue(["发文机关", "发布机构", "发文单位", "发布机关"]), "page-table"), (crawlerIssuer, "crawler-header")])
        if let j = jointIssuer, issuer.map({ j.components(separatedBy: "、").contains($0.0) }) ?? true { issuer = (j, "body") }
        let frontAuthor = headerField("发布机构", "front-matter").flatMap { Self.isWebSite($0) ? nil : $0 }
        let issuers: [(String?, String)] = [(issuer?.0, issuer?.1 ?? ""), (signature?.0, "body"), (closingOrg, "body"), (frontAuthor, "front-matter"),
                                            (Self.issuerFromTitle(m.title), "title"), (decree?.issuer, "body"), (historyIssuer, "body"),
                                            (adoption?.issuer, "body"), (speaker, "body")]
        var chosenIssuer = Self.firstSourced(issuers)
        if chosenIssuer == nil, let o = Self.interpretingOrganisation(t) { chosenIssuer = (o, "body") }
        m.issuer = chosenIssuer?.0
        m.sources["issuer"] = chosenIssuer?.1
        // Issue date: the table's 成文日期, the signature, a dated line under the title, the
        // promulgation or passage history, the table's other dates, the crawler's 发布时间, the
        // front matter's date, a date the title starts with.
        let titleLeadDate: String? = Self.first(Self.titleDate, m.title).flatMap { Self.dateOf(Self.group($0, 1, m.title)) }
        let dates: [(String?, String)] = [(metaValue(["成文日期", "印发日期"]).flatMap(Self.dateOf), "page-table"), (signature?.1, "body"),
                                          (signedDate, "body"), (headerDate, "body"), (decree?.date, "body"), (historyDate, "body"),
                                          (metaValue(["发文日期", "生成日期", "发布日期"]).flatMap(Self.dateOf), "page-table"),
                                          (headerField("发布日期", "crawler-header").flatMap(Self.dateOf), "crawler-header"),
                                          (headerField("发布日期", "front-matter").flatMap(Self.dateOf), "front-matter"), (titleLeadDate, "title")]
        let chosenDate = Self.firstSourced(dates)
        m.issueDate = chosenDate?.0
        m.sources["issue_date"] = chosenDate?.1
        // The subject class as the page writes it (normalised to the code list by the classify stage).
        if let (v, source) = Self.firstSourced([(metaValue(["主题分类"]), "page-table"), (headerField("主题分类", "crawler-header"), "crawler-header"),
                                                (headerField("主题分类", "front-matter"), "front-matter")]),
           SimpleText.hasAtMost(v, 60) {
            m.subject = v
            m.sources["subject"] = source
        }
        m.publicationDate = metaValue(["发布日期", "发布时间", "公开日期"]).flatMap(Self.dateOf)
            ?? removed.lazy.filter { $0.rule.contains("source") }.compactMap { Self.dateOf($0.text) }.first
        m.region = Self.region(issuer: m.issuer, titles: [m.planTitle, m.title])
        if m.region != nil { m.sources["region"] = "derived" }
        if m.issuer == nil, let c = compiler, let r = m.region { m.issuer = r + c; m.sources["issuer"] = "body" }
        if m.issuer == nil, let r = m.region, r != "全国" { m.issuer = Self.governmentName(r); m.sources["issuer"] = "derived" }
        let titleYear = [m.planTitle, m.title].lazy.compactMap { s in Self.first(Self.year, s).flatMap { Int(Self.group($0, 1, s)) } }.first
        m.year = titleYear ?? m.issueDate.flatMap { Int($0.prefix(4)) }
        if m.year != nil { m.sources["year"] = titleYear != nil ? "title" : "derived" }
        m.docType = Self.docType(title: m.title, planTitle: m.planTitle, wrapped: wrapped != nil || (titleSource != nil && planLine != nil))
        m.sources["doc_type"] = "title"
        return m
    }

    /// The first candidate that has a value, with its source.
    static func firstSourced(_ candidates: [(String?, String)]) -> (String, String)? {
        for (v, source) in candidates { if let v { return (v, source) } }
        return nil
    }

    static let titleDate = re("^(" + fullDate + ")")
    /// The document a cover note forwards (现将《X》印发给你们, 《X》已经市政府同意，现印发给你们):
    /// its title when no line gives one (the cover note and the title ran into one line).
    static func forwardedTitle(_ l: String) -> String? {
        guard let m = first(forwardedBook, l) else { return nil }
        let a = group(m, 1, l)
        return a.isEmpty ? group(m, 2, l) : a
    }
    static let forwardedBook = re(#"(?:现将《([^《》]{4,60})》印发|《([^《》]{4,60})》已经[^。]{0,30}同意[，,]\s*现印发)"#)
    /// A field key opening a value: the value is another field's, not this one's.
    static let leadingKey = re(#"^[\p{Han}A-Za-z]{2,6}\s*[:：]"#)
    /// Issuer and date, then (after a space) the text of the next line: the first word of it.
    static let signatureThenText = re("^(" + organisation + #")\s+("# + fullDate + #")\s+(\S+)"#)

    static func nextNonEmpty(_ t: [String], after i: Int, before upper: Int) -> Int? {
        var j = i + 1
        while j < upper { if !t[j].isEmpty { return j }; j += 1 }
        return nil
    }

    /// A metadata table key standing alone on its line (`生成日期：`), the value on the next line.
    static func bareFieldKey(_ l: String) -> String? {
        guard l.hasSuffix("：") || l.hasSuffix(":"), SimpleText.hasAtMost(l, 12) else { return nil }
        let key = String(l.dropLast()).replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        return fieldKeys.contains(key) || tableKeys.contains(key) ? key : nil
    }

    /// Other keys of government sites' metadata tables, whose values (统计公报, 主动公开) are
    /// never title or preamble.
    static let tableKeys: Set<String> = ["分类", "信息分类", "体裁分类", "组配分类", "主题分类", "服务对象", "公开方式", "公开时限",
                                         "公开范围", "责任部门", "信息来源", "来源", "有效性", "效力状态"]

    /// A site name (国务院新闻办公室网站, 中国政府网) names the publisher, not the issuer.
    static func isWebSite(_ s: String) -> Bool { s.hasSuffix("网站") || s.hasSuffix("网") || s.contains("http") }

    /// The latest date of a passage-history line that something was adopted (通过) or approved
    /// (批准) on: each date counts when the words up to the next date say so.
    static func latestPassageDate(_ l: String) -> String? {
        let ns = l as NSString
        let ms = anyDate.matches(in: l, range: NSRange(location: 0, length: ns.length))
        var best: String? = nil
        for (n, m) in ms.enumerated() {
            let from = m.range.location + m.range.length
            let to = n + 1 < ms.count ? ms[n + 1].range.location : ns.length
            let after = ns.substring(with: NSRange(location: from, length: to - from))
            guard after.contains("通过") || after.contains("批准"), let d = dateOf(ns.substring(with: m.range)) else { continue }
            if best.map({ d > $0 }) ?? true { best = d }
        }
        return best
    }

    /// Organisations listed on one line, separated by spaces (joint issuers under a bulletin's
    /// title: 万载县统计局 国家统计局万载调查队) → joined with 、.
    static func jointOrganisations(_ l: String) -> String? {
        guard SimpleText.hasAtMost(l, 80), !hasSentencePunctuation(l) else { return nil }
        let parts = l.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }).map(String.init)
        guard parts.count >= 2, parts.allSatisfy({ first(orgName, $0) != nil }) else { return nil }
        return parts.joined(separator: "、")
    }

    /// A signature's issuer line and the issuer lines stacked right above it, joined with 、.
    static func stackedSignature(_ t: [String], at i: Int, from lower: Int, used: inout Set<Int>) -> String {
        var names = [t[i]]; used.insert(i)
        var j = i
        while names.count < 4, let p = previousNonEmpty(t, before: j, from: lower), !used.contains(p), first(orgLine, t[p]) != nil {
            names.insert(t[p], at: 0); used.insert(p); j = p
        }
        return names.joined(separator: "、")
    }

    /// National bodies, whose documents are for the whole country: 国务院 (and its offices),
    /// 全国人民代表大会, 中共中央, 国家…局/委/总局, the ministries, the supreme court and
    /// procuratorate, the central bank.
    static let nationalBody = re(#"^(?:国务院|中共中央|党中央|全国人民代表大会|全国人大|第[一二三四五六七八九十百]+届全国人民代表大会|最高人民法院|最高人民检察院|中国人民银行|中华人民共和国|国家[\p{Han}]{1,14}(?:总局|局|委员会|委|署)(?:办公厅|办公室)?$|(?:外交|国防|教育|科学技术|科技|工业和信息化|公安|国家安全|民政|司法|财政|人力资源和社会保障|自然资源|生态环境|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|退役军人事务|应急管理)部|审计署|海关总署)"#)
    static func isNationalBody(_ s: String) -> Bool {
        guard first(nationalBody, s) != nil else { return false }
        // 国家税务总局XX市税务局 is a local office of a national body.
        guard s.hasPrefix("国家") else { return true }
        let rest = s.replacingOccurrences(of: "市场", with: "")
        return !rest.contains("省") && !rest.contains("市") && !rest.contains("县")
    }

    static func previousNonEmpty(_ t: [String], before i: Int, from lower: Int) -> Int? {
        var j = i - 1
        while j >= lower { if !t[j].isEmpty { return j }; j -= 1 }
        return nil
    }

    /// YYYY-MM-DD from 2020年3月20日, 2020-03-20, 2020/3/20.
    public static func dateOf(_ s: String) -> String? {
        if mayEnd(s.wsTrimmed, with: "日"), let c = first(chineseDate, s.wsTrimmed) {
            let t = s.wsTrimmed
            let y = group(c, 1, t).map { ch -> Character in
                ch == "〇" || ch == "零" || ch == "○" || ch == "O" ? "0" : Character(String(ChineseNumeral.value(String(ch)) ?? 0))
            }
            guard let year = Int(String(y)), let mo = ChineseNumeral.value(group(c, 2, t)), let da = ChineseNumeral.value(group(c, 3, t)),
                  (1...12).contains(mo), (1...31).contains(da) else { return nil }
            return String(format: "%04d-%02d-%02d", year, mo, da)
        }
        guard let d = first(anyDate, s), let y = Int(group(d, 1, s)), let mo = Int(group(d, 2, s)), let da = Int(group(d, 3, s)),
              (1...12).contains(mo), (1...31).contains(da) else { return nil }
        return String(format: "%04d-%02d-%02d", y, mo, da)
    }

    static func stripParens(_ s: String) -> String {
        var t = s
        if t.hasPrefix("(") || t.hasPrefix("（") { t.removeFirst() }
        if t.hasSuffix(")") || t.hasSuffix("）") { t.removeLast() }
        return t.wsTrimmed
    }

    /// The title inside 《》 of a forwarding notice.
    static func bookTitle(_ s: String) -> String? {
        guard let a = s.firstIndex(of: "《"), let b = s[a...].firstIndex(of: "》") else {
            // 关于印发2021年政务公开工作要点的通知
            if let r = s.range(of: "关于印发") ?? s.range(of: "关于转发"), let e = s.range(of: "的通知", options: .backwards), r.upperBound < e.lowerBound {
                return String(s[r.upperBound..<e.lowerBound])
            }
            return nil
        }
        return String(s[s.index(after: a)..<b])
    }

    /// A page title without the site name: "标题_XX市人民政府" → "标题".
    static func cleanPageTitle(_ s: String) -> String {
        let parts = s.components(separatedBy: CharacterSet(charactersIn: "_|-—｜")).map { $0.wsTrimmed }
        return parts.max(by: { $0.count < $1.count }) ?? s
    }

    /// The issuer a title names before 关于 / 印发《 — joint issuers separated by spaces
    /// (中共XX省委办公厅 XX省人民政府办公厅关于…) joined with 、 — or before 发言人 in a
    /// spokesperson's transcript (2004年9月2日外交部发言人…).
    static func issuerFromTitle(_ title: String) -> String? {
        if let s = first(spokespersonTitle, title) { return group(s, 1, title) }
        guard let r = title.range(of: "关于") ?? title.range(of: "印发《") ?? title.range(of: "转发《"), r.lowerBound > title.startIndex else { return nil }
        let issuer = String(title[..<r.lowerBound]).wsTrimmed
        if first(orgLine, issuer) != nil { return issuer }
        return jointOrganisations(issuer)
    }

    static func governmentName(_ region: String) -> String { region + "人民政府" }

    /// Region from the issuer (its name before 人民政府 / 办公厅 …) or from a title.
    /// National bodies → 全国 (from the issuer, or from the title when there is no issuer); a
    /// leading 中共 is no part of a region (中共福建省委办公厅 → 福建省); special zones and
    /// counties named before an office are regions (平潭综合实验区管委会办公室, 平潭县公安局).
    static func region(issuer: String?, titles: [String]) -> String? {
        var lead = issuer.map { String($0.split(separator: "、").first ?? "") }
        if let l = lead, isNationalBody(l) { return "全国" }
        if let l = lead, l.hasPrefix("中共") { lead = String(l.dropFirst(2)) }
        for s in ([lead].compactMap { $0 } + titles) {
            guard let m = first(regionToken, s) else { continue }
            var r = group(m, 1, s)
            let after = String(s[s.index(s.startIndex, offsetBy: (s as NSString).substring(to: m.range(at: 1).upperBound).count)...])
            if let d = first(districtToken, after) { r += group(d, 1, after) }
            return r
        }
        // A zone or county named before an office: 平潭综合实验区管委会办公室, 平潭县公安局.
        for s in ([lead].compactMap { $0 } + titles) {
            if let m = first(zoneBeforeOffice, s) { return group(m, 1, s) }
        }
        // A district or county named alone: 2023年海淀区政务公开工作要点.
        for s in titles {
            if let m = first(districtAlone, s) { return group(m, 1, s) }
        }
        if issuer == nil, titles.contains(where: { isNationalBody($0) }) { return "全国" }
        return nil
    }

    static let zoneBeforeOffice = re(#"^([\p{Han}&&[^本全各我该城都年]][\p{Han}]{1,8}?(?:综合实验区|实验区|新区|开发区|高新区|县|区|旗))(?=[\p{Han}]{0,10}?(?:公安局|局|厅|管委会|委员会|办公室|中心|人民政府|政府))"#)

    static let districtAlone = re(#"(?:^|年度?|《)([\p{Han}&&[^本全各我该城都年]][\p{Han}]{1,5}?(?:区|县|旗))(?=人民政府|政府|政务|\d|年|关于)"#)

    /// The type from the (plan) title: 年度报告 → annual report; 工作要点 / 工作计划 / 主要任务 /
    /// 任务分解表 → work plan; 方案 / 实施方案 / 实施意见 → implementation plan; a title ending
    /// 通知 / 通报 / 函 / 公告 — a forwarding notice too, when what it forwards is no plan
    /// (关于印发…暂行办法的通知) — → notice; 条例 / 办法 / 规定 / 意见 / 决定 and the rest → other.
    static func docType(title: String, planTitle: String, wrapped: Bool) -> DocType {
        let p = planTitle
        if p.contains("年度报告") || p.contains("年报") { return .annualReport }
        if p.hasSuffix("要点") || p.contains("工作计划") || p.hasSuffix("计划") || p.hasSuffix("工作安排")
            || p.hasSuffix("主要任务") || p.hasSuffix("任务分解表") { return .workPlan }
        if p.hasSuffix("方案") || p.hasSuffix("实施意见") { return .implementationPlan }
        if ["通知", "通报", "函", "公告"].contains(where: { title.hasSuffix($0) }) { return .notice }
        return .other
    }

    /// Words of a table of contents that stand where a title would (目录, 目 录): never a title.
    static func isTOCWord(_ l: String) -> Bool {
        ["目录", "章节", "目次"].contains(l.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: ""))
    }

    /// Sentence punctuation, which a title line split over short lines never carries.
    static func hasSentencePunctuation(_ l: String) -> Bool {
        l.contains { "。，,；;：:！!？?".contains($0) }
    }

    /// A title its author broke over two short lines without punctuation, as Word titles are
    /// centred (济南市2025年下半年第一轮汽车消费 / 补贴活动公告): the lines joined, when the join
    /// ends as a title does and the first line alone does not. Only where the title would
    /// otherwise be the first line alone.
    static func wrappedTitle(_ t: [String], at i: Int, before end: Int) -> String? {
        let l = t[i]
        guard SimpleText.hasAtMost(l, 40), !hasSentencePunctuation(l), first(wrappedTitleEnd, l) == nil, first(orgLine, l) == nil,
              dateOf(l) == nil, ClauseLabel.recognize(l) == nil, let k = nextNonEmpty(t, after: i, before: end) else { return nil }
        let n = t[k]
        guard SimpleText.hasAtMost(n, 20), !hasSentencePunctuation(n), first(year, n) == nil, first(orgLine, n) == nil,
              ClauseLabel.recognize(n) == nil, first(wrappedTitleEnd, l + n) != nil else { return nil }
        return l + n
    }
    static let wrappedTitleEnd = re(#"(要点|计划|方案|报告|公报|规划|办法|规定|细则|条例|意见|通知|决定|指南|清单|措施|纲要|安排|任务分工|公告|通告)$"#)

    /// The organisation a closing line gives the right of interpretation to (活动解释权：归济南市
    /// 商务局所有), named in full: the issuer of a notice that is not signed, before guessing
    /// the region's government. Looked for in the last lines only.
    static func interpretingOrganisation(_ t: [String]) -> String? {
        for l in t.suffix(40).reversed() where SimpleText.contains(l, "解释权") {
            if let m = first(interpretationRight, l) { return group(m, 1, l) }
        }
        return nil
    }
    static let interpretationRight = re(#"解释权\s*[：:]?\s*(?:归|属于)\s*([\p{Han}&&[^本市县区省我该各]][\p{Han}]{2,30}?"# + orgSuffix + #")\s*所有"#)

    /// A notice title the page broke over two or three short lines without punctuation
    /// (国务院办公厅关于印发国家组织药品 / 集中采购和使用试点方案的通知): the lines joined, and
    /// their indices, when the join reads as a notice title and the first line alone does not.
    static func wrappedNoticeTitle(_ t: [String], at i: Int, before end: Int) -> (String, [Int])? {
        let l = t[i]
        guard SimpleText.hasAtMost(l, 40), !hasSentencePunctuation(l), first(noticeTitle, l) == nil,
              l.contains("关于") || l.contains("印发") || l.contains("转发") else { return nil }
        var joined = l, parts = [i], j = i
        for _ in 0..<2 {
            var k = j + 1
            while k < end, t[k].isEmpty { k += 1 }
            guard k < end, SimpleText.hasAtMost(t[k], 40), !hasSentencePunctuation(t[k]) else { return nil }
            joined += t[k]; parts.append(k); j = k
            if first(noticeTitle, joined) != nil { return (joined, parts) }
        }
        return nil
    }
}
