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
            let text = SiteSink.clipped(c.text, Self.maxText)
            clauses.append([c.id, c.label, c.heading, text])
        }
        let entry = Entry(id: d.id, title: d.title.isEmpty ? d.id : d.title, region: d.region ?? "", year: d.year.map(String.init) ?? "", clauses: clauses)
        var line = Array("GAZETTE_INDEX.push(".utf8)
        line += entry.json()
        line += Array(");\n".utf8)
        try handle.write(contentsOf: line)
    }

    func close() throws { try handle.close() }

    /// Encoded as a JSON array (positional, to keep the file small).
    struct Entry: Encodable {
        var id, title, region, year: String
        var clauses: [[String]]
        /// What JSONEncoder (default options: "/" escaped) writes for `self`, written directly.
        func json() -> [UInt8] {
            var w = JSONBytes(pretty: false, escapeSlashes: true, capacity: 4096)
            w.beginArray()
            for s in [id, title, region, year] { w.item(); w.string(s) }
            w.item(); w.beginArray()
            for c in clauses { w.item(); w.stringArray(c) }
            w.endArray()
            w.endArray()
            return w.bytes
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(id); try c.encode(title); try c.encode(region); try c.encode(year); try c.encode(clauses)
        }
    }
}
