/// Candidate pairs for locality-sensitive hashing: items that share a key in some band.
///
/// Per band the (key, item) pairs are sorted, so each bucket is a run; no hash table of
/// buckets is kept. A pair that also shares an earlier band was already visited there and
/// is skipped, so each pair is visited once without a set of seen pairs. A bucket larger
/// than `cap` (a boilerplate paragraph in thousands of documents) is not expanded into all
/// of its pairs: its items are ordered by the next band's key, which puts the closest ones
/// side by side, and each is paired with the `window` items after it.
/// - Complexity: O(bands · n log n + pairs visited), at most O(bands · n · max(cap, window)) pairs.
struct LSHCandidates {
    var count: Int
    var bands: Int
    var cap = 256
    var window = 32

    func forEachPair(key: (_ item: Int, _ band: Int) -> UInt32, visit: (Int, Int) -> Void) {
        if count < 2 || bands < 1 { return }
        var entries = [UInt64](repeating: 0, count: count)
        for b in 0..<bands {
            for i in 0..<count { entries[i] = UInt64(key(i, b)) << 32 | UInt64(i) }
            entries.sort()
            var start = 0
            while start < count {
                let k = entries[start] >> 32
                var end = start + 1
                while end < count && entries[end] >> 32 == k { end += 1 }
                let m = end - start
                if m > 1 {
                    func consider(_ x: Int, _ y: Int) {
                        let i = min(x, y), j = max(x, y)
                        for e in 0..<b where key(i, e) == key(j, e) { return }
                        visit(i, j)
                    }
                    if m <= cap {
                        for p in start..<end {
                            let x = Int(entries[p] & 0xFFFF_FFFF)
                            for q in (p + 1)..<end { consider(x, Int(entries[q] & 0xFFFF_FFFF)) }
                        }
                    } else {
                        let next = (b + 1) % bands
                        let members = entries[start..<end].map { Int($0 & 0xFFFF_FFFF) }
                            .sorted { (key($0, next), $0) < (key($1, next), $1) }
                        for p in 0..<members.count {
                            for q in (p + 1)..<min(members.count, p + 1 + window) { consider(members[p], members[q]) }
                        }
                    }
                }
                start = end
            }
        }
    }
}
