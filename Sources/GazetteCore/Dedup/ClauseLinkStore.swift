import Foundation
import GazetteModel
import GazetteOutput

/// The similar-clause links of every published document (dedup step 5), one record a
/// document, read back one document at a time when it is published.
///
/// Held as a dictionary of `SimilarClause` values they grew with the corpus between dedup
/// and publish (558,045 links at 10,000 low-duplicate files). In a run they go to a spill file in the cache folder, unlinked as soon
/// as it is opened so that nothing is left behind however the run ends; only an offset per
/// document stays in memory. Without a folder (tests, `Deduplicator.run`) the records are
/// kept in memory in the same binary form.
public final class ClauseLinkStore: @unchecked Sendable {
    private let file: SpillFile
    private var index: [String: SpillFile.Ref] = [:]

    /// A store in a spill file under `folder` (in memory without one).
    public init(folder: URL? = nil) { file = SpillFile(folder: folder, name: "links") }

    /// The documents that have links.
    public var ids: [String] { Array(index.keys) }

    /// Stores the links of document `id` (clause id → similar clauses, best first). Called
    /// from one thread, before any `links(of:)`.
    public func add(_ id: String, _ links: [String: [SimilarClause]]) {
        var w = DocumentBinary.Writer()
        w.count(links.count)
        for (clause, similar) in links {
            w.string(clause)
            w.count(similar.count)
            // Scores are thousandths (`ClauseLinker` rounds them): stored as the integer, two bytes.
            for s in similar {
                w.string(s.doc); w.string(s.clause)
                let k = UInt16(clamping: Int((s.score * 1000).rounded()))
                w.out.append(UInt8(k & 0xFF)); w.out.append(UInt8(k >> 8))
            }
        }
        index[id] = file.append(w.out)
    }

    /// The links of document `id`: clause id → similar clauses, best first (empty when none).
    /// Safe from any number of threads once every document was added.
    public func links(of id: String) -> [String: [SimilarClause]] {
        guard let ref = index[id], let bytes = try? file.read(ref) else { return [:] }
        return bytes.withUnsafeBytes { raw in
            var r = DocumentBinary.Reader(raw)
            var out: [String: [SimilarClause]] = [:]
            guard let n = try? r.count() else { return [:] }
            for _ in 0..<n {
                guard let clause = try? r.string(), let m = try? r.count() else { return out }
                var similar: [SimilarClause] = []
                similar.reserveCapacity(m)
                for _ in 0..<m {
                    guard let doc = try? r.string(), let other = try? r.string(), let lo = try? r.byte(), let hi = try? r.byte() else { return out }
                    similar.append(SimilarClause(doc: doc, clause: other, score: Double(Int(lo) | Int(hi) << 8) / 1000))
                }
                out[clause] = similar
            }
            return out
        }
    }
}
