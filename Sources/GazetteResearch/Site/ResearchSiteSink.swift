import Foundation
import GazetteCore
import GazetteModel

/// Adds the researchers' pages to the HTML gazette: `site/diff/<id>.html` for every
/// published document (its diff against the same region's previous year of the same
/// doc_type, or a page saying there is none) and `site/compare.html` (area heat map).
public final class ResearchSiteSink: OutputSink {
    public let name = "research"
    var site: URL!
    var documents: [Document] = []
    public init() {}

    public func begin(staging: URL) throws {
        site = staging.appendingPathComponent("site")
        documents = []
        try FileManager.default.createDirectory(at: site.appendingPathComponent("diff"), withIntermediateDirectories: true)
    }

    public func write(_ document: Document) throws {
        var d = document
        d.text = ""; d.removed = []; d.appendices = []   // keep only what the pages need
        for k in d.clauses.indices { d.clauses[k].original = ""; d.clauses[k].evidence = [] }
        documents.append(d)
    }

    public func finish(_ corpus: CorpusSummary) throws {
        let docs = documents.sorted { $0.id < $1.id }
        for d in docs {
            let page: String
            if let prev = Self.previous(of: d, in: docs) {
                let diff = DocumentDiff.make(prev, d)
                page = DiffRenderer(diff: diff, a: prev, b: d).html()
            } else {
                let what = "\(d.region ?? "unknown region") \(d.year.map { String($0 - 1) } ?? "previous year") \(d.docType.rawValue)"
                page = HTML.page(title: "Diff \(d.id)", stylesheet: "../assets/style.css", body:
                    "<h1>对照 · Diff</h1>\n<p><a href=\"../doc/\(HTML.segment(d.id)).html\">\(HTML.text(d.title))</a></p>\n<p>No earlier document to compare with (\(HTML.text(what))).</p>")
            }
            try Data(page.utf8).write(to: site.appendingPathComponent("diff").appendingPathComponent(d.id + ".html"))
        }
        let table = CoverageTable.make(docs, by: [.region, .year], axis: .area)
        try Data(CoverageRenderer(table).html().utf8).write(to: site.appendingPathComponent("compare.html"))
        documents = []
    }

    /// The latest document of the same region and doc_type from an earlier year (ties: smallest id).
    public static func previous(of d: Document, in docs: [Document]) -> Document? {
        guard let region = d.region, let year = d.year else { return nil }
        return docs.filter { $0.region == region && $0.docType == d.docType && ($0.year ?? Int.max) < year }
            .min { x, y in (x.year! != y.year!) ? x.year! > y.year! : x.id < y.id }
    }
}
