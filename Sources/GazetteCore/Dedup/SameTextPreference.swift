import Foundation
import GazetteModel

/// Of the inputs with the same normalized text, the one dedup will keep as the canonical
/// copy so far (`Deduplicator.preferred`), tracked as inputs arrive from the prepare
/// workers. The prepare phase asks it before spending its memory budget on an input, so
/// the budget goes to distinct texts and holds the copy that will be structured; the
/// budget itself knows nothing of dedup's rule.
public final class SameTextPreference: @unchecked Sendable {
    private var current: [String: (index: Int, candidate: DedupCandidate)] = [:]
    private let lock = NSLock()

    public init() {}

    /// Records input `index`: whether it is now the preferred copy of its text, and the
    /// input it displaced as such (which need no longer be held).
    public func offer(_ index: Int, _ candidate: DedupCandidate) -> (preferred: Bool, displaced: Int?) {
        lock.lock(); defer { lock.unlock() }
        let text = candidate.signature.textHash
        guard let held = current[text] else {
            current[text] = (index, candidate)
            return (true, nil)
        }
        guard Deduplicator.preferred(candidate, held.candidate) else { return (false, nil) }
        current[text] = (index, candidate)
        return (true, held.index)
    }

    /// Forgets the preferred copy of `candidate`'s text (it could not be held), so the next
    /// copy of that text is offered afresh.
    public func withdraw(_ index: Int, _ candidate: DedupCandidate) {
        lock.lock(); defer { lock.unlock() }
        if current[candidate.signature.textHash]?.index == index { current[candidate.signature.textHash] = nil }
    }
}

extension DedupResult {
    /// Writes what dedup found about `document` into it: its other copies, and for each
    /// clause the similar clauses elsewhere in the corpus.
    public func apply(to document: inout Document) {
        document.duplicates = copies[document.id] ?? []
        let sim = links.links(of: document.id)
        if sim.isEmpty { return }
        for k in document.clauses.indices { document.clauses[k].similar = sim[document.clauses[k].id] ?? [] }
    }
}
