import Foundation

/// Normalizes a byte stream (a file or standard input) of any size in bounded memory.
///
/// UTF-8 input (the common case) is read and converted in chunks cut at line ends; the
/// plan (script, idiom, OpenCC configuration) is decided on the first chunk — a whole
/// document unless it is larger than `chunkSize` (1 MiB) — and reused for the rest. Other input
/// (gzip, UTF-16, GB18030, Big5) is decoded whole through `Gzip` and `TextDecoder`, then
/// converted chunk by chunk from the decoded string's storage.
public struct StreamNormalizer {
    public let normalizer: Normalizer
    public var chunkSize: Int
    /// Cap on the inflated size of gzip input.
    public var gzipCap: Int

    public init(normalizer: Normalizer, chunkSize: Int = 1 << 20, gzipCap: Int = 1 << 30) {
        self.normalizer = normalizer
        self.chunkSize = chunkSize
        self.gzipCap = gzipCap
    }

    /// Reads with `read` (returns 0 at the end) and writes normalized UTF-8 with `write`.
    /// Returns the plan, or nil for empty input.
    @discardableResult
    public func run(read: (UnsafeMutableRawBufferPointer) throws -> Int,
                    write: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> NormalizationPlan? {
        var buffer: [UInt8] = []
        var eof = try fill(&buffer, upTo: chunkSize, read: read)
        if buffer.isEmpty { return nil }
        let utf8Body: Int? = Self.streamableUTF8Offset(buffer, complete: eof)
        guard let skip = utf8Body else {
            // Not plain UTF-8: decode the whole input, then convert it in chunks.
            while !eof { eof = try fill(&buffer, upTo: buffer.count + chunkSize, read: read) }
            if Gzip.isGzip(buffer) { buffer = try Gzip.inflate(buffer, cap: gzipCap) }
            var text = try TextDecoder.decode(buffer).text
            buffer = []
            return try text.withUTF8 { try convertWhole($0, write: write) }
        }
        if skip > 0 { buffer.removeFirst(skip) }
        var plan: NormalizationPlan? = nil
        var out: [UInt8] = []
        while true {
            let cut = eof ? buffer.count : Self.cutPoint(buffer)
            if cut > 0 {
                out.removeAll(keepingCapacity: true)
                try buffer.withUnsafeBufferPointer { all in
                    let piece = UnsafeBufferPointer(rebasing: all[0..<cut])
                    if let p = plan {
                        try normalizer.convert(piece, plan: p, appendingTo: &out)
                    } else {
                        let (p, first) = try normalizer.analyze(piece)
                        plan = p
                        out = first
                    }
                }
                try out.withUnsafeBufferPointer { try write($0) }
                buffer.removeFirst(cut)
            }
            if eof { break }
            eof = try fill(&buffer, upTo: max(chunkSize, buffer.count + chunkSize / 4), read: read)
        }
        return plan
    }

    private func convertWhole(_ all: UnsafeBufferPointer<UInt8>, write: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> NormalizationPlan? {
        var start = 0
        var plan: NormalizationPlan? = nil
        var out: [UInt8] = []
        while start < all.count {
            let rest = UnsafeBufferPointer(rebasing: all[start...])
            let cut = rest.count <= chunkSize ? rest.count : Self.cutPoint(UnsafeBufferPointer(rebasing: rest[..<chunkSize]))
            let piece = UnsafeBufferPointer(rebasing: rest[..<(cut > 0 ? cut : rest.count)])
            out.removeAll(keepingCapacity: true)
            if let p = plan { try normalizer.convert(piece, plan: p, appendingTo: &out) } else {
                let (p, first) = try normalizer.analyze(piece)
                plan = p; out = first
            }
            try out.withUnsafeBufferPointer { try write($0) }
            start += piece.count
        }
        return plan
    }

    /// Read until `buffer` holds `limit` bytes or the input ends; true at the end.
    private func fill(_ buffer: inout [UInt8], upTo limit: Int, read: (UnsafeMutableRawBufferPointer) throws -> Int) throws -> Bool {
        var block = [UInt8](repeating: 0, count: 1 << 20)
        while buffer.count < limit {
            let want = min(block.count, limit - buffer.count)
            let n = try block.withUnsafeMutableBytes { try read(UnsafeMutableRawBufferPointer(rebasing: $0[0..<want])) }
            if n <= 0 { return true }
            buffer.append(contentsOf: block[0..<n])
        }
        return false
    }

    /// Where the UTF-8 body starts (after a UTF-8 BOM) when the first chunk is plain UTF-8
    /// text that can be streamed; nil when it must be decoded whole.
    static func streamableUTF8Offset(_ b: [UInt8], complete: Bool) -> Int? {
        if Gzip.isGzip(b) || b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) { return nil }
        let skip = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var end = b.count
        if !complete { end = skip + cutPoint(Array(b[skip...])) }   // drop a partial line (and scalar)
        if end <= skip { return complete ? skip : nil }
        let body = b[skip..<end]
        if body.contains(0) { return nil }   // UTF-16 without a BOM, or binary
        return String(validatingUTF8Bytes: Array(body)) != nil ? skip : nil
    }

    /// The length of the longest prefix that ends a line (or, with no newline, a scalar).
    static func cutPoint(_ b: [UInt8]) -> Int { b.withUnsafeBufferPointer { cutPoint($0) } }

    static func cutPoint(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var i = b.count
        while i > 0 { if b[i - 1] == 0x0A { return i }; i -= 1 }
        i = b.count
        while i > 0 && (b[i - 1] & 0xC0) == 0x80 { i -= 1 }   // back over continuation bytes
        return i > 0 ? i - 1 : 0                              // and before the lead byte
    }
}
