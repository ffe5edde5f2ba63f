import Foundation
import GazetteModel
import GazetteTestSupport

/// Generated plans for the alignment tests: random clauses from a pool of plan phrases, and
/// a later year made by deleting, inserting, rewording, moving, merging and splitting them.
enum GeneratedPlans {
    static let phrases = [
        "全面推进政务公开标准化规范化建设", "完善依申请公开办理工作机制", "加强政策解读和回应关切", "提高政府网站集约化水平",
        "做好建议提案办理结果公开", "深化重点领域信息公开", "推进基层政务公开", "强化政务新媒体管理", "规范政府信息公开申请登记审核",
        "编制主动公开基本目录", "加大财政预决算公开力度", "推动重大行政决策预公开", "由市环保局负责", "市国土资源局牵头落实",
        "各区人民政府配合", "严格落实保密审查要求", "健全政务舆情监测机制", "优化政务服务事项办理流程", "持续开展政府开放日活动",
        "公开审计发现问题整改情况", "加强公共企事业单位信息公开", "建立健全考核评估机制", "及时发布权威信息", "A类事项按月更新",
    ]

    static func clauseText(_ rng: inout SplitMix64) -> String {
        let k = Int.random(in: 0...4, using: &rng)
        if k == 0 { return String(phrases.randomElement(using: &rng)!.prefix(Int.random(in: 2...9, using: &rng))) + "。" }   // short clauses
        return (0..<k).map { _ in phrases.randomElement(using: &rng)! }.joined(separator: "，") + "。"
    }

    static func clause(_ id: String, _ text: String, level: Int = 2) -> Clause {
        var units: [UnitMention] = []
        if text.contains("市环保局") { units.append(UnitMention(name: "市环保局", canonical: "上海市生态环境局", role: .lead)) }
        if text.contains("市国土资源局") { units.append(UnitMention(name: "市国土资源局", canonical: "市国土资源局", role: .lead, successor: "上海市规划和自然资源局")) }
        return Clause(id: id, parent: nil, level: level, label: "", number: 1, heading: text.count > 20 ? String(text.prefix(6)) : "",
                      text: text, original: text, area: "x", units: units)
    }

    /// A document and its later year, edited at random.
    static func pair(_ rng: inout SplitMix64) -> ([Clause], [Clause]) {
        let n = Int.random(in: 0...24, using: &rng)
        let a = (0..<n).map { _ in clauseText(&rng) }
        var b: [String] = []
        var i = 0
        while i < a.count {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: break                                                          // deleted
            case 1: b.append(clauseText(&rng)); b.append(a[i])                     // inserted before
            case 2 where i + 1 < a.count: b.append(a[i] + a[i + 1]); i += 1        // merged
            case 3: let s = a[i].split(separator: "，")                             // split
                if s.count > 1 { b.append(String(s[0]) + "。"); b.append(s.dropFirst().joined(separator: "，")) } else { b.append(a[i]) }
            case 4: b.append(a[i].replacingOccurrences(of: "加强", with: "进一步强化") + phrases.randomElement(using: &rng)!)   // reworded
            case 5 where !b.isEmpty: b.insert(a[i], at: Int.random(in: 0..<b.count, using: &rng))                             // moved
            default: b.append(a[i])
            }
            i += 1
        }
        if Bool.random(using: &rng) { b.append(clauseText(&rng)) }
        return (a.enumerated().map { clause("a\($0.offset)", $0.element, level: $0.offset % 3 == 0 ? 1 : 2) },
                b.enumerated().map { clause("b\($0.offset)", $0.element, level: $0.offset % 3 == 0 ? 1 : 2) })
    }
}
