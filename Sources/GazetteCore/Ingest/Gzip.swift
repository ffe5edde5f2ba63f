import CGazetteZlib

/// gzip inflation through zlib, with a cap on the inflated size so that a
/// compression bomb is rejected instead of filling memory.
public enum Gzip {
    public static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// Inflate `bytes` (gzip or zlib framing). Throws `gzip-too-large` past `cap` bytes.
    public static func inflate(_ bytes: [UInt8], cap: Int) throws -> [UInt8] {
        switch bytes.withUnsafeBufferPointer({ inflateCapped($0, windowBits: 15 + 32, cap: cap) }) {
        case .done(let out): return out
        case .cannotStart(let status): throw RejectReason("gzip-invalid", "zlib could not start (\(status))")
        case .corrupt(let status): throw RejectReason("gzip-invalid", "corrupt gzip data (zlib status \(status))")
        case .tooLarge: throw RejectReason("gzip-too-large", "inflates past the cap of \(cap) bytes (compression bomb?)")
        case .truncated: throw RejectReason("gzip-truncated", "gzip stream ends early")
        }
    }

    /// How a capped inflate ended.
    enum Inflated { case done([UInt8]), cannotStart(Int32), corrupt(Int32), tooLarge, truncated }

    /// The one inflate loop (gzip here, raw deflate in ZIP entries): at most `cap` bytes out,
    /// a stream that ends before its last block reported rather than waited on.
    static func inflateCapped(_ input: UnsafeBufferPointer<UInt8>, windowBits: Int32, cap: Int) -> Inflated {
        var stream = z_stream()
        let start = inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard start == Z_OK else { return .cannotStart(start) }
        defer { inflateEnd(&stream) }
        var out = [UInt8]()
        out.reserveCapacity(min(cap, 1 << 24))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        while true {
            var status: Int32 = Z_OK
            let produced: Int = chunk.withUnsafeMutableBufferPointer { cb in
                stream.next_out = cb.baseAddress
                stream.avail_out = uInt(cb.count)
                status = CGazetteZlib.inflate(&stream, Z_NO_FLUSH)
                return cb.count - Int(stream.avail_out)
            }
            if status == Z_NEED_DICT || status == Z_DATA_ERROR || status == Z_MEM_ERROR || status == Z_STREAM_ERROR { return .corrupt(status) }
            if out.count + produced > cap { return .tooLarge }
            out.append(contentsOf: chunk[0..<produced])
            if status == Z_STREAM_END {
                // A gzip file may hold several members one after another (RFC 1952 §2.2;
                // corpus.jsonl.gz has one per document): each is inflated in turn.
                let rest = Int(stream.avail_in)
                guard windowBits >= 16, rest >= 2, let next = stream.next_in, next[0] == 0x1F, next[1] == 0x8B else { return .done(out) }
                guard inflateReset(&stream) == Z_OK else { return .corrupt(Z_STREAM_ERROR) }
                continue
            }
            // No input left and room for output unused, or no progress: the stream ends early.
            if (produced == 0 && (status == Z_BUF_ERROR || stream.avail_in == 0))
                || (status == Z_OK && stream.avail_in == 0 && produced < chunk.count) { return .truncated }
        }
    }

    /// Compress with gzip framing (for corpus.jsonl.gz and the test generators).
    public static func deflate(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        _ = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var out = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            var status: Int32 = Z_OK
            repeat {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { cb in
                    stream.next_out = cb.baseAddress
                    stream.avail_out = uInt(cb.count)
                    status = CGazetteZlib.deflate(&stream, Z_FINISH)
                    return cb.count - Int(stream.avail_out)
                }
                out.append(contentsOf: chunk[0..<produced])
            } while status != Z_STREAM_END && status >= 0
        }
        return out
    }
}
