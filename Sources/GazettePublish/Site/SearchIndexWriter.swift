import Foundation
import GazetteModel

/// `site/search-index.js`, streamed: `GAZETTE_INDEX.push([id, title, region, year, [[clause, label, heading, text]…]]);`
/// per document. A script file, not fetched data, so search works from file:// too.
final class SearchIndexWriter {
    let handle: FileHandle
    static let maxText = 400
    init(url: URL) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("var GAZETTE_INDEX = [];\n".utf8))
    }

    func add(_ d: Document) throws {
        var clauses: [[String]] = []
        for c in d.clauses {
            let text = c.text.count > Self.maxText ? String(c.text.prefix(Self.maxText)) + "…" : c.text
            clauses.append([c.id, c.label, c.heading, text])
        }
        let entry = Entry(id: d.id, title: d.title.isEmpty ? d.id : d.title, region: d.region ?? "", year: d.year.map(String.init) ?? "", clauses: clauses)
        var line = Data("GAZETTE_INDEX.push(".utf8)
        line.append(try JSONEncoder().encode(entry))
        line.append(Data(");\n".utf8))
        try handle.write(contentsOf: line)
    }

    func close() throws { try handle.close() }

    /// Encoded as a JSON array (positional, to keep the file small).
    struct Entry: Encodable {
        var id, title, region, year: String
        var clauses: [[String]]
        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(id); try c.encode(title); try c.encode(region); try c.encode(year); try c.encode(clauses)
        }
    }
}
