import Foundation
import GazetteCore

/// Display names for the contract's codes (../shared/spec/taxonomy.md) and unit page slugs.
enum SiteLabels {
    static let areas: [String: String] = [
        "general": "总体要求", "disclosure": "重点领域信息公开", "policy_release": "政策发布与集中公开",
        "interpretation": "政策解读", "response": "回应关切", "participation": "公众参与与决策公开",
        "request": "依申请公开", "standards": "标准化规范化与制度", "platforms": "公开平台与渠道",
        "services": "政务服务公开", "assurance": "组织保障与监督考核",
    ]
    static let topics: [String: String] = [
        "economy": "经济发展与产业", "business": "营商环境与市场主体", "finance": "财政预决算与审计",
        "projects": "重大建设项目", "public_resources": "公共资源配置", "education": "教育",
        "health": "卫生健康与食品药品", "environment": "生态环境", "housing": "住房与城市更新",
        "social_security": "就业、社保与民生救助", "market_regulation": "市场监管与信用",
        "emergency_safety": "应急与安全", "urban": "城市规划、建设与交通", "rural": "农业农村",
        "science_tech": "科技创新", "culture_tourism": "文化、体育与旅游",
    ]
    static let docTypes: [String: String] = [
        "work_plan": "工作要点", "annual_report": "年度报告", "notice": "通知",
        "implementation_plan": "实施方案", "other": "其他",
    ]
    static let roles: [String: String] = [
        "lead": "牵头", "responsible": "负责", "each_responsible": "分别负责",
        "cooperating": "配合", "mentioned": "提及",
    ]

    static func area(_ code: String) -> String { areas[code] ?? code }
    static func topic(_ code: String) -> String { topics[code] ?? code }
    static func docType(_ code: String) -> String { docTypes[code] ?? code }

    /// File name for a facet code: codes are ASCII identifiers, anything else is hashed.
    static func codeSlug(_ code: String) -> String {
        let safe = !code.isEmpty && code.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
        return safe ? code : SHA256Digest.slug("x-", code)
    }

    /// File name for a unit page: unit names are Chinese, so a short stable hash.
    static func unitSlug(_ name: String) -> String { SHA256Digest.slug("u-", name) }
}
