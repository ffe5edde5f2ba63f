import XCTest
@testable import GazetteCore
import GazetteModel
import GazetteTestSupport

/// Pins the scanning `TaskExtractor` to the regex-only one it replaced (`ReferenceTaskExtractor`):
/// the same facts on real clauses, on the unit tests' inputs and on thousands of generated and
/// mutated strings; and each hand-written matcher against the pattern it stands for.
final class TaskExtractorEquivalenceTests: XCTestCase {
    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    }

    static let fragments: [String] = [
        "市发展改革委", "市财政局", "各区政府", "市政府办公厅", "中关村管委会", "自治区人民政府", "国家发展改革委", "省教育厅",
        "各试点区", "各相关区政府", "各区县", "各级", "通州区政府", "县政府", "区县政府", "市委网信办", "领导小组", "市场监管部门",
        "北京经济技术开发区管委会", "市大数据中心", "市统计局", "各单位", "有关部门", "集团公司", "市审计署", "省法院",
        "牵头单位", "主责单位", "责任单位", "负责单位", "配合单位", "协办单位", "责任部门", "牵头部门", "完成时限", "完成时间",
        "时间节点", "时限要求", "时限", "：", ":", "：", "（", "）", "(", ")", "（", "）", "、", "、", "，", ",", "；", ";", "。", "。",
        "！", "？", "?", "\n", "\n", "\r\n", " ", "　", "\t", "负责", "牵头", "配合", "参与", "落实", "承担", "实施", "推进", "协助",
        "分别负责落实", "按职责分工负责", "牵头负责", "会同", "要", "应", "将", "作为", "按照", "定期", "组织", "加强", "做好", "建立",
        "由", "等相关部门", "等", "2023年", "2024年", "6月", "12月", "30日", "1日", "底", "末", "中旬", "前", "以前", "年底", "年末",
        "年中", "上半年", "下半年", "第二季度", "第3季度末", "四季度", "10个工作日内", "5个工作日内", "年内", "今年内", "一年内",
        "不少于", "不低于", "不得少于", "至少", "不超过", "达到", "超过", "高于", "比例", "覆盖率", "公开率", "满意度", "每年",
        "每季度", "全年", "95", "%", "％", "3.5", ".", "次", "项", "个百分点", "人次", "个", "abc", "12", "123456", "😀", "é",
        "e\u{301}", "的", "是", "于", "在", "Ⅲ", "１２", "２０２３年", "\u{2028}", "\u{85}", "々", "〇", "〔", "〕", "《", "》",
        "政务公开", "信息", "工作", "要点", "推进政务公开标准化规范化", "做好政策解读和回应关切工作",
    ]

    static let units = ["市发展改革委", "市财政局", "各区政府", "市政府办公厅", "中关村管委会", "自治区人民政府", "国家发展改革委", "省教育厅",
                        "各试点区", "各相关区政府", "通州区政府", "市委网信办", "市大数据中心", "各单位", "市场监管部门", "集团公司", "由市统计局"]

    /// A random run of fragments, or a note, labelled field, subject, deadline or target
    /// built of random parts (so every pattern gets exercised near its edges).
    static func segment(_ r: inout Random) -> String {
        func unitList(_ r: inout Random) -> String {
            (0..<(1 + r.below(3))).map { _ in r.pick(units) + (r.below(5) == 0 ? r.pick(fragments) : "") }.joined(separator: r.pick(["、", "、", "，", ",", "；"]))
        }
        switch r.below(8) {
        case 0: return r.pick(["（", "(", "（"]) + unitList(&r) + r.pick(["负责", "牵头", "配合", "分别负责落实", "会同", "等相关部门负责", "参与"])
            + (r.below(2) == 0 ? "，" + unitList(&r) + r.pick(["负责落实", "配合", "推进"]) : "") + r.pick(["）", ")", "）", ""])
        case 1: return r.pick(["牵头单位", "责任单位", "配合单位", "责任部门", "主责单位"]) + r.pick(["：", ":", " ：", "：\n"]) + unitList(&r)
            + r.pick(["", "\n", "。", "；", "完成时限：2023年底前", "（", " "])
        case 2: return r.pick(["", "。", "\n", "；"]) + unitList(&r) + r.pick(["要", "负责", "会同", "作为", "按照", "加强", "的"]) + r.pick(fragments)
        case 3: return r.pick(["", "2023年", "２０２３年", "今", "一", "1"]) + r.pick(["6月", "12月30日", "3月底", "年底", "上半年", "第二季度", "第4季度末", "10个工作日", "年", "２月"])
            + r.pick(["前", "以前", "内", "底", "末前", ""])
        case 4: return r.pick(["", "每年", "全年", "比例", "覆盖率达", "满意度"]) + r.pick(["不少于", "不低于", "至少", "达到", "超过", "不得低于"])
            + r.pick(["", "开展", "召开会议"]) + r.pick(["2", "95", "3.5", "１２", "1.", "10 "]) + r.pick(["%", "％", "次", "个百分点", "人次", "", " 项"])
        case 5: return r.pick(["完成时限", "时间节点", "时限", "完成时间"]) + r.pick(["：", ":", " ： "]) + r.pick(["长期坚持", "2024年6月底前", "持续推进", "年", "（"])
        default: return (0..<(1 + r.below(6))).map { _ in r.pick(fragments) }.joined()
        }
    }

    static func generated(_ count: Int, seed: UInt64) -> [String] {
        var r = Random(state: seed)
        return (0..<count).map { _ in (0..<(1 + r.below(10))).map { _ in segment(&r) }.joined() }
    }

    /// Real clauses: the samples' lines and clauses (simplified when OpenCC data is at hand) and
    /// the clause texts of a reference output, when one is found.
    static func realClauses() throws -> [String] {
        var texts: [String] = []
        let normalizer = try? SampleCorpus.normalizer()
        for url in try SampleCorpus.files() {
            let raw = try SampleCorpus.text(url)
            for text in [raw, (try? normalizer?.normalize(raw).text) ?? nil].compactMap({ $0 }) {
                texts += text.components(separatedBy: "\n")
                texts += StructureFixtureTests.structure(text).clauses.map(\.text)
            }
        }
        let ref = ProcessInfo.processInfo.environment["GAZETTE_REF_OUTPUT"] ?? "/work/ref/out-1k-v3"
        let docs = URL(fileURLWithPath: ref).appendingPathComponent("documents")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []).sorted().prefix(120) {
            guard let data = try? Data(contentsOf: docs.appendingPathComponent(name)),
                  let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let clauses = doc["clauses"] as? [[String: Any]] else { continue }
            texts += clauses.compactMap { $0["text"] as? String }
        }
        return texts
    }

    /// Asserts both extractors agree on every text; returns how many texts gave units,
    /// deadlines and targets (so a test can check its inputs exercise every pattern).
    @discardableResult
    func assertSame(_ texts: [String], file: StaticString = #filePath, line: UInt = #line) -> (units: Int, deadlines: Int, targets: Int) {
        let new = TaskExtractor(), old = ReferenceTaskExtractor()
        var failures = 0, units = 0, deadlines = 0, targets = 0
        for t in texts where failures < 5 {
            let a = new.extract(t), b = old.extract(t)
            if a != b { failures += 1; XCTAssertEqual(a, b, t.debugDescription, file: file, line: line) }
            if !b.units.isEmpty { units += 1 }
            if !b.deadlines.isEmpty { deadlines += 1 }
            if !b.targets.isEmpty { targets += 1 }
        }
        return (units, deadlines, targets)
    }

    func testRealClauses() throws {
        let texts = try Self.realClauses()
        XCTAssertGreaterThan(texts.count, 100)
        let found = assertSame(texts)
        XCTAssertGreaterThan(found.units, 10)
    }

    func testUnitTestInputs() {
        assertSame(["推进信息公开。（市发展改革委、市财政局分别负责落实）", "公开目录。(市政府办公厅牵头,各区政府、市政府各部门负责落实)",
                    "做好公开。(市规划国土委、市园林绿化局等相关部门、通州区政府分别负责落实)", "推进创新。(中关村管委会、北京经济技术开发区管委会负责落实)",
                    "统一考核。（市统计局会同市财政局负责）", "做好公示(以下简称“双公示”)。", "牵头单位：市政府办公厅\n责任单位：各区政府、市大数据局\n配合单位：市财政局",
                    "完善平台。牵头单位：市数据局；责任单位：各区政府。", "市市场监管局作为标准化工作主管部门，要加强指导。",
                    "标准化主管部门要发挥专业优势。市政府办公厅会同有关部门加强督查考核。", "聚焦市委、市政府重点任务。市政府门户网站年内完成改造。经市政府同意，各区要及时发布。",
                    "市财政局要公开预算。（市财政局负责落实）", "推进公开。（牵头单位：市政府办公厅；责任单位：市发展改革委、市财政局）做好解读。",
                    "各单位要在6月30日前建立制度，于3月31日前公开目录，2023年年底前完成，发布后20个工作日内分解任务，年内开展不少于2次活动，比例不得低于50%，每年至少召开1次会议。完成时限：长期坚持",
                    "", "。", "（）", "牵头单位：", "完成时限：", "责任单位：市财政局\u{2028}。", "责任单位：市财政局\n"])
    }

    func testGeneratedStrings() {
        let found = assertSame(Self.generated(4000, seed: 42))
        XCTAssertGreaterThan(found.units, 1000); XCTAssertGreaterThan(found.deadlines, 1000); XCTAssertGreaterThan(found.targets, 1000)
    }

    /// Real clauses with fragments inserted, deleted and replaced.
    func testMutatedClauses() throws {
        var r = Random(state: 7)
        let real = try Self.realClauses().filter { !$0.isEmpty }
        var texts: [String] = []
        for _ in 0..<2000 {
            var s = Array(r.pick(real).unicodeScalars)
            for _ in 0..<(1 + r.below(4)) {
                let at = r.below(s.count + 1)
                switch r.below(3) {
                case 0: s.insert(contentsOf: r.pick(Self.fragments).unicodeScalars, at: at)
                case 1: s.removeSubrange(at..<min(s.count, at + 1 + r.below(8)))
                default: s.replaceSubrange(at..<min(s.count, at + 2), with: r.pick(Self.fragments).unicodeScalars)
                }
            }
            var u = String.UnicodeScalarView(); u.append(contentsOf: s)
            texts.append(String(u))
        }
        let found = assertSame(texts)
        for n in [found.units, found.deadlines, found.targets] { XCTAssertGreaterThan(n, 20) }
    }

    /// Long notes around the 200-scalar limit of the note pattern.
    func testLongNotes() {
        let body = String(repeating: "推进政务公开", count: 40)
        let texts = (190...210).flatMap { n -> [String] in
            let b = String(body.prefix(n))
            return ["做好。（\(b)市财政局负责）", "做好。(\(b)落实)", "（（\(b)配合）)", "（\(b)😀推进）"]
        }
        assertSame(texts)
    }

    /// The hand-written note matcher against the note pattern.
    func testNotesMatchThePattern() {
        for t in Self.generated(3000, seed: 3) {
            let ns = t as NSString
            let want = TaskExtractor.note.matches(in: t, range: NSRange(location: 0, length: ns.length))
                .map { "\(ns.substring(with: $0.range))|\(ns.substring(with: $0.range(at: 1)))" }
            XCTAssertEqual(TaskScan.notes(t).map { "\($0.match)|\($0.body)" }, want, t.debugDescription)
        }
    }

    /// Each pattern run on the cued pieces finds what it finds on the whole text.
    func testPiecesGiveTheWholeTextMatches() {
        for t in Self.generated(3000, seed: 5) {
            let cues = Cues(t), pieces = TaskScan.pieces(t)
            for (regex, cued, list) in [(TaskExtractor.labelled, cues.labelled, pieces.labelled),
                                        (TaskExtractor.labelledDeadline, cues.labelledDeadline, pieces.labelledDeadline),
                                        (TaskExtractor.deadline, cues.deadline, pieces.deadline), (TaskExtractor.target, cues.target, pieces.target)] {
                func all(_ s: String) -> [String] {
                    let ns = s as NSString
                    return regex.matches(in: s, range: NSRange(location: 0, length: ns.length)).map { m in
                        (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "-" : ns.substring(with: m.range(at: $0)) }.joined(separator: "|")
                    }
                }
                XCTAssertEqual(list.flatMap(all), all(t), "\(regex.pattern.prefix(12)) \(t.debugDescription)")
                if !cued { XCTAssertEqual(list, [], t.debugDescription) }
            }
        }
    }

    /// The hand-written unit-name test against `unitWord`.
    func testUnitWordMatchesThePattern() {
        var r = Random(state: 11)
        let parts = ["各", "市", "区", "县", "省", "自治区", "国家", "试点", "相关", "级", "北京", "海淀", "教育", "的", "要", "是", "为", "发展改革",
                     "办公厅", "办公室", "委员会", "管委会", "领导小组", "部门", "单位", "政府", "局", "委", "办", "厅", "中心", "署", "院", "人民", "a", "々"]
        var checked = 0
        for _ in 0..<20000 {
            let n = (0..<(1 + r.below(7))).map { _ in r.pick(parts) }.joined()
            let regex = TaskExtractor.unitWord.firstMatch(in: n, range: NSRange(location: 0, length: (n as NSString).length)) != nil
            if let fast = TaskScan.isUnitWord(n) { XCTAssertEqual(fast, regex, n); checked += 1 } else { XCTAssertFalse(n.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }, n) }
        }
        XCTAssertGreaterThan(checked, 15000)
    }
}
