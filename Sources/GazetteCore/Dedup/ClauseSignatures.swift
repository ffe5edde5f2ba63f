import Foundation
import GazetteModel

/// The clause signatures of one document, packed into a few flat arrays (one allocation
/// each rather than several per clause, which matters at millions of clauses).
///
/// Per clause: its id, a 64-bit hash of its canonical text (identical clauses), its LSH
/// band keys (`clause_bands` keys over a `clause_bands × clause_rows` MinHash), and its
/// shingle set as sorted 16-bit hashes — enough to compute the Jaccard similarity of two
/// clauses exactly up to rare 16-bit collisions (≈ 0.3 false matches between two
/// 150-shingle clauses, an error below 0.002).
public struct ClauseSignatures: Codable, Sendable, Equatable {
    /// Clauses shorter than this many canonical characters (bare headings such as 总体要求)
    /// are not linked: they would match everywhere and say nothing.
    public static let minimumCharacters = 12

    public var ids: [String] = []
    public var exact: [UInt64] = []
    public var bandCount = 0
    public var bands: [UInt32] = []
    public var offsets: [UInt32] = [0]
    public var shingles: [UInt16] = []

    public init() {}
    public var count: Int { ids.count }

    public static func make(_ clauses: [(id: String, text: String)], settings: DedupSettings) -> ClauseSignatures {
        var out = ClauseSignatures()
        out.bandCount = settings.clauseBands
        let hasher = MinHasher(permutations: settings.clauseBands * settings.clauseRows, seed: 0x636c_6175_7365)
        for (id, text) in clauses {
            let stream = Shingler.canonical(text)
            if stream.count < minimumCharacters { continue }
            // The set in any order: MinHash ignores order and the 16-bit set is sorted below.
            let hashes = stream.withUnsafeBufferPointer { Shingler.uniqueHashes($0, k: settings.shingle) }
            var exact: UInt64 = 0xcbf29ce484222325
            for v in stream { exact = (exact ^ UInt64(v)) &* 0x100000001b3 }
            out.ids.append(id)
            out.exact.append(Shingler.mix(exact))
            out.bands += MinHasher.bandKeys(hasher.signature(hashes)[...], bands: settings.clauseBands, rows: settings.clauseRows)
            var small = hashes.map { UInt16(truncatingIfNeeded: $0 >> 48) }
            Shingler.radixSort(&small)
            out.shingles += Shingler.dedupSorted(small)
            out.offsets.append(UInt32(out.shingles.count))
        }
        return out
    }

    /// The signatures of a structured document's clauses (a bare heading stands for its
    /// clause), folded like the document's text.
    public static func make(for doc: Document, settings: DedupSettings) -> ClauseSignatures {
        let texts = doc.clauses.map { $0.text.isEmpty ? $0.heading : $0.text }
        return make(zip(doc.clauses, IdiomFolding.fold(texts, config: settings.fold)).map { (id: $0.0.id, text: $0.1) },
                    settings: settings)
    }

    func shingles(of i: Int) -> ArraySlice<UInt16> { shingles[Int(offsets[i])..<Int(offsets[i + 1])] }
    func band(_ i: Int, _ b: Int) -> UInt32 { bands[i * bandCount + b] }

    enum CodingKeys: String, CodingKey { case ids, exact, bandCount, bands, offsets, shingles }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ids = try c.decode([String].self, forKey: .ids)
        exact = try PackedArray.decode(c.decode(Data.self, forKey: .exact))
        bandCount = try c.decode(Int.self, forKey: .bandCount)
        bands = try PackedArray.decode(c.decode(Data.self, forKey: .bands))
        offsets = try PackedArray.decode(c.decode(Data.self, forKey: .offsets))
        shingles = try PackedArray.decode(c.decode(Data.self, forKey: .shingles))
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ids, forKey: .ids)
        try c.encode(PackedArray.encode(exact), forKey: .exact)
        try c.encode(bandCount, forKey: .bandCount)
        try c.encode(PackedArray.encode(bands), forKey: .bands)
        try c.encode(PackedArray.encode(offsets), forKey: .offsets)
        try c.encode(PackedArray.encode(shingles), forKey: .shingles)
    }
}
