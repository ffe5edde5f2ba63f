import Foundation
import GazetteModel
import GazetteOutput

/// `site/search/`: the clause search index, streamed into script chunks of about
/// `chunkBytes` each — `0001.js`, `0002.js`, … each one call
/// `GAZETTE_SEARCH_CHUNK(n, [[id, title, region, year, [[clause, label, heading, text]…]]…]);`
/// — and `chunks.js`, `var GAZETTE_SEARCH = {"chunks": N, "documents": D, "clauses": C};`.
///
/// Scripts rather than fetched data, so search works from file:// too. Chunks, so that the
/// search page shows its first results after reading one chunk: a single index file was
/// 44 MB at 10,000 documents (440 MB at 100,000), more than a browser should be asked to
/// parse before the first result. Chunk boundaries depend only on the documents and their
/// order, so the same corpus gives the same files.
final class SearchIndexWriter {
    static let maxText = 400
    let folder: URL
    let chunkBytes: Int
    private var current: [UInt8] = []
    private(set) var chunks = 0, documents = 0, clauses = 0

    init(folder: URL, chunkBytes: Int) throws {
        self.folder = folder
        self.chunkBytes = max(1, chunkBytes)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// The file name of chunk `n` (1-based).
    static func chunkName(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s + ".js"
    }

    func add(_ d: Document) throws {
        var clauseRows: [[String]] = []
        clauseRows.reserveCapacity(d.clauses.count)
        for c in d.clauses { clauseRows.append([c.id, c.label, c.heading, SiteSink.clipped(c.text, Self.maxText)]) }
        let entry = Entry(id: d.id, title: d.title.isEmpty ? d.id : d.title, region: d.region ?? "",
                          year: d.year.map(String.init) ?? "", clauses: clauseRows)
        if current.isEmpty {
            current.reserveCapacity(chunkBytes + 64 << 10)
            current += Array("GAZETTE_SEARCH_CHUNK(\(chunks + 1), [\n".utf8)
        } else {
            current += Array(",\n".utf8)
        }
        current += entry.json()
        documents += 1
        clauses += d.clauses.count
        if current.count >= chunkBytes { try flush() }
    }

    private func flush() throws {
        guard !current.isEmpty else { return }
        chunks += 1
        current += Array("\n]);\n".utf8)
        try FileOutput.write(current, to: folder.appendingPathComponent(Self.chunkName(chunks)))
        current.removeAll(keepingCapacity: true)
    }

    /// Writes the last chunk and `chunks.js`.
    func close() throws {
        try flush()
        current = []
        let meta = "var GAZETTE_SEARCH = {\"chunks\": \(chunks), \"documents\": \(documents), \"clauses\": \(clauses)};\n"
        try FileOutput.write(Array(meta.utf8), to: folder.appendingPathComponent("chunks.js"))
    }

    /// Encoded as a JSON array (positional, to keep the chunks small).
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
