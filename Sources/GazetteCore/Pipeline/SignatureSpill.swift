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

    /// Moves the sample and clause signatures of `outcome`'s summary to the file.
    func stash(_ outcome: PipelineRunner.Outcome) -> PipelineRunner.Outcome {
        guard case .prepared(var p) = outcome, p.spilled == nil else { return outcome }
        var w = DocumentBinary.Writer()
        w.words(p.summary.signature.sample)
        CacheBinary.write(p.summary.signature.clauses, &w)
        p.spilled = file.append(w.out)
        p.summary.signature.sample = []
        p.summary.signature.clauses = ClauseSignatures()
        return .prepared(p)
    }

    /// `p`'s summary with its sample and clause signatures back (as prepare made them).
    func restored(_ p: PipelineRunner.Prepared) -> PreparedSummary {
        guard let ref = p.spilled, let bytes = try? file.read(ref) else { return p.summary }
        var s = p.summary
        bytes.withUnsafeBytes { raw in
            var r = DocumentBinary.Reader(raw)
            if let sample = try? r.words(UInt32.self), let clauses = try? CacheBinary.readClauses(&r) {
                s.signature.sample = sample
                s.signature.clauses = clauses
            }
        }
        return s
    }
}
