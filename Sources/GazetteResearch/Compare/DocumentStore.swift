import Foundation
import GazetteCore
import GazetteModel

/// Reads published documents from an Output folder: `documents/<id>.json`, or
/// `corpus.jsonl.gz` when the per-document files are absent.
public enum DocumentStore {
    public enum Failure: Error, CustomStringConvertible {
        case notFound(String), unreadable(String, String)
        public var description: String {
            switch self {
            case .notFound(let s): return "no published documents in \(s)"
            case .unreadable(let p, let why): return "cannot read \(p): \(why)"
            }
        }
    }

    /// Every document under `output`, in id order.
    public static func loadAll(output: URL) throws -> [Document] {
        var docs: [Document] = []
        try forEach(output: output) { docs.append($0) }
        return docs.sorted { $0.id < $1.id }
    }

    /// Every document under `output`, decoded on every core a batch at a time and handed to
    /// `body` one by one (in file order, not necessarily id order), so that a caller keeping
    /// only part of each never holds the whole corpus.
    public static func forEach(output: URL, batch: Int = 256, _ body: (Document) throws -> Void) throws {
        // Where the records are: their count, and how to decode the i-th.
        let count: Int, decode: (Int) throws -> Document
        let dir = output.appendingPathComponent("documents")
        let fm = FileManager.default
        if let names = try? fm.contentsOfDirectory(atPath: dir.path), names.contains(where: { $0.hasSuffix(".json") }) {
            let files = names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
            count = files.count
            decode = { try load(file: files[$0]) }
        } else {
            let gz = output.appendingPathComponent("corpus.jsonl.gz")
            guard let data = fm.contents(atPath: gz.path) else { throw Failure.notFound(output.path) }
            let bytes: [UInt8]
            do { bytes = try Gzip.inflate(Array(data), cap: 1 << 31) } catch { throw Failure.unreadable(gz.path, "\(error)") }
            let lines = bytes.split(separator: UInt8(ascii: "\n")).filter { !$0.isEmpty }
            count = lines.count
            decode = { i in
                do { return try JSONDecoder().decode(Document.self, from: Data(lines[i])) } catch { throw Failure.unreadable(gz.path, "\(error)") }
            }
        }
        for start in stride(from: 0, to: count, by: batch) {
            let decoded = Parallel.map(min(batch, count - start)) { i in Result { try decode(start + i) } }
            for r in decoded { try body(r.get()) }
        }
    }

    /// One document record (`documents/<id>.json` or any file holding one).
    public static func load(file: URL) throws -> Document {
        guard let data = FileManager.default.contents(atPath: file.path) else { throw Failure.notFound(file.path) }
        do { return try JSONDecoder().decode(Document.self, from: data) } catch { throw Failure.unreadable(file.path, "\(error)") }
    }

    /// A document without what comparisons never read — its full text, removed spans,
    /// appendices, its copies, and each clause's original text, evidence and links to similar
    /// clauses — a third of its size. Without the copies and links, a document whose only
    /// change is a new copy or a new similar clause elsewhere compares as before, so the
    /// research pages of its region are reused (`ResearchSiteSink`).
    public static func trimmedForComparison(_ document: Document) -> Document {
        var d = document
        d.text = ""; d.removed = []; d.appendices = []; d.duplicates = []
        for k in d.clauses.indices { d.clauses[k].original = ""; d.clauses[k].evidence = []; d.clauses[k].similar = [] }
        return d
    }
}
