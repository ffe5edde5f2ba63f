import Foundation
import GazetteCore
import GazetteModel

/// The sample documents a corpus is generated from, in simplified script, with the
/// pieces the generator recombines: their lines, a pool of substantive body lines from
/// all samples, and each sample's region and main year.
public struct SampleLibrary: Sendable {
    public struct Sample: Sendable {
        public var name: String
        public var lines: [String]
        /// Indices of lines with at least 20 Chinese characters (clause bodies).
        public var body: [Int]
        /// Region names (from `SampleLibrary.regions`) the text mentions, most frequent first.
        public var regions: [String]
        public var year: Int?
    }

    public var samples: [Sample]
    /// Body lines of every sample: material for recombined clauses.
    public var pool: [String]

    /// Prefecture-level cities a variant may be moved to.
    public static let regions = [
        "北京市", "上海市", "天津市", "重庆市", "济南市", "苏州市", "南京市", "杭州市", "广州市", "深圳市", "成都市",
        "武汉市", "西安市", "郑州市", "长沙市", "合肥市", "福州市", "厦门市", "南昌市", "昆明市", "贵阳市", "南宁市",
        "海口市", "太原市", "石家庄市", "沈阳市", "大连市", "长春市", "哈尔滨市", "呼和浩特市", "银川市", "西宁市",
        "兰州市", "乌鲁木齐市", "拉萨市", "青岛市", "烟台市", "潍坊市", "临沂市", "淄博市", "无锡市", "常州市",
        "徐州市", "南通市", "扬州市", "宁波市", "温州市", "绍兴市", "嘉兴市", "金华市", "台州市", "佛山市", "东莞市",
        "珠海市", "中山市", "惠州市", "汕头市", "洛阳市", "宜昌市", "襄阳市", "株洲市", "岳阳市", "芜湖市", "泉州市",
        "漳州市", "赣州市", "柳州市", "桂林市", "遵义市", "绵阳市", "宝鸡市", "包头市", "鞍山市", "大庆市", "唐山市",
        "保定市", "邯郸市", "镇江市", "盐城市", "湖州市",
    ]

    /// Reads every file of `folder` (any format the ingest stage reads) and converts it to
    /// simplified script with OpenCC `t2s`.
    public static func load(from folder: URL, pool opencc: OpenCCPool) throws -> SampleLibrary {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        let ingester = Ingester()
        var samples: [Sample] = []
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let text = try? ingester.ingest(fileAt: url, path: name).text else { continue }
            let simplified = try opencc.with("t2s") { $0.convert(text) }
            samples.append(sample(name: name, text: simplified))
        }
        guard !samples.isEmpty else {
            throw ConfigurationError([.init(id: "no-samples", severity: .error, message: "no readable sample documents in \(folder.path)",
                                            suggestion: "pass --samples with a folder of documents")])
        }
        return SampleLibrary(samples: samples)
    }

    public init(samples: [Sample]) {
        self.samples = samples
        pool = samples.flatMap { s in s.body.map { s.lines[$0] } }
    }

    public static func sample(name: String, text: String) -> Sample {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let body = lines.indices.filter { hanCount(lines[$0]) >= 20 }
        var counts: [String: Int] = [:]
        for r in regions { let c = text.components(separatedBy: r).count - 1; if c > 0 { counts[r] = c } }
        let found = counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
        return Sample(name: name, lines: lines, body: body, regions: found, year: mainYear(lines.prefix(12).joined(separator: "\n")))
    }

    static func hanCount(_ s: String) -> Int { s.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.count }

    /// The most frequent year (2000–2039) in `text`.
    static func mainYear(_ text: String) -> Int? {
        var counts: [Int: Int] = [:]
        forEachYear(in: text) { counts[$0, default: 0] += 1 }
        return counts.keys.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }.first
    }

    static func forEachYear(in text: String, _ body: (Int) -> Void) {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i + 4 <= s.count {
            if s[i] == "2", s[i + 1] == "0", let y = Int(String(String.UnicodeScalarView(s[i..<(i + 4)]))),
               (2000...2039).contains(y), i == 0 || !(("0"..."9").contains(s[i - 1])), i + 4 == s.count || !(("0"..."9").contains(s[i + 4])) {
                body(y); i += 4
            } else { i += 1 }
        }
    }

    /// `text` with every year 2000–2039 moved by `delta`.
    static func shiftYears(_ text: String, by delta: Int) -> String {
        if delta == 0 { return text }
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if i + 4 <= s.count, s[i] == "2", s[i + 1] == "0", let y = Int(String(String.UnicodeScalarView(s[i..<(i + 4)]))),
               (2000...2039).contains(y), i == 0 || !(("0"..."9").contains(s[i - 1])), i + 4 == s.count || !(("0"..."9").contains(s[i + 4])) {
                out.append(contentsOf: String(y + delta).unicodeScalars); i += 4
            } else { out.append(s[i]); i += 1 }
        }
        return String(out)
    }

    /// `text` with the named regions (and their short forms without 市) replaced by `target`.
    static func moveRegion(_ text: String, from regions: [String], to target: String) -> String {
        var t = text
        let short = String(target.dropLast())
        for r in regions where r != target {
            t = t.replacingOccurrences(of: r, with: target)
            t = t.replacingOccurrences(of: String(r.dropLast()), with: short)
        }
        return t
    }
}
