import CGazetteZlib

/// The ZIP container of an office file (OOXML, OFD), read from memory: the central
/// directory, then one entry at a time inflated with zlib under a byte budget.
///
/// Written here rather than taken from ZIPFoundation: on Linux, ZIPFoundation 0.9.20's
/// inflate loop spins forever on a deflate stream that ends before its final block (its
/// `Data.decode` asks for more input at end of file and never sees `Z_STREAM_END`; upstream
/// weichsel/ZIPFoundation#389) and hands zlib a full buffer's `avail_in` for a short last
/// chunk — both reachable with a hostile file. Office files need only what is here: stored
/// and deflated entries, ZIP64 sizes, names looked up case-insensitively (OPC part names are).
/// Nothing is ever written to disk, so entry names (`../../x`, absolute paths) are only keys.
struct OfficeZip {
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeader: Int
    }

    enum Failure: Error, Equatable {
        /// Not a ZIP archive, or its directory or an entry is damaged.
        case damaged(String)
        /// An entry is encrypted (ZIP encryption).
        case encrypted(String)
        /// Over the byte budget (declared or while inflating): a compression bomb or just too big.
        case tooLarge(String)
    }

    let bytes: [UInt8]
    /// Entries by lowercased name; the first of duplicate names wins.
    private(set) var entries: [String: Entry] = [:]
    private(set) var entryCount = 0

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        let eocd = try Self.endOfCentralDirectory(bytes)
        var count = Int(u16(eocd + 10)), size = Int(u32(eocd + 12)), offset = Int(u32(eocd + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the record and points at the ZIP64 record.
            let loc = eocd - 20
            guard loc >= 0, u32(loc) == 0x0706_4B50, let z = Int(exactly: u64(loc + 8)), z >= 0, z + 56 <= bytes.count,
                  u32(z) == 0x0606_4B50 else { throw .damaged("ZIP64 end record missing") }
            count = Int(clamping: u64(z + 32)); size = Int(clamping: u64(z + 40)); offset = Int(clamping: u64(z + 48))
        }
        guard offset >= 0, size >= 0, offset <= bytes.count, size <= bytes.count - offset else {
            throw .damaged("central directory outside the file")
        }
        var p = offset
        let end = offset + size
        var n = 0
        while n < count {
            guard p + 46 <= end, u32(p) == 0x0201_4B50 else { throw .damaged("central directory entry \(n) damaged") }
            let nameLength = Int(u16(p + 28)), extraLength = Int(u16(p + 30)), commentLength = Int(u16(p + 32))
            guard p + 46 + nameLength + extraLength + commentLength <= end else { throw .damaged("central directory entry \(n) overruns") }
            var e = Entry(name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                          method: u16(p + 10), flags: u16(p + 8), crc: u32(p + 16),
                          compressedSize: Int(u32(p + 20)), uncompressedSize: Int(u32(p + 24)), localHeader: Int(u32(p + 42)))
            if e.uncompressedSize == 0xFFFF_FFFF || e.compressedSize == 0xFFFF_FFFF || e.localHeader == 0xFFFF_FFFF {
                Self.readZIP64Extra(bytes, from: p + 46 + nameLength, length: extraLength, into: &e)
            }
            let key = Self.key(e.name)
            if entries[key] == nil { entries[key] = e }
            p += 46 + nameLength + extraLength + commentLength
            n += 1
        }
        entryCount = n
    }

    /// The lookup key of a part name: no leading slash, forward slashes, ASCII lowercase.
    static func key(_ name: String) -> String {
        var s = Substring(name)
        while s.first == "/" || s.first == "\\" { s = s.dropFirst() }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { u in
            u == "\\" ? "/" : (u.value >= 0x41 && u.value <= 0x5A ? Unicode.Scalar(u.value + 0x20)! : u)
        }))
    }

    func entry(_ name: String) -> Entry? { entries[Self.key(name)] }

    /// The inflated bytes of `name`, nil when there is no such entry. `budget` is what may
    /// still be inflated across the file; it shrinks by what this entry takes.
    func read(_ name: String, budget: inout Int) throws(Failure) -> [UInt8]? {
        guard let e = entry(name) else { return nil }
        if e.flags & 1 != 0 { throw .encrypted("\(e.name) is encrypted") }
        if e.uncompressedSize > budget {
            throw .tooLarge("\(e.name) declares \(e.uncompressedSize) bytes, over the \(budget) left of the limit")
        }
        // Deflate cannot expand more than about 1032:1; a larger declared ratio is a lie.
        if e.method == 8, e.uncompressedSize > 1 << 20, e.uncompressedSize / max(e.compressedSize, 1) > 1100 {
            throw .tooLarge("\(e.name) declares a compression ratio of \(e.uncompressedSize / max(e.compressedSize, 1)):1 (zip bomb)")
        }
        let h = e.localHeader
        guard h >= 0, h <= bytes.count - 30, u32(h) == 0x0403_4B50 else { throw .damaged("\(e.name): local header missing") }
        let start = h + 30 + Int(u16(h + 26)) + Int(u16(h + 28))
        guard start <= bytes.count, e.compressedSize <= bytes.count - start else { throw .damaged("\(e.name): data runs past the end of the file") }
        let data = bytes[start..<(start + e.compressedSize)]
        let out: [UInt8]
        switch e.method {
        case 0:
            out = Array(data)
        case 8:
            // The declared size plus a little, never more than the budget: a lying header cannot inflate past it.
            out = try Self.inflate(data, cap: min(budget, e.uncompressedSize), name: e.name)
        default:
            throw .damaged("\(e.name): compression method \(e.method) is not read")
        }
        guard out.count == e.uncompressedSize else {
            throw .damaged("\(e.name): \(out.count) bytes where the directory says \(e.uncompressedSize)")
        }
        let crc = out.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: crc32_z(0, $0.baseAddress, $0.count)) }
        guard crc == e.crc else { throw .damaged("\(e.name): checksum mismatch") }
        budget -= out.count
        return out
    }

    /// Raw deflate through zlib (`Gzip.inflateCapped`); at most `cap` bytes out.
    static func inflate(_ data: ArraySlice<UInt8>, cap: Int, name: String) throws(Failure) -> [UInt8] {
        switch data.withUnsafeBufferPointer({ Gzip.inflateCapped($0, windowBits: -15, cap: cap) }) {
        case .done(let out): return out
        case .cannotStart: throw .damaged("zlib could not start")
        case .corrupt: throw .damaged("\(name): corrupt deflate data")
        case .tooLarge: throw .tooLarge("\(name) inflates past \(cap) bytes (zip bomb or a lying size)")
        case .truncated: throw .damaged("\(name): deflate data ends early")
        }
    }

    static func endOfCentralDirectory(_ b: [UInt8]) throws(Failure) -> Int {
        guard b.count >= 22 else { throw .damaged("too short for a ZIP archive") }
        var p = b.count - 22
        let lowest = max(0, b.count - 22 - 65_535)
        while p >= lowest {
            if b[p] == 0x50 && b[p + 1] == 0x4B && b[p + 2] == 0x05 && b[p + 3] == 0x06 { return p }
            p -= 1
        }
        throw .damaged("no end of central directory (not a complete ZIP archive)")
    }

    static func readZIP64Extra(_ b: [UInt8], from start: Int, length: Int, into e: inout Entry) {
        var p = start
        while p + 4 <= start + length {
            let id = Int(b[p]) | Int(b[p + 1]) << 8, size = Int(b[p + 2]) | Int(b[p + 3]) << 8
            guard p + 4 + size <= start + length else { return }
            if id == 1 {
                var q = p + 4
                func next() -> Int? {
                    guard q + 8 <= p + 4 + size else { return nil }
                    defer { q += 8 }
                    return Int(clamping: (0..<8).reduce(UInt64(0)) { $0 | UInt64(b[q + $1]) << (8 * UInt64($1)) })
                }
                if e.uncompressedSize == 0xFFFF_FFFF, let v = next() { e.uncompressedSize = v }
                if e.compressedSize == 0xFFFF_FFFF, let v = next() { e.compressedSize = v }
                if e.localHeader == 0xFFFF_FFFF, let v = next() { e.localHeader = v }
                return
            }
            p += 4 + size
        }
    }

    private func u16(_ p: Int) -> UInt16 { UInt16(bytes[p]) | UInt16(bytes[p + 1]) << 8 }
    private func u32(_ p: Int) -> UInt32 { (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[p + $1]) << (8 * UInt32($1)) } }
    private func u64(_ p: Int) -> UInt64 { (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[p + $1]) << (8 * UInt64($1)) } }
}
