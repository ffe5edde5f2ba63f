import Foundation
import GazetteTestSupport

/// Reads what a run published: its manifest and a digest of its whole tree.
enum Gazette {
    static func manifest(_ output: URL) throws -> [String: (status: String, reason: String)] {
        let data = try Data(contentsOf: output.appendingPathComponent("manifest.json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var out: [String: (String, String)] = [:]
        for i in json["inputs"] as! [[String: Any]] {
            out[i["path"] as! String] = (i["status"] as! String, (i["reason"] as? String) ?? "")
        }
        return out
    }

    /// A stable digest of every file under `dir` (names and bytes) to tell trees apart.
    static func treeDigest(_ dir: URL) -> String {
        guard let e = FileManager.default.enumerator(atPath: dir.path) else { return "missing" }
        var parts: [String] = []
        for case let rel as String in e {
            let u = dir.appendingPathComponent(rel)
            var isDir: ObjCBool = false
            FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir)
            if isDir.boolValue { continue }
            let d = (try? Data(contentsOf: u)) ?? Data()
            var h: UInt64 = 1469598103934665603
            for b in d { h = (h ^ UInt64(b)) &* 1099511628211 }
            parts.append("\(rel):\(d.count):\(h)")
        }
        return parts.sorted().joined(separator: "\n")
    }
}

/// Synthetic work plans: distinct documents built from a seed, for corpora of many files.
enum SyntheticPlan {
    static let words = ["政务公开", "信息发布", "政策解读", "回应关切", "平台建设", "公众参与", "决策公开", "执行公开", "管理公开",
                        "服务公开", "结果公开", "财政预算", "重大项目", "公共资源", "社会救助", "教育卫生", "生态环境", "安全生产",
                        "营商环境", "行政许可", "行政处罚", "政府网站", "政务新媒体", "政府公报", "依申请公开", "基层政务", "标准化规范化",
                        "考核评估", "培训指导", "监督检查", "数据开放", "民生实事", "食品安全", "住房保障", "就业创业", "乡村振兴"]
    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    static func sentence(_ r: inout SplitMix64) -> String {
        (0..<(4 + r.below(4))).map { _ in words[r.below(words.count)] }.joined(separator: "、") + "等工作要进一步加强，" + words[r.below(words.count)] + "要落到实处。"
    }

    /// A plan with `sections` numbered sections of `clauses` clauses each; `number` is its 文号.
    static func plan(seed: UInt64, sections: Int = 3, clauses: Int = 3, number: String? = nil, numbered: Bool = true) -> String {
        var r = SplitMix64(seed: seed)
        var lines = ["某市人民政府办公厅关于印发《某市\(2000 + seed % 30)年政务公开工作要点》的通知"]
        if let number { lines.append(number) }
        lines.append("各区人民政府，市政府各委、办、局：")
        lines.append("现将工作要点印发给你们，请认真贯彻执行。" + sentence(&r))
        for s in 0..<sections {
            if numbered { lines.append("\(s < 10 ? numerals[s] : "十" + numerals[s % 10])、" + words[r.below(words.count)]) }
            for c in 0..<clauses {
                let label = numbered ? "（\(c < 10 ? numerals[c] : String(c + 1))）" : ""
                lines.append(label + sentence(&r) + sentence(&r))
            }
        }
        lines.append("某市人民政府办公厅")
        lines.append("\(2000 + seed % 30)年3月20日")
        return lines.joined(separator: "\n") + "\n"
    }
}
