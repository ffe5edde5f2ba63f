import CGazetteZlib
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The cache's entries, appended to pack files (`<cache>/packs/pack-<n>.pack`) instead of
/// one file per entry: creating and renaming 16,000 small files cost a 10,000-file run
/// some 7 CPU-seconds in the file system alone.
///
/// Each run appends to a pack of its own, so a killed run can only leave a torn record at
/// the end of its own pack. A record is a 20-byte header (magic, kind, key length, body
/// length, the body's CRC-32 and the header's), the key and the body. Opening the cache
/// reads the headers of every pack, later records of a key replacing earlier ones; a header
/// that does not check, or a record cut short, ends its pack's scan. A body is checked
/// against its CRC-32 whenever it is read; a damaged one is missing, to be recomputed.
///
/// `compact()` (after a successful run) drops packs holding nothing the run used, and
/// copies the used records of packs that are mostly stale (or of the smallest packs, beyond
/// `maxPacks`) into the run's pack before deleting them.
final class CachePacks: @unchecked Sendable {
    /// What a record holds.
    enum Kind: UInt8 { case document = 1, summary = 2, structured = 3 }

    struct Name: Hashable { let key: String; let kind: Kind }
    /// Where a record's body is.
    struct Location { let pack: Int; let body: Int64; let length: Int; let crc: UInt32 }

    final class Pack {
        let path: String
        let sequence: Int
        let fd: Int32
        var size: Int64
        init(path: String, sequence: Int, fd: Int32, size: Int64) { self.path = path; self.sequence = sequence; self.fd = fd; self.size = size }
    }

    static let magic: UInt32 = 0x3143_5A47   // "GZC1"
    static let headerSize = 20
    /// More packs than this after a run: the smallest are merged into the run's pack.
    static let maxPacks = 8

    let folder: String
    private let lock = NSLock()
    private var loaded = false
    private var packs: [Pack?] = []
    private var index: [Name: Location] = [:]
    /// Records read or written by this process: what `compact` keeps.
    private var used = Set<Name>()
    private var writer: Int?
    /// This process's pack could not be created: the cache takes no records.
    private var writerFailed = false

    init(folder: String) { self.folder = folder }

    deinit { for case let p? in packs { close(p.fd) } }

    // MARK: reading

    /// The body of the latest record `name`, or nil when there is none or it is damaged.
    func read(_ name: Name) -> [UInt8]? {
        lock.lock()
        loadIfNeeded()
        guard let loc = index[name], let pack = packs[loc.pack] else { lock.unlock(); return nil }
        lock.unlock()
        var body = [UInt8](repeating: 0, count: loc.length)
        let ok = body.withUnsafeMutableBytes { Self.readFully(pack.fd, $0, at: loc.body) }
        guard ok, Self.crc(body) == loc.crc else { return nil }
        lock.lock(); used.insert(name); lock.unlock()
        return body
    }

    /// Appends a record; false when it could not be written (the cache is then unusable for it).
    @discardableResult
    func write(_ name: Name, body: [UInt8]) -> Bool {
        guard let record = Record(name, body: body) else { return false }   // built before taking the lock
        lock.lock(); defer { lock.unlock() }
        loadIfNeeded()
        return append(name, record)
    }

    /// Marks record `name` as used by this run without reading it, so `compact` keeps it;
    /// false when there is no such record.
    @discardableResult
    func keep(_ name: Name) -> Bool {
        lock.lock(); defer { lock.unlock() }
        loadIfNeeded()
        guard index[name] != nil else { return false }
        used.insert(name)
        return true
    }

    /// Pack file, offset and length of the latest record `name` (for tests that damage entries).
    func location(_ name: Name) -> (path: String, offset: Int, length: Int)? {
        lock.lock(); defer { lock.unlock() }
        loadIfNeeded()
        guard let loc = index[name], let pack = packs[loc.pack] else { return nil }
        return (pack.path, Int(loc.body), loc.length)
    }

    /// Keys of the records of `kind`, sorted.
    func keys(_ kind: Kind) -> [String] {
        lock.lock(); defer { lock.unlock() }
        loadIfNeeded()
        return index.keys.filter { $0.kind == kind }.map(\.key).sorted()
    }

    /// The pack files, oldest first.
    func packPaths() -> [String] {
        lock.lock(); defer { lock.unlock() }
        loadIfNeeded()
        return packs.compactMap { $0?.path }
    }

    // MARK: compaction

    /// Drops what this process did not use: see the type's comment.
    func compact() {
        lock.lock(); defer { lock.unlock() }
        loadIfNeeded()
        var live = [Int64](repeating: 0, count: packs.count)
        var byPack = [[Name]](repeating: [], count: packs.count)
        for (name, loc) in index where used.contains(name) {
            live[loc.pack] += Int64(Self.headerSize + name.key.utf8.count + loc.length)
            byPack[loc.pack].append(name)
        }
        let others = packs.indices.filter { packs[$0] != nil && $0 != writer }
        // Beyond `maxPacks` packs in all, the smallest others are merged into the run's pack
        // (made for them if this run wrote none).
        let excess = writer == nil && others.count <= Self.maxPacks ? 0 : max(0, others.count + 1 - Self.maxPacks)
        let smallest = Set(others.sorted { packs[$0]!.size < packs[$1]!.size }.prefix(excess))
        for p in others {
            let pack = packs[p]!
            let stale = live[p] * 2 < pack.size
            guard live[p] == 0 || stale || smallest.contains(p) else { continue }
            // Copy the used records first (sorted by key: the pack's order does not matter),
            // and delete the pack only when every one of them is safely in the run's pack.
            var copied = true
            for name in byPack[p].sorted(by: { ($0.key, $0.kind.rawValue) < ($1.key, $1.kind.rawValue) }) {
                let loc = index[name]!
                var body = [UInt8](repeating: 0, count: loc.length)
                let ok = body.withUnsafeMutableBytes { Self.readFully(pack.fd, $0, at: loc.body) }
                if !ok || Self.crc(body) != loc.crc { index[name] = nil; continue }   // damaged: recomputed next time
                guard let record = Record(name, body: body), append(name, record) else { copied = false; break }
            }
            guard copied else { continue }
            unlink(pack.path)
            close(pack.fd)
            packs[p] = nil
            for (name, loc) in index where loc.pack == p { index[name] = nil }
        }
    }

    // MARK: internals (called with the lock held)

    private func loadIfNeeded() {
        guard !loaded else { return }
        loaded = true
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        let found = names.compactMap { n -> (Int, String)? in
            guard n.hasPrefix("pack-"), n.hasSuffix(".pack"), let s = Int(n.dropFirst(5).dropLast(5)) else { return nil }
            return (s, n)
        }.sorted { $0 < $1 }
        for (seq, n) in found {
            let path = folder + "/" + n
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            var st = stat()
            guard fstat(fd, &st) == 0 else { close(fd); continue }
            packs.append(Pack(path: path, sequence: seq, fd: fd, size: Int64(st.st_size)))
            scan(packs.count - 1)
        }
    }

    /// Indexes the records of pack `p` up to the first that does not check.
    private func scan(_ p: Int) {
        let pack = packs[p]!
        var at: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: Self.headerSize + 255)
        while at + Int64(Self.headerSize) <= pack.size {
            let want = Int(min(Int64(buffer.count), pack.size - at))
            let got = buffer.withUnsafeMutableBytes { pread(pack.fd, $0.baseAddress, want, off_t(at)) }
            guard got >= Self.headerSize, let h = Header(buffer, count: got) else { break }
            let end = at + Int64(Self.headerSize + h.keyLength + h.bodyLength)
            guard end <= pack.size else { break }   // cut short: a killed writer
            if let kind = Kind(rawValue: h.kind) {   // a kind of a later version: skipped
                index[Name(key: h.key, kind: kind)] = Location(pack: p, body: at + Int64(Self.headerSize + h.keyLength),
                                                              length: h.bodyLength, crc: h.bodyCRC)
            }
            at = end
        }
    }

    /// A record's bytes (header, key, body), ready to append.
    struct Record {
        let bytes: [UInt8]
        let keyLength: Int
        let bodyLength: Int
        let crc: UInt32

        init?(_ name: Name, body: [UInt8]) {
            let key = Array(name.key.utf8)
            guard key.count <= 255, body.count <= Int(UInt32.max) else { return nil }
            crc = CachePacks.crc(body)
            var bytes = Header.encode(kind: name.kind.rawValue, key: key, bodyLength: body.count, bodyCRC: crc)
            bytes.reserveCapacity(bytes.count + body.count)
            bytes.append(contentsOf: body)
            self.bytes = bytes; keyLength = key.count; bodyLength = body.count
        }
    }

    /// Appends to this process's pack, creating it on first use.
    private func append(_ name: Name, _ record: Record) -> Bool {
        guard let w = writerPack() else { return false }
        let pack = packs[w]!
        let start = pack.size
        let ok = record.bytes.withUnsafeBytes { raw -> Bool in
            var done = 0
            while done < raw.count {
                let n = pwrite(pack.fd, raw.baseAddress! + done, raw.count - done, off_t(start) + off_t(done))
                if n < 0 { if errno == EINTR { continue }; return false }
                done += n
            }
            return true
        }
        guard ok else {
            // Whatever part was written is ignored by the next scan only if it is cut short
            // there: make it so, and stop writing (a full disk would fail the next pack too).
            _ = ftruncate(pack.fd, off_t(start))
            writer = nil; writerFailed = true
            return false
        }
        pack.size = start + Int64(record.bytes.count)
        index[name] = Location(pack: w, body: start + Int64(Self.headerSize + record.keyLength), length: record.bodyLength, crc: record.crc)
        used.insert(name)
        return true
    }

    private func writerPack() -> Int? {
        if let w = writer { return w }
        guard !writerFailed else { return nil }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            // The parent may be missing: make the whole path, once.
            if (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) == nil { writerFailed = true; return nil }
        }
        var seq = (packs.compactMap { $0?.sequence }.max() ?? 0) + 1
        for _ in 0..<100 {
            let path = folder + "/" + "pack-" + String(format: "%08d", seq) + ".pack"
            let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 {
                packs.append(Pack(path: path, sequence: seq, fd: fd, size: 0))
                writer = packs.count - 1
                return writer
            }
            if errno != EEXIST { break }
            seq += 1
        }
        writerFailed = true
        return nil
    }

    static func crc(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: crc32_z(0, $0.baseAddress, $0.count)) }
    }

    static func readFully(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int64) -> Bool {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 { if errno == EINTR { continue }; return false }
            if n == 0 { return false }
            done += n
        }
        return true
    }

    /// A record header: magic, kind, key length, 0, body length, body CRC-32, then the
    /// CRC-32 of those 16 bytes and the key (all little-endian).
    struct Header {
        let kind: UInt8
        let keyLength: Int
        let bodyLength: Int
        let bodyCRC: UInt32
        let key: String

        /// The header at the start of `bytes` (which holds `count` bytes), if it checks.
        init?(_ bytes: [UInt8], count: Int) {
            func u32(_ at: Int) -> UInt32 {
                UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
            }
            guard count >= CachePacks.headerSize, u32(0) == CachePacks.magic else { return nil }
            kind = bytes[4]; keyLength = Int(bytes[5])
            bodyLength = Int(u32(8)); bodyCRC = u32(12)
            guard count >= CachePacks.headerSize + keyLength else { return nil }
            let checked = Array(bytes[0..<16]) + bytes[20..<(20 + keyLength)]
            guard CachePacks.crc(checked) == u32(16) else { return nil }
            key = String(decoding: bytes[20..<(20 + keyLength)], as: UTF8.self)
        }

        static func encode(kind: UInt8, key: [UInt8], bodyLength: Int, bodyCRC: UInt32) -> [UInt8] {
            var out: [UInt8] = []
            func put(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt32(s))) } }
            put(CachePacks.magic)
            out.append(kind); out.append(UInt8(key.count)); out.append(0); out.append(0)
            put(UInt32(bodyLength)); put(bodyCRC)
            let sum = CachePacks.crc(out + key)
            put(sum)
            out.append(contentsOf: key)
            return out
        }
    }
}
