import Foundation
import GazetteTestSupport

/// Seeded inputs for the task-fact tests: clause-like strings built from unit names,
/// labelled fields, notes, deadlines, targets and noise, so every pattern is exercised near its edges.
enum TaskInputs {
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
    static func segment(_ r: inout SplitMix64) -> String {
        func unitList(_ r: inout SplitMix64) -> String {
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
        var r = SplitMix64(seed: seed)
        return (0..<count).map { _ in (0..<(1 + r.below(10))).map { _ in segment(&r) }.joined() }
    }
}
