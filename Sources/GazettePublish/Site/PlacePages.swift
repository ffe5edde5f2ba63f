import Foundation
import GazetteCore
import GazetteModel
import GazetteOutput

/// `site/place/`: documents by the place of the national division list they belong to.
/// `place/index.html` lists the provinces, their cities and their counties that have
/// documents, each with its count (documents at it or below it) and a link to its page;
/// `place/<code>.html` lists those documents, zones named beside them; `place/national.html`
/// the nation's; `place/unplaced.html` the documents whose place is ambiguous (with the
/// candidates) or unresolved. Written after the document pages it links to.
public final class PlacePagesSink: OutputSink {
    public let name = "places"
    public static let part = OutputPart("site/place", format: "site")
    public var provides: [OutputPart] { [Self.part] }
    public var requires: [OutputPart] { [.siteAssets, .documentPages] }

    /// What a place page shows of a document.
    struct Entry { var id: String; var title: String; var year: Int?; var place: Place }
    var entries: [Entry] = []
    var root: URL!
    let table: RegionTable

    public init(table: RegionTable = .embedded) { self.table = table }

    public func begin(staging: URL) throws {
        root = staging.appendingPathComponent("site/place")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    public func write(_ d: Document) throws {
        entries.append(Entry(id: d.id, title: d.title.isEmpty ? d.id : d.title, year: d.year, place: d.place))
    }

    public func finish(_ corpus: CorpusSummary) throws {
        for (file, page) in Self.pages(entries, table: table) { try FileOutput.write(page.bytes, to: root.appendingPathComponent(file)) }
    }

    /// Every page, by file name in `site/place/`.
    static func pages(_ entries: [Entry], table: RegionTable) -> [(String, HTMLWriter)] {
        let sorted = entries.sorted { ($0.year ?? 0, $1.id) > ($1.year ?? 0, $0.id) }
        // Documents at or below each division.
        var under: [String: [Entry]] = [:]
        for e in sorted where e.place.status == .resolved { for c in e.place.pathCodes { under[c, default: []].append(e) } }
        let national = sorted.filter { $0.place.status == .resolved && $0.place.level == .national }
        let unplaced = sorted.filter { $0.place.status != .resolved }
        var out: [(String, HTMLWriter)] = [("index.html", index(under, national: national.count, unplaced: unplaced.count, table: table))]
        for (code, es) in under.sorted(by: { $0.key < $1.key }) {
            let path = table.path(code).map(\.name).joined(separator: " › ")
            out.append(("\(code).html", list(title: path, lead: "\(code) · \(es.count) 份文件", es)))
        }
        out.append(("national.html", list(title: "全国", lead: "国家层面 · \(national.count) 份文件", national)))
        out.append(("unplaced.html", list(title: "未定位", lead: "地区有歧义或不在行政区划表中 · \(unplaced.count) 份文件", unplaced)))
        return out
    }

    /// The tree of divisions with documents: provinces, then their cities, then their counties.
    static func index(_ under: [String: [Entry]], national: Int, unplaced: Int, table: RegionTable) -> HTMLWriter {
        let children = table.children()
        return H.pageBytes(title: "按行政区划 — 政务公开文库", root: "../", bodyClass: "list") { w in
            w.node(SiteChrome.header(root: "../"))
            w.open("main")
            w.element("h1", text: "按行政区划")
            w.element("p", "class", "lead", text: "省、市、县三级（GB/T 2260 代码，\(table.source)）；数字为该地及下辖地区的文件数")
            w.open("ul", "class", "places")
            w.open("li"); w.open("a", "href", "national.html"); w.text("全国"); w.close("a"); w.element("span", "class", "count", text: " \(national)"); w.close("li")
            w.open("li"); w.open("a", "href", "unplaced.html"); w.text("未定位"); w.close("a"); w.element("span", "class", "count", text: " \(unplaced)"); w.close("li")
            w.close("ul")
            func node(_ code: String, depth: Int, _ w: inout HTMLWriter) {
                guard let es = under[code], let d = table.divisions[code] else { return }
                w.open("li", "id", "p" + code)
                w.open("a", "href", "\(code).html"); w.text(d.name); w.close("a")
                w.element("span", "class", "count", text: " \(es.count)")
                let zones = Set(es.filter { $0.place.code == code }.compactMap(\.place.zone)).sorted()
                if !zones.isEmpty { w.element("span", "class", "muted", text: "（含 " + zones.joined(separator: "、") + "）") }
                let kids = (children[code] ?? []).filter { under[$0] != nil }
                if !kids.isEmpty, depth < 3 {
                    w.open("ul")
                    for k in kids { node(k, depth: depth + 1, &w) }
                    w.close("ul")
                }
                w.close("li")
            }
            w.open("ul", "class", "place-tree")
            for code in under.keys.sorted() where table.divisions[code]?.parent == nil { node(code, depth: 1, &w) }
            w.close("ul")
            w.close("main")
            w.node(SiteChrome.footer())
        }
    }

    /// One place's documents, newest first, each linked to its page.
    static func list(title: String, lead: String, _ es: [Entry]) -> HTMLWriter {
        H.pageBytes(title: title + " — 政务公开文库", root: "../", bodyClass: "list", capacity: 4096 + 300 * es.count) { w in
            w.node(SiteChrome.header(root: "../"))
            w.open("main")
            w.open("p", "class", "crumbs")
            w.open("a", "href", "../index.html"); w.text("首页"); w.close("a"); w.text(" › ")
            w.open("a", "href", "index.html"); w.text("按行政区划"); w.close("a")
            w.close("p")
            w.element("h1", text: title)
            w.element("p", "class", "lead", text: lead)
            w.open("ul", "class", "docs")
            for e in es {
                w.open("li")
                w.open("a", "href", "../doc/\(e.id).html"); w.text(e.title); w.close("a")
                w.element("span", "class", "muted", text: " " + (e.year.map { "\($0) 年" } ?? "年份不详")
                          + (e.place.zone.map { " · " + $0 } ?? "")
                          + (e.place.status == .ambiguous ? " · 候选：" + e.place.candidates.joined(separator: "；") : "")
                          + (e.place.status == .unresolved ? " · " + e.place.via : ""))
                w.close("li")
            }
            w.close("ul")
            w.close("main")
            w.node(SiteChrome.footer())
        }
    }
}
