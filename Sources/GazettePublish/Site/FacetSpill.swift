import Foundation
import GazetteModel
import GazetteOutput

/// The hits of one kind of facet page (area, topic or unit → the clauses under it), kept
/// out of memory from the document's `write` until `finish` renders the pages.
///
/// In memory they were three strings a clause per facet, growing with the corpus (with the
/// other spills, the 10,000-file low-duplicate run's peak fell from 812 to 565 MiB). Each facet's hits are encoded into a small buffer that goes to
/// a `SpillFile` in the staging folder when it reaches `blockBytes`; what stays in memory
/// is a buffer and a list of block references per facet.
final class FacetSpill {
    static let blockBytes = 16 << 10
    private let file: SpillFile
    private var buffers: [String: [UInt8]] = [:]
    private var blocks: [String: [SpillFile.Ref]] = [:]
    private(set) var counts: [String: Int] = [:]

    init(folder: URL?) { file = SpillFile(folder: folder, name: "facets") }

    /// Facet names, sorted.
    var facets: [String] { counts.keys.sorted() }

    func add(_ facet: String, _ hit: SiteSink.FacetHit) {
        var w = DocumentBinary.Writer(out: buffers.removeValue(forKey: facet) ?? [])
        w.string(hit.doc); w.string(hit.clause); w.string(hit.caption)
        counts[facet, default: 0] += 1
        if w.out.count >= Self.blockBytes { blocks[facet, default: []].append(file.append(w.out)) } else { buffers[facet] = w.out }
    }

    /// The facet's hits in the order they were added.
    func hits(_ facet: String) throws -> [SiteSink.FacetHit] {
        var out: [SiteSink.FacetHit] = []
        out.reserveCapacity(counts[facet] ?? 0)
        func decode(_ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { raw in
                var r = DocumentBinary.Reader(raw)
                while !r.atEnd { out.append(SiteSink.FacetHit(doc: try r.string(), clause: try r.string(), caption: try r.string())) }
            }
        }
        for b in blocks[facet] ?? [] { try decode(file.read(b)) }
        try decode(buffers[facet] ?? [])
        return out
    }
}
