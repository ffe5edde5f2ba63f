/// The administrative level of a region, as its departments are named: a province's are
/// 省XX厅, a city's 市XX局, a county's 县XX局, a district's 区XX局; the four 直辖市 are
/// province-level but name theirs 市XX局/委, and special zones (综合实验区, 开发区 …) have
/// a 管委会.
public enum RegionLevel: String, Sendable, CaseIterable {
    case national, province, municipality, city, county, district, zone

    /// The province-level cities (直辖市).
    static let municipalities: Set<String> = ["北京市", "上海市", "天津市", "重庆市"]

    /// The level of a region name, from its suffix alone (the one place to ask; it can later
    /// read a GB/T 2260 code instead). nil for names it cannot place.
    public static func of(_ region: String) -> RegionLevel? {
        if region == "全国" || region == "中华人民共和国" { return .national }
        if municipalities.contains(region) { return .municipality }
        if region.hasSuffix("省") || region.hasSuffix("自治区") { return .province }
        if zoneSuffixes.contains(where: region.hasSuffix) { return .zone }
        if region.hasSuffix("市") || region.hasSuffix("自治州") || region.hasSuffix("地区") || region.hasSuffix("盟") { return .city }
        if region.hasSuffix("县") || region.hasSuffix("旗") { return .county }
        if region.hasSuffix("区") { return .district }
        return nil
    }

    static let zoneSuffixes = ["实验区", "开发区", "高新区", "新区", "示范区", "园区", "自贸区", "试验区", "合作区"]

    /// The level a mention's leading character names, seen from a document of this level:
    /// 市 in a 直辖市 document is the municipality itself.
    static func named(by prefix: String, from doc: RegionLevel?) -> RegionLevel? {
        switch prefix {
        case "省", "自治区": return .province
        case "市": return doc == .municipality ? .municipality : .city
        case "州", "盟": return .city
        case "县", "旗": return .county
        case "区", "实验区": return doc == .zone ? .zone : .district
        default: return nil
        }
    }

    /// Leading characters of a short name, longest first.
    static let allPrefixes = ["自治区", "实验区", "省", "市", "州", "盟", "县", "旗", "区"]
}
