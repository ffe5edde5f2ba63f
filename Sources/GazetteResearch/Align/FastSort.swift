/// In-place ascending sort of the small arrays of integers the aligner sorts by the
/// thousand (bigram lists): insertion sort for short runs, quicksort
/// with a median-of-three pivot above. The standard library's sort is stable and allocates
/// a merge buffer per call, which these arrays of plain integers never need — equal
/// values are indistinguishable, so any correct sort gives the same array.
enum FastSort {
    static func sort(_ a: inout [UInt64]) {
        guard a.count > 1 else { return }
        a.withUnsafeMutableBufferPointer { p in sort(p.baseAddress!, 0, p.count - 1, depth: 2 * (Int.bitWidth - p.count.leadingZeroBitCount)) }
    }

    private static func sort(_ p: UnsafeMutablePointer<UInt64>, _ lo: Int, _ hi: Int, depth: Int) {
        var lo = lo, hi = hi, depth = depth
        while hi - lo > 24 {
            if depth == 0 {   // degenerate partitions: fall back to the standard sort for this range
                var range = UnsafeMutableBufferPointer(start: p + lo, count: hi - lo + 1)
                range.sort()
                return
            }
            depth -= 1
            let mid = lo + (hi - lo) / 2
            if p[mid] < p[lo] { p.swapAt(mid, lo) }
            if p[hi] < p[lo] { p.swapAt(hi, lo) }
            if p[hi] < p[mid] { p.swapAt(hi, mid) }
            let pivot = p[mid]
            var i = lo, j = hi
            while i <= j {
                while p[i] < pivot { i += 1 }
                while pivot < p[j] { j -= 1 }
                if i <= j { p.swapAt(i, j); i += 1; j -= 1 }
            }
            // Recurse into the smaller side, loop on the larger.
            if j - lo < hi - i { sort(p, lo, j, depth: depth); lo = i } else { sort(p, i, hi, depth: depth); hi = j }
        }
        if hi > lo {
            for k in (lo + 1)...hi {
                let v = p[k]
                var m = k - 1
                while m >= lo && v < p[m] { p[m + 1] = p[m]; m -= 1 }
                p[m + 1] = v
            }
        }
    }
}

private extension UnsafeMutablePointer where Pointee == UInt64 {
    @inline(__always) func swapAt(_ i: Int, _ j: Int) { let t = self[i]; self[i] = self[j]; self[j] = t }
}
