import Foundation
import GazetteCore
import GazetteModel
import GazetteOutput

/// `site/`: the HTML gazette (layout fixed in COMMON.md).
///
/// Document pages and the search index are written as documents stream in; the index and
/// the facet pages, which need the whole corpus, are written in `finish`. Facets keep only
/// clause ids and short headings, so memory stays small on large corpora.
public final class SiteSink: OutputSink {
    public let name = "site"
    /// What the research pages, which live inside the site, link to.
    public var provides: [OutputPart] { [.siteAssets, .documentPages] }
    var root: URL!
    var search: SearchIndexWriter!
    /// Bytes per search index chunk (`site/search/NNNN.js`).
    let searchChunkBytes: Int
    /// Each kind of facet's hits, out of memory until `finish` (`FacetSpill`).
    var areas = FacetSpill(folder: nil)
    var topics = FacetSpill(folder: nil)
    var units = FacetSpill(folder: nil)
    /// Mentions the unit registry did not resolve, for `unit/unresolved.html`.
    var unresolved = UnresolvedUnits()
    /// About 1 MiB: a few hundred documents' clauses, read in well under a second.
    public static let defaultSearchChunkBytes = 1 << 20
    /// Clauses per facet page, and documents per year or type page, about (`IndexPages.facetPages`).
    let facetPageHits: Int
    /// Some 300 KB of links: a page a browser shows at once.
    public static let defaultFacetPageHits = 2_000
    public init(searchChunkBytes: Int = SiteSink.defaultSearchChunkBytes, facetPageHits: Int = SiteSink.defaultFacetPageHits) {
        self.searchChunkBytes = searchChunkBytes
        self.facetPageHits = facetPageHits
    }

    /// One clause on a facet page.
    struct FacetHit { var doc: String; var clause: String; var caption: String }

    public func begin(staging: URL) throws {
        root = staging.appendingPathComponent("site")
        let fm = FileManager.default
        for sub in ["doc", "area", "topic", "unit", "region", "year", "type", "assets"] {
            try fm.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try FileOutput.write(Array(SiteAssets.css.utf8), to: root.appendingPathComponent("assets/style.css"))
        try FileOutput.write(Array(SiteAssets.searchJS.utf8), to: root.appendingPathComponent("assets/search.js"))
        search = try SearchIndexWriter(folder: root.appendingPathComponent("search"), chunkBytes: searchChunkBytes)
        (areas, topics, units) = (FacetSpill(folder: staging), FacetSpill(folder: staging), FacetSpill(folder: staging))
    }

    /// Renders and writes the document's page (on a worker thread).
    public func prepare(_ d: Document) throws -> Data? {
        try FileOutput.write(DocumentPage.renderBytes(d).bytes, to: root.appendingPathComponent("doc/\(d.id).html"))
        return nil
    }

    public func documentFiles(_ id: String) -> [String] { ["site/doc/\(id).html"] }

    /// The page was linked from the previous Output/: nothing left to do ahead.
    public func prepareUnchanged(_ d: Document) throws -> Data? { nil }

    public func write(_ d: Document) throws {
        _ = try prepare(d)
        try write(d, prepared: nil)
    }

    /// The search index entry and the facet hits, in id order.
    public func write(_ d: Document, prepared: Data?) throws {
        try search.add(d)
        for c in d.clauses {
            let hit = FacetHit(doc: d.id, clause: c.id, caption: Self.caption(c))
            if let area = c.area { areas.add(area, hit) }
            for t in c.topics { topics.add(t, hit) }
            var seen = Set<String>()
            for u in c.units where seen.insert(u.canonical ?? u.name).inserted { units.add(u.canonical ?? u.name, hit) }
        }
        unresolved.add(d, as: d.id)
    }

    public func finish(_ corpus: CorpusSummary) throws {
        try search.close()
        let docs = corpus.documents.sorted(by: IndexPages.order)
        try save(IndexPages.index(docs, manifest: corpus.manifest, areas: counts(areas), topics: counts(topics), units: counts(units),
                                 unresolvedUnits: unresolved.list.count), "index.html")
        try save(IndexPages.searchPage(), "search.html")
        try save(IndexPages.qualityPage(docs, limit: facetPageHits), "quality.html")
        try IndexPages.forEachListPage(docs, pageDocs: facetPageHits) { try save($1, $0) }
        let byID = Dictionary(docs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rank = Dictionary(docs.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        // One facet's hits read back at a time.
        func facet(_ folder: String, _ kind: String, _ name: String, _ code: String?, _ slug: String, _ hits: [FacetHit]) throws {
            try IndexPages.forEachFacetPage(kind: kind, name: name, code: code, slug: slug, hits: hits, docs: byID, rank: rank,
                                            pageHits: facetPageHits) { try save($1, folder + "/" + $0) }
        }
        for code in areas.facets {
            try facet("area", "领域", SiteLabels.area(code), code, SiteLabels.codeSlug(code), areas.hits(code))
        }
        for code in topics.facets {
            try facet("topic", "主题", SiteLabels.topic(code), code, SiteLabels.codeSlug(code), topics.hits(code))
        }
        for unit in units.facets {
            try facet("unit", "单位", unit, nil, SiteLabels.unitSlug(unit), units.hits(unit))
        }
        try save(UnresolvedUnitsPage.render(unresolved, docs: byID), UnresolvedUnitsPage.file)
    }

    func counts(_ m: FacetSpill) -> [(String, Int)] {
        m.counts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }

    func save(_ html: String, _ rel: String) throws {
        try FileOutput.write(Array(html.utf8), to: root.appendingPathComponent(rel))
    }

    func save(_ page: HTMLWriter, _ rel: String) throws {
        try FileOutput.write(page.bytes, to: root.appendingPathComponent(rel))
    }

    static func caption(_ c: Clause) -> String {
        let base = c.heading.isEmpty ? c.text : c.heading
        return c.label + clipped(base, 28)
    }

    /// `s.count > n ? String(s.prefix(n)) + "…" : s`, counting at most n + 1 characters.
    ///
    /// Counting characters means finding grapheme cluster breaks (0.6 CPU-s at 10,000
    /// documents, for search excerpts and captions). While the scalars read so far are ones
    /// that are always a character of their own, whatever their neighbours (`isAlone`:
    /// Chinese text, ASCII, common punctuation), the scalars are the characters and are counted
    /// directly; at the first other scalar the count starts again the general way.
    static func clipped(_ s: String, _ n: Int) -> String {
        if s.utf8.count <= n { return s }
        let scalars = s.unicodeScalars
        var i = scalars.startIndex, k = 0
        while i != scalars.endIndex && isAlone(scalars[i].value) {
            // n scalars before i, each a character, and scalar i starts the next one.
            if k == n { return String(s[..<i]) + "…" }
            k += 1
            i = scalars.index(after: i)
        }
        if i == scalars.endIndex { return s }   // at most n scalars, all characters
        guard let cut = s.index(s.startIndex, offsetBy: n, limitedBy: s.endIndex), cut != s.endIndex else { return s }
        return String(s[..<cut]) + "…"
    }

    /// Scalars whose grapheme cluster break property is Other or LF/Control other than CR, and
    /// that no following scalar here can extend: each is a character by itself.
    static func isAlone(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x0A, 0x20...0x7E, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xFF01...0xFF5E, 0x2010...0x2027: return true
        default: return false
        }
    }
}
