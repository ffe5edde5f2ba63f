import Foundation
import GazetteModel

/// What the dedup stage keeps of each document: computed once per document while it is
/// processed (and cached with it), small enough to hold for the whole corpus.
///
/// Memory per document, for a typical 10,000-character plan: the MinHash (128 × 4 bytes),
/// a *consistent sample* of the shingle hashes for verification (at most 2 × 1,024 × 4
/// bytes), and per clause 16 band keys plus its 16-bit shingle set (≈ 0.4 KB for a
/// 150-character clause). About 30 KB for a 50-clause document, 300 MB for 10,000.
public struct DedupSignature: Codable, Sendable, Equatable {
    /// Verification keeps the shingle hashes whose low `sampleLevel` bits are zero, the level
    /// chosen so that between `sampleTarget` and twice as many remain.
    public static let sampleTarget = 1024

    /// `DedupSettings.signatureFingerprint` of the settings it was made with.
    public var parameters: String
    /// SHA-256 of the canonical character stream of the cleaned, normalized text.
    public var textHash: String
    /// MinHash of the document's shingles (`permutations` values).
    public var minhash: [UInt32]
    /// Sampling level of `sample` (0 = every shingle kept).
    public var sampleLevel: Int
    /// Sorted upper 32 bits of the kept shingle hashes.
    public var sample: [UInt32]
    /// The clauses' signatures.
    public var clauses: ClauseSignatures
    /// The script the source was written in (simplified | mixed | traditional), for the canonical-copy rule.
    public var script: String

    public init(parameters: String, textHash: String, minhash: [UInt32], sampleLevel: Int, sample: [UInt32],
                clauses: ClauseSignatures, script: String = "simplified") {
        self.parameters = parameters; self.textHash = textHash; self.minhash = minhash
        self.sampleLevel = sampleLevel; self.sample = sample; self.clauses = clauses; self.script = script
    }

    public static func make(for doc: Document, settings: DedupSettings) -> DedupSignature {
        var s = document(text: doc.text, settings: settings, script: doc.source.script)
        s.clauses = ClauseSignatures.make(for: doc, settings: settings)
        return s
    }

    /// The signature of a text and its clauses (id, text).
    public static func make(text: String, clauses: [(id: String, text: String)], settings: DedupSettings,
                            script: String = "simplified") -> DedupSignature {
        var s = document(text: text, settings: settings, script: script)
        s.clauses = ClauseSignatures.make(zip(clauses, IdiomFolding.fold(clauses.map(\.text), config: settings.fold))
                                            .map { (id: $0.0.id, text: $0.1) }, settings: settings)
        return s
    }

    /// The signature of a whole text without clause signatures: all the document-level
    /// dedup needs, so it can run before the structure stage finds the clauses.
    public static func document(text: String, settings: DedupSettings, script: String = "simplified") -> DedupSignature {
        let stream = IdiomFolding.canonicalStream(text, config: settings.fold)
        let hash = stream.withUnsafeBytes { SHA256Digest.hex($0) }
        // Unique but unsorted: MinHash and the sample need the set, not its order.
        let shingles = stream.withUnsafeBufferPointer { Shingler.uniqueHashes($0, k: settings.shingle) }
        let minhash = MinHasher.cached(permutations: settings.permutations).signature(shingles)
        var level = 0
        while (shingles.count >> level) > 2 * sampleTarget { level += 1 }
        let mask = UInt32((1 << level) - 1)
        var sample: [UInt32] = []
        sample.reserveCapacity((shingles.count >> level) + 64)
        for x in shingles {
            let v = UInt32(truncatingIfNeeded: x >> 32)
            if v & mask == 0 { sample.append(v) }
        }
        Shingler.radixSort(&sample)
        sample = Shingler.dedupSorted(sample)
        return DedupSignature(parameters: settings.signatureFingerprint, textHash: hash, minhash: minhash,
                              sampleLevel: level, sample: sample, clauses: ClauseSignatures(), script: script)
    }

    /// Jaccard similarity of the two documents' shingle sets, computed exactly on their
    /// common consistent sample (the coarser of the two levels). Exact for documents of
    /// up to 2,048 shingles; beyond that the standard error is below 0.01 at 0.9.
    public func similarity(to other: DedupSignature) -> Double {
        let level = max(sampleLevel, other.sampleLevel)
        if level == sampleLevel && level == other.sampleLevel { return Shingler.jaccard(sample[...], other.sample[...]) }
        let mask = UInt32((1 << level) - 1)
        let a = sampleLevel == level ? sample : sample.filter { $0 & mask == 0 }
        let b = other.sampleLevel == level ? other.sample : other.sample.filter { $0 & mask == 0 }
        return Shingler.jaccard(a[...], b[...])
    }

    enum CodingKeys: String, CodingKey { case parameters, textHash, minhash, sampleLevel, sample, clauses, script }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        parameters = try c.decode(String.self, forKey: .parameters)
        textHash = try c.decode(String.self, forKey: .textHash)
        minhash = try PackedArray.decode(c.decode(Data.self, forKey: .minhash))
        sampleLevel = try c.decode(Int.self, forKey: .sampleLevel)
        sample = try PackedArray.decode(c.decode(Data.self, forKey: .sample))
        clauses = try c.decode(ClauseSignatures.self, forKey: .clauses)
        script = try c.decode(String.self, forKey: .script)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(textHash, forKey: .textHash)
        try c.encode(PackedArray.encode(minhash), forKey: .minhash)
        try c.encode(sampleLevel, forKey: .sampleLevel)
        try c.encode(PackedArray.encode(sample), forKey: .sample)
        try c.encode(clauses, forKey: .clauses)
        try c.encode(script, forKey: .script)
    }
}

/// Integer arrays stored as little-endian bytes (base64 in JSON): a tenth of the size of
/// a JSON number list in the cache, and faster to read back.
enum PackedArray {
    static func encode<T: FixedWidthInteger>(_ a: [T]) -> Data {
        var data = Data(count: a.count * MemoryLayout<T>.size)
        data.withUnsafeMutableBytes { raw in
            for (i, v) in a.enumerated() { raw.storeBytes(of: v.littleEndian, toByteOffset: i * MemoryLayout<T>.size, as: T.self) }
        }
        return data
    }

    static func decode<T: FixedWidthInteger>(_ data: Data) throws -> [T] {
        let size = MemoryLayout<T>.size
        guard data.count % size == 0 else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "packed array of \(data.count) bytes"))
        }
        return data.withUnsafeBytes { raw in
            (0..<(data.count / size)).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * size, as: T.self)) }
        }
    }
}
