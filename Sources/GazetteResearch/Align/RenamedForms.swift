import Foundation

/// The comparison data of one clause's text after unit renames, kept for the next
/// comparison that renames it to the same scalars.
///
/// A clause naming an old unit (市环保局) is renamed in every comparison it takes part in —
/// its diff page, the page of the document after it, both coverage years it belongs to —
/// and each comparison's renames (`UnitRenames.forClauses` of the documents compared)
/// nearly always give the same renamed text. Key, bigrams and LCS masks depend on that
/// text alone, so they are computed once per distinct renamed text, not once per comparison.
/// Shared by the concurrent page writers of a region, hence the lock.
final class RenamedForms: @unchecked Sendable {
    /// What `ComparableClause` derives from a renamed text.
    struct Form {
        let scalars: [Unicode.Scalar]
        let key: [UInt32]
        let bigrams: [UInt64]
        let bigramCounts: [Int32]
        let masks: LCSMasks

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
            key = ComparableClause.normalize(scalars: scalars)
            let bc = ComparableClause.bigramsWithCounts(key)
            bigrams = bc.bigrams; bigramCounts = bc.counts
            masks = LCSMasks(key)
        }
    }

    /// Distinct renamed texts kept per clause (masks are several times the text's memory;
    /// a clause meets one or two in practice).
    static let capacity = 4
    private let lock = NSLock()
    private var forms: [Form] = []

    /// The form of `renamed`, computed on first use.
    func form(_ renamed: [Unicode.Scalar]) -> Form {
        lock.lock()
        if let f = forms.first(where: { $0.scalars == renamed }) { lock.unlock(); return f }
        lock.unlock()
        let f = Form(renamed)   // outside the lock: two writers may both compute it, with the same result
        lock.lock()
        if forms.count < Self.capacity && !forms.contains(where: { $0.scalars == renamed }) { forms.append(f) }
        lock.unlock()
        return f
    }
}
