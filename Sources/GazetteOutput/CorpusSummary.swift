import GazetteModel

/// Everything a sink learns about the corpus as a whole once every document is written.
public struct CorpusSummary: Sendable {
    public var documents: [DocumentSummary]
    public var manifest: Manifest
    public init(documents: [DocumentSummary], manifest: Manifest) { self.documents = documents; self.manifest = manifest }
}

/// The small per-document facts that index and facet pages need.
public struct DocumentSummary: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var planTitle: String
    public var docType: String
    public var region: String?
    public var year: Int?
    public var issuer: String?
    public var issueDate: String?
    public var clauseCount: Int
    public var areas: [String: Int]
    public var topics: [String: Int]
    public var units: [String: Int]
    public var duplicates: Int
    /// The document's quality record (`Document.quality`): listed on the site's quality page and in the manifest.
    public var quality: DocumentQuality

    public init(_ d: Document) {
        id = d.id; title = d.title; planTitle = d.planTitle; docType = d.docType.rawValue
        region = d.region; year = d.year; issuer = d.issuer; issueDate = d.issueDate
        clauseCount = d.clauses.count
        var a: [String: Int] = [:], t: [String: Int] = [:], u: [String: Int] = [:]
        for c in d.clauses {
            if let area = c.area { a[area, default: 0] += 1 }
            for x in c.topics { t[x, default: 0] += 1 }
            for m in Set(c.units.map { $0.canonical ?? $0.name }) { u[m, default: 0] += 1 }
        }
        areas = a; topics = t; units = u; duplicates = d.duplicates.count
        quality = d.quality
    }
}
