import Foundation
import GazetteModel
import GazetteOutput

/// The bulky parts of every input's signature — the shingle sample that dedup verifies a
/// candidate pair with, and the clause signatures of a structured input — kept in a
/// `SpillFile` in the cache folder from prepare until they are read: the sample for the
/// few candidate pairs, the clause signatures once per canonical copy. In memory they were
/// 6–20 KB an input, over a gigabyte at 100,000 files; what stays is the MinHash (512 bytes)
/// and a file reference.
final class SignatureSpill: @unchecked Sendable {
    private let file: SpillFile

    init(folder: URL?) { file = SpillFile(folder: folder, name: "signatures") }

    /// Where one input's sample and clause signatures are: two records, so that dedup's
    /// pair checks read the sample alone.
    struct Refs: Sendable, Equatable {
        var sample: SpillFile.Ref
        var clauses: SpillFile.Ref
    }

    /// Moves the sample and clause signatures of `outcome`'s summary to the file.
    func stash(_ outcome: PipelineRunner.Outcome) -> PipelineRunner.Outcome {
        guard case .prepared(var p) = outcome, p.spilled == nil else { return outcome }
        var sample = DocumentBinary.Writer()
        sample.words(p.summary.signature.sample)
        p.spilled = Refs(sample: file.append(sample.out), clauses: stash(p.summary.signature.clauses))
        p.summary.signature.sample = []
        p.summary.signature.clauses = ClauseSignatures()
        return .prepared(p)
    }

    /// `p`'s shingle sample (as prepare made it).
    func sample(_ p: PipelineRunner.Prepared) -> [UInt32] {
        guard let ref = p.spilled?.sample, let bytes = try? file.read(ref) else { return p.summary.signature.sample }
        return bytes.withUnsafeBytes { raw in
            var r = DocumentBinary.Reader(raw)
            return (try? r.words(UInt32.self)) ?? []
        }
    }

    /// `p`'s clause signatures (as prepare made them).
    func clauses(_ p: PipelineRunner.Prepared) -> ClauseSignatures {
        guard let ref = p.spilled?.clauses else { return p.summary.signature.clauses }
        return clauses(at: ref)
    }

    /// Where `p`'s clause signatures are in the file (put there when they were still in its summary).
    func clauseRef(_ p: PipelineRunner.Prepared) -> SpillFile.Ref {
        p.spilled?.clauses ?? stash(p.summary.signature.clauses)
    }

    /// Appends clause signatures (of a document structured in this run) to the file.
    func stash(_ clauses: ClauseSignatures) -> SpillFile.Ref {
        var w = DocumentBinary.Writer()
        CacheBinary.write(clauses, &w)
        return file.append(w.out)
    }

    /// The clause signatures at `ref` (empty if they cannot be read back).
    func clauses(at ref: SpillFile.Ref) -> ClauseSignatures {
        guard let bytes = try? file.read(ref) else { return ClauseSignatures() }
        return bytes.withUnsafeBytes { raw in
            var r = DocumentBinary.Reader(raw)
            return (try? CacheBinary.readClauses(&r)) ?? ClauseSignatures()
        }
    }

    /// `p`'s summary with its sample and clause signatures back (as prepare made them).
    func restored(_ p: PipelineRunner.Prepared) -> PreparedSummary {
        guard p.spilled != nil else { return p.summary }
        var s = p.summary
        s.signature.sample = sample(p)
        s.signature.clauses = clauses(p)
        return s
    }
}
